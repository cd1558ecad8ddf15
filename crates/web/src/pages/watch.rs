//! Every appeal watched to its end: the monitoring of all deadlines, each person's «My day»,
//! and the appeal page's forms to give an appeal to another person, extend its consideration,
//! record that the applicant was told, and mark it outside the school's competence.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_app::Refused;
use senim_app::watch::Watch;
use senim_app::wording::date_text;
use senim_domain::deadline::DeadlineStatus;
use senim_domain::watch::{ExtensionError, ExtensionRequest};
use senim_domain::{AppealId, UserId};
use senim_i18n::{Arg, Lang};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidForm};
use crate::error::AppError;
use crate::view::Chrome;
use crate::view::watch::{ItemView, TypedExtension, appeal_label};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/monitoring", get(monitoring_page))
        .route("/today", get(day_page))
        .route("/appeals/{id}/responsible", post(assign))
        .route("/appeals/{id}/extensions", post(extend))
        .route("/appeals/{id}/extension-notice", post(record_told))
        .route("/appeals/{id}/outside-competence", post(mark_outside_competence))
}

fn parse_id(id: &str) -> Result<AppealId, AppError> {
    id.parse::<i64>().map(AppealId).map_err(|_| AppError::NotFound)
}

/// A date from a form's date field: empty is none; anything unreadable is refused as `error`.
fn form_date(text: &str, error: ExtensionError) -> Result<Option<NaiveDate>, ExtensionError> {
    match text.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| error),
    }
}

fn saved(id: AppealId) -> Response {
    Redirect::to(&format!("/appeals/{}?done=watch#watch", id.0)).into_response()
}

/// The appeal page again, with the reason a form was refused in its section.
async fn refused(
    state: &AppState,
    signed_in: &SignedIn,
    id: AppealId,
    message: String,
    typed: Option<TypedExtension>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let record = state.app.store.appeal(user.organisation_id, id).await?;
    let mut page = super::appeals::appeal_page_with(state, &signed_in.0, &record, None, None).await?;
    page.watch.error = Some(message);
    if let Some(typed) = typed {
        page.watch.typed = typed;
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
struct AssignForm {
    #[serde(default)]
    user_id: String,
}

async fn assign(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<AssignForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let to = UserId(form.user_id.trim().parse().unwrap_or(0));
    match state.app.assign_appeal(signed_in.user(), id, to).await {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => refused(&state, &signed_in, id, lang.t(error.message_id()), None).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct ExtensionForm {
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    told_on: String,
}

async fn extend(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ExtensionForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let dates = (|| {
        Ok::<_, ExtensionError>((
            form_date(&form.due_on, ExtensionError::NotLater)?,
            form_date(&form.decided_on, ExtensionError::DecisionDate)?,
            form_date(&form.told_on, ExtensionError::ToldDate)?,
        ))
    })();
    let done = match dates {
        Err(error) => Err(Refused::Rule(error)),
        Ok((due_on, decided_on, told_on)) => {
            let request = ExtensionRequest {
                due_on,
                reason: &form.reason,
                decided_on,
                told_on,
            };
            state
                .app
                .extend_consideration(signed_in.user(), id, &request)
                .await
        }
    };
    match done {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => {
            let typed = TypedExtension {
                due_on: form.due_on.clone(),
                reason: form.reason.clone(),
                decided_on: form.decided_on.clone(),
                told_on: form.told_on.clone(),
            };
            refused(&state, &signed_in, id, lang.t(error.message_id()), Some(typed)).await
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct ToldForm {
    #[serde(default)]
    told_on: String,
}

async fn record_told(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ToldForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let done = match form_date(&form.told_on, ExtensionError::ToldDate) {
        Err(error) => Err(Refused::Rule(error)),
        Ok(told_on) => {
            state
                .app
                .record_extension_told(signed_in.user(), id, told_on)
                .await
        }
    };
    match done {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => refused(&state, &signed_in, id, lang.t(error.message_id()), None).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

async fn mark_outside_competence(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    state.app.mark_outside_competence(signed_in.user(), id).await?;
    Ok(saved(id))
}

pub struct ItemGroup {
    pub code: &'static str,
    pub heading: String,
    pub items: Vec<ItemView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitoring.html")]
struct MonitoringPage {
    l: Lang,
    chrome: Chrome,
    groups: Vec<ItemGroup>,
    today: String,
}

/// Every open appeal's duties and every forwarding awaiting its answer: overdue, due within
/// three working days, on time.
async fn monitoring_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let watch = state.app.watch_on(user.organisation_id, today).await?;
    let group = |status: DeadlineStatus, heading: &str| ItemGroup {
        code: status.code(),
        heading: lang.t(heading),
        items: watch
            .items
            .iter()
            .filter(|item| item.status == status)
            .map(|item| ItemView::new(item, &watch, lang))
            .collect(),
    };
    Ok(MonitoringPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/monitoring"),
        groups: vec![
            group(DeadlineStatus::Overdue, "deadline-overdue"),
            group(DeadlineStatus::DueSoon, "deadline-due-soon"),
            group(DeadlineStatus::OnTime, "deadline-on-time"),
        ],
        today: date_text(today),
    }
    .into_response())
}

pub struct UnassignedView {
    pub appeal_id: i64,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "day.html")]
struct DayPage {
    l: Lang,
    chrome: Chrome,
    intro: String,
    groups: Vec<ItemGroup>,
    unassigned: Vec<UnassignedView>,
    box_waiting: String,
    can_take: bool,
    my_id: i64,
    empty: bool,
}

/// What the signed-in person has to do today; numbers and deadlines only.
async fn day_page(State(state): State<AppState>, Reader(signed_in): Reader) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let watch: Watch = state.app.watch_on(user.organisation_id, today).await?;
    let day = state.app.day_of(user, &watch, today).await?;
    let group = |code: &'static str, heading: &str, items: &[senim_app::watch::WatchItem]| ItemGroup {
        code,
        heading: lang.t(heading),
        items: items
            .iter()
            .map(|item| ItemView::new(item, &watch, lang))
            .collect(),
    };
    let groups: Vec<ItemGroup> = [
        group("urgent", "day-urgent", &day.urgent),
        group("overdue", "day-overdue", &day.overdue),
        group("to_forward", "day-to-forward", &day.to_forward),
        group("this_week", "day-this-week", &day.this_week),
    ]
    .into_iter()
    .filter(|group| !group.items.is_empty())
    .collect();
    Ok(DayPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/today"),
        intro: lang.t_args("day-intro", &[("date", Arg::Text(date_text(today)))]),
        unassigned: day
            .unassigned
            .iter()
            .map(|appeal| UnassignedView {
                appeal_id: appeal.id.0,
                label: appeal_label(appeal.year.0, appeal.number.0, lang),
            })
            .collect(),
        box_waiting: if day.box_waiting > 0 {
            lang.t_args(
                "day-box-waiting",
                &[("count", Arg::Number(day.box_waiting as i64))],
            )
        } else {
            String::new()
        },
        can_take: user.permissions().register_appeals,
        my_id: user.id.0,
        empty: day.is_empty(),
        groups,
    }
    .into_response())
}
