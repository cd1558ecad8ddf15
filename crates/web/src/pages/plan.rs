//! The yearly activity plan as a page: the items of an academic year with «№», the activity,
//! the timing and who answers for it, and each item's periods marked done, missed, current or
//! ahead — from box openings, minutes and registered calls, or from a staff member's mark with
//! a note. Editors start a year from the seed's seven items, add and remove items, and mark
//! periods; everyone who reads the journal sees the plan and downloads it as PDF or DOCX.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_documents::Format;
use senim_domain::Position;
use senim_domain::plan::{
    AcademicYear, Activity, Mark, PlanError, PlanItem, StandardActivity, Timing, default_plan_for,
};
use senim_i18n::{Arg, Lang};
use senim_store::{PlanItemId, PlanRefusal, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidForm, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;
use senim_app::Refused;
use senim_app::paperwork::{
    activity_text, period_text, plan_progress, plan_record, progress_text, responsible_text,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/plan", get(plan_page))
        .route("/plan/create", post(create_plan))
        .route("/plan/items", post(add_item))
        .route("/plan/items/{id}/remove", post(remove_item))
        .route("/plan/items/{id}/mark", post(mark_period))
        .route("/plan/items/{id}/unmark", post(unmark_period))
        .route("/plan.pdf", get(plan_pdf))
        .route("/plan.docx", get(plan_docx))
}

pub fn plan_error_message(error: PlanError, lang: Lang) -> String {
    lang.t(match error {
        PlanError::Activity => "error-plan-activity",
        PlanError::Responsible => "error-plan-responsible",
        PlanError::Timing => "error-plan-timing",
        PlanError::Note => "error-plan-note",
        PlanError::Period => "error-plan-period",
        PlanError::FuturePeriod => "error-plan-future-period",
    })
}

fn year_asked(text: Option<&str>, today: NaiveDate) -> Result<AcademicYear, AppError> {
    match text.filter(|text| !text.is_empty()) {
        Some(text) => AcademicYear::parse(text).map_err(|_| AppError::BadRequest),
        None => Ok(AcademicYear::of(today)),
    }
}

struct Chip {
    label: String,
    title: String,
    class: &'static str,
}

struct MarkLine {
    period: String,
    period_start: String,
    note: String,
    by: String,
}

struct ItemView {
    id: i64,
    number: usize,
    activity: String,
    timing: String,
    responsible: String,
    evidence: String,
    progress: String,
    chips: Vec<Chip>,
    /// Begun periods not yet done, for the mark form: (start, label).
    markable: Vec<(String, String)>,
    marks: Vec<MarkLine>,
}

struct Choice {
    value: String,
    label: String,
}

/// The add-item form as typed: a standard item's code (or empty for the school's own
/// wording), the wording, the timing, who answers for it.
#[derive(Default)]
struct AddForm {
    year: String,
    standard: String,
    activity: String,
    timing: String,
    responsible: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan.html")]
struct PlanPage {
    l: Lang,
    chrome: Chrome,
    year: String,
    year_label: String,
    none_text: String,
    years: Vec<Choice>,
    items: Vec<ItemView>,
    can_write: bool,
    notice: Option<String>,
    error: Option<String>,
    timings: Vec<Choice>,
    positions: Vec<Choice>,
    standards: Vec<Choice>,
    typed: AddForm,
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    year: AcademicYear,
    notice: Option<String>,
    error: Option<String>,
    typed: AddForm,
) -> Result<PlanPage, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let items = state.app.store.plan(user.organisation_id, year).await?;
    let record = plan_record(&state.app.store, user.organisation_id, year).await?;
    let progress = plan_progress(&items, year, &state.app.calendar, &record, today);
    let views = items
        .iter()
        .zip(&progress)
        .enumerate()
        .map(|(index, (item, marks))| ItemView {
            id: item.id.0,
            number: index + 1,
            activity: activity_text(&item.item, lang),
            timing: lang.t(&item.item.timing.message_id()),
            responsible: responsible_text(&item.item, lang),
            evidence: lang.t(&format!("plan-evidence-{}", item.item.activity.evidence().code())),
            progress: progress_text(marks, lang, false),
            chips: marks
                .iter()
                .map(|(period, mark)| Chip {
                    label: period.start.format("%d.%m").to_string(),
                    title: format!(
                        "{} — {}",
                        period_text(*period),
                        lang.t(&format!("plan-mark-{}", mark.code()))
                    ),
                    class: mark.code(),
                })
                .collect(),
            markable: marks
                .iter()
                .filter(|(_, mark)| matches!(mark, Mark::Missed | Mark::Current))
                .map(|(period, _)| (period.start.format("%Y-%m-%d").to_string(), period_text(*period)))
                .collect(),
            marks: item
                .marks
                .iter()
                .map(|mark| MarkLine {
                    period: marks
                        .iter()
                        .find(|(period, _)| period.start == mark.period_start)
                        .map_or_else(
                            || mark.period_start.format("%d.%m").to_string(),
                            |(period, _)| period_text(*period),
                        ),
                    period_start: mark.period_start.format("%Y-%m-%d").to_string(),
                    note: mark.note.clone(),
                    by: format!(
                        "{}, {}",
                        mark.marked_by,
                        senim_domain::time::format_local(mark.marked_at)
                    ),
                })
                .collect(),
        })
        .collect();
    let this_year = AcademicYear::of(today);
    let mut years: Vec<AcademicYear> = state.app.store.plan_years(user.organisation_id).await?;
    for candidate in [this_year, AcademicYear(this_year.0 + 1), year] {
        if !years.contains(&candidate) {
            years.push(candidate);
        }
    }
    years.sort_by(|a, b| b.cmp(a));
    Ok(PlanPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/plan?year={year}")),
        year: year.to_string(),
        year_label: year.spaced(),
        none_text: lang.t_args("plan-none", &[("years", Arg::from(year.spaced()))]),
        years: years
            .into_iter()
            .map(|year| Choice {
                value: year.to_string(),
                label: year.spaced(),
            })
            .collect(),
        items: views,
        can_write: user.permissions().register_appeals,
        notice,
        error,
        timings: Timing::all()
            .into_iter()
            .map(|timing| Choice {
                value: timing.code(),
                label: lang.t(&timing.message_id()),
            })
            .collect(),
        positions: [
            Position::DeputyDirector,
            Position::Psychologist,
            Position::SocialPedagogue,
            Position::ResponsibleSpecialist,
            Position::Director,
        ]
        .into_iter()
        .map(|position| Choice {
            value: position.code().to_owned(),
            label: lang.t(position.message_id()),
        })
        .collect(),
        standards: StandardActivity::ALL
            .into_iter()
            .map(|activity| Choice {
                value: activity.code().to_owned(),
                label: lang.t(activity.message_id()),
            })
            .collect(),
        typed,
    })
}

