//! The audit trail's rows: appended inside the transaction of what they record (or in their
//! own, for a read), chained per school with the head sealed by the chain key; read back for
//! the heads' page and the API, and checked by `senim verify`.

use chrono::{DateTime, Utc};
use senim_domain::audit::{Actor, AuditAction, AuditEvent};
use senim_domain::journal::{ChainBreak, ChainCounter, ChainId, Fingerprint, StoredLink, verify_year};
use senim_domain::{ChainKey, EntryHash, EntryRef, JournalNumber, JournalYear, OrganisationId, UserId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, from_unix, unix};

/// An event as the page and the API show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// The event's place in the school's trail, from 1.
    pub position: i64,
    pub at: DateTime<Utc>,
    pub login: String,
    pub positions: String,
    pub action: AuditAction,
    pub appeal: Option<EntryRef>,
    /// The login of the account an account's event concerns.
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// Which events to list: a window, a person, an appeal (its number, in one year or any).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub login: Option<String>,
    pub appeal_number: Option<JournalNumber>,
    pub appeal_year: Option<JournalYear>,
    /// Only these actions (all when empty).
    pub actions: Vec<AuditAction>,
    pub limit: i64,
}

/// Appends `event` to its school's trail inside the caller's transaction. The chain's row is
/// written first, so appends of one school serialise like registrations.
pub(crate) async fn append(
    tx: &mut Transaction<'static, Any>,
    key: &ChainKey,
    event: &AuditEvent,
) -> Result<(), StoreError> {
    let organisation_id = event.organisation_id;
    sqlx::query(
        "INSERT INTO audit_chains (organisation_id, length, head_hash, head_seal) VALUES ($1, 0, $2, '') \
         ON CONFLICT (organisation_id) DO NOTHING",
    )
    .bind(organisation_id)
    .bind(EntryHash::GENESIS.to_hex())
    .execute(&mut **tx)
    .await?;
    let head = sqlx::query(
        "UPDATE audit_chains SET length = length + 1 WHERE organisation_id = $1 RETURNING length, head_hash",
    )
    .bind(organisation_id)
    .fetch_one(&mut **tx)
    .await?;
    let position: i64 = head.try_get("length")?;
    let prev = hash(&head, "head_hash")?.ok_or(StoreError::Corrupt("audit chain head"))?;
    // Stored to the second, as every moment is; hashed as stored.
    let event = AuditEvent {
        at: from_unix(unix(event.at))?,
        ..event.clone()
    };
    let entry_hash = event.hash(prev);
    sqlx::query(
        "INSERT INTO audit_events (organisation_id, position, at, actor_id, login, positions, action, \
         appeal_year, appeal_number, subject_id, detail, prev_hash, entry_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(organisation_id)
    .bind(position)
    .bind(unix(event.at))
    .bind(event.actor.user_id.map(|id| id.0))
    .bind(event.actor.login.as_str())
    .bind(event.actor.positions.as_str())
    .bind(event.action.code())
    .bind(event.appeal.map(|entry| i64::from(entry.year.0)))
    .bind(event.appeal.map(|entry| entry.number.0))
    .bind(event.subject.map(|id| id.0))
    .bind(event.detail.as_deref())
    .bind(prev.to_hex())
    .bind(entry_hash.to_hex())
    .execute(&mut **tx)
    .await?;
    let chain = ChainId::Audit { organisation_id };
    sqlx::query("UPDATE audit_chains SET head_hash = $1, head_seal = $2 WHERE organisation_id = $3")
        .bind(entry_hash.to_hex())
        .bind(key.seal(chain, JournalNumber(position), entry_hash).to_hex())
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn hash(row: &AnyRow, column: &str) -> Result<Option<EntryHash>, StoreError> {
    let text: Option<String> = row.try_get(column)?;
    Ok(text.as_deref().and_then(EntryHash::from_hex))
}

fn event_from_row(row: &AnyRow) -> Result<AuditEvent, StoreError> {
    let action: String = row.try_get("action")?;
    let appeal = match (
        row.try_get::<Option<i64>, _>("appeal_year")?,
        row.try_get::<Option<i64>, _>("appeal_number")?,
    ) {
        (Some(year), Some(number)) => Some(EntryRef {
            year: JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("audit year"))?),
            number: JournalNumber(number),
        }),
        _ => None,
    };
    Ok(AuditEvent {
        organisation_id: row.try_get("organisation_id")?,
        at: from_unix(row.try_get("at")?)?,
        actor: Actor {
            user_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
            login: row.try_get("login")?,
            positions: row.try_get("positions")?,
        },
        action: AuditAction::from_code(&action).ok_or(StoreError::Corrupt("audit action"))?,
        appeal,
        subject: row.try_get::<Option<i64>, _>("subject_id")?.map(UserId),
        detail: row.try_get("detail")?,
    })
}

