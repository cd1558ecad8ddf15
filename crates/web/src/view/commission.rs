//! The box's schedule and its commission as the pages show them: where the box stands against
//! its schedule (the overview and the journal's head), and the staff who may sign an act or
//! attend a meeting.

use chrono::{DateTime, Utc};
use senim_domain::OrganisationId;
use senim_domain::opening::OpeningStatus;
use senim_i18n::{Arg, Lang};
use senim_store::StoreError;

use crate::AppState;
use crate::error::AppError;

/// Where the box stands against its schedule, in words: for the overview and the journal.
pub struct ScheduleNotice {
    pub overdue: bool,
    pub text: String,
}

pub async fn schedule_notice(
    state: &AppState,
    organisation_id: OrganisationId,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<ScheduleNotice, StoreError> {
    let (_, status) = state.app.box_status(organisation_id, now).await?;
    Ok(match status {
        OpeningStatus::Due(day) => ScheduleNotice {
            overdue: false,
            text: lang.t_args(
                "opening-next-due",
                &[("date", Arg::from(day.format("%d.%m.%Y").to_string()))],
            ),
        },
        OpeningStatus::Overdue(day) => ScheduleNotice {
            overdue: true,
            text: lang.t_args(
                "opening-overdue",
                &[("date", Arg::from(day.format("%d.%m.%Y").to_string()))],
            ),
        },
    })
}

pub struct MemberChoice {
    pub id: i64,
    pub name: String,
    pub positions: String,
    pub checked: bool,
}

/// The school's reading staff as checkboxes, `checked` ticked.
pub async fn member_choices(
    state: &AppState,
    organisation_id: OrganisationId,
    lang: Lang,
    checked: &[i64],
) -> Result<Vec<MemberChoice>, AppError> {
    Ok(state
        .app
        .store
        .users(organisation_id)
        .await?
        .into_iter()
        .filter(|user| user.permissions().read_appeals)
        .map(|user| MemberChoice {
            id: user.id.0,
            positions: crate::view::positions_text(lang, &user.positions),
            checked: checked.contains(&user.id.0),
            name: user.full_name,
        })
        .collect())
}
