//! Schools.

use chrono::{DateTime, Utc};
use senim_domain::hours::DutyHours;
use senim_domain::{Organisation, OrganisationId, Slug};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, unix};

fn organisation_from_row(row: &AnyRow) -> Result<Organisation, StoreError> {
    let slug: String = row.try_get("slug")?;
    Ok(Organisation {
        id: OrganisationId(row.try_get("id")?),
        slug: Slug::parse(&slug).map_err(|_| StoreError::Corrupt("school short name"))?,
        name_kk: row.try_get("name_kk")?,
        name_ru: row.try_get("name_ru")?,
        trust_phone: row.try_get("trust_phone")?,
        phone_hours: DutyHours::from_minutes(row.try_get("phone_opens")?, row.try_get("phone_closes")?)
            .ok_or(StoreError::Corrupt("the Trust Phone's hours"))?,
    })
}

impl Store {
    pub async fn create_organisation(
        &self,
        slug: &Slug,
        name_kk: &str,
        name_ru: &str,
        now: DateTime<Utc>,
    ) -> Result<Organisation, StoreError> {
        let row = sqlx::query(
            "INSERT INTO organisations (slug, name_kk, name_ru, created_at, require_two_factor) VALUES ($1, $2, $3, $4, 1) \
             RETURNING id, slug, name_kk, name_ru, trust_phone, phone_opens, phone_closes",
        )
        .bind(slug.as_str())
        .bind(name_kk.trim())
        .bind(name_ru.trim())
        .bind(unix(now))
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            if StoreError::is_unique_violation(&error) {
                StoreError::SlugTaken
            } else {
                error.into()
            }
        })?;
        let organisation = organisation_from_row(&row)?;
        self.seed_directory(organisation.id, now).await?;
        Ok(organisation)
    }

    pub async fn organisation(&self, id: OrganisationId) -> Result<Organisation, StoreError> {
        let row =
            sqlx::query("SELECT id, slug, name_kk, name_ru, trust_phone, phone_opens, phone_closes FROM organisations WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        organisation_from_row(&row)
    }

    pub async fn organisation_by_slug(&self, slug: &str) -> Result<Organisation, StoreError> {
        let row =
            sqlx::query("SELECT id, slug, name_kk, name_ru, trust_phone, phone_opens, phone_closes FROM organisations WHERE slug = $1")
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        organisation_from_row(&row)
    }

    /// Sets the school's Trust Phone number (empty to remove it).
    pub async fn set_trust_phone(&self, id: OrganisationId, phone: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE organisations SET trust_phone = $1 WHERE id = $2")
            .bind(phone.trim())
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        let rows =
            sqlx::query("SELECT id, slug, name_kk, name_ru, trust_phone, phone_opens, phone_closes FROM organisations ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(organisation_from_row).collect()
    }
}
