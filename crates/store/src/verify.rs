//! `senim verify`: recompute every chain from the stored rows and say where the first one
//! stops holding. Everything is read in one snapshot, so registrations going on meanwhile
//! are either wholly seen or not at all.

use senim_domain::journal::{
    ChainBreak, ChainCounter, ChainId, StoredLink, entry_hash, outcome_hash, verify_year,
};
use senim_domain::{EntryHash, EntryRef, JournalNumber, JournalYear, OrganisationId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::appeals::{appeal_from_row, corrects_entry_from_row, outcome_from_row};
use crate::{Backend, Store, StoreError};

/// Which of a school's chains a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainKind {
    Journal(JournalYear),
    Outcomes,
    Audit,
}

/// The result for one chain: a school's journal of one year, its outcomes, or its audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub organisation: String,
    pub kind: ChainKind,
    /// The number of entries checked, or where the chain breaks. For outcomes the "number" is
    /// the outcome's position in the school's record of outcomes.
    pub result: Result<usize, ChainBreak>,
}

#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    pub chains: Vec<ChainReport>,
}

impl VerifyReport {
    pub fn is_intact(&self) -> bool {
        self.chains.iter().all(|chain| chain.result.is_ok())
    }
}

/// A stored seal; an unreadable one is `None`, which verification reports as altered.
fn stored_hash(row: &AnyRow, column: &str) -> Result<Option<EntryHash>, StoreError> {
    let text: String = row.try_get(column)?;
    Ok(EntryHash::from_hex(&text))
}

fn counter_from(row: Option<AnyRow>, number_column: &str) -> Result<Option<ChainCounter>, StoreError> {
    row.map(|row| {
        Ok(ChainCounter {
            last_number: JournalNumber(row.try_get(number_column)?),
            head: stored_hash(&row, "head_hash")?.unwrap_or(EntryHash::GENESIS),
            seal: row
                .try_get::<Option<String>, _>("head_seal")?
                .as_deref()
                .and_then(EntryHash::from_hex),
        })
    })
    .transpose()
}

/// Builds the link of one stored row: `seal` recomputes its hash from `prev`.
fn link(
    number: JournalNumber,
    row: &AnyRow,
    seal: impl FnOnce(EntryHash) -> Option<EntryHash>,
) -> Result<StoredLink, StoreError> {
    let (prev, hash) = (stored_hash(row, "prev_hash")?, stored_hash(row, "entry_hash")?);
    let recomputed = match (prev, hash) {
        (Some(prev), Some(_)) => seal(prev),
        _ => None,
    };
    Ok(StoredLink {
        number,
        stored_prev: prev.unwrap_or(EntryHash::GENESIS),
        stored_hash: hash.unwrap_or(EntryHash::GENESIS),
        recomputed,
    })
}

