//! What watching every appeal to its end reads and records: the facts of each entry (counts
//! and flags only, nothing opened), who answers for an appeal, the head's extensions and the
//! appeals found outside the school's competence.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::forwarding::ForwardingId;
use senim_domain::watch::{EntryFacts, Extension, NoticeChannel};
use senim_domain::{AppealId, JournalNumber, JournalYear, OrganisationId, Redacted, UserId};
use sqlx::Row;

use crate::{Store, StoreError, from_unix, unix};

/// One change of the person responsible for an appeal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentRecord {
    pub appeal_id: AppealId,
    pub user_id: UserId,
    pub user_name: String,
    pub assigned_at: DateTime<Utc>,
    pub assigned_by_name: String,
}

/// An extension as recorded, its reason opened.
#[derive(Clone, Debug)]
pub struct ExtensionRecord {
    pub id: i64,
    pub appeal_id: AppealId,
    pub extension: Extension,
    pub reason: Redacted<String>,
    /// How the applicant was told, once they were.
    pub told_channel: Option<NoticeChannel>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by_name: String,
}

fn reason_aad(organisation_id: OrganisationId, appeal_id: AppealId, recorded_at: i64) -> String {
    format!(
        "appeal_extensions/{}/{}/{recorded_at}/reason",
        organisation_id.0, appeal_id.0
    )
}

