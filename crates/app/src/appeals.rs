//! Registering an appeal or a correction, its outcome, its classification, its hand-over, the
//! clearing of its urgent flag, and an answer to the student who wrote it online.

use chrono::{DateTime, Utc};
use senim_domain::classification::Classification;
use senim_domain::handover::Handover;
use senim_domain::triage::Screening;
use senim_domain::{Appeal, AppealContent, AppealId, Correction, OrganisationId, Outcome, UserId};
use senim_store::StoreError;

use crate::App;

impl App {
    /// Registers an appeal as the next entry of the school's journal. Its summary is screened
    /// for urgent risk first; the entry, what the screen found and — when urgent — the staff's
    /// alerts are written in one transaction.
    pub async fn register_appeal(
        &self,
        organisation_id: OrganisationId,
        registered_by: UserId,
        content: AppealContent,
        now: DateTime<Utc>,
    ) -> Result<Appeal, StoreError> {
        self.register(organisation_id, registered_by, content, None, now)
            .await
    }

    /// Registers a correction: a new entry that refers to the one it corrects, screened
    /// like any other.
    pub async fn register_correction(
        &self,
        organisation_id: OrganisationId,
        registered_by: UserId,
        content: AppealContent,
        correction: Correction,
        now: DateTime<Utc>,
    ) -> Result<Appeal, StoreError> {
        self.register(organisation_id, registered_by, content, Some(correction), now)
            .await
    }

    async fn register(
        &self,
        organisation_id: OrganisationId,
        registered_by: UserId,
        content: AppealContent,
        correction: Option<Correction>,
        now: DateTime<Utc>,
    ) -> Result<Appeal, StoreError> {
        let screening = Screening::of_summary(&self.lexicon(), content.summary());
        let appeal = self
            .store
            .register_appeal(
                organisation_id,
                content,
                correction,
                registered_by,
                &screening,
                now,
            )
            .await?;
        match &appeal.correction {
            Some(correction) => tracing::info!(
                appeal = appeal.id.0,
                corrects = correction.corrects.0,
                user = registered_by.0,
                "correction registered"
            ),
            None => tracing::info!(appeal = appeal.id.0, user = registered_by.0, "appeal registered"),
        }
        self.after_screening(&appeal, &screening);
        Ok(appeal)
    }

    /// What follows a registered appeal's screening: an urgent one is logged (by id only) and
    /// the outbox woken for its alerts.
    pub(crate) fn after_screening(&self, appeal: &Appeal, screening: &Screening) {
        if screening.urgent {
            tracing::warn!(appeal = appeal.id.0, "urgent appeal registered");
            self.outbox.notify_one();
        }
    }

    /// Adds an outcome (column f) to an appeal of the school.
    pub async fn record_outcome(
        &self,
        organisation_id: OrganisationId,
        outcome: Outcome,
    ) -> Result<Outcome, StoreError> {
        let outcome = self.store.record_outcome(organisation_id, outcome).await?;
        tracing::info!(
            appeal = outcome.appeal_id.0,
            user = outcome.recorded_by.0,
            "outcome recorded"
        );
        Ok(outcome)
    }
}

impl App {
    /// Sets an appeal's optional statistics (the CHI framework's classification).
    pub async fn classify(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        appeal_id: AppealId,
        classification: &Classification,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store
            .classify(organisation_id, appeal_id, classification, by, now)
            .await?;
        tracing::info!(appeal = appeal_id.0, user = by.0, "appeal classified");
        Ok(())
    }

    /// Records that an urgent appeal was handed over to 111, 102 or 103.
    pub async fn record_handover(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        appeal_id: AppealId,
        handover: &Handover,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store
            .record_handover(organisation_id, appeal_id, handover, by, now)
            .await?;
        tracing::info!(
            appeal = appeal_id.0,
            user = by.0,
            service = handover.service.code(),
            "hand-over recorded"
        );
        Ok(())
    }

    /// Clears an appeal's open urgent flag with the reason, which stays in its history; false
    /// when there was none open.
    pub async fn clear_urgent_flag(
        &self,
        by: &senim_store::User,
        appeal_id: AppealId,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let organisation_id = by.organisation_id;
        let record = self.store.appeal(organisation_id, appeal_id).await?;
        let audit = self
            .event(by, senim_domain::audit::AuditAction::UrgentFlagCleared)
            .on_appeal(senim_domain::EntryRef {
                year: record.row.appeal.year,
                number: record.row.appeal.number,
            });
        let cleared = self
            .store
            .clear_triage(organisation_id, appeal_id, reason.trim(), by.id, now, &audit)
            .await?;
        if cleared {
            tracing::info!(appeal = appeal_id.0, user = by.id.0, "urgent flag cleared");
        }
        Ok(cleared)
    }

    /// Answers the student in the conversation of an appeal with a receipt code. `NotFound`
    /// for an appeal without one.
    pub async fn reply_to_student(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        appeal_id: AppealId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store
            .add_staff_reply(organisation_id, appeal_id, by, text, now)
            .await?;
        tracing::info!(
            appeal = appeal_id.0,
            user = by.0,
            "answer in an online conversation"
        );
        Ok(())
    }
}
