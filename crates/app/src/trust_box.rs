//! The online Trust Box: a student's submission with its receipt code, and what she writes
//! later in the conversation the code opens.

use chrono::{DateTime, Utc};
use senim_domain::OrganisationId;
use senim_domain::triage::Screening;
use senim_domain::trust_box::{ReceiptCode, Submission};
use senim_store::{StoreError, Written};

use crate::App;

/// A new random receipt code.
pub fn fresh_code() -> ReceiptCode {
    loop {
        let mut bytes = [0u8; 48];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        if let Some(code) = ReceiptCode::from_random(&bytes) {
            return code;
        }
    }
}

impl App {
    /// Keeps what a student sent to the online box in the inbox, with a fresh receipt code:
    /// the item, its screening's alarm, the staff's alerts when urgent and the code's hash in
    /// one transaction. It becomes an appeal when a specialist registers it with a summary.
    pub async fn submit_to_box(
        &self,
        school: OrganisationId,
        submission: &Submission,
        now: DateTime<Utc>,
    ) -> Result<(i64, ReceiptCode), StoreError> {
        let urgent = Screening::of_message(&self.lexicon(), submission.text.as_str()).urgent;
        let mut attempts = 0;
        let (item, code) = loop {
            let code = fresh_code();
            match self
                .store
                .submit_online(school, submission, &code, urgent, now)
                .await
            {
                Ok(item) => break (item, code),
                Err(StoreError::ReceiptTaken) if attempts < 3 => attempts += 1,
                Err(error) => return Err(error),
            }
        };
        tracing::info!(item, "online Trust Box message waits in the inbox");
        if urgent {
            tracing::warn!(item, "urgent message waits in the inbox");
            self.outbox.notify_one();
        }
        Ok((item, code))
    }

    /// Adds a student's message to the conversation her code opens: at the appeal, or beside
    /// her letter while it waits. The message is screened: an urgent one raises the alarm again
    /// and alerts the staff, in the transaction that keeps the message. `None` when the code
    /// opens nothing or the conversation is closed.
    pub async fn write_to_conversation(
        &self,
        school: OrganisationId,
        code: &ReceiptCode,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Written>, StoreError> {
        let screening = Screening::of_message(&self.lexicon(), text);
        let written = self
            .store
            .add_student_message(school, code, text, &screening, now)
            .await?;
        if let Some(written) = written {
            tracing::info!(?written, "message in an online conversation");
            if screening.urgent {
                self.outbox.notify_one();
            }
        }
        Ok(written)
    }
}