/// `$2, $3, …` for `count` values after the school's `$1`.
pub(crate) fn placeholders(count: usize) -> String {
    (2..count + 2)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A query of one school (`$1`) with further values (`$2, …`: ids, moments): the statement
/// holds only fixed text and placeholders, never a value.
pub(crate) fn school_query<'q>(
    sql: String,
    organisation_id: OrganisationId,
    ids: &'q [i64],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(organisation_id.0);
    for id in ids {
        query = query.bind(*id);
    }
    query
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

use crate::forwarding::date_from;

impl Store {
    /// The facts of every entry of the school's journal, all years: moments, flags and counts,
    /// no text opened.
    pub async fn entry_facts(&self, organisation_id: OrganisationId) -> Result<Vec<EntryFacts>, StoreError> {
        self.facts(organisation_id, None).await
    }

    /// The facts of these entries and of every entry linked to them by corrections (their
    /// appeals' whole chains): what one page's rows or one appeal need, whatever the journal's
    /// size.
    pub async fn entry_facts_of(
        &self,
        organisation_id: OrganisationId,
        entries: &[AppealId],
    ) -> Result<Vec<EntryFacts>, StoreError> {
        let ids = self.chains_of(organisation_id, entries).await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.facts(organisation_id, Some(&ids)).await
    }

    /// These entries and every entry linked to them by corrections, either way, smallest id
    /// first.
    pub(crate) async fn chains_of(
        &self,
        organisation_id: OrganisationId,
        entries: &[AppealId],
    ) -> Result<Vec<AppealId>, StoreError> {
        let mut chain: std::collections::BTreeSet<i64> = entries.iter().map(|id| id.0).collect();
        // Chains are short: a few rounds reach every entry linked to the ones asked for.
        for _ in 0..16 {
            if chain.is_empty() {
                break;
            }
            let ids: Vec<i64> = chain.iter().copied().collect();
            let list = placeholders(ids.len());
            let sql = format!(
                "SELECT id, corrects_id FROM appeals WHERE organisation_id = $1 \
                 AND (id IN ({list}) OR corrects_id IN ({list}))"
            );
            let before = chain.len();
            for row in school_query(sql, organisation_id, &ids)
                .fetch_all(&self.pool)
                .await?
            {
                chain.insert(row.try_get("id")?);
                if let Some(corrects) = row.try_get::<Option<i64>, _>("corrects_id")? {
                    chain.insert(corrects);
                }
            }
            if chain.len() == before {
                break;
            }
        }
        Ok(chain.into_iter().map(AppealId).collect())
    }

    /// The facts of the school's entries, all or these: one read of the entries and one of
    /// each side table's ids, in one snapshot.
    async fn facts(
        &self,
        organisation_id: OrganisationId,
        only: Option<&[AppealId]>,
    ) -> Result<Vec<EntryFacts>, StoreError> {
        let mut tx = self.pool.begin().await?;
        // `$2, …` restrict each read to the entries asked for, when they are.
        let (filter, ids): (String, Vec<i64>) = match only {
            Some(entries) => (
                format!(" AND appeal_id IN ({})", placeholders(entries.len())),
                entries.iter().map(|id| id.0).collect(),
            ),
            None => (String::new(), Vec::new()),
        };
        let read = |sql: String| school_query(sql, organisation_id, &ids);
        let rows = read(format!(
            "SELECT id, corrects_id, year, number, received_at, registered_by, anonymous FROM appeals \
             WHERE organisation_id = $1{} ORDER BY id",
            filter.replace("appeal_id", "id")
        ))
        .fetch_all(&mut *tx)
        .await?;
        let mut sets: Vec<std::collections::HashSet<i64>> = Vec::new();
        for sql in [
            "SELECT appeal_id FROM appeal_outcomes WHERE organisation_id = $1",
            "SELECT appeal_id FROM forwardings WHERE organisation_id = $1 AND withdrawn_at IS NULL",
            "SELECT appeal_id FROM handovers WHERE organisation_id = $1",
            "SELECT appeal_id FROM appeal_triage WHERE organisation_id = $1 AND urgent = 1 AND cleared_at IS NULL",
            "SELECT appeal_id FROM appeal_competence WHERE organisation_id = $1",
        ] {
            let mut set = std::collections::HashSet::new();
            for row in read(format!("{sql}{filter}")).fetch_all(&mut *tx).await? {
                set.insert(row.try_get::<i64, _>("appeal_id")?);
            }
            sets.push(set);
        }
        let assignments = read(format!(
            "SELECT id, appeal_id, user_id FROM appeal_assignments WHERE organisation_id = $1{filter} ORDER BY id"
        ))
        .fetch_all(&mut *tx)
        .await?;
        let extensions = read(format!(
            "SELECT id, appeal_id, due_on, decided_on, told_on FROM appeal_extensions \
             WHERE organisation_id = $1{filter} ORDER BY id"
        ))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let mut latest_assignment: HashMap<i64, (i64, UserId)> = HashMap::new();
        for row in &assignments {
            latest_assignment.insert(
                row.try_get("appeal_id")?,
                (row.try_get("id")?, UserId(row.try_get("user_id")?)),
            );
        }
        let mut latest_extension: HashMap<i64, (i64, Extension)> = HashMap::new();
        for row in &extensions {
            let told_on: Option<String> = row.try_get("told_on")?;
            latest_extension.insert(
                row.try_get("appeal_id")?,
                (
                    row.try_get("id")?,
                    Extension {
                        due_on: date_from(&row.try_get::<String, _>("due_on")?)?,
                        decided_on: date_from(&row.try_get::<String, _>("decided_on")?)?,
                        told_on: told_on.as_deref().map(date_from).transpose()?,
                    },
                ),
            );
        }
        let [answered, forwarded, handed_over, urgent, outside] = &sets[..] else {
            return Err(StoreError::Corrupt("entry facts"));
        };
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                Ok(EntryFacts {
                    id: AppealId(id),
                    corrects: row.try_get::<Option<i64>, _>("corrects_id")?.map(AppealId),
                    year: JournalYear(
                        i32::try_from(row.try_get::<i64, _>("year")?)
                            .map_err(|_| StoreError::Corrupt("year"))?,
                    ),
                    number: JournalNumber(row.try_get("number")?),
                    received_at: from_unix(row.try_get("received_at")?)?,
                    registered_by: UserId(row.try_get("registered_by")?),
                    anonymous: row.try_get::<i64, _>("anonymous")? != 0,
                    answered: answered.contains(&id),
                    forwarded: forwarded.contains(&id),
                    handed_over: handed_over.contains(&id),
                    urgent: urgent.contains(&id),
                    outside_competence: outside.contains(&id),
                    assignment: latest_assignment.get(&id).copied(),
                    extension: latest_extension.get(&id).copied(),
                })
            })
            .collect()
    }

    /// Gives one of the school's appeals to `user_id`, who must be an active member of its
    /// staff; `NotFound` otherwise.
    pub async fn assign_appeal(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        user_id: UserId,
        by: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "INSERT INTO appeal_assignments (organisation_id, appeal_id, user_id, assigned_at, assigned_by) \
             SELECT a.organisation_id, a.id, u.id, $1, $2 FROM appeals a JOIN users u \
             ON u.organisation_id = a.organisation_id AND u.id = $3 AND u.active = 1 \
             WHERE a.id = $4 AND a.organisation_id = $5",
        )
        .bind(unix(now))
        .bind(by.0)
        .bind(user_id.0)
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every change of the responsible person of these entries (one appeal's chain), oldest
    /// first.
    pub async fn assignments(
        &self,
        organisation_id: OrganisationId,
        entries: &[AppealId],
    ) -> Result<Vec<AssignmentRecord>, StoreError> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT s.appeal_id, s.user_id, s.assigned_at, u.full_name AS user_name, b.full_name AS by_name \
             FROM appeal_assignments s JOIN users u ON u.id = s.user_id JOIN users b ON b.id = s.assigned_by \
             WHERE s.organisation_id = $1 AND s.appeal_id IN ({}) ORDER BY s.id",
            placeholders(entries.len())
        );
        let ids: Vec<i64> = entries.iter().map(|id| id.0).collect();
        let rows = school_query(sql, organisation_id, &ids)
            .fetch_all(&self.pool)
            .await?;
        let mut records = Vec::new();
        for row in &rows {
            let appeal_id = AppealId(row.try_get("appeal_id")?);
            records.push(AssignmentRecord {
                appeal_id,
                user_id: UserId(row.try_get("user_id")?),
                user_name: row.try_get("user_name")?,
                assigned_at: from_unix(row.try_get("assigned_at")?)?,
                assigned_by_name: row.try_get("by_name")?,
            });
        }
        Ok(records)
    }

    /// Records the head's extension of one of the school's appeals, its reason sealed; who
    /// recorded it and when are the audit event's.
    pub async fn record_extension(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        extension: &Extension,
        reason: &str,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let now = audit.at;
        let recorded_at = unix(now);
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "INSERT INTO appeal_extensions (organisation_id, appeal_id, due_on, decided_on, reason, told_on, \
             recorded_at, recorded_by) SELECT organisation_id, id, $1, $2, $3, $4, $5, $6 FROM appeals \
             WHERE id = $7 AND organisation_id = $8",
        )
        .bind(day(extension.due_on))
        .bind(day(extension.decided_on))
        .bind(
            self.cipher
                .seal(&reason_aad(organisation_id, appeal_id, recorded_at), reason)?,
        )
        .bind(extension.told_on.map(day))
        .bind(recorded_at)
        .bind(by.0)
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the day the applicant was told of an extension not yet told; false when there
    /// is none such.
    pub async fn record_extension_told(
        &self,
        organisation_id: OrganisationId,
        extension_id: i64,
        told_on: NaiveDate,
        channel: NoticeChannel,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE appeal_extensions SET told_on = $1, told_channel = $2 \
             WHERE id = $3 AND organisation_id = $4 AND told_on IS NULL",
        )
        .bind(day(told_on))
        .bind(channel.code())
        .bind(extension_id)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The extensions of these entries (one appeal's chain), oldest first, reasons opened.
    pub async fn extensions(
        &self,
        organisation_id: OrganisationId,
        entries: &[AppealId],
    ) -> Result<Vec<ExtensionRecord>, StoreError> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT e.id, e.appeal_id, e.due_on, e.decided_on, e.told_on, e.told_channel, e.reason, \
             e.recorded_at, u.full_name FROM appeal_extensions e JOIN users u ON u.id = e.recorded_by \
             WHERE e.organisation_id = $1 AND e.appeal_id IN ({}) ORDER BY e.id",
            placeholders(entries.len())
        );
        let ids: Vec<i64> = entries.iter().map(|id| id.0).collect();
        let rows = school_query(sql, organisation_id, &ids)
            .fetch_all(&self.pool)
            .await?;
        let mut records = Vec::new();
        for row in &rows {
            let appeal_id = AppealId(row.try_get("appeal_id")?);
            let recorded_at: i64 = row.try_get("recorded_at")?;
            let told_on: Option<String> = row.try_get("told_on")?;
            let sealed: Vec<u8> = row.try_get("reason")?;
            records.push(ExtensionRecord {
                id: row.try_get("id")?,
                appeal_id,
                extension: Extension {
                    due_on: date_from(&row.try_get::<String, _>("due_on")?)?,
                    decided_on: date_from(&row.try_get::<String, _>("decided_on")?)?,
                    told_on: told_on.as_deref().map(date_from).transpose()?,
                },
                reason: Redacted(
                    self.cipher
                        .open(&reason_aad(organisation_id, appeal_id, recorded_at), &sealed)?,
                ),
                told_channel: row
                    .try_get::<Option<String>, _>("told_channel")?
                    .as_deref()
                    .map(NoticeChannel::parse)
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("notice channel"))?,
                recorded_at: from_unix(recorded_at)?,
                recorded_by_name: row.try_get("full_name")?,
            });
        }
        Ok(records)
    }

    /// Marks one of the school's appeals as outside its competence; false when it already was.
    pub async fn mark_outside_competence(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        by: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let exists = sqlx::query("SELECT COUNT(*) AS n FROM appeals WHERE id = $1 AND organisation_id = $2")
            .bind(appeal_id.0)
            .bind(organisation_id.0)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("n")?;
        if exists == 0 {
            return Err(StoreError::NotFound);
        }
        // Marked twice at once (a double click): the second changes nothing.
        let done = sqlx::query(
            "INSERT INTO appeal_competence (appeal_id, organisation_id, marked_at, marked_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (appeal_id) DO NOTHING",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .bind(unix(now))
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records the day and the way the applicant was told of a forwarding of the school;
    /// false when it already was.
    pub async fn record_forwarding_notice(
        &self,
        organisation_id: OrganisationId,
        forwarding_id: ForwardingId,
        sent_on: NaiveDate,
        channel: NoticeChannel,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let by = audit.actor.user_id.ok_or(StoreError::NotFound)?;
        let mut tx = self.pool.begin().await?;
        let exists =
            sqlx::query("SELECT COUNT(*) AS n FROM forwardings WHERE id = $1 AND organisation_id = $2")
                .bind(forwarding_id.0)
                .bind(organisation_id.0)
                .fetch_one(&mut *tx)
                .await?
                .try_get::<i64, _>("n")?;
        if exists == 0 {
            return Err(StoreError::NotFound);
        }
        // Recorded twice at once: the second changes nothing.
        let done = sqlx::query(
            "INSERT INTO forwarding_notices (forwarding_id, organisation_id, sent_on, channel, recorded_at, recorded_by) \
             SELECT id, organisation_id, $1, $2, $3, $4 FROM forwardings WHERE id = $5 AND organisation_id = $6 \
             ON CONFLICT (forwarding_id) DO NOTHING",
        )
        .bind(day(sent_on))
        .bind(channel.code())
        .bind(unix(audit.at))
        .bind(by.0)
        .bind(forwarding_id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The notices given of the school's forwardings: the day and the way, by forwarding.
    pub async fn forwarding_notices(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<HashMap<ForwardingId, (NaiveDate, NoticeChannel)>, StoreError> {
        let rows = sqlx::query(
            "SELECT forwarding_id, sent_on, channel FROM forwarding_notices WHERE organisation_id = $1",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let channel: String = row.try_get("channel")?;
                Ok((
                    ForwardingId(row.try_get("forwarding_id")?),
                    (
                        date_from(&row.try_get::<String, _>("sent_on")?)?,
                        NoticeChannel::parse(&channel).map_err(|_| StoreError::Corrupt("notice channel"))?,
                    ),
                ))
            })
            .collect()
    }
}
