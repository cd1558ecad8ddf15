//! The Trust Phone: whether it is on duty, and its call log — a call that is not an appeal
//! logged with its kind and length, and a call that became one registered with it, in one
//! transaction.

use senim_domain::analysis::Month;
use senim_domain::audit::AuditAction;
use senim_domain::phone::{Call, CallError, Duty};
use senim_domain::triage::Screening;
use senim_domain::{Appeal, AppealContent, OrganisationId};
use senim_store::{CallRecord, CallRefusal, StoreError, User};

use crate::{App, Refused};

impl App {
    /// Whether the Trust Phone is answered now.
    pub fn phone_duty(&self) -> Duty {
        senim_domain::phone::duty(&self.calendar, self.now())
    }

    /// Logs a call taken on the Trust Phone. One that became an appeal names it, once.
    pub async fn record_call(&self, by: &User, call: &Call) -> Result<i64, Refused<CallError>> {
        let audit = self
            .event(by, AuditAction::CallRecorded)
            .with_detail(call.contact_type.code());
        let id = self
            .store
            .record_call(by.organisation_id, call, &audit)
            .await
            .map_err(|refusal| match refusal {
                CallRefusal::NoAppeal => Refused::Store(StoreError::NotFound),
                CallRefusal::AlreadyLogged => Refused::Rule(CallError::AlreadyLogged),
                CallRefusal::Store(error) => Refused::Store(error),
            })?;
        tracing::info!(call = id, user = by.id.0, "call logged");
        Ok(id)
    }

    /// Registers the appeal a call became, and logs the call pointing at it.
    pub async fn register_call_appeal(
        &self,
        by: &User,
        content: AppealContent,
        call: &Call,
    ) -> Result<Appeal, StoreError> {
        let screening = Screening::of_summary(&self.lexicon(), content.summary());
        let audit = self
            .event(by, AuditAction::CallRecorded)
            .with_detail(call.contact_type.code());
        let appeal = self
            .store
            .register_call_appeal(
                by.organisation_id,
                content,
                (call.started_at, call.duration_seconds, call.contact_type),
                by.id,
                &screening,
                &audit,
            )
            .await?;
        tracing::info!(
            appeal = appeal.id.0,
            user = by.id.0,
            "appeal registered from a call"
        );
        self.after_screening(&appeal, &screening);
        Ok(appeal)
    }

    /// The school's calls of a month, the earliest first.
    pub async fn calls_of_month(
        &self,
        organisation_id: OrganisationId,
        month: Month,
    ) -> Result<Vec<CallRecord>, StoreError> {
        let (from, until) = month.span();
        self.store.calls(organisation_id, from, until).await
    }
}
