//! The monthly analysis's text as the psychologist wrote it (Kazakh and Russian), sealed, and
//! its submission to the director.

use chrono::{DateTime, Utc};
use senim_domain::analysis::Month;
use senim_domain::{OrganisationId, UserId};
use sqlx::Row;

use crate::{Store, StoreError, from_unix, unix};

/// The written analysis of a month.
#[derive(Clone, Debug)]
pub struct AnalysisReport {
    pub month: Month,
    pub text_kk: String,
    pub text_ru: String,
    pub saved_by: String,
    pub saved_at: DateTime<Utc>,
    /// Who submitted it to the director, and when.
    pub submitted: Option<(String, DateTime<Utc>)>,
}

fn aad(organisation_id: OrganisationId, month: Month, lang: &str) -> String {
    format!("analysis/{}/{month}/{lang}", organisation_id.0)
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
             analysis_reports.submitted_at, saver.full_name AS saved_by, submitter.full_name AS submitted_by \
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
        let text_kk: Vec<u8> = row.try_get("text_kk")?;
        let text_ru: Vec<u8> = row.try_get("text_ru")?;
        let submitted_at: Option<i64> = row.try_get("submitted_at")?;
        let submitted_by: Option<String> = row.try_get("submitted_by")?;
        Ok(Some(AnalysisReport {
            month,
            text_kk: self.cipher.open(&aad(organisation_id, month, "kk"), &text_kk)?,
            text_ru: self.cipher.open(&aad(organisation_id, month, "ru"), &text_ru)?,
            saved_by: row.try_get("saved_by")?,
            saved_at: from_unix(row.try_get("saved_at")?)?,
            submitted: match (submitted_by, submitted_at) {
                (Some(name), Some(at)) => Some((name, from_unix(at)?)),
                _ => None,
            },
        }))
    }

    /// Saves the month's text (`[kk, ru]`); `submit` also submits it to the director. Saving
    /// again after a submission keeps it submitted only when submitted again.
    pub async fn save_analysis_report(
        &self,
        organisation_id: OrganisationId,
        month: Month,
        [text_kk, text_ru]: [&str; 2],
        submit: bool,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sealed_kk = self.cipher.seal(&aad(organisation_id, month, "kk"), text_kk)?;
        let sealed_ru = self.cipher.seal(&aad(organisation_id, month, "ru"), text_ru)?;
        let (submitted_by, submitted_at) = if submit {
            (Some(by.0), Some(unix(now)))
        } else {
            (None, None)
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM analysis_reports WHERE organisation_id = $1 AND month = $2")
            .bind(organisation_id.0)
            .bind(month.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO analysis_reports (organisation_id, month, text_kk, text_ru, saved_by, saved_at, \
             submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(organisation_id.0)
        .bind(month.to_string())
        .bind(sealed_kk)
        .bind(sealed_ru)
        .bind(by.0)
        .bind(unix(now))
        .bind(submitted_by)
        .bind(submitted_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
