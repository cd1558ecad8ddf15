//! The Trust Phone's call log: each call's moment, length, contact type and the appeal it
//! became. No words of a call and no caller's number are kept here.

use chrono::{DateTime, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::classification::ContactType;
use senim_domain::phone::Call;
use senim_domain::triage::Screening;
use senim_domain::{Appeal, AppealContent, AppealId, JournalNumber, JournalYear, OrganisationId, UserId};
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, from_unix, unix};

/// A call as the log holds it, with the journal number of the appeal it became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRecord {
    pub id: i64,
    pub call: Call,
    /// The year and number of the appeal the call became.
    pub entry: Option<(JournalYear, JournalNumber)>,
    pub recorded_by_name: String,
}

/// Why a call could not be logged.
#[derive(Debug, thiserror::Error)]
pub enum CallRefusal {
    /// The appeal is not the school's.
    #[error("no such appeal")]
    NoAppeal,
    /// The appeal's call is in the log already.
    #[error("this appeal's call is in the log already")]
    AlreadyLogged,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CallRefusal {
    fn from(error: sqlx::Error) -> CallRefusal {
        CallRefusal::Store(error.into())
    }
}

async fn insert_call(
    tx: &mut Transaction<'static, Any>,
    organisation_id: OrganisationId,
    call: &Call,
    recorded_by: UserId,
    now: DateTime<Utc>,
) -> Result<i64, CallRefusal> {
    let inserted = sqlx::query(
        "INSERT INTO phone_calls (organisation_id, started_at, duration_seconds, contact_type, appeal_id, \
         recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(organisation_id.0)
    .bind(unix(call.started_at))
    .bind(call.duration_seconds)
    .bind(call.contact_type.code())
    .bind(call.appeal.map(|appeal| appeal.0))
    .bind(unix(now))
    .bind(recorded_by.0)
    .fetch_one(&mut **tx)
    .await;
    match inserted {
        Ok(row) => Ok(row.try_get::<i64, _>("id")?),
        Err(error) if StoreError::is_unique_violation(&error) => Err(CallRefusal::AlreadyLogged),
        Err(error) => Err(error.into()),
    }
}

impl Store {
    /// Logs a call; one that became an appeal names an appeal of the school, once.
    pub async fn record_call(
        &self,
        organisation_id: OrganisationId,
        call: &Call,
        audit: &AuditEvent,
    ) -> Result<i64, CallRefusal> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        if let Some(appeal) = call.appeal {
            let known =
                sqlx::query("SELECT COUNT(*) AS n FROM appeals WHERE id = $1 AND organisation_id = $2")
                    .bind(appeal.0)
                    .bind(organisation_id.0)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get::<i64, _>("n")?;
            if known == 0 {
                return Err(CallRefusal::NoAppeal);
            }
        }
        let id = insert_call(&mut tx, organisation_id, call, by, audit.at).await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Registers the appeal a call became and logs the call pointing at it, in one
    /// transaction: the journal never has the appeal without its call, nor the log the call
    /// without its appeal.
    pub async fn register_call_appeal(
        &self,
        organisation_id: OrganisationId,
        content: AppealContent,
        (started_at, duration_seconds, contact_type): (DateTime<Utc>, i64, ContactType),
        registered_by: UserId,
        screening: &Screening,
        audit: &AuditEvent,
    ) -> Result<Appeal, StoreError> {
        let now = audit.at;
        let mut tx = self.pool.begin().await?;
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
        let call = Call {
            started_at,
            duration_seconds,
            contact_type,
            appeal: Some(appeal.id),
        };
        insert_call(&mut tx, organisation_id, &call, registered_by, now)
            .await
            .map_err(|refusal| match refusal {
                CallRefusal::Store(error) => error,
                // A new appeal has no call yet.
                CallRefusal::NoAppeal | CallRefusal::AlreadyLogged => StoreError::NotFound,
            })?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(appeal)
    }

    /// The school's calls that began in `[from, until)`, the earliest first.
    pub async fn calls(
        &self,
        organisation_id: OrganisationId,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<CallRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.started_at, c.duration_seconds, c.contact_type, c.appeal_id, a.year, a.number, \
             u.full_name FROM phone_calls c JOIN users u ON u.id = c.recorded_by \
             LEFT JOIN appeals a ON a.id = c.appeal_id \
             WHERE c.organisation_id = $1 AND c.started_at >= $2 AND c.started_at < $3 \
             ORDER BY c.started_at, c.id",
        )
        .bind(organisation_id.0)
        .bind(unix(from))
        .bind(unix(until))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let contact_type = ContactType::parse(&row.try_get::<String, _>("contact_type")?)
                    .ok_or(StoreError::Corrupt("call's contact type"))?;
                let appeal = row.try_get::<Option<i64>, _>("appeal_id")?.map(AppealId);
                let entry = match (
                    row.try_get::<Option<i64>, _>("year")?,
                    row.try_get::<Option<i64>, _>("number")?,
                ) {
                    (Some(year), Some(number)) => Some((
                        JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("call's appeal"))?),
                        JournalNumber(number),
                    )),
                    _ => None,
                };
                Ok(CallRecord {
                    id: row.try_get("id")?,
                    call: Call {
                        started_at: from_unix(row.try_get("started_at")?)?,
                        duration_seconds: row.try_get("duration_seconds")?,
                        contact_type,
                        appeal,
                    },
                    entry,
                    recorded_by_name: row.try_get("full_name")?,
                })
            })
            .collect()
    }
}

