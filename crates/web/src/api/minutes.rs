//! Minutes of the commission's meetings. People are named by their logins.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_domain::minutes::{AgendaItem, Heard, MinutesDraft};
use senim_store::StoreError;
use senim_store::{MinutesRecord, MinutesRefusal};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes, invalid_field};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/minutes", post(create_minutes).get(list_minutes))
        .at("/minutes/proposed", get(proposed_minutes))
        .at("/minutes/{year}/{number}", get(get_minutes))
}

impl From<MinutesRefusal> for ApiError {
    fn from(refusal: MinutesRefusal) -> ApiError {
        match refusal {
            MinutesRefusal::Invalid(error) => error.into(),
            MinutesRefusal::UnknownAttendee => unknown_person("attendees"),
            MinutesRefusal::Store(error) => error.into(),
        }
    }
}

fn unknown_person(field: &'static str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "unknown_person",
        message: format!("{field}: a login of this school's staff"),
        field: Some(field),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeardJson {
    speaker: String,
    #[serde(default)]
    said: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaItemJson {
    topic: String,
    #[serde(default)]
    heard: Vec<HeardJson>,
    resolved: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MinutesJson {
    held_on: String,
    attendees: Vec<String>,
    items: Vec<AgendaItemJson>,
    chair: String,
    secretary: String,
}

async fn create_minutes(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<MinutesJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let held_on = NaiveDate::parse_from_str(body.held_on.trim(), "%Y-%m-%d")
        .map_err(|_| invalid_field("invalid_held_on", "held_on", "held_on: a date YYYY-MM-DD"))?;
    // A login names one of the school's staff; one that names nobody is refused with the field.
    let mut logins: std::collections::HashMap<String, senim_domain::UserId> =
        std::collections::HashMap::new();
    let mut resolve = async |login: &str, field: &'static str| -> Result<senim_domain::UserId, ApiError> {
        let login = login.trim().to_owned();
        if let Some(id) = logins.get(&login) {
            return Ok(*id);
        }
        match state.app.store.user_by_login(&login).await {
            Ok(person) if person.organisation_id == user.organisation_id => {
                logins.insert(login, person.id);
                Ok(person.id)
            }
            Ok(_) | Err(StoreError::NotFound) => Err(unknown_person(field)),
            Err(error) => Err(error.into()),
        }
    };
    let mut attendees = Vec::new();
    for login in &body.attendees {
        attendees.push(resolve(login, "attendees").await?);
    }
    let mut items = Vec::new();
    for item in &body.items {
        let mut heard = Vec::new();
        for speaker in &item.heard {
            heard.push(Heard {
                speaker: resolve(&speaker.speaker, "items").await?,
                said: senim_domain::Redacted(speaker.said.clone()),
            });
        }
        items.push(AgendaItem {
            topic: senim_domain::Redacted(item.topic.clone()),
            heard,
            resolved: senim_domain::Redacted(item.resolved.clone()),
        });
    }
    let chair = resolve(&body.chair, "chair").await?;
    let secretary = resolve(&body.secretary, "secretary").await?;
    let today = state.app.clock.today();
    let draft = MinutesDraft {
        held_on,
        attendees,
        items,
        chair,
        secretary,
    }
    .checked(today)?;
    let (year, number) = state
        .app
        .record_minutes(user.organisation_id, user.id, &draft, state.app.now())
        .await?;
    let minutes = state
        .app
        .store
        .minutes(user.organisation_id, year, number)
        .await?;
    Ok((StatusCode::CREATED, Json(minutes_json(&minutes))).into_response())
}

fn minutes_json(minutes: &MinutesRecord) -> Value {
    json!({
        "year": minutes.year,
        "number": minutes.number,
        "held_on": minutes.held_on.to_string(),
        "attendees": minutes.attendees.iter().map(|a| json!({
            "full_name": a.full_name,
            "positions": a.positions.as_slice().iter().map(|p| p.code()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "items": minutes.items.iter().map(|item| json!({
            "topic": item.topic.as_str(),
            "heard": item.heard.iter().map(|heard| json!({
                "speaker": minutes.name_of(heard.speaker),
                "said": heard.said.as_str(),
            })).collect::<Vec<_>>(),
            "resolved": item.resolved.as_str(),
        })).collect::<Vec<_>>(),
        "chair": minutes.name_of(minutes.chair),
        "secretary": minutes.name_of(minutes.secretary),
    })
}

#[derive(Deserialize)]
struct MinutesQuery {
    year: Option<i32>,
}

async fn list_minutes(
    State(state): State<AppState>,
    api_user: ApiUser,
    Query(query): Query<MinutesQuery>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let year = query
        .year
        .unwrap_or_else(|| senim_domain::time::local_year(state.app.now()));
    let minutes = state
        .app
        .store
        .minutes_of_year(user.organisation_id, year)
        .await?;
    Ok(
        Json(json!({ "year": year, "items": minutes.iter().map(minutes_json).collect::<Vec<_>>() }))
            .into_response(),
    )
}

async fn get_minutes(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path((year, number)): Path<(i32, i64)>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    match state.app.store.minutes(user.organisation_id, year, number).await {
        Ok(minutes) => Ok(Json(minutes_json(&minutes)).into_response()),
        Err(StoreError::NotFound) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such minutes",
        )),
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct ProposedQuery {
    held_on: Option<String>,
    lang: Option<String>,
}

/// The agenda Senim proposes for minutes held on `held_on` (today when omitted).
async fn proposed_minutes(
    State(state): State<AppState>,
    api_user: ApiUser,
    Query(query): Query<ProposedQuery>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let held_on = match query.held_on.as_deref() {
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_held_on",
            message: "held_on: a date YYYY-MM-DD".into(),
            field: Some("held_on"),
        })?,
        None => state.app.clock.today(),
    };
    let lang = query
        .lang
        .as_deref()
        .and_then(senim_i18n::Lang::parse)
        .unwrap_or(senim_i18n::Lang::Kk);
    let (since, items) =
        senim_app::paperwork::proposed_minutes(&state.app.store, user.organisation_id, held_on, lang).await?;
    Ok(Json(json!({
        "held_on": held_on.to_string(),
        "since": since,
        "items": items.iter().map(|item| json!({ "topic": item.topic, "said": item.said })).collect::<Vec<_>>(),
    }))
    .into_response())
}
