//! Forwarding an appeal to an executing organisation and following it to its answer.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::audit::AuditAction;
use senim_domain::forwarding::ExecutingOrganisationId;
use senim_domain::forwarding::{
    ForwardingChannel, ForwardingError, ForwardingId, ForwardingRequest, LetterLanguage, changed_deadline,
    plan_forwarding, required_text,
};
use senim_domain::{AppealId, OrganisationId, UserId};
use senim_store::{DirectoryEntry, NewForwarding, StoreError, User};

use crate::{App, Refused};

/// What a forwarding carries besides its body and deadline.
#[derive(Clone, Copy, Debug, Default)]
pub struct LetterOptions {
    /// Put the applicant's name, address and phone in the letter (only when needed).
    pub include_applicant: bool,
    pub language: LetterLanguage,
}

impl App {
    /// Forwards an appeal of the school: the request is checked against the directory and the
    /// deadline rules first, then recorded with its history's first event in one transaction;
    /// an e-mail letter wakes the outbox.
    pub async fn forward(
        &self,
        organisation_id: OrganisationId,
        sent_by: UserId,
        appeal_id: AppealId,
        request: &ForwardingRequest<'_>,
        letter: LetterOptions,
        now: DateTime<Utc>,
    ) -> Result<ForwardingId, Refused<ForwardingError>> {
        let record = self.store.appeal(organisation_id, appeal_id).await?;
        let directory = self.store.directory(organisation_id).await?;
        let plan = plan_forwarding(
            &self.calendar,
            record.row.appeal.content.received_at(),
            &directory,
            request,
        )
        .map_err(Refused::Rule)?;
        let id = self
            .store
            .forward(
                organisation_id,
                NewForwarding {
                    appeal_id,
                    executing_organisation_id: plan.executing_organisation,
                    channel: plan.channel,
                    deadline: &plan.deadline,
                    include_applicant: letter.include_applicant,
                    letter_language: letter.language,
                },
                sent_by,
                now,
            )
            .await?;
        if plan.channel == ForwardingChannel::Email {
            self.outbox.notify_one();
        }
        tracing::info!(
            forwarding = id.0,
            appeal = appeal_id.0,
            user = sent_by.0,
            "appeal forwarded"
        );
        Ok(id)
    }

    /// Records the organisation's answer, which closes the forwarding and becomes the appeal's
    /// outcome (column f) in the same transaction. Answered today unless `answered_on` says.
    pub async fn record_answer(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        id: ForwardingId,
        answer: &str,
        answered_on: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<(), Refused<ForwardingError>> {
        let text = required_text(answer, ForwardingError::AnswerRequired).map_err(Refused::Rule)?;
        let answered_on = answered_on.unwrap_or_else(|| senim_domain::time::local_date(now));
        if !self
            .store
            .record_answer(organisation_id, id, &text, answered_on, by, now)
            .await?
        {
            return Err(Refused::Rule(ForwardingError::Closed));
        }
        tracing::info!(forwarding = id.0, user = by.0, "answer recorded");
        Ok(())
    }

    /// Withdraws a forwarding made in error, with the reason; it stays, marked withdrawn.
    pub async fn withdraw_forwarding(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        id: ForwardingId,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Refused<ForwardingError>> {
        let reason =
            required_text(reason, ForwardingError::WithdrawalReasonRequired).map_err(Refused::Rule)?;
        if !self
            .store
            .withdraw_forwarding(organisation_id, id, &reason, by, now)
            .await?
        {
            return Err(Refused::Rule(ForwardingError::Closed));
        }
        tracing::info!(forwarding = id.0, user = by.0, "forwarding withdrawn");
        Ok(())
    }

    /// Records who took a telephonogram or a fax at the organisation, and when.
    pub async fn record_received(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        id: ForwardingId,
        received_by: &str,
        received_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Refused<ForwardingError>> {
        let received_by =
            required_text(received_by, ForwardingError::ReceiverRequired).map_err(Refused::Rule)?;
        if !self
            .store
            .record_received(organisation_id, id, &received_by, received_at, by, now)
            .await?
        {
            return Err(Refused::Rule(ForwardingError::Closed));
        }
        tracing::info!(forwarding = id.0, user = by.0, "forwarding's receipt recorded");
        Ok(())
    }

    /// Changes an open forwarding's deadline, with its reason kept in the history; a date past
    /// the 15 working days is an extension (`changed_deadline`).
    pub async fn change_deadline(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        id: ForwardingId,
        due_on: Option<NaiveDate>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Refused<ForwardingError>> {
        let forwarding = self.store.forwarding(organisation_id, id).await?;
        let record = self.store.appeal(organisation_id, forwarding.appeal_id).await?;
        let deadline = changed_deadline(
            &self.calendar,
            record.row.appeal.content.received_at(),
            forwarding.rule,
            due_on,
            reason,
        )
        .map_err(Refused::Rule)?;
        if !self
            .store
            .change_deadline(organisation_id, id, &deadline, by, now)
            .await?
        {
            return Err(Refused::Rule(ForwardingError::Closed));
        }
        tracing::info!(forwarding = id.0, user = by.0, "forwarding's deadline changed");
        Ok(())
    }

    /// Sends a letter refused for good once more; false when it was not refused.
    pub async fn resend_letter(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let resent = self.store.resend(organisation_id, id, now).await?;
        if resent {
            self.outbox.notify_one();
            tracing::info!(forwarding = id.0, "forwarding letter queued again");
        }
        Ok(resent)
    }

    /// Adds an organisation to the school's directory.
    pub async fn add_to_directory(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        entry: &DirectoryEntry<'_>,
        now: DateTime<Utc>,
    ) -> Result<ExecutingOrganisationId, StoreError> {
        let id = self
            .store
            .add_executing_organisation(organisation_id, entry, now)
            .await?;
        tracing::info!(entry = id.0, user = by.0, "directory entry added");
        Ok(id)
    }

    /// Changes an organisation's contacts in the school's directory. A new e-mail address is
    /// kept in the entry's history and the audit; letters already queued keep the address
    /// they were written for.
    pub async fn update_directory_entry(
        &self,
        by: &User,
        id: ExecutingOrganisationId,
        entry: &DirectoryEntry<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail("directory_email");
        audit.at = now;
        self.store
            .update_executing_organisation(by.organisation_id, id, entry, by.id, now, &audit)
            .await?;
        tracing::info!(entry = id.0, user = by.id.0, "directory entry changed");
        Ok(())
    }
}
