//! What the server's holder loads for every school: a newer working calendar, regional words
//! for the urgent-risk screen.

use chrono::{DateTime, Utc};
use senim_domain::calendar::{CalendarError, WorkingCalendar};
use senim_domain::triage::{Lexicon, LexiconError};
use senim_store::StoreError;

use crate::App;

impl App {
    /// Loads a newer official calendar file: its years replace the years Senim knew. The
    /// server counts deadlines on it from its next start.
    pub async fn load_calendar(
        &self,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<WorkingCalendar, CalendarError>, StoreError> {
        let loaded = self.store.load_calendar_file(body, now).await?;
        if loaded.is_ok() {
            tracing::info!("working calendar loaded");
        }
        Ok(loaded)
    }

    /// Adds terms (regional slang) to the urgent-risk lexicon; the server screens with them
    /// from its next start.
    pub async fn load_lexicon(
        &self,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<Lexicon, LexiconError>, StoreError> {
        let loaded = self.store.load_lexicon_file(body, now).await?;
        if loaded.is_ok() {
            tracing::info!("triage lexicon additions loaded");
        }
        Ok(loaded)
    }
}
