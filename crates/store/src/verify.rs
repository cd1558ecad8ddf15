//! `senim verify`: recompute every chain from the stored rows and say where the first one
//! stops holding.

use senim_domain::journal::{ChainBreak, StoredLink, entry_hash, outcome_hash, verify_year};
use senim_domain::{EntryHash, JournalNumber, JournalYear, OrganisationId};
use sqlx::Row;

use crate::appeals::{appeal_from_row, outcome_from_row};
use crate::{Store, StoreError};

/// The result for one chain: a school's journal of one year, or its outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub organisation: String,
    /// `Some(year)` for a journal, `None` for the outcomes chain.
    pub year: Option<JournalYear>,
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

impl Store {
    pub async fn verify(&self) -> Result<VerifyReport, StoreError> {
        let mut report = VerifyReport::default();
        for organisation in self.organisations().await? {
            let counters = sqlx::query(
                "SELECT year, last_number FROM journal_counters WHERE organisation_id = $1 ORDER BY year",
            )
            .bind(organisation.id.0)
            .fetch_all(&self.pool)
            .await?;
            for counter in &counters {
                let year: i64 = counter.try_get("year")?;
                let last_number = JournalNumber(counter.try_get("last_number")?);
                let result = self
                    .verify_journal_year(organisation.id, year, last_number)
                    .await?;
                let year = JournalYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("year"))?);
                report.chains.push(ChainReport {
                    organisation: organisation.slug.as_str().to_owned(),
                    year: Some(year),
                    result,
                });
            }
            if let Some(result) = self.verify_outcomes(organisation.id).await? {
                report.chains.push(ChainReport {
                    organisation: organisation.slug.as_str().to_owned(),
                    year: None,
                    result,
                });
            }
        }
        Ok(report)
    }

    async fn verify_journal_year(
        &self,
        organisation_id: OrganisationId,
        year: i64,
        last_number: JournalNumber,
    ) -> Result<Result<usize, ChainBreak>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            appeal_columns!(),
            " FROM appeals WHERE organisation_id = $1 AND year = $2 ORDER BY number"
        ))
        .bind(organisation_id.0)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        let mut links = Vec::with_capacity(rows.len());
        for row in &rows {
            let number = JournalNumber(row.try_get("number")?);
            let stored = |column: &str| -> Result<EntryHash, StoreError> {
                let text: String = row.try_get(column)?;
                Ok(EntryHash::from_hex(&text).unwrap_or(EntryHash::GENESIS))
            };
            let stored_prev = stored("prev_hash")?;
            // A row that cannot even be read back (altered ciphertext, key) is an altered row.
            let recomputed = appeal_from_row(&self.cipher, row)
                .ok()
                .filter(|appeal| {
                    appeal.organisation_id == organisation_id && i64::from(appeal.year.0) == year
                })
                .map(|appeal| entry_hash(stored_prev, &appeal));
            links.push(StoredLink {
                number,
                stored_prev,
                stored_hash: stored("entry_hash")?,
                recomputed,
            });
        }
        Ok(verify_year(links, Some(last_number).filter(|n| n.0 > 0)))
    }

    async fn verify_outcomes(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Option<Result<usize, ChainBreak>>, StoreError> {
        let Some(chain) = sqlx::query("SELECT length FROM outcome_chains WHERE organisation_id = $1")
            .bind(organisation_id.0)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let length: i64 = chain.try_get("length")?;
        let rows = sqlx::query(
            "SELECT appeal_id, outcome_text, recorded_at, recorded_by, prev_hash, entry_hash \
             FROM appeal_outcomes WHERE organisation_id = $1 ORDER BY id",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut links = Vec::with_capacity(rows.len());
        for (position, row) in rows.iter().enumerate() {
            let stored = |column: &str| -> Result<EntryHash, StoreError> {
                let text: String = row.try_get(column)?;
                Ok(EntryHash::from_hex(&text).unwrap_or(EntryHash::GENESIS))
            };
            let stored_prev = stored("prev_hash")?;
            let recomputed = outcome_from_row(&self.cipher, organisation_id, row)
                .ok()
                .map(|outcome| outcome_hash(stored_prev, organisation_id.0, &outcome));
            links.push(StoredLink {
                number: JournalNumber(position as i64 + 1),
                stored_prev,
                stored_hash: stored("entry_hash")?,
                recomputed,
            });
        }
        Ok(Some(verify_year(
            links,
            Some(JournalNumber(length)).filter(|n| n.0 > 0),
        )))
    }
}
