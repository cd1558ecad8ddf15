//! The yearly activity plan. Years are named `2025-2026`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_domain::Position;
use senim_domain::plan::{AcademicYear, Activity, PlanError, PlanItem, StandardActivity, Timing};
use senim_store::StoreError;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes, invalid_field};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/plans", post(create_plan).get(list_plans))
        .at("/plans/{year}", get(get_plan))
        .at("/plans/{year}/items", post(create_plan_item))
        .at("/plans/{year}/items/{id}/marks", post(create_plan_mark))
}

fn academic_year(text: &str) -> Result<AcademicYear, ApiError> {
    AcademicYear::parse(text).map_err(|error| ApiError {
        status: StatusCode::BAD_REQUEST,
        code: "invalid_academic_year",
        message: error.to_string(),
        field: Some("academic_year"),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanItemJson {
    /// A standard item's code (its wording and evidence follow), or none for `wording`.
    #[serde(default)]
    standard: Option<String>,
    #[serde(default)]
    wording: Option<String>,
    timing: String,
    responsible: Vec<String>,
}

fn plan_item(body: &PlanItemJson) -> Result<PlanItem, ApiError> {
    let invalid = invalid_field;
    let activity = match (&body.standard, &body.wording) {
        (Some(code), None) => Activity::Standard(StandardActivity::parse(code).ok_or_else(|| {
            invalid(
                "invalid_standard",
                "standard",
                "standard: organise, order, inform_classes, letters, calls, act or council",
            )
        })?),
        (None, Some(wording)) => Activity::Custom(wording.clone()),
        _ => {
            return Err(invalid(
                "invalid_activity",
                "activity",
                "activity: either standard or wording",
            ));
        }
    };
    let timing = Timing::parse(&body.timing).ok_or_else(|| {
        invalid(
            "invalid_timing",
            "timing",
            "timing: weekly, twice_monthly, monthly, once or month-N",
        )
    })?;
    let responsible = body
        .responsible
        .iter()
        .map(|code| {
            Position::parse(code).ok_or_else(|| {
                invalid(
                    "invalid_responsible",
                    "responsible",
                    "responsible: position codes",
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PlanItem {
        activity,
        timing,
        responsible,
    }
    .checked()?)
}

/// A year's plan as it stands today: each item with its periods and marks.
async fn plan_json(
    state: &AppState,
    organisation_id: senim_domain::OrganisationId,
    year: AcademicYear,
) -> Result<Value, ApiError> {
    let today = state.app.clock.today();
    let items = state.app.store.plan(organisation_id, year).await?;
    let record = senim_app::paperwork::plan_record(&state.app.store, organisation_id, year).await?;
    let progress = senim_app::paperwork::plan_progress(&items, year, &state.app.calendar, &record, today);
    let lang = senim_i18n::Lang::Kk;
    Ok(json!({
        "academic_year": year.to_string(),
        "items": items.iter().zip(&progress).enumerate().map(|(index, (item, marks))| json!({
            "id": item.id.0,
            "number": index + 1,
            "standard": match &item.item.activity { Activity::Standard(activity) => Value::from(activity.code()), Activity::Custom(_) => Value::Null },
            "activity": senim_app::paperwork::activity_text(&item.item, lang),
            "timing": item.item.timing.code(),
            "responsible": item.item.responsible.iter().map(|position| position.code()).collect::<Vec<_>>(),
            "evidence": item.item.activity.evidence().code(),
            "periods": marks.iter().map(|(period, mark)| json!({
                "start": period.start.to_string(),
                "end": period.end.to_string(),
                "mark": mark.code(),
                "note": item.marks.iter().find(|m| m.period_start == period.start).map(|m| m.note.clone()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewPlanJson {
    academic_year: String,
    /// The items; the seed's seven when omitted.
    #[serde(default)]
    items: Option<Vec<PlanItemJson>>,
}

async fn create_plan(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<NewPlanJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let year = academic_year(&body.academic_year)?;
    let items = match &body.items {
        None => {
            senim_domain::plan::default_plan_for(state.app.store.box_schedule(user.organisation_id).await?)
        }
        Some(items) => items.iter().map(plan_item).collect::<Result<Vec<_>, _>>()?,
    };
    match state
        .app
        .create_plan(user.organisation_id, user.id, year, &items, state.app.now())
        .await
    {
        Ok(()) => {}
        Err(senim_store::PlanRefusal::Exists | senim_store::PlanRefusal::NoPlan) => {
            return Err(ApiError {
                status: StatusCode::CONFLICT,
                code: "plan_exists",
                message: "academic_year: this year already has a plan".into(),
                field: Some("academic_year"),
            });
        }
        Err(senim_store::PlanRefusal::Store(error)) => return Err(error.into()),
    }
    Ok((
        StatusCode::CREATED,
        Json(plan_json(&state, user.organisation_id, year).await?),
    )
        .into_response())
}

async fn list_plans(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let years = state.app.store.plan_years(user.organisation_id).await?;
    Ok(
        Json(json!({ "academic_years": years.iter().map(ToString::to_string).collect::<Vec<_>>() }))
            .into_response(),
    )
}

async fn get_plan(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(year): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let year = academic_year(&year)?;
    if state.app.store.plan(user.organisation_id, year).await?.is_empty() {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no plan for this academic year",
        ));
    }
    Ok(Json(plan_json(&state, user.organisation_id, year).await?).into_response())
}

async fn create_plan_item(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(year): Path<String>,
    body: Result<Json<PlanItemJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let year = academic_year(&year)?;
    let Json(body) = body?;
    let item = plan_item(&body)?;
    match state
        .app
        .add_plan_item(user.organisation_id, user.id, year, &item, state.app.now())
        .await
    {
        Ok(_) => {}
        Err(senim_store::PlanRefusal::Store(error)) => return Err(error.into()),
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "no plan for this academic year; create it first",
            ));
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(plan_json(&state, user.organisation_id, year).await?),
    )
        .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanMarkJson {
    period_start: String,
    note: String,
}

async fn create_plan_mark(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path((year, id)): Path<(String, i64)>,
    body: Result<Json<PlanMarkJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let year = academic_year(&year)?;
    let Json(body) = body?;
    let id = senim_store::PlanItemId(id);
    let (item_year, _) = match state.app.store.plan_item(user.organisation_id, id).await {
        Ok(found) => found,
        Err(StoreError::NotFound) => {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "no such plan item",
            ));
        }
        Err(error) => return Err(error.into()),
    };
    if item_year != year {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such plan item",
        ));
    }
    let start =
        NaiveDate::parse_from_str(body.period_start.trim(), "%Y-%m-%d").map_err(|_| PlanError::Period)?;
    state
        .app
        .mark_plan_period(
            user.organisation_id,
            user.id,
            id,
            start,
            &body.note,
            state.app.now(),
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(plan_json(&state, user.organisation_id, year).await?),
    )
        .into_response())
}
