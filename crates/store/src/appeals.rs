//! The registration journal: registering appeals and corrections with gap-free numbers,
//! recording outcomes, reading a year back. Nothing here updates or deletes an entry.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use senim_domain::journal::{ChainId, entry_hash, outcome_hash};
use senim_domain::triage::{Hit, Screening};
use senim_domain::{
    Appeal, AppealContent, AppealId, Applicant, Category, Channel, Correction, EntryHash, EntryRef,
    JournalNumber, JournalYear, OrganisationId, Outcome, Redacted, UserId,
};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::crypto::Cipher;
use crate::{Store, StoreError, from_unix, unix};

/// An entry of the journal as the journal page shows it.
#[derive(Clone, Debug)]
pub struct JournalRow {
    pub appeal: Appeal,
    /// The urgent-risk screen of the summary, if it was screened.
    pub triage: Option<Triage>,
    /// Column f: the latest outcome.
    pub latest_outcome: Option<Outcome>,
    /// The entry this one corrects, as (year, number).
    pub corrects: Option<(JournalYear, JournalNumber)>,
    /// Entries that correct this one, as (year, number).
    pub corrected_by: Vec<(JournalYear, JournalNumber)>,
}

impl JournalRow {
    /// Whether the entry's texts, applicant or number contain `needle` (lower-case).
    pub fn matches_text(&self, needle: &str) -> bool {
        let content = &self.appeal.content;
        let applicant = content.applicant();
        let outcome = self
            .latest_outcome
            .as_ref()
            .map_or("", |outcome| outcome.text.as_str());
        [
            content.summary(),
            &applicant.full_name,
            &applicant.address,
            &applicant.phone,
            outcome,
        ]
        .iter()
        .any(|text| text.to_lowercase().contains(needle))
            || self.appeal.number.0.to_string() == needle
    }
}

/// Which entries of a year to read.
#[derive(Clone, Debug, Default)]
pub struct JournalFilter {
    pub channel: Option<Channel>,
    pub anonymous: Option<bool>,
    /// Searched, case-insensitively, in the opened texts and the applicant's details.
    pub text: Option<String>,
}

/// A page of a year's journal.
#[derive(Clone, Debug)]
pub struct JournalSlice {
    pub rows: Vec<JournalRow>,
    /// Entries that match the filter.
    pub matching: usize,
    /// Entries in the year.
    pub in_year: usize,
}

/// What the urgent-risk screen found in an appeal's summary.
#[derive(Clone, Debug)]
pub struct Triage {
    pub urgent: bool,
    /// Matched terms with their places in the summary.
    pub hits: Vec<Hit>,
    /// Staff cleared the flag: why, and when.
    pub cleared: Option<(Redacted<String>, DateTime<Utc>)>,
}

impl Triage {
    /// Urgent and not cleared: stands at the top of the journal.
    pub fn is_open_alarm(&self) -> bool {
        self.urgent && self.cleared.is_none()
    }
}

fn triage_aad(organisation_id: OrganisationId, appeal_id: AppealId, field: &str) -> String {
    format!("appeal_triage/{}/{}/{field}", organisation_id.0, appeal_id.0)
}

/// The triage joined to an appeal row, opened.
pub(crate) fn triage_from_row(
    cipher: &Cipher,
    appeal: &Appeal,
    row: &AnyRow,
) -> Result<Option<Triage>, StoreError> {
    let Some(urgent) = row.try_get::<Option<i64>, _>("triage_urgent")? else {
        return Ok(None);
    };
    let aad = |field: &str| triage_aad(appeal.organisation_id, appeal.id, field);
    let sealed: Vec<u8> = row.try_get("triage_hits")?;
    let hits: Vec<Hit> = serde_json::from_str(&cipher.open(&aad("hits"), &sealed)?)
        .map_err(|_| StoreError::Corrupt("triage"))?;
    let cleared = match (
        row.try_get::<Option<i64>, _>("triage_cleared_at")?,
        row.try_get::<Option<Vec<u8>>, _>("triage_cleared_reason")?,
    ) {
        (Some(at), Some(reason)) => Some((
            Redacted(cipher.open(&aad("cleared_reason"), &reason)?),
            from_unix(at)?,
        )),
        _ => None,
    };
    Ok(Some(Triage {
        urgent: urgent != 0,
        hits,
        cleared,
    }))
}

