//! The paper box: its schedule, its openings with their acts, the letters found at an opening
//! (each becomes an appeal), and the paper slips a child may write on.

use chrono::{DateTime, Utc};
use senim_domain::opening::{OpeningStatus, Schedule, status};
use senim_domain::triage::Screening;
use senim_domain::trust_box::{LetterCode, ReceiptCode};
use senim_domain::{Appeal, AppealContent, OrganisationId, UserId};
use senim_store::{NewOpening, OpeningId, OpeningRefusal, StoreError};

use crate::App;
use crate::trust_box::fresh_code;

/// A new random letter code for a paper slip.
pub fn fresh_letter_code() -> LetterCode {
    loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        if let Some(code) = LetterCode::from_random(&bytes) {
            return code;
        }
    }
}

impl App {
    /// Where the school's box stands against its schedule on the day of `now`: the schedule,
    /// and the day it is next due or has been due since.
    pub async fn box_status(
        &self,
        organisation_id: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(Schedule, OpeningStatus), StoreError> {
        let schedule = self.store.box_schedule(organisation_id).await?;
        let last = self.store.last_opening(organisation_id).await?;
        let today = senim_domain::time::local_date(now);
        let last_day = last.map(senim_domain::time::local_date);
        Ok((schedule, status(schedule, last_day, today, &self.calendar)))
    }

    /// Sets the Trust Phone's number the poster shows.
    pub async fn set_trust_phone(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        phone: &str,
    ) -> Result<(), StoreError> {
        self.store.set_trust_phone(organisation_id, phone).await?;
        tracing::info!(user = by.0, "Trust Phone number set");
        Ok(())
    }

    /// Sets how often the school's box is opened.
    pub async fn set_box_schedule(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        schedule: Schedule,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store
            .set_box_schedule(organisation_id, schedule, by, now)
            .await?;
        tracing::info!(user = by.0, schedule = schedule.code(), "box schedule set");
        Ok(())
    }

    /// Records an opening of the box and the commission members who sign its act.
    pub async fn record_opening(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        opening: &NewOpening,
        now: DateTime<Utc>,
    ) -> Result<OpeningId, OpeningRefusal> {
        let id = self
            .store
            .record_opening(organisation_id, opening, by, now)
            .await?;
        tracing::info!(
            opening = id.0,
            user = by.0,
            letters = opening.letters,
            "box opening recorded"
        );
        Ok(id)
    }

    /// Prints a sheet of `count` paper slips: each a receipt code for the stub the child keeps
    /// and a letter code for the letter. Only their hashes are kept. Returns the sheet's number
    /// and the codes, to print once.
    pub async fn create_slips(
        &self,
        organisation_id: OrganisationId,
        by: UserId,
        count: usize,
        now: DateTime<Utc>,
    ) -> Result<(i64, Vec<(ReceiptCode, LetterCode)>), StoreError> {
        let codes: Vec<(ReceiptCode, LetterCode)> =
            (0..count).map(|_| (fresh_code(), fresh_letter_code())).collect();
        let sheet = self.store.create_slips(organisation_id, &codes, now).await?;
        tracing::info!(user = by.0, sheet, count, "slips printed");
        Ok((sheet, codes))
    }

    /// Registers a letter found at an opening: numbered, linked to the opening and, when it is
    /// written on a slip, to that slip's receipt code; screened, with the staff's alerts when
    /// urgent. One transaction.
    pub async fn register_letter(
        &self,
        organisation_id: OrganisationId,
        opening_id: OpeningId,
        content: AppealContent,
        slip: Option<&LetterCode>,
        registered_by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Appeal, OpeningRefusal> {
        let screening = Screening::of_summary(&self.lexicon(), content.summary());
        let appeal = self
            .store
            .register_letter(
                organisation_id,
                opening_id,
                content,
                slip,
                registered_by,
                &screening,
                now,
            )
            .await?;
        tracing::info!(appeal = appeal.id.0, opening = opening_id.0, "letter registered");
        self.after_screening(&appeal, &screening);
        Ok(appeal)
    }
}
