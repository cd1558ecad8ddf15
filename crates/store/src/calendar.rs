//! The working calendar in force: the embedded file, then every file an administrator
//! loaded, in order.

use chrono::{DateTime, Utc};
use senim_domain::calendar::{CalendarError, WorkingCalendar};
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