/// One appeal with its whole history.
#[derive(Clone, Debug)]
pub struct AppealRecord {
    pub row: JournalRow,
    pub registered_by_name: String,
    /// Registered by the online Trust Box itself, not by a person.
    pub registered_automatically: bool,
    pub outcomes: Vec<OutcomeRecord>,
    pub corrected_by_ids: Vec<AppealId>,
}

#[derive(Clone, Debug)]
pub struct OutcomeRecord {
    pub outcome: Outcome,
    pub recorded_by_name: String,
}

macro_rules! appeal_columns {
    () => {
        "appeals.id, appeals.organisation_id, appeals.year, appeals.number, appeals.registered_at, \
         appeals.registered_by, appeals.channel, appeals.received_at, appeals.anonymous, \
         appeals.applicant_full_name, appeals.applicant_address, appeals.applicant_phone, \
         appeals.summary, appeals.category, appeals.corrects_id, appeals.correction_reason, \
         appeals.prev_hash, appeals.entry_hash, \
         corrected.year AS corrects_year, corrected.number AS corrects_number, \
         appeal_triage.urgent AS triage_urgent, appeal_triage.hits AS triage_hits, \
         appeal_triage.cleared_at AS triage_cleared_at, appeal_triage.cleared_reason AS triage_cleared_reason"
    };
}

/// `appeals` with the entry each correction corrects, for the columns of `appeal_columns!`.
macro_rules! appeals_with_corrected {
    () => {
        " FROM appeals LEFT JOIN appeals corrected ON corrected.id = appeals.corrects_id \
          AND corrected.organisation_id = appeals.organisation_id \
          LEFT JOIN appeal_triage ON appeal_triage.appeal_id = appeals.id "
    };
}

/// The columns an outcome is read back from (`appeal_outcomes` joined with `appeals`).
macro_rules! outcome_columns {
    () => {
        "appeal_outcomes.appeal_id, appeal_outcomes.outcome_text, appeal_outcomes.recorded_at, \
         appeal_outcomes.recorded_by, appeals.year AS appeal_year, appeals.number AS appeal_number"
    };
}

/// Where a sealed appeal field lives; bound into its encryption.
fn appeal_aad(
    organisation_id: OrganisationId,
    year: JournalYear,
    number: JournalNumber,
    field: &str,
) -> String {
    format!("appeals/{}/{}/{}/{field}", organisation_id.0, year.0, number.0)
}

fn outcome_aad(organisation_id: OrganisationId, appeal: EntryRef, recorded_at: i64) -> String {
    format!(
        "appeal_outcomes/{}/{}/{}/{recorded_at}",
        organisation_id.0, appeal.year.0, appeal.number.0
    )
}

fn year_from(value: i64) -> Result<JournalYear, StoreError> {
    Ok(JournalYear(
        i32::try_from(value).map_err(|_| StoreError::Corrupt("year"))?,
    ))
}

/// The entry a correction row corrects, as joined by `appeals_with_corrected!`.
pub(crate) fn corrects_entry_from_row(row: &AnyRow) -> Result<Option<EntryRef>, StoreError> {
    let year: Option<i64> = row.try_get("corrects_year")?;
    let number: Option<i64> = row.try_get("corrects_number")?;
    match (year, number) {
        (Some(year), Some(number)) => Ok(Some(EntryRef {
            year: year_from(year)?,
            number: JournalNumber(number),
        })),
        _ => Ok(None),
    }
}

/// The entry of the organisation with this id, or `NotFound`.
async fn entry_of(
    tx: &mut Transaction<'static, Any>,
    organisation_id: OrganisationId,
    appeal_id: AppealId,
) -> Result<EntryRef, StoreError> {
    let row = sqlx::query("SELECT year, number FROM appeals WHERE id = $1 AND organisation_id = $2")
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(EntryRef {
        year: year_from(row.try_get("year")?)?,
        number: JournalNumber(row.try_get("number")?),
    })
}

fn hash_from_row(row: &AnyRow, column: &str) -> Result<EntryHash, StoreError> {
    let text: String = row.try_get(column)?;
    EntryHash::from_hex(&text).ok_or(StoreError::Corrupt("seal"))
}

