//! Hand-overs of urgent appeals to national services.

use chrono::{DateTime, Utc};
use senim_domain::handover::{Handover, Service};
use senim_domain::{AppealId, OrganisationId, Redacted, UserId};
use sqlx::Row;

use crate::{Store, StoreError, from_unix, unix};

/// A hand-over as the appeal page shows it.
#[derive(Clone, Debug)]
pub struct HandoverRecord {
    pub handover: Handover,
    pub by_name: String,
    pub recorded_at: DateTime<Utc>,
}

fn note_aad(organisation_id: OrganisationId, appeal_id: AppealId, recorded_at: i64) -> String {
    format!("handovers/{}/{}/{recorded_at}", organisation_id.0, appeal_id.0)
}

impl Store {
    /// Records a hand-over of one of the school's appeals; `NotFound` for another school's.
    pub async fn record_handover(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        handover: &Handover,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let recorded_at = unix(now);
        let done = sqlx::query(
            "INSERT INTO handovers (organisation_id, appeal_id, service, handed_at, by_user, note, recorded_at) \
             SELECT organisation_id, id, $1, $2, $3, $4, $5 FROM appeals WHERE id = $6 AND organisation_id = $7",
        )
        .bind(handover.service.code())
        .bind(unix(handover.handed_at))
        .bind(by.0)
        .bind(
            self.cipher
                .seal(&note_aad(organisation_id, appeal_id, recorded_at), &handover.note)?,
        )
        .bind(recorded_at)
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The hand-overs of an appeal, in the order they were recorded.
    pub async fn handovers(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<Vec<HandoverRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT handovers.service, handovers.handed_at, handovers.note, handovers.recorded_at, users.full_name \
             FROM handovers JOIN users ON users.id = handovers.by_user \
             WHERE handovers.organisation_id = $1 AND handovers.appeal_id = $2 ORDER BY handovers.id",
        )
        .bind(organisation_id.0)
        .bind(appeal_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let service: String = row.try_get("service")?;
                let recorded_at: i64 = row.try_get("recorded_at")?;
                let note: Vec<u8> = row.try_get("note")?;
                Ok(HandoverRecord {
                    handover: Handover {
                        service: Service::parse(&service).ok_or(StoreError::Corrupt("hand-over service"))?,
                        handed_at: from_unix(row.try_get("handed_at")?)?,
                        note: Redacted(
                            self.cipher
                                .open(&note_aad(organisation_id, appeal_id, recorded_at), &note)?,
                        ),
                    },
                    by_name: row.try_get("full_name")?,
                    recorded_at: from_unix(recorded_at)?,
                })
            })
            .collect()
    }
}
