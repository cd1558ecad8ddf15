//! Minutes of the commission's meetings: numbered per school and year, attendees as they
//! were named and placed that day, the agenda sealed.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::minutes::{AgendaItem, Heard, MinutesDraft};
use senim_domain::{OrganisationId, Positions, Redacted, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, from_unix, unix};

/// An attendee as the minutes name them.
#[derive(Clone, Debug)]
pub struct Attendee {
    pub user_id: UserId,
    pub full_name: String,
    pub positions: Positions,
}

/// Recorded minutes.
#[derive(Clone, Debug)]
pub struct MinutesRecord {
    pub year: i32,
    pub number: i64,
    pub held_on: NaiveDate,
    pub attendees: Vec<Attendee>,
    pub items: Vec<AgendaItem>,
    pub chair: UserId,
    pub secretary: UserId,
    pub recorded_at: DateTime<Utc>,
}

impl MinutesRecord {
    /// The attendee's name, for the speakers, the chair and the secretary.
    pub fn name_of(&self, user: UserId) -> &str {
        self.attendees
            .iter()
            .find(|attendee| attendee.user_id == user)
            .map_or("", |attendee| attendee.full_name.as_str())
    }
}

/// Why minutes could not be recorded (beyond the domain's checks).
#[derive(Debug, thiserror::Error)]
pub enum MinutesRefusal {
    #[error(transparent)]
    Invalid(#[from] senim_domain::minutes::MinutesError),
    #[error("attendees: not a member of this school's staff")]
    UnknownAttendee,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn body_aad(organisation_id: OrganisationId, year: i32, number: i64) -> String {
    format!("minutes/{}/{year}/{number}", organisation_id.0)
}

fn items_json(items: &[AgendaItem]) -> String {
    serde_json::Value::Array(
        items
            .iter()
            .map(|item| {
                serde_json::json!({
                    "topic": item.topic.as_str(),
                    "heard": item.heard.iter().map(|heard| serde_json::json!({
                        "speaker": heard.speaker.0,
                        "said": heard.said.as_str(),
                    })).collect::<Vec<_>>(),
                    "resolved": item.resolved.as_str(),
                })
            })
            .collect(),
    )
    .to_string()
}

fn items_from_json(text: &str) -> Result<Vec<AgendaItem>, StoreError> {
    let corrupt = || StoreError::Corrupt("minutes");
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| corrupt())?;
    let text_of = |value: &serde_json::Value, key: &str| -> Result<Redacted<String>, StoreError> {
        Ok(Redacted(value[key].as_str().ok_or_else(corrupt)?.to_owned()))
    };
    value
        .as_array()
        .ok_or_else(corrupt)?
        .iter()
        .map(|item| {
            Ok(AgendaItem {
                topic: text_of(item, "topic")?,
                heard: item["heard"]
                    .as_array()
                    .ok_or_else(corrupt)?
                    .iter()
                    .map(|heard| {
                        Ok(Heard {
                            speaker: UserId(heard["speaker"].as_i64().ok_or_else(corrupt)?),
                            said: text_of(heard, "said")?,
                        })
                    })
                    .collect::<Result<_, StoreError>>()?,
                resolved: text_of(item, "resolved")?,
            })
        })
        .collect()
}

impl Store {
    /// Records checked minutes under the next number of their year; returns (year, number).
    pub async fn record_minutes(
        &self,
        organisation_id: OrganisationId,
        draft: &MinutesDraft,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(i32, i64), MinutesRefusal> {
        let mut tx = self.pool.begin().await.map_err(StoreError::from)?;
        // Writing first serialises the numbering of one school on both backends.
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        let mut attendees = Vec::new();
        for user in &draft.attendees {
            let (full_name, positions) = crate::users::staff_member(&mut tx, organisation_id, *user)
                .await?
                .ok_or(MinutesRefusal::UnknownAttendee)?;
            attendees.push(serde_json::json!({
                "user_id": user.0,
                "full_name": full_name,
                "positions": positions.to_string(),
            }));
        }
        let year = draft.year();
        let row = sqlx::query(
            "SELECT COALESCE(MAX(number), 0) AS last FROM minutes WHERE organisation_id = $1 AND year = $2",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year))
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let number = row.try_get::<i64, _>("last").map_err(StoreError::from)? + 1;
        sqlx::query(
            "INSERT INTO minutes (organisation_id, year, number, held_on, chair_id, secretary_id, attendees, \
             body, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year))
        .bind(number)
        .bind(draft.held_on.format("%Y-%m-%d").to_string())
        .bind(draft.chair.0)
        .bind(draft.secretary.0)
        .bind(serde_json::Value::Array(attendees).to_string())
        .bind(self.cipher.seal(
            &body_aad(organisation_id, year, number),
            &items_json(&draft.items),
        )?)
        .bind(by.0)
        .bind(unix(now))
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok((year, number))
    }

    fn minutes_from_row(
        &self,
        organisation_id: OrganisationId,
        row: &AnyRow,
    ) -> Result<MinutesRecord, StoreError> {
        let corrupt = || StoreError::Corrupt("minutes");
        let year = i32::try_from(row.try_get::<i64, _>("year")?).map_err(|_| corrupt())?;
        let number: i64 = row.try_get("number")?;
        let held_on: String = row.try_get("held_on")?;
        let attendees: serde_json::Value =
            serde_json::from_str(&row.try_get::<String, _>("attendees")?).map_err(|_| corrupt())?;
        let attendees = attendees
            .as_array()
            .ok_or_else(corrupt)?
            .iter()
            .map(|attendee| {
                Ok(Attendee {
                    user_id: UserId(attendee["user_id"].as_i64().ok_or_else(corrupt)?),
                    full_name: attendee["full_name"].as_str().ok_or_else(corrupt)?.to_owned(),
                    positions: Positions::parse(attendee["positions"].as_str().ok_or_else(corrupt)?)
                        .map_err(|_| corrupt())?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let body: Vec<u8> = row.try_get("body")?;
        let items = items_from_json(
            &self
                .cipher
                .open(&body_aad(organisation_id, year, number), &body)?,
        )?;
        Ok(MinutesRecord {
            year,
            number,
            held_on: NaiveDate::parse_from_str(&held_on, "%Y-%m-%d").map_err(|_| corrupt())?,
            attendees,
            items,
            chair: UserId(row.try_get("chair_id")?),
            secretary: UserId(row.try_get("secretary_id")?),
            recorded_at: from_unix(row.try_get("recorded_at")?)?,
        })
    }

    /// The school's minutes of a year, by number.
    pub async fn minutes_of_year(
        &self,
        organisation_id: OrganisationId,
        year: i32,
    ) -> Result<Vec<MinutesRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT year, number, held_on, chair_id, secretary_id, attendees, body, recorded_at FROM minutes \
             WHERE organisation_id = $1 AND year = $2 ORDER BY number",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| self.minutes_from_row(organisation_id, row))
            .collect()
    }

    /// Minutes No. `number` of `year`; `NotFound` for another school's.
    pub async fn minutes(
        &self,
        organisation_id: OrganisationId,
        year: i32,
        number: i64,
    ) -> Result<MinutesRecord, StoreError> {
        let row = sqlx::query(
            "SELECT year, number, held_on, chair_id, secretary_id, attendees, body, recorded_at FROM minutes \
             WHERE organisation_id = $1 AND year = $2 AND number = $3",
        )
        .bind(organisation_id.0)
        .bind(i64::from(year))
        .bind(number)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.minutes_from_row(organisation_id, &row)
    }
}