#[derive(Deserialize, Default)]
struct PlanQuery {
    year: Option<String>,
    done: Option<String>,
    lang: Option<String>,
}

async fn plan_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<PlanQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let year = year_asked(query.year.as_deref(), state.app.clock.today())?;
    let notice = match query.done.as_deref() {
        Some("created") => Some(lang.t("plan-created")),
        Some("added") => Some(lang.t("plan-item-added")),
        Some("removed") => Some(lang.t("plan-item-removed")),
        Some("marked") => Some(lang.t("plan-marked")),
        Some("unmarked") => Some(lang.t("plan-unmarked")),
        _ => None,
    };
    Ok(render(&state, &signed_in, year, notice, None, AddForm::default())
        .await?
        .into_response())
}

async fn refuse(
    state: &AppState,
    signed_in: &SignedIn,
    year: AcademicYear,
    message: String,
    typed: AddForm,
) -> Result<Response, AppError> {
    let page = render(state, signed_in, year, None, Some(message), typed).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

fn back(year: AcademicYear, done: &str) -> Response {
    Redirect::to(&format!("/plan?year={year}&done={done}")).into_response()
}

#[derive(Deserialize)]
struct YearForm {
    year: String,
}

/// Starts a year's plan from the seed's seven items.
async fn create_plan(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<YearForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let year = AcademicYear::parse(&form.year).map_err(|_| AppError::BadRequest)?;
    let items = default_plan_for(state.app.store.box_schedule(user.organisation_id).await?);
    match state
        .app
        .create_plan(user.organisation_id, user.id, year, &items, state.app.now())
        .await
    {
        Ok(()) => Ok(back(year, "created")),
        Err(PlanRefusal::Exists | PlanRefusal::NoPlan) => {
            refuse(
                &state,
                &signed_in,
                year,
                signed_in.0.lang.t("plan-exists"),
                AddForm::default(),
            )
            .await
        }
        Err(PlanRefusal::Store(error)) => Err(error.into()),
    }
}

/// The add-item form: `responsible` repeats, one per checked box.
fn parse_item_form(body: &str) -> AddForm {
    let mut form = AddForm::default();
    for (name, value) in url::form_urlencoded::parse(body.as_bytes()) {
        match name.as_ref() {
            "year" => form.year = value.into_owned(),
            "standard" => form.standard = value.into_owned(),
            "activity" => form.activity = value.into_owned(),
            "timing" => form.timing = value.into_owned(),
            "responsible" => form.responsible.push(value.into_owned()),
            _ => {}
        }
    }
    form
}

async fn add_item(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    body: String,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let form = parse_item_form(&body);
    let year = AcademicYear::parse(&form.year).map_err(|_| AppError::BadRequest)?;
    let timing = Timing::parse(&form.timing).ok_or(AppError::BadRequest)?;
    let responsible = form
        .responsible
        .iter()
        .map(|code| Position::parse(code).ok_or(AppError::BadRequest))
        .collect::<Result<Vec<_>, _>>()?;
    let activity = if form.standard.is_empty() {
        Activity::Custom(form.activity.clone())
    } else {
        Activity::Standard(StandardActivity::parse(&form.standard).ok_or(AppError::BadRequest)?)
    };
    let item = match (PlanItem {
        activity,
        timing,
        responsible,
    })
    .checked()
    {
        Ok(item) => item,
        Err(error) => return refuse(&state, &signed_in, year, plan_error_message(error, lang), form).await,
    };
    match state
        .app
        .add_plan_item(user.organisation_id, user.id, year, &item, state.app.now())
        .await
    {
        Ok(_) => Ok(back(year, "added")),
        Err(PlanRefusal::Store(error)) => Err(error.into()),
        Err(PlanRefusal::NoPlan | PlanRefusal::Exists) => Err(AppError::NotFound),
    }
}

fn item_id(id: &str) -> Result<PlanItemId, AppError> {
    Ok(PlanItemId(id.parse().map_err(|_| AppError::NotFound)?))
}

async fn owned_item(
    state: &AppState,
    signed_in: &SignedIn,
    id: PlanItemId,
) -> Result<(AcademicYear, senim_store::PlanItemRecord), AppError> {
    match state
        .app
        .store
        .plan_item(signed_in.user().organisation_id, id)
        .await
    {
        Ok(found) => Ok(found),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(error) => Err(error.into()),
    }
}

async fn remove_item(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let id = item_id(&id)?;
    let (year, _) = owned_item(&state, &signed_in, id).await?;
    state
        .app
        .remove_plan_item(user.organisation_id, user.id, id)
        .await?;
    Ok(back(year, "removed"))
}

#[derive(Deserialize)]
struct MarkForm {
    period_start: String,
    #[serde(default)]
    note: String,
}

async fn mark_period(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<MarkForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let id = item_id(&id)?;
    let (year, _) = owned_item(&state, &signed_in, id).await?;
    let Ok(start) = NaiveDate::parse_from_str(&form.period_start, "%Y-%m-%d") else {
        return refuse(
            &state,
            &signed_in,
            year,
            plan_error_message(PlanError::Period, lang),
            AddForm::default(),
        )
        .await;
    };
    match state
        .app
        .mark_plan_period(
            user.organisation_id,
            user.id,
            id,
            start,
            &form.note,
            state.app.now(),
        )
        .await
    {
        Ok(_) => Ok(back(year, "marked")),
        Err(Refused::Rule(error)) => {
            refuse(
                &state,
                &signed_in,
                year,
                plan_error_message(error, lang),
                AddForm::default(),
            )
            .await
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

async fn unmark_period(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<MarkForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let id = item_id(&id)?;
    let (year, _) = owned_item(&state, &signed_in, id).await?;
    let start =
        NaiveDate::parse_from_str(&form.period_start, "%Y-%m-%d").map_err(|_| AppError::BadRequest)?;
    state
        .app
        .unmark_plan_period(user.organisation_id, user.id, id, start)
        .await?;
    Ok(back(year, "unmarked"))
}

async fn plan_download(
    state: &AppState,
    signed_in: &SignedIn,
    query: &PlanQuery,
    format: Format,
) -> Result<Response, AppError> {
    let lang = crate::downloads::asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let year = year_asked(query.year.as_deref(), state.app.clock.today())?;
    let organisation_id = signed_in.user().organisation_id;
    if state.app.store.plan(organisation_id, year).await?.is_empty() {
        return Err(AppError::NotFound);
    }
    let today = state.app.clock.today();
    let plan = senim_app::paperwork::plan_document(
        &state.app.store,
        &state.app.calendar,
        organisation_id,
        year,
        lang,
        today,
    )
    .await?;
    state
        .app
        .audit_download(signed_in.user(), senim_domain::audit::documents::PLAN, None)
        .await?;
    crate::downloads::printed(&plan, format, today, &format!("plan-{year}-{}", lang.code()))
}

async fn plan_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<PlanQuery>,
) -> Result<Response, AppError> {
    plan_download(&state, &signed_in, &query, Format::Pdf).await
}

async fn plan_docx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<PlanQuery>,
) -> Result<Response, AppError> {
    plan_download(&state, &signed_in, &query, Format::Docx).await
}
