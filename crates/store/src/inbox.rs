//! The inbox: voicemails from the school's exchange and messages to the online Trust Box
//! waiting for a specialist, their recordings, letters, callers' numbers and senders' names
//! sealed; registered into an appeal or recorded as not one, never deleted.

use chrono::{DateTime, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::inbox::{Dismissal, InboxKind, MissedReason, Voicemail};
use senim_domain::triage::Screening;
use senim_domain::trust_box::Submission;
use senim_domain::{Appeal, AppealContent, OrganisationId, Redacted, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, from_unix, unix};

/// An item waiting in the inbox, opened (a recording is fetched apart).
#[derive(Clone, Debug)]
pub struct InboxItem {
    pub id: i64,
    pub arrived_at: DateTime<Utc>,
    /// The urgent-risk screen found danger in the letter (or in what the child wrote since).
    pub urgent: bool,
    pub content: InboxContent,
}

/// What an item holds.
#[derive(Clone, Debug)]
pub enum InboxContent {
    Voicemail {
        call_id: String,
        duration_seconds: i64,
        reason: MissedReason,
        audio_millis: i64,
        caller_number: Redacted<String>,
    },
    /// A student's message to the online box, as she sent it.
    Letter(Submission),
}

impl InboxItem {
    pub fn kind(&self) -> InboxKind {
        match self.content {
            InboxContent::Voicemail { .. } => InboxKind::Voicemail,
            InboxContent::Letter(_) => InboxKind::OnlineBox,
        }
    }
}

/// Why an inbox item could not be handled.
#[derive(Debug, thiserror::Error)]
pub enum InboxRefusal {
    #[error("no such item")]
    NotFound,
    #[error("the item is registered or recorded already")]
    Handled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for InboxRefusal {
    fn from(error: sqlx::Error) -> InboxRefusal {
        InboxRefusal::Store(error.into())
    }
}

pub(crate) fn aad(organisation_id: OrganisationId, kind: &str, external_id: &str, field: &str) -> String {
    format!("inbox_items/{}/{kind}/{external_id}/{field}", organisation_id.0)
}

const VOICEMAIL: &str = "voicemail";
/// A statement reading whole items: their columns, then `$rest`.
macro_rules! select_items {
    ($rest:literal) => {
        concat!(
            "SELECT id, kind, external_id, arrived_at, urgent, duration_seconds, reason, audio_millis, \
             caller_number, letter, sender_name, sender_contact FROM inbox_items ",
            $rest
        )
    };
}

impl Store {
    /// Keeps a voicemail; the same call id again returns the voicemail kept the first time
    /// (`false`: nothing new was stored).
    pub async fn add_voicemail(
        &self,
        organisation_id: OrganisationId,
        voicemail: &Voicemail,
        audio: &[u8],
        audio_millis: u64,
        audit: &AuditEvent,
    ) -> Result<(i64, bool), StoreError> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO inbox_items (organisation_id, kind, external_id, arrived_at, duration_seconds, reason, \
             caller_number, audio, audio_millis, received_at, received_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (organisation_id, kind, external_id) DO NOTHING RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(VOICEMAIL)
        .bind(voicemail.call_id.as_str())
        .bind(unix(voicemail.started_at))
        .bind(i64::from(voicemail.duration_seconds))
        .bind(voicemail.reason.code())
        .bind(
            self.cipher
                .seal_optional(&aad(organisation_id, VOICEMAIL, &voicemail.call_id, "caller_number"), &voicemail.caller_number.0)?,
        )
        .bind(self.cipher.seal_bytes(&aad(organisation_id, VOICEMAIL, &voicemail.call_id, "audio"), audio)?)
        .bind(i64::try_from(audio_millis).map_err(|_| StoreError::Corrupt("audio length"))?)
        .bind(unix(audit.at))
        .bind(by.0)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = inserted {
            crate::audit::append(&mut tx, &self.chain_key, audit).await?;
            tx.commit().await?;
            return Ok((row.try_get("id")?, true));
        }
        let existing = sqlx::query(
            "SELECT id FROM inbox_items WHERE organisation_id = $1 AND kind = $2 AND external_id = $3",
        )
        .bind(organisation_id.0)
        .bind(VOICEMAIL)
        .bind(voicemail.call_id.as_str())
        .fetch_one(&mut *tx)
        .await?;
        Ok((existing.try_get("id")?, false))
    }

    /// The school's items still waiting: the urgent first, then the earliest.
    pub async fn inbox(&self, organisation_id: OrganisationId) -> Result<Vec<InboxItem>, StoreError> {
        let rows = sqlx::query(select_items!(
            "WHERE organisation_id = $1 AND handled_at IS NULL ORDER BY urgent DESC, arrived_at, id"
        ))
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| self.item_from_row(organisation_id, row))
            .collect()
    }

    fn item_from_row(&self, organisation_id: OrganisationId, row: &AnyRow) -> Result<InboxItem, StoreError> {
        let kind: String = row.try_get("kind")?;
        let external_id: String = row.try_get("external_id")?;
        let open = |field: &str| -> Result<Redacted<String>, StoreError> {
            let sealed: Option<Vec<u8>> = row.try_get(field)?;
            Ok(Redacted(self.cipher.open_optional(
                &aad(organisation_id, &kind, &external_id, field),
                sealed.as_deref(),
            )?))
        };
        let content = match InboxKind::parse(&kind).ok_or(StoreError::Corrupt("inbox item's kind"))? {
            InboxKind::Voicemail => InboxContent::Voicemail {
                duration_seconds: row
                    .try_get::<Option<i64>, _>("duration_seconds")?
                    .ok_or(StoreError::Corrupt("voicemail's duration"))?,
                reason: row
                    .try_get::<Option<String>, _>("reason")?
                    .and_then(|reason| MissedReason::parse(&reason))
                    .ok_or(StoreError::Corrupt("voicemail's reason"))?,
                audio_millis: row
                    .try_get::<Option<i64>, _>("audio_millis")?
                    .ok_or(StoreError::Corrupt("voicemail's length"))?,
                caller_number: open("caller_number")?,
                call_id: external_id.clone(),
            },
            InboxKind::OnlineBox => InboxContent::Letter(Submission {
                text: open("letter")?,
                name: open("sender_name")?,
                contact: open("sender_contact")?,
            }),
        };
        Ok(InboxItem {
            id: row.try_get("id")?,
            arrived_at: from_unix(row.try_get("arrived_at")?)?,
            urgent: row.try_get::<i64, _>("urgent")? != 0,
            content,
        })
    }

    /// One waiting item of the school; `None` when there is none or it was handled.
    pub async fn waiting_item(
        &self,
        organisation_id: OrganisationId,
        id: i64,
    ) -> Result<Option<InboxItem>, StoreError> {
        let row = sqlx::query(select_items!(
            "WHERE id = $1 AND organisation_id = $2 AND handled_at IS NULL"
        ))
        .bind(id)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| self.item_from_row(organisation_id, &row))
            .transpose()
    }

    /// When each waiting item arrived, the earliest first: nothing opened.
    pub async fn inbox_arrivals(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let rows = sqlx::query(
            "SELECT arrived_at FROM inbox_items WHERE organisation_id = $1 AND handled_at IS NULL \
             ORDER BY arrived_at, id",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| from_unix(row.try_get("arrived_at")?))
            .collect()
    }

    /// When one waiting item arrived and what it is, if it is the school's and still waits:
    /// nothing opened.
    pub async fn waiting_receipt(
        &self,
        organisation_id: OrganisationId,
        id: i64,
    ) -> Result<Option<(DateTime<Utc>, InboxKind)>, StoreError> {
        let row = sqlx::query(
            "SELECT arrived_at, kind FROM inbox_items WHERE id = $1 AND organisation_id = $2 AND handled_at IS NULL",
        )
        .bind(id)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok((
                from_unix(row.try_get("arrived_at")?)?,
                InboxKind::parse(&kind).ok_or(StoreError::Corrupt("inbox item's kind"))?,
            ))
        })
        .transpose()
    }

    /// A voicemail's recording, opened, with the audit event of its playing.
    pub async fn inbox_audio(
        &self,
        organisation_id: OrganisationId,
        id: i64,
        audit: &AuditEvent,
    ) -> Result<Vec<u8>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "SELECT external_id, audio FROM inbox_items WHERE id = $1 AND organisation_id = $2 AND kind = $3",
        )
        .bind(id)
        .bind(organisation_id.0)
        .bind(VOICEMAIL)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let call_id: String = row.try_get("external_id")?;
        let sealed: Option<Vec<u8>> = row.try_get("audio")?;
        let audio = self.cipher.open_bytes(
            &aad(organisation_id, VOICEMAIL, &call_id, "audio"),
            &sealed.ok_or(StoreError::Corrupt("voicemail's recording"))?,
        )?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(audio)
    }

    /// Marks a waiting item handled inside the caller's transaction: registered as the appeal
    /// given, or recorded as not an appeal with its contact type and sealed reason.
    async fn handle(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        organisation_id: OrganisationId,
        id: i64,
        outcome: (Option<i64>, Option<&str>, Option<Vec<u8>>),
        by: UserId,
        at: DateTime<Utc>,
    ) -> Result<(), InboxRefusal> {
        let (appeal_id, contact_type, reason) = outcome;
        let done = sqlx::query(
            "UPDATE inbox_items SET appeal_id = $1, dismissed_contact_type = $2, dismissed_reason = $3, \
             handled_at = $4, handled_by = $5 WHERE id = $6 AND organisation_id = $7 AND handled_at IS NULL",
        )
        .bind(appeal_id)
        .bind(contact_type)
        .bind(reason)
        .bind(unix(at))
        .bind(by.0)
        .bind(id)
        .bind(organisation_id.0)
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(InboxRefusal::Handled)
        }
    }

    /// A waiting item's kind and external id, read inside the transaction that handles it.
    async fn waiting_key(
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        organisation_id: OrganisationId,
        id: i64,
    ) -> Result<(String, String), InboxRefusal> {
        let row = sqlx::query(
            "SELECT kind, external_id, handled_at FROM inbox_items WHERE id = $1 AND organisation_id = $2",
        )
        .bind(id)
        .bind(organisation_id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(InboxRefusal::NotFound)?;
        if row.try_get::<Option<i64>, _>("handled_at")?.is_some() {
            return Err(InboxRefusal::Handled);
        }
        Ok((row.try_get("kind")?, row.try_get("external_id")?))
    }

    /// Registers a waiting item as an appeal, in one transaction: the appeal is numbered and
    /// the item leaves the inbox pointing at it, or neither happens.
    pub async fn register_inbox_item(
        &self,
        organisation_id: OrganisationId,
        id: i64,
        content: AppealContent,
        registered_by: UserId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<Appeal, InboxRefusal> {
        let mut tx = self.pool.begin().await?;
        Store::waiting_key(&mut tx, organisation_id, id).await?;
        let appeal = self
            .insert_appeal(
                &mut tx,
                organisation_id,
                content,
                None,
                registered_by,
                screening,
                now,
            )
            .await?;
        Store::handle(
            &mut tx,
            organisation_id,
            id,
            (Some(appeal.id.0), None, None),
            registered_by,
            now,
        )
        .await?;
        // The child's receipt code and what she wrote while the item waited now belong to the
        // appeal too: her conversation goes on there.
        sqlx::query("UPDATE receipts SET appeal_id = $1, linked_at = $2 WHERE inbox_item_id = $3")
            .bind(appeal.id.0)
            .bind(unix(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE box_messages SET appeal_id = $1 WHERE inbox_item_id = $2")
            .bind(appeal.id.0)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(appeal)
    }

    /// Records a waiting item as not an appeal: its contact type and the reason, sealed.
    pub async fn dismiss_inbox_item(
        &self,
        organisation_id: OrganisationId,
        id: i64,
        dismissal: &Dismissal,
        audit: &AuditEvent,
    ) -> Result<(), InboxRefusal> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        let (kind, external_id) = Store::waiting_key(&mut tx, organisation_id, id).await?;
        let reason = self.cipher.seal(
            &aad(organisation_id, &kind, &external_id, "dismissed_reason"),
            &dismissal.reason.0,
        )?;
        Store::handle(
            &mut tx,
            organisation_id,
            id,
            (None, Some(dismissal.contact_type.code()), Some(reason)),
            by,
            audit.at,
        )
        .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}
