//! The inbox: a voicemail from the school's exchange kept as it arrives (the same call id
//! twice is one voicemail) and the online box's letters, listened to or read by those who read
//! appeals (a reading of letters is in the audit), and registered with a short summary —
//! received at the moment it arrived — or recorded as not an appeal.

use senim_domain::audit::AuditAction;
use senim_domain::inbox::{Dismissal, DismissalError, Voicemail, VoicemailError, wav_millis};
use senim_domain::triage::Screening;
use senim_domain::{Appeal, AppealContent};
use senim_store::{InboxContent, InboxItem, InboxRefusal, StoreError, User};

use crate::{App, Refused};

impl From<InboxRefusal> for Refused<DismissalError> {
    fn from(refusal: InboxRefusal) -> Refused<DismissalError> {
        match refusal {
            InboxRefusal::NotFound => Refused::Store(StoreError::NotFound),
            InboxRefusal::Handled => Refused::Rule(DismissalError::Handled),
            InboxRefusal::Store(error) => Refused::Store(error),
        }
    }
}

impl App {
    /// How many items wait in the inbox, and how many of them are past the day they had to be
    /// registered by.
    pub async fn inbox_waiting(
        &self,
        organisation_id: senim_domain::OrganisationId,
        today: chrono::NaiveDate,
    ) -> Result<(usize, usize), StoreError> {
        let arrivals = self.store.inbox_arrivals(organisation_id).await?;
        let late = arrivals
            .iter()
            .filter(|arrived_at| senim_domain::inbox::register_by(&self.calendar, **arrived_at) < today)
            .count();
        Ok((arrivals.len(), late))
    }

    /// When a waiting item arrived and the channel it came by: the receipt and channel of the
    /// appeal it may become.
    pub async fn waiting_receipt(
        &self,
        organisation_id: senim_domain::OrganisationId,
        id: i64,
    ) -> Result<(chrono::DateTime<chrono::Utc>, senim_domain::Channel), StoreError> {
        let (arrived_at, kind) = self
            .store
            .waiting_receipt(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((arrived_at, kind.channel()))
    }

    /// The items waiting for the school, opened for one who reads appeals: the urgent first.
    /// Letters shown are a reading, kept in the audit (never their text).
    pub async fn inbox(&self, by: &User) -> Result<Vec<InboxItem>, StoreError> {
        let items = self.store.inbox(by.organisation_id).await?;
        if items
            .iter()
            .any(|item| matches!(item.content, InboxContent::Letter(_)))
        {
            self.audit(
                self.event(by, AuditAction::InboxLettersRead)
                    .with_detail("online_box"),
            )
            .await?;
        }
        Ok(items)
    }

    /// Keeps a voicemail the exchange posted: `(id, true)` when new, `(id, false)` when the
    /// same call id was kept before (nothing is stored twice).
    pub async fn receive_voicemail(
        &self,
        by: &User,
        voicemail: &Voicemail,
        audio: &[u8],
    ) -> Result<(i64, bool), Refused<VoicemailError>> {
        let millis = wav_millis(audio).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::VoicemailReceived)
            .with_detail(voicemail.reason.code());
        let (id, created) = self
            .store
            .add_voicemail(by.organisation_id, voicemail, audio, millis, &audit)
            .await?;
        if created {
            tracing::info!(item = id, bytes = audio.len(), "voicemail received");
        }
        Ok((id, created))
    }

    /// A voicemail's recording for one who reads appeals; the playing is in the audit.
    pub async fn voicemail_audio(&self, by: &User, id: i64) -> Result<Vec<u8>, StoreError> {
        let audit = self
            .event(by, AuditAction::VoicemailPlayed)
            .with_detail("voicemail");
        self.store.inbox_audio(by.organisation_id, id, &audit).await
    }

    /// Registers a waiting item as an appeal, screened like every appeal; a letter's own words,
    /// what the child added while it waited, and an alarm raised meanwhile stay in the appeal's
    /// screening.
    pub async fn register_inbox_item(
        &self,
        by: &User,
        id: i64,
        content: AppealContent,
    ) -> Result<Appeal, Refused<DismissalError>> {
        let now = self.now();
        let lexicon = self.lexicon();
        let mut screening = Screening::of_summary(&lexicon, content.summary());
        if let Some(item) = self.store.waiting_item(by.organisation_id, id).await? {
            if let InboxContent::Letter(letter) = &item.content {
                let mut texts = vec![letter.text.0.clone()];
                for message in self.store.messages_beside(by.organisation_id, id).await? {
                    texts.push(message.text.0);
                }
                for text in texts {
                    let words = Screening::of_message(&lexicon, &text);
                    screening.urgent |= words.urgent;
                    screening.hits.extend(words.hits);
                }
            }
            screening.urgent |= item.urgent;
        }
        let appeal = self
            .store
            .register_inbox_item(by.organisation_id, id, content, by.id, &screening, now)
            .await?;
        tracing::info!(
            item = id,
            appeal = appeal.id.0,
            user = by.id.0,
            "inbox item registered"
        );
        self.after_screening(&appeal, &screening);
        Ok(appeal)
    }

    /// Records a waiting item as not an appeal.
    pub async fn dismiss_inbox_item(
        &self,
        by: &User,
        id: i64,
        dismissal: &Dismissal,
    ) -> Result<(), Refused<DismissalError>> {
        let audit = self
            .event(by, AuditAction::InboxItemDismissed)
            .with_detail(dismissal.contact_type.code());
        self.store
            .dismiss_inbox_item(by.organisation_id, id, dismissal, &audit)
            .await?;
        tracing::info!(item = id, user = by.id.0, "inbox item recorded as not an appeal");
        Ok(())
    }
}