/// Reads an appeal row back, opening its sealed fields.
pub(crate) fn appeal_from_row(cipher: &Cipher, row: &AnyRow) -> Result<Appeal, StoreError> {
    let organisation_id = OrganisationId(row.try_get("organisation_id")?);
    let year =
        JournalYear(i32::try_from(row.try_get::<i64, _>("year")?).map_err(|_| StoreError::Corrupt("year"))?);
    let number = JournalNumber(row.try_get("number")?);
    let aad = |field: &str| appeal_aad(organisation_id, year, number, field);
    let open = |field: &str| -> Result<String, StoreError> {
        let sealed: Option<Vec<u8>> = row.try_get(format!("applicant_{field}").as_str())?;
        cipher.open_optional(&aad(field), sealed.as_deref())
    };
    let applicant = Applicant {
        full_name: Redacted(open("full_name")?),
        address: Redacted(open("address")?),
        phone: Redacted(open("phone")?),
    };
    let summary_sealed: Vec<u8> = row.try_get("summary")?;
    let summary = cipher.open(&aad("summary"), &summary_sealed)?;
    let channel: String = row.try_get("channel")?;
    let category: String = row.try_get("category")?;
    let content = AppealContent::from_storage(
        Channel::parse(&channel).map_err(|_| StoreError::Corrupt("channel"))?,
        from_unix(row.try_get("received_at")?)?,
        row.try_get::<i64, _>("anonymous")? != 0,
        applicant,
        summary,
        Category::parse(&category).map_err(|_| StoreError::Corrupt("category"))?,
    );
    let correction = match row.try_get::<Option<i64>, _>("corrects_id")? {
        Some(corrects) => {
            let reason: Option<Vec<u8>> = row.try_get("correction_reason")?;
            Some(Correction {
                corrects: AppealId(corrects),
                reason: Redacted(cipher.open_optional(&aad("correction_reason"), reason.as_deref())?),
            })
        }
        None => None,
    };
    Ok(Appeal {
        id: AppealId(row.try_get("id")?),
        organisation_id,
        year,
        number,
        registered_at: from_unix(row.try_get("registered_at")?)?,
        registered_by: UserId(row.try_get("registered_by")?),
        content,
        correction,
        prev_hash: hash_from_row(row, "prev_hash")?,
        entry_hash: hash_from_row(row, "entry_hash")?,
    })
}

pub(crate) fn outcome_from_row(
    cipher: &Cipher,
    organisation_id: OrganisationId,
    row: &AnyRow,
) -> Result<Outcome, StoreError> {
    let appeal_id = AppealId(row.try_get("appeal_id")?);
    let appeal = EntryRef {
        year: year_from(row.try_get("appeal_year")?)?,
        number: JournalNumber(row.try_get("appeal_number")?),
    };
    let recorded_at: i64 = row.try_get("recorded_at")?;
    let sealed: Vec<u8> = row.try_get("outcome_text")?;
    Ok(Outcome {
        appeal_id,
        text: Redacted(cipher.open(&outcome_aad(organisation_id, appeal, recorded_at), &sealed)?),
        recorded_at: from_unix(recorded_at)?,
        recorded_by: UserId(row.try_get("recorded_by")?),
    })
}

