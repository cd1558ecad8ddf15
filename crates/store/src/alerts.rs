//! Urgent alerts: one e-mail per registering member of staff when an urgent appeal arrives.

use chrono::{DateTime, Utc};
use senim_domain::{AppealId, JournalNumber, JournalYear, OrganisationId, Positions, UserId};
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, unix};

/// An alert waiting to go out: who gets it and which appeal it names (by number only).
#[derive(Clone, Debug)]
pub struct DueAlert {
    pub organisation_id: OrganisationId,
    pub appeal_id: AppealId,
    pub user_id: UserId,
    pub email: String,
    pub full_name: String,
    pub locale: String,
    pub year: JournalYear,
    pub number: JournalNumber,
    pub attempts: i64,
}

impl Store {
    /// Queues, inside the caller's transaction, an alert for every active member of staff of
    /// the school who may register appeals (`Positions::permissions_when` confirmed) and who
    /// gave an e-mail address. An alert already sent for the appeal is sent again: a new urgent message
    /// in its conversation is news.
    pub(crate) async fn queue_urgent_alerts(
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let staff = sqlx::query(
            "SELECT id, positions, confirmed_at FROM users \
             WHERE organisation_id = $1 AND active = 1 AND email <> '' ORDER BY id",
        )
        .bind(organisation_id.0)
        .fetch_all(&mut **tx)
        .await?;
        let mut queued = 0;
        for row in staff {
            let positions: String = row.try_get("positions")?;
            let confirmed = row.try_get::<Option<i64>, _>("confirmed_at")?.is_some();
            let user_id: i64 = row.try_get("id")?;
            // One unreadable account must not hold up an urgent appeal: it is passed over, said
            // in the log by its id, and the others are alerted.
            let Ok(positions) = Positions::parse(&positions) else {
                tracing::warn!(
                    user = user_id,
                    "an account's positions cannot be read; no alert for it"
                );
                continue;
            };
            if !positions.permissions_when(confirmed).register_appeals {
                continue;
            }
            let done = sqlx::query(
                "INSERT INTO urgent_alerts (appeal_id, user_id, organisation_id, state, attempts, next_attempt_at) \
                 VALUES ($1, $2, $3, 'pending', 0, $4) \
                 ON CONFLICT (appeal_id, user_id) DO UPDATE SET state = 'pending', attempts = 0, \
                 next_attempt_at = excluded.next_attempt_at, sent_at = NULL \
                 WHERE urgent_alerts.state <> 'sending'",
            )
            .bind(appeal_id.0)
            .bind(user_id)
            .bind(organisation_id.0)
            .bind(unix(now))
            .execute(&mut **tx)
            .await?;
            queued += done.rows_affected();
        }
        Ok(queued)
    }

    pub async fn due_alerts(&self, now: DateTime<Utc>) -> Result<Vec<DueAlert>, StoreError> {
        let rows = sqlx::query(
            "SELECT urgent_alerts.organisation_id, urgent_alerts.appeal_id, urgent_alerts.user_id, urgent_alerts.attempts, \
             users.email, users.full_name, users.locale, appeals.year, appeals.number FROM urgent_alerts \
             JOIN users ON users.id = urgent_alerts.user_id JOIN appeals ON appeals.id = urgent_alerts.appeal_id \
             WHERE urgent_alerts.state IN ('pending', 'retrying') AND urgent_alerts.next_attempt_at <= $1 \
             AND users.active = 1 \
             ORDER BY urgent_alerts.next_attempt_at",
        )
        .bind(unix(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DueAlert {
                    organisation_id: OrganisationId(row.try_get("organisation_id")?),
                    appeal_id: AppealId(row.try_get("appeal_id")?),
                    user_id: UserId(row.try_get("user_id")?),
                    email: row.try_get("email")?,
                    full_name: row.try_get("full_name")?,
                    locale: row.try_get("locale")?,
                    year: JournalYear(
                        i32::try_from(row.try_get::<i64, _>("year")?)
                            .map_err(|_| StoreError::Corrupt("year"))?,
                    ),
                    number: JournalNumber(row.try_get("number")?),
                    attempts: row.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Takes an alert for sending; false when another sender has it.
    pub async fn claim_alert(&self, alert: &DueAlert) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE urgent_alerts SET state = 'sending' WHERE appeal_id = $1 AND user_id = $2 \
             AND state IN ('pending', 'retrying')",
        )
        .bind(alert.appeal_id.0)
        .bind(alert.user_id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a claimed alert's attempt: sent, to retry at `retry_at`, or refused for good.
    pub async fn record_alert(
        &self,
        alert: &DueAlert,
        sent: bool,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let state = match (sent, retry_at) {
            (true, _) => "sent",
            (false, Some(_)) => "retrying",
            (false, None) => "failed",
        };
        sqlx::query(
            "UPDATE urgent_alerts SET state = $1, attempts = attempts + 1, next_attempt_at = $2, sent_at = $3 \
             WHERE appeal_id = $4 AND user_id = $5 AND state = 'sending'",
        )
        .bind(state)
        .bind(unix(retry_at.unwrap_or(now)))
        .bind(sent.then(|| unix(now)))
        .bind(alert.appeal_id.0)
        .bind(alert.user_id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Alerts a stopped server left half-sent go back to the queue.
    pub async fn requeue_interrupted_alerts(&self) -> Result<u64, StoreError> {
        let done = sqlx::query("UPDATE urgent_alerts SET state = 'retrying' WHERE state = 'sending'")
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