impl Store {
    pub async fn verify(&self) -> Result<VerifyReport, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await?;
        }
        let organisations = sqlx::query("SELECT id, slug FROM organisations ORDER BY id")
            .fetch_all(&mut *tx)
            .await?;
        let mut report = VerifyReport::default();
        for organisation in &organisations {
            let organisation_id = OrganisationId(organisation.try_get("id")?);
            let slug: String = organisation.try_get("slug")?;
            // Every year that has a counter or an entry: a deleted counter hides no year.
            let years = sqlx::query(
                "SELECT year FROM journal_counters WHERE organisation_id = $1 \
                 UNION SELECT year FROM appeals WHERE organisation_id = $1 ORDER BY year",
            )
            .bind(organisation_id.0)
            .fetch_all(&mut *tx)
            .await?;
            for year in &years {
                let year: i64 = year.try_get("year")?;
                let result = self.verify_journal_year(&mut tx, organisation_id, year).await?;
                let year = JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("year"))?);
                report.chains.push(ChainReport {
                    organisation: slug.clone(),
                    kind: ChainKind::Journal(year),
                    result,
                });
            }
            if let Some(result) = self.verify_outcomes(&mut tx, organisation_id).await? {
                report.chains.push(ChainReport {
                    organisation: slug.clone(),
                    kind: ChainKind::Outcomes,
                    result,
                });
            }
            if let Some(result) = self.verify_audit(&mut tx, organisation_id).await? {
                report.chains.push(ChainReport {
                    organisation: slug.clone(),
                    kind: ChainKind::Audit,
                    result,
                });
            }
        }
        tx.rollback().await?;
        Ok(report)
    }

    async fn verify_journal_year(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        year: i64,
    ) -> Result<Result<usize, ChainBreak>, StoreError> {
        let counter = sqlx::query(
            "SELECT last_number, head_hash, head_seal FROM journal_counters WHERE organisation_id = $1 AND year = $2",
        )
        .bind(organisation_id.0)
        .bind(year)
        .fetch_optional(&mut **tx)
        .await?;
        let counter = counter_from(counter, "last_number")?;
        let rows = sqlx::query(concat!(
            "SELECT ",
            appeal_columns!(),
            appeals_with_corrected!(),
            "WHERE appeals.organisation_id = $1 AND appeals.year = $2 ORDER BY appeals.number"
        ))
        .bind(organisation_id.0)
        .bind(year)
        .fetch_all(&mut **tx)
        .await?;
        let mut links = Vec::with_capacity(rows.len());
        for row in &rows {
            let number = JournalNumber(row.try_get("number")?);
            // A row that cannot even be read back (altered ciphertext, key) is an altered row.
            let appeal = appeal_from_row(&self.cipher, row).ok().filter(|appeal| {
                appeal.organisation_id == organisation_id && i64::from(appeal.year.0) == year
            });
            let corrects = corrects_entry_from_row(row).ok().flatten();
            let correction_resolves = appeal
                .as_ref()
                .is_some_and(|a| a.correction.is_none() || corrects.is_some());
            links.push(link(number, row, |prev| {
                appeal
                    .filter(|_| correction_resolves)
                    .map(|appeal| entry_hash(prev, &appeal, corrects))
            })?);
        }
        let chain = ChainId::Journal {
            organisation_id: organisation_id.0,
            year: JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("year"))?),
        };
        Ok(verify_year(links, counter, &self.chain_key, chain))
    }

    async fn verify_outcomes(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
    ) -> Result<Option<Result<usize, ChainBreak>>, StoreError> {
        let counter =
            sqlx::query("SELECT length, head_hash, head_seal FROM outcome_chains WHERE organisation_id = $1")
                .bind(organisation_id.0)
                .fetch_optional(&mut **tx)
                .await?;
        let counter = counter_from(counter, "length")?;
        // LEFT JOIN: an outcome whose appeal is gone is still checked (and found altered).
        let rows = sqlx::query(
            "SELECT appeal_outcomes.appeal_id, appeal_outcomes.outcome_text, appeal_outcomes.recorded_at, \
             appeal_outcomes.recorded_by, appeal_outcomes.prev_hash, appeal_outcomes.entry_hash, \
             appeals.year AS appeal_year, appeals.number AS appeal_number \
             FROM appeal_outcomes LEFT JOIN appeals ON appeals.id = appeal_outcomes.appeal_id \
             AND appeals.organisation_id = appeal_outcomes.organisation_id \
             WHERE appeal_outcomes.organisation_id = $1 ORDER BY appeal_outcomes.id",
        )
        .bind(organisation_id.0)
        .fetch_all(&mut **tx)
        .await?;
        if counter.is_none() && rows.is_empty() {
            return Ok(None);
        }
        let mut links = Vec::with_capacity(rows.len());
        for (position, row) in rows.iter().enumerate() {
            let appeal = match (
                row.try_get::<Option<i64>, _>("appeal_year")?,
                row.try_get::<Option<i64>, _>("appeal_number")?,
            ) {
                (Some(year), Some(number)) => i32::try_from(year).ok().map(|year| EntryRef {
                    year: JournalYear(year),
                    number: JournalNumber(number),
                }),
                _ => None,
            };
            let outcome = appeal.and_then(|_| outcome_from_row(&self.cipher, organisation_id, row).ok());
            links.push(link(JournalNumber(position as i64 + 1), row, |prev| {
                Some(outcome_hash(prev, organisation_id.0, appeal?, &outcome?))
            })?);
        }
        let chain = ChainId::Outcomes {
            organisation_id: organisation_id.0,
        };
        Ok(Some(verify_year(links, counter, &self.chain_key, chain)))
    }
}
