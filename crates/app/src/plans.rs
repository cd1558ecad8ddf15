//! The yearly activity plan: starting a year's plan, adding and removing items, marking a
//! period done.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::plan::{AcademicYear, PlanError, PlanItem, check_mark};
use senim_domain::{OrganisationId, UserId};
use senim_store::{PlanItemId, PlanRefusal, StoreError};

use crate::{App, Refused};

impl App {
    /// Starts a year's plan with its items.
    pub async fn create_plan(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        year: AcademicYear,
        items: &[PlanItem],
        now: DateTime<Utc>,
    ) -> Result<(), PlanRefusal> {
        self.store
            .create_plan(organisation_id, year, items, by, now)
            .await?;
        tracing::info!(user = by.0, items = items.len(), "activity plan created");
        Ok(())
    }

    /// Adds an item to a year's plan.
    pub async fn add_plan_item(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        year: AcademicYear,
        item: &PlanItem,
        now: DateTime<Utc>,
    ) -> Result<PlanItemId, PlanRefusal> {
        let id = self
            .store
            .add_plan_item(organisation_id, year, item, by, now)
            .await?;
        tracing::info!(user = by.0, item = id.0, "activity plan item added");
        Ok(id)
    }

    /// Removes an item from its plan, with its marks.
    pub async fn remove_plan_item(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        item_id: PlanItemId,
    ) -> Result<(), StoreError> {
        self.store.remove_plan_item(organisation_id, item_id).await?;
        tracing::info!(user = by.0, item = item_id.0, "activity plan item removed");
        Ok(())
    }

    /// Marks a begun period of a plan's item done, with a note (`check_mark` says which
    /// periods may be marked by hand). Returns the item's academic year.
    pub async fn mark_plan_period(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        item_id: PlanItemId,
        period_start: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<AcademicYear, Refused<PlanError>> {
        let (year, item) = self.store.plan_item(organisation_id, item_id).await?;
        let today = senim_domain::time::local_date(now);
        check_mark(&item.item, year, &self.calendar, period_start, note, today).map_err(Refused::Rule)?;
        self.store
            .mark_plan_period(organisation_id, item_id, period_start, note, by, now)
            .await?;
        tracing::info!(user = by.0, item = item_id.0, "activity plan period marked");
        Ok(year)
    }

    /// Takes a hand mark back; false when the period was not marked.
    pub async fn unmark_plan_period(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        item_id: PlanItemId,
        period_start: NaiveDate,
    ) -> Result<bool, StoreError> {
        let unmarked = self
            .store
            .unmark_plan_period(organisation_id, item_id, period_start)
            .await?;
        if unmarked {
            tracing::info!(user = by.0, item = item_id.0, "activity plan mark removed");
        }
        Ok(unmarked)
    }
}