impl Store {
    /// The school's own answering-machine message in a language, if it set one.
    pub async fn greeting(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT text FROM phone_greetings WHERE organisation_id = $1 AND lang = $2")
            .bind(organisation_id.0)
            .bind(lang)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|row| row.try_get("text")).transpose()?)
    }

    /// Sets the school's message in a language, replacing the one before.
    pub async fn set_greeting(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
        text: &str,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO phone_greetings (organisation_id, lang, text, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, lang) \
             DO UPDATE SET text = $3, updated_at = $4, updated_by = $5",
        )
        .bind(organisation_id.0)
        .bind(lang)
        .bind(text)
        .bind(unix(audit.at))
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets when the school's Trust Phone is answered on a working day.
    pub async fn set_duty_hours(
        &self,
        organisation_id: OrganisationId,
        hours: senim_domain::hours::DutyHours,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let (opens, closes) = hours.minutes();
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE organisations SET phone_opens = $1, phone_closes = $2 WHERE id = $3")
            .bind(opens)
            .bind(closes)
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The recording the school uploaded as its message in a language, if any.
    pub async fn greeting_recording(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query(
            "SELECT audio FROM phone_greeting_recordings WHERE organisation_id = $1 AND lang = $2",
        )
        .bind(organisation_id.0)
        .bind(lang)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| row.try_get("audio")).transpose()?)
    }

    /// The languages the school has uploaded a recording in.
    pub async fn greeting_recordings(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("SELECT lang FROM phone_greeting_recordings WHERE organisation_id = $1")
            .bind(organisation_id.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|row| Ok(row.try_get("lang")?)).collect()
    }

    /// Keeps a recording as the school's message in a language, or, with `None`, removes it
    /// so that the text is spoken again.
    pub async fn set_greeting_recording(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
        audio: Option<&[u8]>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM phone_greeting_recordings WHERE organisation_id = $1 AND lang = $2")
            .bind(organisation_id.0)
            .bind(lang)
            .execute(&mut *tx)
            .await?;
        if let Some(audio) = audio {
            sqlx::query(
                "INSERT INTO phone_greeting_recordings (organisation_id, lang, audio, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(organisation_id.0)
            .bind(lang)
            .bind(audio.to_vec())
            .bind(unix(audit.at))
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}
