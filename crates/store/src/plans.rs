//! The yearly activity plan: items in order per school and academic year, and the periods
//! people marked done with a note. Whether a period is done by the record (openings, minutes,
//! calls) is the domain's reckoning, not stored.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::plan::{AcademicYear, Activity, PlanItem, StandardActivity, Timing};
use senim_domain::{OrganisationId, Position, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, from_unix, unix};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlanItemId(pub i64);

/// A period a person marked done.
#[derive(Clone, Debug)]
pub struct PlanMark {
    pub period_start: NaiveDate,
    pub note: String,
    pub marked_by: String,
    pub marked_at: DateTime<Utc>,
}

/// An item of a school's plan with its marks.
#[derive(Clone, Debug)]
pub struct PlanItemRecord {
    pub id: PlanItemId,
    pub item: PlanItem,
    pub marks: Vec<PlanMark>,
}

#[derive(Debug, thiserror::Error)]
pub enum PlanRefusal {
    #[error("academic_year: this year already has a plan")]
    Exists,
    #[error("academic_year: this year has no plan; create it first")]
    NoPlan,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A school's own wording is sealed: staff may write of a class or a child.
fn wording_aad(organisation_id: OrganisationId, year: AcademicYear, place: i64) -> String {
    format!("plan-item/{}/{}/{place}", organisation_id.0, year.0)
}

fn item_from_row(
    store: &Store,
    organisation_id: OrganisationId,
    year: AcademicYear,
    row: &AnyRow,
) -> Result<PlanItemRecord, StoreError> {
    let corrupt = || StoreError::Corrupt("plan item");
    let standard: Option<String> = row.try_get("standard")?;
    let wording: Option<Vec<u8>> = row.try_get("wording")?;
    let activity = match (standard, wording) {
        (Some(code), _) => Activity::Standard(StandardActivity::parse(&code).ok_or_else(corrupt)?),
        (None, Some(sealed)) => Activity::Custom(store.cipher.open(
            &wording_aad(organisation_id, year, row.try_get("place")?),
            &sealed,
        )?),
        (None, None) => return Err(corrupt()),
    };
    let timing: String = row.try_get("timing")?;
    let responsible: String = row.try_get("responsible")?;
    Ok(PlanItemRecord {
        id: PlanItemId(row.try_get("id")?),
        item: PlanItem {
            activity,
            timing: Timing::parse(&timing).ok_or_else(corrupt)?,
            responsible: responsible
                .split(',')
                .map(|code| Position::parse(code).ok_or_else(corrupt))
                .collect::<Result<_, _>>()?,
        },
        marks: Vec::new(),
    })
}

/// A mark's note is sealed: staff may write who was spoken to.
fn note_aad(item_id: PlanItemId, period_start: &str) -> String {
    format!("plan-mark/{}/{period_start}", item_id.0)
}

impl Store {
    /// The academic years that have a plan, latest first.
    pub async fn plan_years(&self, organisation_id: OrganisationId) -> Result<Vec<AcademicYear>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT academic_year FROM plan_items WHERE organisation_id = $1 ORDER BY academic_year DESC",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let year: i64 = row.try_get("academic_year")?;
                Ok(AcademicYear(
                    i32::try_from(year).map_err(|_| StoreError::Corrupt("plan year"))?,
                ))
            })
            .collect()
    }

    /// The plan of a year in order, each item with its marks; empty when there is none.
    pub async fn plan(
        &self,
        organisation_id: OrganisationId,
        year: AcademicYear,
    ) -> Result<Vec<PlanItemRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, place, standard, wording, timing, responsible FROM plan_items \
             WHERE organisation_id = $1 AND academic_year = $2 ORDER BY place",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_all(&self.pool)
        .await?;
        let mut items = rows
            .iter()
            .map(|row| item_from_row(self, organisation_id, year, row))
            .collect::<Result<Vec<_>, _>>()?;
        let marks = sqlx::query(
            "SELECT plan_marks.item_id, plan_marks.period_start, plan_marks.note, plan_marks.marked_at, \
             users.full_name FROM plan_marks JOIN plan_items ON plan_items.id = plan_marks.item_id \
             JOIN users ON users.id = plan_marks.marked_by \
             WHERE plan_items.organisation_id = $1 AND plan_items.academic_year = $2 \
             ORDER BY plan_marks.period_start",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_all(&self.pool)
        .await?;
        for row in &marks {
            let item_id = PlanItemId(row.try_get("item_id")?);
            let period_start: String = row.try_get("period_start")?;
            let mark = PlanMark {
                period_start: NaiveDate::parse_from_str(&period_start, "%Y-%m-%d")
                    .map_err(|_| StoreError::Corrupt("plan mark"))?,
                note: self.cipher.open(
                    &note_aad(item_id, &period_start),
                    &row.try_get::<Vec<u8>, _>("note")?,
                )?,
                marked_by: row.try_get("full_name")?,
                marked_at: from_unix(row.try_get("marked_at")?)?,
            };
            if let Some(item) = items.iter_mut().find(|item| item.id == item_id) {
                item.marks.push(mark);
            }
        }
        Ok(items)
    }

    /// A transaction that writes first (serialising writes to one school's plan on both
    /// backends) and the last place taken in the year's plan (0 when it has none).
    async fn begin_plan_write(
        &self,
        organisation_id: OrganisationId,
        year: AcademicYear,
    ) -> Result<(sqlx::Transaction<'static, sqlx::Any>, i64), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        let last: i64 = sqlx::query(
            "SELECT COALESCE(MAX(place), 0) AS last FROM plan_items WHERE organisation_id = $1 AND academic_year = $2",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_one(&mut *tx)
        .await?
        .try_get("last")?;
        Ok((tx, last))
    }

    /// Writes a new year's plan from checked items; refused when the year has one.
    pub async fn create_plan(
        &self,
        organisation_id: OrganisationId,
        year: AcademicYear,
        items: &[PlanItem],
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), PlanRefusal> {
        let (mut tx, existing) = self.begin_plan_write(organisation_id, year).await?;
        if existing > 0 {
            return Err(PlanRefusal::Exists);
        }
        for (place, item) in items.iter().enumerate() {
            let place = i64::try_from(place).unwrap_or(0) + 1;
            self.insert_item(&mut tx, organisation_id, year, place, item, by, now)
                .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Adds a checked item at the end of a year's plan; refused when the year has none (it is
    /// started from the standard items first).
    pub async fn add_plan_item(
        &self,
        organisation_id: OrganisationId,
        year: AcademicYear,
        item: &PlanItem,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<PlanItemId, PlanRefusal> {
        let (mut tx, last) = self.begin_plan_write(organisation_id, year).await?;
        if last == 0 {
            return Err(PlanRefusal::NoPlan);
        }
        let id = self
            .insert_item(&mut tx, organisation_id, year, last + 1, item, by, now)
            .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// Removes an item and its marks; `NotFound` for another school's.
    pub async fn remove_plan_item(
        &self,
        organisation_id: OrganisationId,
        item_id: PlanItemId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Writing first serialises a removal with a mark of the same school.
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        let owned = sqlx::query("SELECT id FROM plan_items WHERE id = $1 AND organisation_id = $2")
            .bind(item_id.0)
            .bind(organisation_id.0)
            .fetch_optional(&mut *tx)
            .await?;
        if owned.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM plan_marks WHERE item_id = $1")
            .bind(item_id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM plan_items WHERE id = $1")
            .bind(item_id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An item of the school's plan with the year it belongs to; `NotFound` for another school's.
    pub async fn plan_item(
        &self,
        organisation_id: OrganisationId,
        item_id: PlanItemId,
    ) -> Result<(AcademicYear, PlanItemRecord), StoreError> {
        let row = sqlx::query(
            "SELECT id, academic_year, place, standard, wording, timing, responsible FROM plan_items \
             WHERE id = $1 AND organisation_id = $2",
        )
        .bind(item_id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let year: i64 = row.try_get("academic_year")?;
        let year = AcademicYear(i32::try_from(year).map_err(|_| StoreError::Corrupt("plan year"))?);
        Ok((year, item_from_row(self, organisation_id, year, &row)?))
    }

    /// Marks a period of the school's item done with a note (replacing an earlier mark of the
    /// period); `NotFound` for another school's item. The caller has checked the period with
    /// `plan::check_mark`.
    pub async fn mark_plan_period(
        &self,
        organisation_id: OrganisationId,
        item_id: PlanItemId,
        period_start: NaiveDate,
        note: &str,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let start = period_start.format("%Y-%m-%d").to_string();
        let mut tx = self.pool.begin().await?;
        // Writing first serialises two marks of one school on both backends.
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("SELECT id FROM plan_items WHERE id = $1 AND organisation_id = $2")
            .bind(item_id.0)
            .bind(organisation_id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        sqlx::query("DELETE FROM plan_marks WHERE item_id = $1 AND period_start = $2")
            .bind(item_id.0)
            .bind(&start)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO plan_marks (item_id, period_start, note, marked_by, marked_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(item_id.0)
        .bind(&start)
        .bind(self.cipher.seal(&note_aad(item_id, &start), note.trim())?)
        .bind(by.0)
        .bind(unix(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes back a mark of the school's item; true when there was one.
    pub async fn unmark_plan_period(
        &self,
        organisation_id: OrganisationId,
        item_id: PlanItemId,
        period_start: NaiveDate,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM plan_marks WHERE item_id = $1 AND period_start = $2 \
             AND item_id IN (SELECT id FROM plan_items WHERE organisation_id = $3)",
        )
        .bind(item_id.0)
        .bind(period_start.format("%Y-%m-%d").to_string())
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    #[allow(clippy::too_many_arguments)]
    async fn insert_item(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        organisation_id: OrganisationId,
        year: AcademicYear,
        place: i64,
        item: &PlanItem,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<PlanItemId, StoreError> {
        let (standard, wording) = match &item.activity {
            Activity::Standard(activity) => (Some(activity.code()), None),
            Activity::Custom(wording) => (
                None,
                Some(
                    self.cipher
                        .seal(&wording_aad(organisation_id, year, place), wording)?,
                ),
            ),
        };
        let responsible: Vec<&str> = item.responsible.iter().map(|position| position.code()).collect();
        let row = sqlx::query(
            "INSERT INTO plan_items (organisation_id, academic_year, place, standard, wording, timing, responsible, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .bind(place)
        .bind(standard)
        .bind(wording)
        .bind(item.timing.code())
        .bind(responsible.join(","))
        .bind(by.0)
        .bind(unix(now))
        .fetch_one(&mut **tx)
        .await?;
        Ok(PlanItemId(row.try_get("id")?))
    }
}
