//! The commission's paperwork written by people: minutes of a meeting, the month's written
//! analysis.

use chrono::{DateTime, Utc};
use senim_domain::analysis::Month;
use senim_domain::minutes::MinutesDraft;
use senim_domain::{OrganisationId, UserId};
use senim_store::{MinutesRefusal, StoreError};

use crate::App;

impl App {
    /// Records a meeting's minutes with the next number of the school's year; returns the year
    /// and the number.
    pub async fn record_minutes(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        draft: &MinutesDraft,
        now: DateTime<Utc>,
    ) -> Result<(i32, i64), MinutesRefusal> {
        let (year, number) = self.store.record_minutes(organisation_id, draft, by, now).await?;
        tracing::info!(user = by.0, year, number, "minutes recorded");
        Ok((year, number))
    }

    /// Saves a month's written analysis (kk and ru) as a draft, or submits it to the director.
    pub async fn save_analysis_text(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        month: Month,
        texts: [&str; 2],
        submit: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store
            .save_analysis_report(organisation_id, month, texts, submit, by, now)
            .await?;
        tracing::info!(user = by.0, month = %month, submitted = submit, "monthly analysis text saved");
        Ok(())
    }
}