impl Store {
    /// Records an event in its own transaction: a read, a sign-in, a download.
    pub async fn record_audit(&self, event: &AuditEvent) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        append(&mut tx, &self.chain_key, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The school's events that pass `filter`, newest first.
    pub async fn audit_events(
        &self,
        organisation_id: OrganisationId,
        filter: &AuditFilter,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        enum Value {
            Int(i64),
            Text(String),
        }
        let mut sql = String::from(
            "SELECT audit_events.organisation_id, audit_events.position, audit_events.at, audit_events.actor_id, \
             audit_events.login, audit_events.positions, audit_events.action, audit_events.appeal_year, \
             audit_events.appeal_number, audit_events.subject_id, audit_events.detail, subjects.login AS subject_login \
             FROM audit_events LEFT JOIN users subjects ON subjects.id = audit_events.subject_id \
             WHERE audit_events.organisation_id = $1",
        );
        let mut values = vec![Value::Int(organisation_id.0)];
        let mut condition = |sql: &mut String, clause: &str, value: Value| {
            values.push(value);
            sql.push_str(&format!(" AND {clause} ${}", values.len()));
        };
        if let Some(from) = filter.from {
            condition(&mut sql, "audit_events.at >=", Value::Int(unix(from)));
        }
        if let Some(to) = filter.to {
            condition(&mut sql, "audit_events.at <", Value::Int(unix(to)));
        }
        if let Some(login) = &filter.login {
            condition(&mut sql, "audit_events.login =", Value::Text(login.clone()));
        }
        if let Some(number) = filter.appeal_number {
            condition(&mut sql, "audit_events.appeal_number =", Value::Int(number.0));
        }
        if let Some(year) = filter.appeal_year {
            condition(&mut sql, "audit_events.appeal_year =", Value::Int(year.0.into()));
        }
        if !filter.actions.is_empty() {
            let mut codes = Vec::new();
            for action in &filter.actions {
                values.push(Value::Text(action.code().to_owned()));
                codes.push(format!("${}", values.len()));
            }
            sql.push_str(&format!(" AND audit_events.action IN ({})", codes.join(", ")));
        }
        values.push(Value::Int(filter.limit));
        sql.push_str(&format!(
            " ORDER BY audit_events.position DESC LIMIT ${}",
            values.len()
        ));
        // Built from the fixed fragments above and numbered placeholders only.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values {
            query = match value {
                Value::Int(value) => query.bind(value),
                Value::Text(value) => query.bind(value),
            };
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let event = event_from_row(row)?;
                Ok(AuditRecord {
                    position: row.try_get("position")?,
                    at: event.at,
                    login: event.actor.login,
                    positions: event.actor.positions,
                    action: event.action,
                    appeal: event.appeal,
                    subject: row.try_get("subject_login")?,
                    detail: event.detail,
                })
            })
            .collect()
    }

    /// The short fingerprint of the school's journal of `year` as it stands: its last entry's
    /// number and the fingerprint a paper prints. `None` before the year's first entry.
    pub async fn journal_fingerprint(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
    ) -> Result<Option<(JournalNumber, Fingerprint)>, StoreError> {
        let row = sqlx::query(
            "SELECT last_number, head_hash FROM journal_counters WHERE organisation_id = $1 AND year = $2",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let number = JournalNumber(row.try_get("last_number")?);
        let head = hash(&row, "head_hash")?.ok_or(StoreError::Corrupt("journal head"))?;
        if number.0 == 0 {
            return Ok(None);
        }
        Ok(Some((
            number,
            self.journal_fingerprint_of(organisation_id, year, number, head),
        )))
    }

    /// The fingerprint of the school's journal standing at entry `number` of `year`, for
    /// comparing a paper printed then (`senim verify --fingerprint`).
    pub async fn journal_fingerprint_at(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
        number: JournalNumber,
    ) -> Result<Option<Fingerprint>, StoreError> {
        let row = sqlx::query(
            "SELECT entry_hash FROM appeals WHERE organisation_id = $1 AND year = $2 AND number = $3",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .bind(number.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let hash = hash(&row, "entry_hash")?.ok_or(StoreError::Corrupt("journal entry hash"))?;
        Ok(Some(self.journal_fingerprint_of(
            organisation_id,
            year,
            number,
            hash,
        )))
    }

    fn journal_fingerprint_of(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
        number: JournalNumber,
        hash: EntryHash,
    ) -> Fingerprint {
        let chain = ChainId::Journal {
            organisation_id: organisation_id.0,
            year,
        };
        self.chain_key.fingerprint(chain, number, hash)
    }

    /// Seals, once, the heads of chains kept before heads were sealed (a database from an
    /// earlier version), and records that in each school's audit. Only the start after the
    /// upgrade does this: afterwards an unsealed head is a broken chain.
    pub(crate) async fn seal_unsealed_heads(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let claimed = sqlx::query("DELETE FROM store_upgrades WHERE name = 'seal-chain-heads'")
            .execute(&mut *tx)
            .await?;
        if claimed.rows_affected() == 0 {
            return Ok(());
        }
        let mut organisations = std::collections::BTreeSet::new();
        // Only schools without an audit trail yet, as every school stood before sealing: a
        // marker put back by someone without the key cannot have a rewritten head sealed.
        let journals = sqlx::query(
            "SELECT organisation_id, year, last_number, head_hash FROM journal_counters WHERE head_seal IS NULL \
             AND organisation_id NOT IN (SELECT organisation_id FROM audit_chains)",
        )
        .fetch_all(&mut *tx)
        .await?;
        for row in &journals {
            let organisation_id: i64 = row.try_get("organisation_id")?;
            let year: i64 = row.try_get("year")?;
            let counter = ChainCounter {
                last_number: JournalNumber(row.try_get("last_number")?),
                head: hash(row, "head_hash")?.ok_or(StoreError::Corrupt("journal head"))?,
                seal: None,
            };
            let chain = ChainId::Journal {
                organisation_id,
                year: JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("year"))?),
            };
            sqlx::query(
                "UPDATE journal_counters SET head_seal = $1 WHERE organisation_id = $2 AND year = $3",
            )
            .bind(self.chain_key.seal_head(chain, &counter).to_hex())
            .bind(organisation_id)
            .bind(year)
            .execute(&mut *tx)
            .await?;
            organisations.insert(organisation_id);
        }
        let outcomes = sqlx::query(
            "SELECT organisation_id, length, head_hash FROM outcome_chains WHERE head_seal IS NULL \
             AND organisation_id NOT IN (SELECT organisation_id FROM audit_chains)",
        )
        .fetch_all(&mut *tx)
        .await?;
        for row in &outcomes {
            let organisation_id: i64 = row.try_get("organisation_id")?;
            let counter = ChainCounter {
                last_number: JournalNumber(row.try_get("length")?),
                head: hash(row, "head_hash")?.ok_or(StoreError::Corrupt("outcomes head"))?,
                seal: None,
            };
            sqlx::query("UPDATE outcome_chains SET head_seal = $1 WHERE organisation_id = $2")
                .bind(
                    self.chain_key
                        .seal_head(ChainId::Outcomes { organisation_id }, &counter)
                        .to_hex(),
                )
                .bind(organisation_id)
                .execute(&mut *tx)
                .await?;
            organisations.insert(organisation_id);
        }
        for organisation_id in &organisations {
            let event = AuditEvent::new(
                *organisation_id,
                now,
                Actor::server_holder(),
                AuditAction::ChainsSealed,
            );
            append(&mut tx, &self.chain_key, &event).await?;
        }
        tx.commit().await?;
        if !organisations.is_empty() {
            tracing::info!(schools = organisations.len(), "chain heads sealed with the key");
        }
        Ok(())
    }

    /// Checks the school's audit chain, inside `verify`'s snapshot.
    pub(crate) async fn verify_audit(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
    ) -> Result<Option<Result<usize, ChainBreak>>, StoreError> {
        let counter =
            sqlx::query("SELECT length, head_hash, head_seal FROM audit_chains WHERE organisation_id = $1")
                .bind(organisation_id.0)
                .fetch_optional(&mut **tx)
                .await?;
        let counter = counter
            .map(|row| {
                Ok::<_, StoreError>(ChainCounter {
                    last_number: JournalNumber(row.try_get("length")?),
                    head: hash(&row, "head_hash")?.unwrap_or(EntryHash::GENESIS),
                    seal: hash(&row, "head_seal")?,
                })
            })
            .transpose()?;
        let rows = sqlx::query(
            "SELECT organisation_id, position, at, actor_id, login, positions, action, appeal_year, appeal_number, \
             subject_id, detail, prev_hash, entry_hash FROM audit_events WHERE organisation_id = $1 ORDER BY position",
        )
        .bind(organisation_id.0)
        .fetch_all(&mut **tx)
        .await?;
        if counter.is_none() && rows.is_empty() {
            return Ok(None);
        }
        let mut links = Vec::with_capacity(rows.len());
        for row in &rows {
            let stored_prev = hash(row, "prev_hash")?;
            let stored_hash = hash(row, "entry_hash")?;
            let event = event_from_row(row).ok();
            links.push(StoredLink {
                number: JournalNumber(row.try_get("position")?),
                stored_prev: stored_prev.unwrap_or(EntryHash::GENESIS),
                stored_hash: stored_hash.unwrap_or(EntryHash::GENESIS),
                recomputed: match (event, stored_prev, stored_hash) {
                    (Some(event), Some(prev), Some(_)) => Some(event.hash(prev)),
                    _ => None,
                },
            });
        }
        let chain = ChainId::Audit {
            organisation_id: organisation_id.0,
        };
        Ok(Some(verify_year(links, counter, &self.chain_key, chain)))
    }
}
