//! Openings of the paper Trust Box: the act's facts (when, who signed, how many letters), the
//! letters registered from each opening, and the school's schedule.

use chrono::{DateTime, Utc};
use senim_domain::opening::{OpeningError, Schedule};
use senim_domain::triage::Screening;
use senim_domain::trust_box::LetterCode;
use senim_domain::{
    Appeal, AppealContent, AppealId, JournalNumber, JournalYear, OrganisationId, Positions, UserId,
};
use sqlx::Row;

use crate::{Store, StoreError, from_unix, unix};

/// What the commission records when it opens the box.
#[derive(Clone, Debug)]
pub struct NewOpening {
    pub opened_at: DateTime<Utc>,
    pub letters: u32,
    /// The members who sign, in the order of the act.
    pub members: Vec<UserId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpeningId(pub i64);

/// A member as the act names them: with the name and positions of that day.
#[derive(Clone, Debug)]
pub struct Signatory {
    pub user_id: UserId,
    pub full_name: String,
    pub positions: Positions,
}

/// A letter of an opening, registered in the journal.
#[derive(Clone, Debug)]
pub struct RegisteredLetter {
    pub appeal_id: AppealId,
    pub year: JournalYear,
    pub number: JournalNumber,
}

#[derive(Clone, Debug)]
pub struct Opening {
    pub id: OpeningId,
    pub opened_at: DateTime<Utc>,
    pub letters: u32,
    pub members: Vec<Signatory>,
    pub registered: Vec<RegisteredLetter>,
    pub recorded_by_name: String,
}

impl Opening {
    /// Letters found and not yet registered.
    pub fn letters_waiting(&self) -> u32 {
        self.letters
            .saturating_sub(u32::try_from(self.registered.len()).unwrap_or(u32::MAX))
    }
}

/// Why an opening or a letter was refused.
#[derive(Debug, thiserror::Error)]
pub enum OpeningRefusal {
    #[error(transparent)]
    Invalid(#[from] OpeningError),
    /// A member is not staff of this school who reads appeals.
    #[error("members: not a member of this school's staff")]
    UnknownMember,
    /// Every letter found is registered already.
    #[error("letters: every letter of this opening is registered")]
    AllRegistered,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The schedule a school has until it chooses one: the commission's minutes of 11.11.2023
/// resolved «айына екі рет» (twice a month).
pub const DEFAULT_SCHEDULE: Schedule = Schedule::TwiceMonthly;

impl Store {
    pub async fn box_schedule(&self, organisation_id: OrganisationId) -> Result<Schedule, StoreError> {
        let row = sqlx::query("SELECT schedule FROM box_schedules WHERE organisation_id = $1")
            .bind(organisation_id.0)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => {
                let code: String = row.try_get("schedule")?;
                Schedule::parse(&code).ok_or(StoreError::Corrupt("schedule"))
            }
            None => Ok(DEFAULT_SCHEDULE),
        }
    }

    pub async fn set_box_schedule(
        &self,
        organisation_id: OrganisationId,
        schedule: Schedule,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO box_schedules (organisation_id, schedule, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (organisation_id) DO UPDATE SET schedule = excluded.schedule, \
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(organisation_id.0)
        .bind(schedule.code())
        .bind(unix(now))
        .bind(by.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records an opening and its signatories.
    pub async fn record_opening(
        &self,
        organisation_id: OrganisationId,
        opening: &NewOpening,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<OpeningId, OpeningRefusal> {
        let mut members = opening.members.clone();
        let mut seen = std::collections::HashSet::new();
        members.retain(|member| seen.insert(*member));
        senim_domain::opening::check_opening(
            opening.opened_at,
            members.len(),
            i64::from(opening.letters),
            now,
        )?;
        let mut tx = self.pool.begin().await.map_err(StoreError::from)?;
        let row = sqlx::query(
            "INSERT INTO box_openings (organisation_id, opened_at, letters, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(unix(opening.opened_at))
        .bind(i64::from(opening.letters))
        .bind(by.0)
        .bind(unix(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let id = OpeningId(row.try_get("id").map_err(StoreError::from)?);
        for (place, member) in members.iter().enumerate() {
            let (full_name, positions) = crate::users::staff_member(&mut tx, organisation_id, *member)
                .await?
                .ok_or(OpeningRefusal::UnknownMember)?;
            if !positions.permissions().read_appeals {
                return Err(OpeningRefusal::UnknownMember);
            }
            sqlx::query(
                "INSERT INTO box_opening_members (opening_id, user_id, place, full_name, positions) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id.0)
            .bind(member.0)
            .bind(i64::try_from(place).unwrap_or(i64::MAX))
            .bind(full_name)
            .bind(positions.to_string())
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// The school's openings, latest first.
    pub async fn openings(&self, organisation_id: OrganisationId) -> Result<Vec<Opening>, StoreError> {
        let rows = sqlx::query(
            "SELECT id FROM box_openings WHERE organisation_id = $1 ORDER BY opened_at DESC, id DESC",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut openings = Vec::with_capacity(rows.len());
        for row in rows {
            openings.push(
                self.opening(organisation_id, OpeningId(row.try_get("id")?))
                    .await?,
            );
        }
        Ok(openings)
    }

    /// When the box was last opened.
    pub async fn last_opening(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query("SELECT MAX(opened_at) AS last FROM box_openings WHERE organisation_id = $1")
            .bind(organisation_id.0)
            .fetch_one(&self.pool)
            .await?;
        row.try_get::<Option<i64>, _>("last")?.map(from_unix).transpose()
    }

    /// One opening of the school; `NotFound` for another school's.
    pub async fn opening(
        &self,
        organisation_id: OrganisationId,
        id: OpeningId,
    ) -> Result<Opening, StoreError> {
        let row = sqlx::query(
            "SELECT box_openings.opened_at, box_openings.letters, users.full_name FROM box_openings \
             JOIN users ON users.id = box_openings.recorded_by \
             WHERE box_openings.id = $1 AND box_openings.organisation_id = $2",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let members = sqlx::query(
            "SELECT user_id, full_name, positions FROM box_opening_members WHERE opening_id = $1 ORDER BY place",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|member| {
            let positions: String = member.try_get("positions")?;
            Ok(Signatory {
                user_id: UserId(member.try_get("user_id")?),
                full_name: member.try_get("full_name")?,
                positions: Positions::parse(&positions).map_err(|_| StoreError::Corrupt("positions"))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        let registered = sqlx::query(
            "SELECT appeals.id, appeals.year, appeals.number FROM box_letters \
             JOIN appeals ON appeals.id = box_letters.appeal_id \
             WHERE box_letters.opening_id = $1 AND appeals.organisation_id = $2 ORDER BY appeals.id",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|letter| {
            Ok(RegisteredLetter {
                appeal_id: AppealId(letter.try_get("id")?),
                year: JournalYear(
                    i32::try_from(letter.try_get::<i64, _>("year")?)
                        .map_err(|_| StoreError::Corrupt("year"))?,
                ),
                number: JournalNumber(letter.try_get("number")?),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Opening {
            id,
            opened_at: from_unix(row.try_get("opened_at")?)?,
            letters: u32::try_from(row.try_get::<i64, _>("letters")?)
                .map_err(|_| StoreError::Corrupt("letters"))?,
            members,
            registered,
            recorded_by_name: row.try_get("full_name")?,
        })
    }

    /// Registers a letter found at an opening: received when the box was opened, linked to
    /// the opening, and — when it is written on a slip — to that slip by the letter code, so
    /// the child who kept the stub can read the answer online; screened, with the staff's
    /// alerts when urgent. All in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn register_letter(
        &self,
        organisation_id: OrganisationId,
        opening_id: OpeningId,
        content: AppealContent,
        slip: Option<&LetterCode>,
        by: UserId,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<Appeal, OpeningRefusal> {
        let slip_hash = match slip {
            Some(code) => Some(self.slip_letter_hash(organisation_id, code).await?),
            None => None,
        };
        let mut tx = self.pool.begin().await.map_err(StoreError::from)?;
        // Counting first, atomically, keeps an opening from getting more letters than were found.
        let claimed = sqlx::query(
            "UPDATE box_openings SET registered = registered + 1 \
             WHERE id = $1 AND organisation_id = $2 AND registered < letters",
        )
        .bind(opening_id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        if claimed.rows_affected() != 1 {
            let exists = sqlx::query("SELECT id FROM box_openings WHERE id = $1 AND organisation_id = $2")
                .bind(opening_id.0)
                .bind(organisation_id.0)
                .fetch_optional(&mut *tx)
                .await
                .map_err(StoreError::from)?;
            return Err(match exists {
                Some(_) => OpeningRefusal::AllRegistered,
                None => StoreError::NotFound.into(),
            });
        }
        let appeal = self
            .insert_appeal(&mut tx, organisation_id, content, None, by, screening, now)
            .await?;
        sqlx::query("INSERT INTO box_letters (appeal_id, opening_id) VALUES ($1, $2)")
            .bind(appeal.id.0)
            .bind(opening_id.0)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        if let Some(hash) = slip_hash {
            self.link_slip(&mut tx, organisation_id, &hash, appeal.id, now)
                .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(appeal)
    }

    /// The opening a letter came from, for the appeal page.
    pub async fn opening_of_letter(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<Option<OpeningId>, StoreError> {
        let row = sqlx::query(
            "SELECT box_letters.opening_id FROM box_letters JOIN box_openings ON box_openings.id = box_letters.opening_id \
             WHERE box_letters.appeal_id = $1 AND box_openings.organisation_id = $2",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| Ok(OpeningId(row.try_get("opening_id")?)))
            .transpose()
    }
}
