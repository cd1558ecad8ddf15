//! The audit trail as the use cases keep it: an event for each sign-in, each read of an
//! appeal, each download and each change to accounts, tokens and settings; read back by the
//! school's director and deputy director only.

use chrono::{DateTime, Utc};
use senim_domain::audit::{Actor, AuditAction, AuditEvent};
use senim_domain::{AppealId, EntryRef, OrganisationId};
use senim_store::{AppealRecord, AuditFilter, AuditRecord, StoreError, User};

use crate::App;

/// The most events one listing shows.
pub const AUDIT_PAGE: i64 = 500;

/// The person as the audit names them: login and positions as they stand now.
pub fn actor(user: &User) -> Actor {
    Actor {
        user_id: Some(user.id),
        login: user.login.clone(),
        positions: user.positions.to_string(),
    }
}

impl App {
    /// An event of `by`'s school, now.
    pub fn event(&self, by: &User, action: AuditAction) -> AuditEvent {
        AuditEvent::new(by.organisation_id.0, self.now(), actor(by), action)
    }

    /// An event of the server's holder (the command line) in `organisation_id`'s trail, now.
    pub fn holder_event(&self, organisation_id: OrganisationId, action: AuditAction) -> AuditEvent {
        AuditEvent::new(organisation_id.0, self.now(), Actor::server_holder(), action)
    }

    /// Records an event in its own transaction (a read, a sign-in, a download).
    pub async fn audit(&self, event: AuditEvent) -> Result<(), StoreError> {
        self.store.record_audit(&event).await
    }

    /// Records that `by` read something of an appeal (`action`), by its number and year.
    pub async fn audit_appeal(
        &self,
        by: &User,
        action: AuditAction,
        appeal: EntryRef,
    ) -> Result<(), StoreError> {
        self.audit(self.event(by, action).on_appeal(appeal)).await
    }

    /// Records that `by` took a document (`document` is one of `audit::documents`), of an
    /// appeal when one is named.
    pub async fn audit_download(
        &self,
        by: &User,
        document: &'static str,
        appeal: Option<EntryRef>,
    ) -> Result<(), StoreError> {
        let mut event = self
            .event(by, AuditAction::DocumentDownloaded)
            .with_detail(document);
        event.appeal = appeal;
        self.audit(event).await
    }

    /// Opens an appeal of `by`'s school to read it, and records that `by` did. Nothing is
    /// shown if the record cannot be written.
    pub async fn open_appeal(&self, by: &User, id: AppealId) -> Result<AppealRecord, StoreError> {
        let record = self.store.appeal(by.organisation_id, id).await?;
        self.audit_shown(by, &record, None).await?;
        Ok(record)
    }

    /// Records that `by` is shown `record` again — its page redrawn after a refused form
    /// (`what` is `None`), or a part of it such as its forwardings through the API.
    pub async fn audit_shown(
        &self,
        by: &User,
        record: &AppealRecord,
        what: Option<&'static str>,
    ) -> Result<(), StoreError> {
        let entry = EntryRef {
            year: record.row.appeal.year,
            number: record.row.appeal.number,
        };
        let mut event = self.event(by, AuditAction::AppealOpened).on_appeal(entry);
        if let Some(what) = what {
            event = event.with_detail(what);
        }
        self.audit(event).await
    }

    /// The school's audit trail, newest first: for the director and the deputy director only
    /// (not found for anyone else, the administrator included).
    pub async fn audit_trail(&self, by: &User, filter: &AuditFilter) -> Result<Vec<AuditRecord>, StoreError> {
        if !by.permissions().read_audit {
            return Err(StoreError::NotFound);
        }
        self.store.audit_events(by.organisation_id, filter).await
    }

    /// A person's own sign-ins, sign-in failures and sign-outs, newest first.
    pub async fn own_sign_ins(
        &self,
        user: &User,
        since: DateTime<Utc>,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let filter = AuditFilter {
            from: Some(since),
            login: Some(user.login.clone()),
            actions: vec![
                AuditAction::SignedIn,
                AuditAction::SignInFailed,
                AuditAction::SignedOut,
            ],
            limit: 50,
            ..AuditFilter::default()
        };
        self.store.audit_events(user.organisation_id, &filter).await
    }
}
