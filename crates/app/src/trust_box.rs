//! The online Trust Box: a student's submission with its receipt code, and what she writes
//! later in the conversation the code opens.

use chrono::{DateTime, Utc};
use senim_domain::triage::Screening;
use senim_domain::trust_box::ReceiptCode;
use senim_domain::{Appeal, AppealContent, AppealId, OrganisationId};
use senim_store::StoreError;

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
    /// Registers what a student sent to the online box as an appeal of the school's system
    /// account, with a fresh receipt code: the appeal, its screening, the staff's alerts when
    /// urgent and the code's hash in one transaction.
    pub async fn submit_to_box(
        &self,
        school: OrganisationId,
        content: AppealContent,
        now: DateTime<Utc>,
    ) -> Result<(Appeal, ReceiptCode), StoreError> {
        let screening = Screening::of_summary(&self.lexicon(), content.summary());
        let mut attempts = 0;
        let (appeal, code) = loop {
            let code = fresh_code();
            match self
                .store
                .submit_online(school, content.clone(), &code, &screening, now)
                .await
            {
                Ok(appeal) => break (appeal, code),
                Err(StoreError::ReceiptTaken) if attempts < 3 => attempts += 1,
                Err(error) => return Err(error),
            }
        };
        tracing::info!(appeal = appeal.id.0, "online Trust Box submission registered");
        self.after_screening(&appeal, &screening);
        Ok((appeal, code))
    }

    /// Adds a student's message to the conversation her code opens. The message is screened:
    /// an urgent one opens the appeal's alarm again and alerts the staff, in the transaction
    /// that keeps the message. `None` when the code opens nothing.
    pub async fn write_to_conversation(
        &self,
        school: OrganisationId,
        code: &ReceiptCode,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<AppealId>, StoreError> {
        let screening = Screening::of_message(&self.lexicon(), text);
        let appeal_id = self
            .store
            .add_student_message(school, code, text, &screening, now)
            .await?;
        if let Some(appeal_id) = appeal_id {
            tracing::info!(appeal = appeal_id.0, "message in an online conversation");
            if screening.urgent {
                self.outbox.notify_one();
            }
        }
        Ok(appeal_id)
    }
}
