//! Openings of the paper Trust Box, their acts, and the letters found at them.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use senim_documents::Act;
use senim_domain::opening::Letter;
use senim_store::StoreError;
use senim_store::{Opening, OpeningId, OpeningRefusal};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, ApplicantJson, Routes, invalid_field, moment_or_now, registered, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/openings", post(create_opening).get(list_openings))
        .at("/openings/{id}", get(get_opening))
        .at("/openings/{id}/letters", post(create_letter))
}

impl From<OpeningRefusal> for ApiError {
    fn from(refusal: OpeningRefusal) -> ApiError {
        match refusal {
            OpeningRefusal::Invalid(error) => ApiError::refused(error),
            OpeningRefusal::UnknownMember => invalid_field(
                "unknown_member",
                "members",
                "members: each member is a login of this school's staff who reads appeals",
            ),
            OpeningRefusal::AllRegistered => ApiError::new(
                StatusCode::CONFLICT,
                "all_letters_registered",
                "every letter of this opening is registered already",
            ),
            OpeningRefusal::Store(StoreError::SlipUnknown) => invalid_field(
                "slip_unknown",
                "letter_code",
                "letter_code: no unused slip of this school has this letter code",
            ),
            OpeningRefusal::Store(StoreError::NotFound) => {
                ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such opening")
            }
            OpeningRefusal::Store(error) => ApiError::from(error),
        }
    }
}

fn act_json(act: &Act) -> Value {
    json!({
        "institution": act.institution,
        "heading": act.heading,
        "date": act.date,
        "title": act.title,
        "body": act.body,
        "signatures": act.signatures.iter().map(|(position, name)| json!({ "position": position, "name": name })).collect::<Vec<_>>(),
    })
}

fn opening_json(school: &senim_domain::Organisation, opening: &Opening) -> Value {
    json!({
        "id": opening.id.0,
        "opened_at": rfc3339(opening.opened_at),
        "letters": opening.letters,
        "letters_waiting": opening.letters_waiting(),
        "members": opening.members.iter().map(|member| json!({
            "user_id": member.user_id.0,
            "full_name": member.full_name,
            "positions": member.positions.as_slice().iter().map(|p| p.code()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "registered": opening.registered.iter().map(|letter| json!({
            "id": letter.appeal_id.0,
            "year": letter.year.0,
            "number": letter.number.0,
        })).collect::<Vec<_>>(),
        "act": {
            "kk": act_json(&senim_app::exports::act_of(school, opening, senim_i18n::Lang::Kk)),
            "ru": act_json(&senim_app::exports::act_of(school, opening, senim_i18n::Lang::Ru)),
        },
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOpeningJson {
    opened_at: Option<String>,
    members: Vec<String>,
    letters: i64,
}

async fn create_opening(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<NewOpeningJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let now = state.app.now();
    let opened_at = moment_or_now(body.opened_at.as_deref(), "opened_at", "invalid_opened_at", now)?;
    let mut members = Vec::new();
    for login in &body.members {
        match state.app.store.user_by_login(login.trim()).await {
            // The commission is of staff who read appeals, as on the page: not the administrator,
            // nor an account still waiting for the heads' confirmation.
            Ok(member)
                if member.organisation_id == user.organisation_id && member.permissions().read_appeals =>
            {
                members.push(member.id)
            }
            Ok(_) | Err(StoreError::NotFound) => return Err(OpeningRefusal::UnknownMember.into()),
            Err(error) => return Err(error.into()),
        }
    }
    let letters = u32::try_from(body.letters)
        .map_err(|_| OpeningRefusal::Invalid(senim_domain::opening::OpeningError::LettersOutOfRange))?;
    let opening = senim_store::NewOpening {
        opened_at,
        letters,
        members,
    };
    let id = state
        .app
        .record_opening(user.organisation_id, user.id, &opening, now)
        .await?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let opening = state.app.store.opening(user.organisation_id, id).await?;
    Ok((StatusCode::CREATED, Json(opening_json(&school, &opening))).into_response())
}

async fn list_openings(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let (schedule, status) = state
        .app
        .box_status(user.organisation_id, state.app.now())
        .await?;
    let (due, overdue) = match status {
        senim_domain::opening::OpeningStatus::Due(day) => (day, false),
        senim_domain::opening::OpeningStatus::Overdue(day) => (day, true),
    };
    let openings = state.app.store.openings(user.organisation_id).await?;
    Ok(Json(json!({
        "schedule": schedule.code(),
        "next_due": due.to_string(),
        "overdue": overdue,
        "items": openings.iter().map(|opening| opening_json(&school, opening)).collect::<Vec<_>>(),
    }))
    .into_response())
}

fn parse_opening_id(id: &str) -> Result<OpeningId, ApiError> {
    id.parse::<i64>()
        .map(OpeningId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such opening"))
}

async fn get_opening(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let id = parse_opening_id(&id)?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let opening = state
        .app
        .store
        .opening(user.organisation_id, id)
        .await
        .map_err(|error| ApiError::from(OpeningRefusal::Store(error)))?;
    Ok(Json(opening_json(&school, &opening)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewLetterJson {
    summary: String,
    category: Option<String>,
    applicant: Option<ApplicantJson>,
    letter_code: Option<String>,
}

async fn create_letter(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<NewLetterJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let id = parse_opening_id(&id)?;
    let Json(body) = body?;
    let opening = state
        .app
        .store
        .opening(user.organisation_id, id)
        .await
        .map_err(|error| ApiError::from(OpeningRefusal::Store(error)))?;
    let applicant = body.applicant.unwrap_or_default();
    let letter = Letter {
        summary: &body.summary,
        category: body.category.as_deref().unwrap_or(""),
        full_name: &applicant.full_name,
        address: &applicant.address,
        phone: &applicant.phone,
        letter_code: body.letter_code.as_deref().unwrap_or(""),
    };
    let now = state.app.now();
    let content = letter.content(opening.opened_at, now)?;
    let slip = letter
        .slip()
        .map_err(|_| ApiError::from(OpeningRefusal::Store(StoreError::SlipUnknown)))?;
    let appeal = state
        .app
        .register_letter(user.organisation_id, id, content, slip.as_ref(), user.id, now)
        .await?;
    Ok(registered(&appeal))
}
