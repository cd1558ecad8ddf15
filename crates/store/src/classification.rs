//! The optional statistics of an appeal.

use chrono::{DateTime, Utc};
use senim_domain::classification::{Classification, ContactType, Gender, IncidentLocation, Intervention};
use senim_domain::{AppealId, OrganisationId, Redacted, UserId};
use sqlx::Row;

use crate::{Store, StoreError, unix};

pub(crate) fn child_aad(organisation_id: OrganisationId, appeal_id: AppealId) -> String {
    format!(
        "appeal_classification/{}/{}/child",
        organisation_id.0, appeal_id.0
    )
}

impl Store {
    /// Sets (or replaces) the statistics of one of the school's appeals.
    pub async fn classify(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        classification: &Classification,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let child = format!(
            "{}|{}",
            classification.age.map(|age| age.to_string()).unwrap_or_default(),
            classification.gender.map(Gender::code).unwrap_or_default()
        );
        let interventions: Vec<&str> = classification.interventions.iter().map(|i| i.code()).collect();
        let done = sqlx::query(
            "INSERT INTO appeal_classification (appeal_id, organisation_id, contact_type, interventions, \
             incident_location, child, updated_at, updated_by) \
             SELECT id, organisation_id, $1, $2, $3, $4, $5, $6 FROM appeals WHERE id = $7 AND organisation_id = $8 \
             ON CONFLICT (appeal_id) DO UPDATE SET contact_type = excluded.contact_type, \
             interventions = excluded.interventions, incident_location = excluded.incident_location, \
             child = excluded.child, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(classification.contact_type.map(ContactType::code))
        .bind(interventions.join(","))
        .bind(classification.incident_location.map(IncidentLocation::code))
        .bind(self.cipher.seal(&child_aad(organisation_id, appeal_id), &child)?)
        .bind(unix(now))
        .bind(by.0)
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The statistics of an appeal; empty when none were recorded.
    pub async fn classification(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<Classification, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT contact_type, interventions, incident_location, child FROM appeal_classification \
             WHERE appeal_id = $1 AND organisation_id = $2",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(Classification::default());
        };
        let corrupt = || StoreError::Corrupt("classification");
        let contact_type = row
            .try_get::<Option<String>, _>("contact_type")?
            .map(|code| ContactType::parse(&code).ok_or_else(corrupt))
            .transpose()?;
        let incident_location = row
            .try_get::<Option<String>, _>("incident_location")?
            .map(|code| IncidentLocation::parse(&code).ok_or_else(corrupt))
            .transpose()?;
        let interventions = row
            .try_get::<String, _>("interventions")?
            .split(',')
            .filter(|code| !code.is_empty())
            .map(|code| Intervention::parse(code).ok_or_else(corrupt))
            .collect::<Result<Vec<_>, _>>()?;
        let child: Vec<u8> = row.try_get("child")?;
        let child = self.cipher.open(&child_aad(organisation_id, appeal_id), &child)?;
        let (age, gender) = child.split_once('|').ok_or_else(corrupt)?;
        Ok(Classification {
            contact_type,
            interventions,
            incident_location,
            age: Redacted(if age.is_empty() {
                None
            } else {
                Some(age.parse().map_err(|_| corrupt())?)
            }),
            gender: Redacted(if gender.is_empty() {
                None
            } else {
                Some(Gender::parse(gender).ok_or_else(corrupt)?)
            }),
        })
    }
}
