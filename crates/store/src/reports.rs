//! The monthly analysis's text as the psychologist wrote it (Kazakh and Russian), sealed: the
//! draft last saved, and the text last submitted to the director, who reads only that.

use chrono::{DateTime, Utc};
use senim_domain::analysis::Month;
use senim_domain::{OrganisationId, UserId};
use sqlx::Row;

use crate::{Store, StoreError, from_unix, unix};

/// The text as submitted to the director.
#[derive(Clone, Debug)]
pub struct Submitted {
    pub text_kk: String,
    pub text_ru: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// The written analysis of a month.
#[derive(Clone, Debug)]
pub struct AnalysisReport {
    /// The draft as last saved (the same as the submitted text right after a submission).
    pub text_kk: String,
    pub text_ru: String,
    pub saved_by: String,
    pub saved_at: DateTime<Utc>,
    pub submitted: Option<Submitted>,
}

impl AnalysisReport {
    /// Whether the draft says something the director has not been given.
    pub fn draft_differs(&self) -> bool {
        self.submitted
            .as_ref()
            .is_none_or(|submitted| submitted.text_kk != self.text_kk || submitted.text_ru != self.text_ru)
    }
}

fn aad(organisation_id: OrganisationId, month: Month, column: &str) -> String {
    format!("analysis/{}/{month}/{column}", organisation_id.0)
}

impl Store {
    /// The written analysis of a month, if anyone wrote it.
    pub async fn analysis_report(
        &self,
        organisation_id: OrganisationId,
        month: Month,
    ) -> Result<Option<AnalysisReport>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT analysis_reports.text_kk, analysis_reports.text_ru, analysis_reports.saved_at, \
             analysis_reports.submitted_kk, analysis_reports.submitted_ru, analysis_reports.submitted_at, \
             saver.full_name AS saved_by, submitter.full_name AS submitted_by \
             FROM analysis_reports JOIN users saver ON saver.id = analysis_reports.saved_by \
             LEFT JOIN users submitter ON submitter.id = analysis_reports.submitted_by \
             WHERE analysis_reports.organisation_id = $1 AND analysis_reports.month = $2",
        )
        .bind(organisation_id.0)
        .bind(month.to_string())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let open = |column: &str| -> Result<String, StoreError> {
            let sealed: Vec<u8> = row.try_get(column)?;
            self.cipher.open(&aad(organisation_id, month, column), &sealed)
        };
        let submitted = match (
            row.try_get::<Option<Vec<u8>>, _>("submitted_kk")?,
            row.try_get::<Option<Vec<u8>>, _>("submitted_ru")?,
            row.try_get::<Option<String>, _>("submitted_by")?,
            row.try_get::<Option<i64>, _>("submitted_at")?,
        ) {
            (Some(kk), Some(ru), Some(by), Some(at)) => Some(Submitted {
                text_kk: self
                    .cipher
                    .open(&aad(organisation_id, month, "submitted_kk"), &kk)?,
                text_ru: self
                    .cipher
                    .open(&aad(organisation_id, month, "submitted_ru"), &ru)?,
                by,
                at: from_unix(at)?,
            }),
            _ => None,
        };
        Ok(Some(AnalysisReport {
            text_kk: open("text_kk")?,
            text_ru: open("text_ru")?,
            saved_by: row.try_get("saved_by")?,
            saved_at: from_unix(row.try_get("saved_at")?)?,
            submitted,
        }))
    }

    /// The month of the school's latest submitted analysis and when it was submitted.
    pub async fn latest_submitted_analysis(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Option<(Month, DateTime<Utc>)>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT month, submitted_at FROM analysis_reports WHERE organisation_id = $1 \
             AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, month DESC LIMIT 1",
        )
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let month: String = row.try_get("month")?;
        let month = Month::parse(&month).map_err(|_| StoreError::Corrupt("analysis month"))?;
        Ok(Some((month, from_unix(row.try_get("submitted_at")?)?)))
    }

    /// Saves the month's draft (`[kk, ru]`); `submit` also gives it to the director. A draft
    /// saved after a submission leaves the submitted text as it was.
    pub async fn save_analysis_report(
        &self,
        organisation_id: OrganisationId,
        month: Month,
        [text_kk, text_ru]: [&str; 2],
        submit: bool,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let seal = |column: &str, text: &str| self.cipher.seal(&aad(organisation_id, month, column), text);
        let mut tx = self.pool.begin().await?;
        // Writing first serialises two saves of one school on both backends.
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO analysis_reports (organisation_id, month, text_kk, text_ru, saved_by, saved_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, month) DO UPDATE SET \
             text_kk = excluded.text_kk, text_ru = excluded.text_ru, saved_by = excluded.saved_by, \
             saved_at = excluded.saved_at",
        )
        .bind(organisation_id.0)
        .bind(month.to_string())
        .bind(seal("text_kk", text_kk)?)
        .bind(seal("text_ru", text_ru)?)
        .bind(by.0)
        .bind(unix(now))
        .execute(&mut *tx)
        .await?;
        if submit {
            sqlx::query(
                "UPDATE analysis_reports SET submitted_kk = $3, submitted_ru = $4, submitted_by = $5, \
                 submitted_at = $6 WHERE organisation_id = $1 AND month = $2",
            )
            .bind(organisation_id.0)
            .bind(month.to_string())
            .bind(seal("submitted_kk", text_kk)?)
            .bind(seal("submitted_ru", text_ru)?)
            .bind(by.0)
            .bind(unix(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
