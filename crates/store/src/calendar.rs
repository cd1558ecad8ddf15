//! What an administrator loads over the embedded data: working-calendar files, then triage
//! lexicon additions — files from the command line, then terms added from the lexicon's page —
//! each applied in the order loaded.

use chrono::{DateTime, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::calendar::{CalendarError, WorkingCalendar};
use senim_domain::triage::{Lexicon, LexiconError, TermAddition};
use senim_domain::{OrganisationId, UserId};
use sqlx::Row;

use crate::{Store, StoreError, unix};

impl Store {
    /// Keeps a calendar file after checking that it reads; returns the calendar now in force.
    pub async fn load_calendar_file(
        &self,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<WorkingCalendar, CalendarError>, StoreError> {
        if let Err(error) = WorkingCalendar::parse(body) {
            return Ok(Err(error));
        }
        sqlx::query("INSERT INTO calendar_files (loaded_at, body) VALUES ($1, $2)")
            .bind(unix(now))
            .bind(body)
            .execute(&self.pool)
            .await?;
        Ok(Ok(self.working_calendar().await?))
    }

    /// The embedded calendar with every loaded file applied over it.
    pub async fn working_calendar(&self) -> Result<WorkingCalendar, StoreError> {
        let rows = sqlx::query("SELECT body FROM calendar_files ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut calendar = WorkingCalendar::embedded();
        for row in &rows {
            let body: String = row.try_get("body")?;
            let file = WorkingCalendar::parse(&body).map_err(|_| StoreError::Corrupt("calendar file"))?;
            calendar = calendar.merged_with(file);
        }
        Ok(calendar)
    }
}

impl Store {
    /// Keeps a lexicon file of additions after checking that it reads; returns the lexicon
    /// now in force.
    pub async fn load_lexicon_file(
        &self,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<Lexicon, LexiconError>, StoreError> {
        if let Err(error) = Lexicon::parse(body) {
            return Ok(Err(error));
        }
        sqlx::query("INSERT INTO lexicon_files (loaded_at, body) VALUES ($1, $2)")
            .bind(unix(now))
            .bind(body)
            .execute(&self.pool)
            .await?;
        Ok(Ok(self.lexicon().await?))
    }

    /// The embedded lexicon with every loaded file's additions and every term added from the
    /// lexicon's page.
    pub async fn lexicon(&self) -> Result<Lexicon, StoreError> {
        let rows = sqlx::query("SELECT body FROM lexicon_files ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut lexicon = Lexicon::embedded();
        for row in &rows {
            let body: String = row.try_get("body")?;
            let file = Lexicon::parse(&body).map_err(|_| StoreError::Corrupt("lexicon file"))?;
            lexicon = lexicon.extended_with(file);
        }
        for term in self.lexicon_terms().await? {
            let file =
                Lexicon::parse(&term.addition.file()).map_err(|_| StoreError::Corrupt("lexicon term"))?;
            lexicon = lexicon.extended_with(file);
        }
        Ok(lexicon)
    }

    /// Keeps a term added from the lexicon's page, with its audit event, in one transaction.
    pub async fn add_lexicon_term(
        &self,
        organisation_id: OrganisationId,
        addition: &TermAddition,
        by: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO lexicon_terms (organisation_id, category, language, term, added_at, added_by) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(organisation_id.0)
        .bind(&addition.category)
        .bind(&addition.language)
        .bind(&addition.term)
        .bind(unix(now))
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every term added from the lexicon's page, oldest first.
    pub async fn lexicon_terms(&self) -> Result<Vec<LexiconTerm>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.organisation_id, t.category, t.language, t.term, t.added_at, u.full_name, o.name_kk, o.name_ru \
             FROM lexicon_terms t JOIN users u ON u.id = t.added_by JOIN organisations o ON o.id = t.organisation_id \
             ORDER BY t.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(LexiconTerm {
                    addition: TermAddition {
                        category: row.try_get("category")?,
                        language: row.try_get("language")?,
                        term: row.try_get("term")?,
                    },
                    organisation_id: OrganisationId(row.try_get("organisation_id")?),
                    added_at: crate::from_unix(row.try_get("added_at")?)?,
                    added_by_name: row.try_get("full_name")?,
                    school_kk: row.try_get("name_kk")?,
                    school_ru: row.try_get("name_ru")?,
                })
            })
            .collect()
    }
}

/// A term added from the lexicon's page: what, when, by whom, from which school.
#[derive(Clone, Debug)]
pub struct LexiconTerm {
    pub addition: TermAddition,
    /// The school it was added from.
    pub organisation_id: OrganisationId,
    pub added_at: DateTime<Utc>,
    pub added_by_name: String,
    pub school_kk: String,
    pub school_ru: String,
}