impl Store {
    /// Registers an appeal — or, with `correction`, a correction entry — as the next entry of
    /// the organisation's journal for the year of `now` in Kazakhstan, with what the urgent-risk
    /// screen found in it and, when it is urgent, the staff's alerts. The number is taken in
    /// the same transaction as the insert, so numbers have no gaps and no repeats, and an
    /// urgent appeal is never in the journal without its flag and its alerts.
    pub async fn register_appeal(
        &self,
        organisation_id: OrganisationId,
        content: AppealContent,
        correction: Option<Correction>,
        registered_by: UserId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<Appeal, StoreError> {
        let mut tx = self.pool.begin().await?;
        let appeal = self
            .insert_appeal(
                &mut tx,
                organisation_id,
                content,
                correction,
                registered_by,
                screening,
                now,
            )
            .await?;
        tx.commit().await?;
        Ok(appeal)
    }

    /// Numbers, chains and inserts an appeal inside the caller's transaction, with its
    /// screening and alerts, so that what belongs to the appeal (its triage, the alerts, a
    /// receipt, a letter's opening) is written with it or not at all.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn insert_appeal(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        content: AppealContent,
        correction: Option<Correction>,
        registered_by: UserId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<Appeal, StoreError> {
        // Stored moments have whole seconds; seal exactly what is stored.
        let registered_at = from_unix(unix(now))?;
        let content = AppealContent::from_storage(
            content.channel(),
            from_unix(unix(content.received_at()))?,
            content.anonymous(),
            content.applicant().clone(),
            content.summary().to_owned(),
            content.category(),
        );
        let year = JournalYear::of_registration(registered_at);
        let (number, prev_hash) = take_next_number(tx, organisation_id, year).await?;
        let corrects = match &correction {
            Some(correction) => Some(entry_of(tx, organisation_id, correction.corrects).await?),
            None => None,
        };
        let mut appeal = Appeal {
            id: AppealId(0),
            organisation_id,
            year,
            number,
            registered_at,
            registered_by,
            content,
            correction,
            prev_hash,
            entry_hash: EntryHash::GENESIS,
        };
        appeal.entry_hash = entry_hash(prev_hash, &appeal, corrects);
        let aad = |field: &str| appeal_aad(organisation_id, year, number, field);
        let applicant = appeal.content.applicant();
        let row = sqlx::query(
            "INSERT INTO appeals (organisation_id, year, number, registered_at, registered_by, channel, \
             received_at, anonymous, applicant_full_name, applicant_address, applicant_phone, summary, \
             category, corrects_id, correction_reason, prev_hash, entry_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .bind(number.0)
        .bind(unix(registered_at))
        .bind(registered_by.0)
        .bind(appeal.content.channel().code())
        .bind(unix(appeal.content.received_at()))
        .bind(i64::from(appeal.content.anonymous()))
        .bind(self.cipher.seal_optional(&aad("full_name"), &applicant.full_name)?)
        .bind(self.cipher.seal_optional(&aad("address"), &applicant.address)?)
        .bind(self.cipher.seal_optional(&aad("phone"), &applicant.phone)?)
        .bind(self.cipher.seal(&aad("summary"), appeal.content.summary())?)
        .bind(appeal.content.category().code())
        .bind(appeal.correction.as_ref().map(|c| c.corrects.0))
        .bind(match &appeal.correction {
            Some(correction) => Some(self.cipher.seal(&aad("correction_reason"), &correction.reason)?),
            None => None,
        })
        .bind(prev_hash.to_hex())
        .bind(appeal.entry_hash.to_hex())
        .fetch_one(&mut **tx)
        .await?;
        appeal.id = AppealId(row.try_get("id")?);
        let chain = ChainId::Journal {
            organisation_id: organisation_id.0,
            year,
        };
        sqlx::query(
            "UPDATE journal_counters SET head_hash = $1, head_seal = $2 WHERE organisation_id = $3 AND year = $4",
        )
        .bind(appeal.entry_hash.to_hex())
        .bind(self.chain_key.seal(chain, appeal.number, appeal.entry_hash).to_hex())
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .execute(&mut **tx)
        .await?;
        self.insert_triage(tx, organisation_id, appeal.id, screening, registered_at)
            .await?;
        if screening.urgent {
            Self::queue_urgent_alerts(tx, organisation_id, appeal.id, registered_at).await?;
        }
        Ok(appeal)
    }

    /// Adds an outcome (column f) to an appeal of the organisation.
    pub async fn record_outcome(
        &self,
        organisation_id: OrganisationId,
        outcome: Outcome,
    ) -> Result<Outcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let outcome = self.insert_outcome(&mut tx, organisation_id, outcome).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    /// Adds an outcome to the organisation's outcome chain inside the caller's transaction (an
    /// answer to a forwarding is its appeal's outcome, written with the answer).
    pub(crate) async fn insert_outcome(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        outcome: Outcome,
    ) -> Result<Outcome, StoreError> {
        let outcome = Outcome {
            recorded_at: from_unix(unix(outcome.recorded_at))?,
            ..outcome
        };
        sqlx::query(
            "INSERT INTO outcome_chains (organisation_id, length, head_hash) VALUES ($1, 0, $2) \
             ON CONFLICT (organisation_id) DO NOTHING",
        )
        .bind(organisation_id.0)
        .bind(EntryHash::GENESIS.to_hex())
        .execute(&mut **tx)
        .await?;
        let head = sqlx::query(
            "UPDATE outcome_chains SET length = length + 1 WHERE organisation_id = $1 RETURNING length, head_hash",
        )
        .bind(organisation_id.0)
        .fetch_one(&mut **tx)
        .await?;
        let prev_hash = hash_from_row(&head, "head_hash")?;
        let length = JournalNumber(head.try_get("length")?);
        let appeal = entry_of(tx, organisation_id, outcome.appeal_id).await?;
        let hash = outcome_hash(prev_hash, organisation_id.0, appeal, &outcome);
        let recorded_at = unix(outcome.recorded_at);
        sqlx::query(
            "INSERT INTO appeal_outcomes (organisation_id, appeal_id, outcome_text, recorded_at, recorded_by, prev_hash, entry_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(organisation_id.0)
        .bind(outcome.appeal_id.0)
        .bind(self.cipher.seal(&outcome_aad(organisation_id, appeal, recorded_at), &outcome.text)?)
        .bind(recorded_at)
        .bind(outcome.recorded_by.0)
        .bind(prev_hash.to_hex())
        .bind(hash.to_hex())
        .execute(&mut **tx)
        .await?;
        let chain = ChainId::Outcomes {
            organisation_id: organisation_id.0,
        };
        sqlx::query("UPDATE outcome_chains SET head_hash = $1, head_seal = $2 WHERE organisation_id = $3")
            .bind(hash.to_hex())
            .bind(self.chain_key.seal(chain, length, hash).to_hex())
            .bind(organisation_id.0)
            .execute(&mut **tx)
            .await?;
        Ok(outcome)
    }

    /// Keeps what the urgent-risk screen found in an appeal's summary, inside the inserting
    /// transaction.
    async fn insert_triage(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let hits = serde_json::to_string(&screening.hits).map_err(|_| StoreError::Corrupt("triage"))?;
        sqlx::query(
            "INSERT INTO appeal_triage (appeal_id, organisation_id, urgent, hits, triaged_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .bind(i64::from(screening.urgent))
        .bind(
            self.cipher
                .seal(&triage_aad(organisation_id, appeal_id, "hits"), &hits)?,
        )
        .bind(unix(now))
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Raises the urgent flag again for what a later message of the appeal said — the alarm
    /// is open once more with the new words — and queues the staff's alerts, inside the
    /// caller's transaction (the one that keeps the message). False when the message is not
    /// urgent or the alarm was already open; nothing is queued then. A reason an earlier
    /// clearing gave stays in its row.
    pub(crate) async fn raise_triage_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        if !screening.urgent {
            return Ok(false);
        }
        let hits = serde_json::to_string(&screening.hits).map_err(|_| StoreError::Corrupt("triage"))?;
        let done = sqlx::query(
            "INSERT INTO appeal_triage (appeal_id, organisation_id, urgent, hits, triaged_at) \
             SELECT id, organisation_id, 1, $1, $2 FROM appeals WHERE id = $3 AND organisation_id = $4 \
             ON CONFLICT (appeal_id) DO UPDATE SET urgent = 1, hits = excluded.hits, \
             triaged_at = excluded.triaged_at, cleared_at = NULL, cleared_by = NULL \
             WHERE NOT (appeal_triage.urgent = 1 AND appeal_triage.cleared_at IS NULL)",
        )
        .bind(
            self.cipher
                .seal(&triage_aad(organisation_id, appeal_id, "hits"), &hits)?,
        )
        .bind(unix(now))
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .execute(&mut **tx)
        .await?;
        let raised = done.rows_affected() == 1;
        if raised {
            Self::queue_urgent_alerts(tx, organisation_id, appeal_id, now).await?;
        }
        Ok(raised)
    }

    /// Clears an urgent flag with the reason, which is kept; false when there was none open.
    pub async fn clear_triage(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        reason: &str,
        by: UserId,
        now: DateTime<Utc>,
        audit: &senim_domain::audit::AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE appeal_triage SET cleared_at = $1, cleared_by = $2, cleared_reason = $3 \
             WHERE appeal_id = $4 AND organisation_id = $5 AND urgent = 1 AND cleared_at IS NULL",
        )
        .bind(unix(now))
        .bind(by.0)
        .bind(
            self.cipher
                .seal(&triage_aad(organisation_id, appeal_id, "cleared_reason"), reason)?,
        )
        .bind(appeal_id.0)
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

    /// When the organisation's appeals of `channels` were received, from `from` up to (not
    /// including) `until` — moments only, nothing opened: what the activity plan needs to see
    /// calls worked on.
    pub async fn received_moments(
        &self,
        organisation_id: OrganisationId,
        channels: &[Channel],
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let rows = sqlx::query(
            "SELECT channel, received_at FROM appeals WHERE organisation_id = $1 AND received_at >= $2 \
             AND received_at < $3 ORDER BY received_at",
        )
        .bind(organisation_id.0)
        .bind(unix(from))
        .bind(unix(until))
        .fetch_all(&self.pool)
        .await?;
        let mut moments = Vec::new();
        for row in &rows {
            let channel: String = row.try_get("channel")?;
            if channels.iter().any(|wanted| wanted.code() == channel) {
                moments.push(from_unix(row.try_get("received_at")?)?);
            }
        }
        Ok(moments)
    }

    /// The years in which the organisation registered appeals, latest first.
    pub async fn journal_years(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<JournalYear>, StoreError> {
        let rows =
            sqlx::query("SELECT year FROM journal_counters WHERE organisation_id = $1 ORDER BY year DESC")
                .bind(organisation_id.0)
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|row| {
                Ok(JournalYear(
                    i32::try_from(row.try_get::<i64, _>("year")?).map_err(|_| StoreError::Corrupt("year"))?,
                ))
            })
            .collect()
    }

    /// The organisation's whole journal of a year, newest entry first.
    pub async fn journal(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
    ) -> Result<Vec<JournalRow>, StoreError> {
        let slice = self
            .journal_slice(organisation_id, year, &JournalFilter::default(), 0, usize::MAX)
            .await?;
        Ok(slice.rows)
    }

    /// A page of the organisation's journal of a year, newest first. Only the entries shown
    /// are opened, unless a text is searched: the texts are sealed, so the search opens the
    /// year's entries and looks in them here.
    pub async fn journal_slice(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
        filter: &JournalFilter,
        offset: usize,
        limit: usize,
    ) -> Result<JournalSlice, StoreError> {
        let year_code = i64::from(year.0);
        let channel = filter.channel.map_or("", Channel::code);
        let anonymous = filter.anonymous.map_or(-1, i64::from);
        let count = |sql: &'static str| {
            sqlx::query(sql)
                .bind(organisation_id.0)
                .bind(year_code)
                .bind(channel)
                .bind(anonymous)
                .fetch_one(&self.pool)
        };
        let in_year: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM appeals WHERE organisation_id = $1 AND year = $2")
                .bind(organisation_id.0)
                .bind(year_code)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?;
        let text = filter
            .text
            .as_deref()
            .map(str::to_lowercase)
            .filter(|text| !text.is_empty());
        let paged_in_sql = text.is_none();
        let (sql_offset, sql_limit) = if paged_in_sql {
            (offset, limit)
        } else {
            (0, usize::MAX)
        };
        // The page's entries are chosen on narrow rows (id, number, urgency) and only then read
        // whole: sorting the year's sealed rows for urgency first would carry every text.
        let rows = sqlx::query(concat!(
            "SELECT ",
            appeal_columns!(),
            appeals_with_corrected!(),
            "WHERE appeals.organisation_id = $1 AND appeals.id IN (",
            "SELECT chosen.id FROM appeals chosen LEFT JOIN appeal_triage chosen_triage ",
            "ON chosen_triage.appeal_id = chosen.id ",
            "WHERE chosen.organisation_id = $1 AND chosen.year = $2 ",
            "AND ($3 = '' OR chosen.channel = $3) AND ($4 < 0 OR chosen.anonymous = $4) ",
            "ORDER BY CASE WHEN chosen_triage.urgent = 1 AND chosen_triage.cleared_at IS NULL THEN 0 ELSE 1 END, ",
            "chosen.number DESC LIMIT $5 OFFSET $6) ",
            "ORDER BY CASE WHEN appeal_triage.urgent = 1 AND appeal_triage.cleared_at IS NULL THEN 0 ELSE 1 END, ",
            "appeals.number DESC"
        ))
        .bind(organisation_id.0)
        .bind(year_code)
        .bind(channel)
        .bind(anonymous)
        .bind(i64::try_from(sql_limit).unwrap_or(i64::MAX))
        .bind(i64::try_from(sql_offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        let mut appeals = Vec::with_capacity(rows.len());
        let mut triages = HashMap::new();
        for row in &rows {
            let appeal = appeal_from_row(&self.cipher, row)?;
            if let Some(triage) = triage_from_row(&self.cipher, &appeal, row)? {
                triages.insert(appeal.id, triage);
            }
            appeals.push(appeal);
        }
        let mut latest_outcomes = self.latest_outcomes(organisation_id, year, &appeals).await?;
        let links = self.correction_links(organisation_id).await?;
        let rows = appeals.into_iter().map(|appeal| {
            let latest_outcome = latest_outcomes.remove(&appeal.id);
            let triage = triages.remove(&appeal.id);
            links.row(appeal, latest_outcome, triage)
        });
        let (rows, matching) = match text {
            None => {
                let matching: i64 = count(
                    "SELECT COUNT(*) AS n FROM appeals WHERE organisation_id = $1 AND year = $2 \
                     AND ($3 = '' OR channel = $3) AND ($4 < 0 OR anonymous = $4)",
                )
                .await?
                .try_get("n")?;
                (rows.collect(), usize::try_from(matching).unwrap_or(0))
            }
            Some(text) => {
                let found: Vec<JournalRow> = rows.filter(|row| row.matches_text(&text)).collect();
                let matching = found.len();
                (found.into_iter().skip(offset).take(limit).collect(), matching)
            }
        };
        Ok(JournalSlice {
            rows,
            matching,
            in_year: usize::try_from(in_year).unwrap_or(0),
        })
    }

    /// The latest outcome of each of `appeals`, opening only those.
    async fn latest_outcomes(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
        appeals: &[Appeal],
    ) -> Result<HashMap<AppealId, Outcome>, StoreError> {
        let outcome_rows = sqlx::query(concat!(
            "SELECT ",
            outcome_columns!(),
            " FROM appeal_outcomes JOIN appeals ON appeals.id = appeal_outcomes.appeal_id \
                 WHERE appeals.organisation_id = $1 AND appeals.year = $2 ORDER BY appeal_outcomes.id"
        ))
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_all(&self.pool)
        .await?;
        let wanted: std::collections::HashSet<AppealId> = appeals.iter().map(|appeal| appeal.id).collect();
        let mut latest_rows = HashMap::new();
        for row in &outcome_rows {
            let appeal_id = AppealId(row.try_get("appeal_id")?);
            if wanted.contains(&appeal_id) {
                latest_rows.insert(appeal_id, row);
            }
        }
        latest_rows
            .into_iter()
            .map(|(appeal_id, row)| Ok((appeal_id, outcome_from_row(&self.cipher, organisation_id, row)?)))
            .collect()
    }

    /// One appeal of the organisation with its history; `NotFound` for another school's.
    pub async fn appeal(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<AppealRecord, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            appeal_columns!(),
            ", users.full_name AS registered_by_name, users.system_account AS registered_by_system",
            appeals_with_corrected!(),
            "JOIN users ON users.id = appeals.registered_by WHERE appeals.id = $1 AND appeals.organisation_id = $2"
        ))
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let appeal = appeal_from_row(&self.cipher, &row)?;
        let triage = triage_from_row(&self.cipher, &appeal, &row)?;
        let registered_by_name: String = row.try_get("registered_by_name")?;
        let registered_automatically = row.try_get::<i64, _>("registered_by_system")? == 1;
        let outcome_rows = sqlx::query(concat!(
            "SELECT ",
            outcome_columns!(),
            ", users.full_name FROM appeal_outcomes \
             JOIN appeals ON appeals.id = appeal_outcomes.appeal_id \
             JOIN users ON users.id = appeal_outcomes.recorded_by \
             WHERE appeal_outcomes.organisation_id = $1 AND appeal_outcomes.appeal_id = $2 ORDER BY appeal_outcomes.id"
        ))
        .bind(organisation_id.0)
        .bind(appeal_id.0)
        .fetch_all(&self.pool)
        .await?;
        let outcomes = outcome_rows
            .iter()
            .map(|row| {
                Ok(OutcomeRecord {
                    outcome: outcome_from_row(&self.cipher, organisation_id, row)?,
                    recorded_by_name: row.try_get("full_name")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let links = self.correction_links(organisation_id).await?;
        let corrected_by_ids = links.corrected_by_ids(appeal_id);
        let latest_outcome = outcomes.last().map(|record| record.outcome.clone());
        Ok(AppealRecord {
            row: links.row(appeal, latest_outcome, triage),
            registered_by_name,
            registered_automatically,
            outcomes,
            corrected_by_ids,
        })
    }

    /// Which entries correct which in the organisation's journal. Corrections are few, so
    /// all of them are read.
    async fn correction_links(&self, organisation_id: OrganisationId) -> Result<CorrectionLinks, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.year, a.number, a.corrects_id FROM appeals a WHERE a.organisation_id = $1 AND ( \
               a.corrects_id IS NOT NULL OR a.id IN ( \
                 SELECT c.corrects_id FROM appeals c WHERE c.organisation_id = $1 AND c.corrects_id IS NOT NULL))",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut links = CorrectionLinks::default();
        for row in &rows {
            let id = AppealId(row.try_get("id")?);
            let year = JournalYear(
                i32::try_from(row.try_get::<i64, _>("year")?).map_err(|_| StoreError::Corrupt("year"))?,
            );
            links
                .numbers
                .insert(id, (year, JournalNumber(row.try_get("number")?)));
            if let Some(corrects) = row.try_get::<Option<i64>, _>("corrects_id")? {
                links.corrections.push((id, AppealId(corrects)));
            }
        }
        Ok(links)
    }
}

#[derive(Default)]
struct CorrectionLinks {
    numbers: HashMap<AppealId, (JournalYear, JournalNumber)>,
    /// (correcting entry, corrected entry), in registration order.
    corrections: Vec<(AppealId, AppealId)>,
}

impl CorrectionLinks {
    fn corrected_by_ids(&self, appeal_id: AppealId) -> Vec<AppealId> {
        let mut ids: Vec<AppealId> = self
            .corrections
            .iter()
            .filter(|(_, corrected)| *corrected == appeal_id)
            .map(|(by, _)| *by)
            .collect();
        ids.sort();
        ids
    }

    fn row(&self, appeal: Appeal, latest_outcome: Option<Outcome>, triage: Option<Triage>) -> JournalRow {
        let corrects = appeal
            .correction
            .as_ref()
            .and_then(|c| self.numbers.get(&c.corrects).copied());
        let corrected_by = self
            .corrected_by_ids(appeal.id)
            .into_iter()
            .filter_map(|id| self.numbers.get(&id).copied())
            .collect();
        JournalRow {
            appeal,
            triage,
            latest_outcome,
            corrects,
            corrected_by,
        }
    }
}

/// Hands out the next number of the organisation's year and the chain head it follows. The
/// first statement writes, so the transaction holds the counter until it commits.
async fn take_next_number(
    tx: &mut Transaction<'static, Any>,
    organisation_id: OrganisationId,
    year: JournalYear,
) -> Result<(JournalNumber, EntryHash), StoreError> {
    sqlx::query(
        "INSERT INTO journal_counters (organisation_id, year, last_number, head_hash) VALUES ($1, $2, 0, $3) \
         ON CONFLICT (organisation_id, year) DO NOTHING",
    )
    .bind(organisation_id.0)
    .bind(i64::from(year.0))
    .bind(EntryHash::GENESIS.to_hex())
    .execute(&mut **tx)
    .await?;
    let row = sqlx::query(
        "UPDATE journal_counters SET last_number = last_number + 1 \
         WHERE organisation_id = $1 AND year = $2 RETURNING last_number, head_hash",
    )
    .bind(organisation_id.0)
    .bind(i64::from(year.0))
    .fetch_one(&mut **tx)
    .await?;
    Ok((
        JournalNumber(row.try_get("last_number")?),
        hash_from_row(&row, "head_hash")?,
    ))
}
