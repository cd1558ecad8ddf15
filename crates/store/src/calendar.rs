//! What an administrator loads over the embedded data: working-calendar files, then triage
//! lexicon additions — each applied in the order loaded.

use chrono::{DateTime, Utc};
use senim_domain::calendar::{CalendarError, WorkingCalendar};
use senim_domain::triage::{Lexicon, LexiconError};
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

    /// The embedded lexicon with every loaded file's additions.
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
        Ok(lexicon)
    }
}
