//! Urgent alerts: one e-mail per registering member of staff when an urgent appeal arrives,
//! or an urgent message waits in the inbox.

use chrono::{DateTime, Utc};
use senim_domain::{AppealId, JournalNumber, JournalYear, OrganisationId, Positions, UserId};
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, unix};

/// What an alert is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Appeal(AppealId),
    /// An inbox item not registered yet.
    Inbox(i64),
}

impl Subject {
    /// The alerts' table and the column naming the subject: fixed names, the only words ever
    /// put into this module's statements (so `AssertSqlSafe` holds).
    fn table(self) -> (&'static str, &'static str, i64) {
        match self {
            Subject::Appeal(appeal_id) => ("urgent_alerts", "appeal_id", appeal_id.0),
            Subject::Inbox(item) => ("inbox_alerts", "inbox_item_id", item),
        }
    }
}

/// What an alert names: an appeal by its number only, or the inbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertAbout {
    Appeal {
        appeal_id: AppealId,
        year: JournalYear,
        number: JournalNumber,
    },
    Inbox(i64),
}

/// An alert waiting to go out: who gets it and what it names.
#[derive(Clone, Debug)]
pub struct DueAlert {
    pub organisation_id: OrganisationId,
    pub about: AlertAbout,
    pub user_id: UserId,
    pub email: String,
    pub full_name: String,
    pub locale: String,
    pub attempts: i64,
}

impl DueAlert {
    fn subject(&self) -> Subject {
        match self.about {
            AlertAbout::Appeal { appeal_id, .. } => Subject::Appeal(appeal_id),
            AlertAbout::Inbox(item) => Subject::Inbox(item),
        }
    }
}

impl Store {
    /// Queues, inside the caller's transaction, an alert for every active member of staff of
    /// the school who may register appeals (`Positions::permissions_when` confirmed) and who
    /// gave an e-mail address. An alert already sent for the subject is sent again: a new urgent message
    /// in its conversation is news.
    pub(crate) async fn queue_urgent_alerts(
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        subject: impl Into<Subject>,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let (table, column, subject_id) = subject.into().table();
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
            let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO {table} ({column}, user_id, organisation_id, state, attempts, next_attempt_at) \
                 VALUES ($1, $2, $3, 'pending', 0, $4) \
                 ON CONFLICT ({column}, user_id) DO UPDATE SET state = 'pending', attempts = 0, \
                 next_attempt_at = excluded.next_attempt_at, sent_at = NULL \
                 WHERE {table}.state <> 'sending'"
            )))
            .bind(subject_id)
            .bind(user_id)
            .bind(organisation_id.0)
            .bind(unix(now))
            .execute(&mut **tx)
            .await?;
            queued += done.rows_affected();
        }
        Ok(queued)
    }

    /// The alerts due at `now`, about appeals and about inbox items, the longest waiting first.
    pub async fn due_alerts(&self, now: DateTime<Utc>) -> Result<Vec<DueAlert>, StoreError> {
        let rows = sqlx::query(
            "SELECT urgent_alerts.organisation_id, urgent_alerts.appeal_id, NULL AS inbox_item_id, \
             urgent_alerts.user_id, urgent_alerts.attempts, urgent_alerts.next_attempt_at, \
             users.email, users.full_name, users.locale, appeals.year, appeals.number FROM urgent_alerts \
             JOIN users ON users.id = urgent_alerts.user_id JOIN appeals ON appeals.id = urgent_alerts.appeal_id \
             WHERE urgent_alerts.state IN ('pending', 'retrying') AND urgent_alerts.next_attempt_at <= $1 \
             AND users.active = 1 \
             UNION ALL \
             SELECT inbox_alerts.organisation_id, NULL, inbox_alerts.inbox_item_id, \
             inbox_alerts.user_id, inbox_alerts.attempts, inbox_alerts.next_attempt_at, \
             users.email, users.full_name, users.locale, NULL, NULL FROM inbox_alerts \
             JOIN users ON users.id = inbox_alerts.user_id \
             WHERE inbox_alerts.state IN ('pending', 'retrying') AND inbox_alerts.next_attempt_at <= $1 \
             AND users.active = 1 \
             ORDER BY next_attempt_at",
        )
        .bind(unix(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let about = match row.try_get::<Option<i64>, _>("inbox_item_id")? {
                    Some(item) => AlertAbout::Inbox(item),
                    None => AlertAbout::Appeal {
                        appeal_id: AppealId(
                            row.try_get::<Option<i64>, _>("appeal_id")?
                                .ok_or(StoreError::Corrupt("alert's appeal"))?,
                        ),
                        year: JournalYear(
                            i32::try_from(
                                row.try_get::<Option<i64>, _>("year")?
                                    .ok_or(StoreError::Corrupt("year"))?,
                            )
                            .map_err(|_| StoreError::Corrupt("year"))?,
                        ),
                        number: JournalNumber(
                            row.try_get::<Option<i64>, _>("number")?
                                .ok_or(StoreError::Corrupt("number"))?,
                        ),
                    },
                };
                Ok(DueAlert {
                    organisation_id: OrganisationId(row.try_get("organisation_id")?),
                    about,
                    user_id: UserId(row.try_get("user_id")?),
                    email: row.try_get("email")?,
                    full_name: row.try_get("full_name")?,
                    locale: row.try_get("locale")?,
                    attempts: row.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Takes an alert for sending; false when another sender has it.
    pub async fn claim_alert(&self, alert: &DueAlert) -> Result<bool, StoreError> {
        let (table, column, subject_id) = alert.subject().table();
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET state = 'sending' WHERE {column} = $1 AND user_id = $2 \
             AND state IN ('pending', 'retrying')"
        )))
        .bind(subject_id)
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
        let (table, column, subject_id) = alert.subject().table();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET state = $1, attempts = attempts + 1, next_attempt_at = $2, sent_at = $3 \
             WHERE {column} = $4 AND user_id = $5 AND state = 'sending'"
        )))
        .bind(state)
        .bind(unix(retry_at.unwrap_or(now)))
        .bind(sent.then(|| unix(now)))
        .bind(subject_id)
        .bind(alert.user_id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Alerts a stopped server left half-sent go back to the queue.
    pub async fn requeue_interrupted_alerts(&self) -> Result<u64, StoreError> {
        let mut requeued = 0;
        for table in ["urgent_alerts", "inbox_alerts"] {
            let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET state = 'retrying' WHERE state = 'sending'"
            )))
            .execute(&self.pool)
            .await?;
            requeued += done.rows_affected();
        }
        Ok(requeued)
    }
}

impl From<AppealId> for Subject {
    fn from(appeal_id: AppealId) -> Subject {
        Subject::Appeal(appeal_id)
    }
}
