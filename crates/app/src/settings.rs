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
        if let Ok(lexicon) = &loaded {
            self.set_lexicon(lexicon.clone());
            tracing::info!("triage lexicon additions loaded");
        }
        Ok(loaded)
    }

    /// Adds a term to a category of the urgent-risk lexicon from its page: kept with who and
    /// when, in the audit, and in force for the next text screened, with no restart.
    pub async fn add_lexicon_term(
        &self,
        by: &senim_store::User,
        category: &str,
        language: &str,
        term: &str,
    ) -> Result<(), crate::Refused<senim_domain::triage::TermError>> {
        let addition = self
            .lexicon()
            .term_addition(category, language, term)
            .map_err(crate::Refused::Rule)?;
        let audit = self
            .event(by, senim_domain::audit::AuditAction::SettingsChanged)
            .with_detail("lexicon_term");
        self.store
            .add_lexicon_term(by.organisation_id, &addition, by.id, self.now(), &audit)
            .await?;
        self.set_lexicon(self.store.lexicon().await?);
        tracing::info!(user = by.id.0, "triage lexicon term added");
        Ok(())
    }
}
