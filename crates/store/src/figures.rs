//! What the month's figures read: the codes, flags and moments of each entry and of each
//! forwarding, counted in the database — no text is opened, so the analysis of a year of
//! appeals costs what reading its rows costs.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::{AppealId, Category, Channel, OrganisationId};
use sqlx::Row;

use crate::{Store, StoreError, from_unix};

/// One journal entry as the figures see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryCodes {
    pub id: AppealId,
    pub corrects: Option<AppealId>,
    pub channel: Channel,
    pub category: Category,
    pub anonymous: bool,
    pub received_at: DateTime<Utc>,
    /// The screen found it urgent (cleared or not: it was received as urgent).
    pub urgent: bool,
    /// An outcome is recorded in column f.
    pub answered: bool,
}

/// One forwarding as the figures see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardingCodes {
    pub appeal_id: AppealId,
    pub name_kk: String,
    pub name_ru: String,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub withdrawn: bool,
}

impl ForwardingCodes {
    /// The executing organisation's name in a language (Russian when it has one).
    pub fn name_in(&self, language: &str) -> &str {
        if language == "ru" && !self.name_ru.is_empty() {
            &self.name_ru
        } else {
            &self.name_kk
        }
    }
}

fn date_from(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::Corrupt("date"))
}

impl Store {
    /// The codes of the school's entries registered in the years `from_year` to `to_year`,
    /// and of their forwardings, in one read snapshot.
    pub async fn entry_codes(
        &self,
        organisation_id: OrganisationId,
        from_year: i32,
        to_year: i32,
    ) -> Result<(Vec<EntryCodes>, Vec<ForwardingCodes>), StoreError> {
        let mut tx = self.pool.begin().await?;
        let entries = sqlx::query(
            "SELECT a.id, a.corrects_id, a.channel, a.category, a.anonymous, a.received_at, \
             (SELECT COUNT(*) FROM appeal_triage t WHERE t.appeal_id = a.id AND t.urgent = 1) AS urgent, \
             (SELECT COUNT(*) FROM appeal_outcomes o WHERE o.appeal_id = a.id) AS outcomes \
             FROM appeals a WHERE a.organisation_id = $1 AND a.year >= $2 AND a.year <= $3 ORDER BY a.id",
        )
        .bind(organisation_id.0)
        .bind(i64::from(from_year))
        .bind(i64::from(to_year))
        .fetch_all(&mut *tx)
        .await?;
        let forwardings = sqlx::query(
            "SELECT f.appeal_id, f.due_on, f.answered_on, f.withdrawn_at, e.name_kk, e.name_ru \
             FROM forwardings f JOIN appeals a ON a.id = f.appeal_id \
             JOIN executing_organisations e ON e.id = f.executing_organisation_id \
             WHERE f.organisation_id = $1 AND a.year >= $2 AND a.year <= $3 ORDER BY f.id",
        )
        .bind(organisation_id.0)
        .bind(i64::from(from_year))
        .bind(i64::from(to_year))
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let entries = entries
            .iter()
            .map(|row| {
                let channel: String = row.try_get("channel")?;
                let category: String = row.try_get("category")?;
                Ok(EntryCodes {
                    id: AppealId(row.try_get("id")?),
                    corrects: row.try_get::<Option<i64>, _>("corrects_id")?.map(AppealId),
                    channel: Channel::parse(&channel).map_err(|_| StoreError::Corrupt("channel"))?,
                    category: Category::parse(&category).map_err(|_| StoreError::Corrupt("category"))?,
                    anonymous: row.try_get::<i64, _>("anonymous")? != 0,
                    received_at: from_unix(row.try_get("received_at")?)?,
                    urgent: row.try_get::<i64, _>("urgent")? > 0,
                    answered: row.try_get::<i64, _>("outcomes")? > 0,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let forwardings = forwardings
            .iter()
            .map(|row| {
                let answered_on: Option<String> = row.try_get("answered_on")?;
                Ok(ForwardingCodes {
                    appeal_id: AppealId(row.try_get("appeal_id")?),
                    name_kk: row.try_get("name_kk")?,
                    name_ru: row.try_get("name_ru")?,
                    due_on: date_from(&row.try_get::<String, _>("due_on")?)?,
                    answered_on: answered_on.as_deref().map(date_from).transpose()?,
                    withdrawn: row.try_get::<Option<i64>, _>("withdrawn_at")?.is_some(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((entries, forwardings))
    }
}
