//! Forwardings to executing organisations, their answers, the monitoring of deadlines and the
//! directory.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_app::forwarding::LetterOptions;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::deadline::{DeadlineRule, DeadlineStatus};
use senim_domain::forwarding::{FORWARDING_RULES, ForwardingId, ForwardingRequest, LetterLanguage};
use senim_store::ForwardingRecord;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes, invalid_field, parse_id, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at(
            "/appeals/{id}/forwardings",
            post(create_forwarding).get(list_forwardings),
        )
        .at("/forwardings/{id}/answer", post(answer_forwarding))
        .at("/directory", get(directory))
}

pub(super) fn forwarding_json(
    record: &ForwardingRecord,
    calendar: &WorkingCalendar,
    today: NaiveDate,
) -> Value {
    let status = if record.answer.is_some() {
        "answered"
    } else if record.withdrawn.is_some() {
        "withdrawn"
    } else {
        DeadlineStatus::of(calendar, record.due_on, today).code()
    };
    json!({
        "id": record.id.0,
        "appeal_id": record.appeal_id.0,
        "appeal": { "year": record.appeal_year.0, "number": record.appeal_number.0 },
        "executing_organisation": {
            "id": record.executing_organisation.id.0,
            "name_kk": record.executing_organisation.name_kk,
            "name_ru": record.executing_organisation.name_ru,
        },
        "channel": record.channel.code(),
        "sent_at": rfc3339(record.sent_at),
        "sent_by": record.sent_by_name,
        "rule": record.rule.code(),
        "due_on": record.due_on.format("%Y-%m-%d").to_string(),
        "status": status,
        "received": record.received.as_ref().map(|(name, at)| json!({ "by": name, "at": rfc3339(*at) })),
        "answer": record.answer.as_ref().map(|(text, on)| json!({ "text": text.as_str(), "on": on.format("%Y-%m-%d").to_string() })),
        "withdrawn": record.withdrawn.as_ref().map(|(reason, at)| json!({ "reason": reason.as_str(), "at": rfc3339(*at) })),
        "delivery": (record.delivery.state != senim_domain::forwarding::DeliveryState::None).then(|| json!({
            "state": record.delivery.state.code(),
            "to": record.letter_email,
            "attempts": record.delivery.attempts,
            "error": record.delivery.error,
            "next_attempt_at": record.delivery.next_attempt_at.map(rfc3339),
            "delivered_at": record.delivery.delivered_at.map(rfc3339),
        })),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewForwardingJson {
    executing_organisation_id: i64,
    channel: String,
    rule: Option<String>,
    due_on: Option<String>,
    reason: Option<String>,
    /// Put the applicant's name, address and phone in the letter (only when needed).
    include_applicant: Option<bool>,
    /// `kk` (default) or `ru`.
    letter_language: Option<String>,
}

async fn create_forwarding(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<NewForwardingJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let rule = match body.rule.as_deref() {
        None => DeadlineRule::Consideration,
        Some(code) => DeadlineRule::parse(code)
            .filter(|rule| FORWARDING_RULES.contains(rule))
            .ok_or_else(|| invalid_field("unknown_rule", "rule", "rule: consideration or extension_limit"))?,
    };
    let language = match body.letter_language.as_deref() {
        None => LetterLanguage::Kk,
        Some(code) => LetterLanguage::parse(code).ok_or_else(|| {
            invalid_field(
                "invalid_letter_language",
                "letter_language",
                "letter_language: kk or ru",
            )
        })?,
    };
    let due_on = match body.due_on.as_deref() {
        None => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| invalid_field("invalid_due_on", "due_on", "due_on: a date as YYYY-MM-DD"))?,
        ),
    };
    let request = ForwardingRequest {
        executing_organisation: Some(body.executing_organisation_id),
        channel: &body.channel,
        rule,
        due_on,
        reason: body.reason.as_deref().unwrap_or(""),
    };
    let letter = LetterOptions {
        include_applicant: body.include_applicant.unwrap_or(false),
        language,
    };
    let id = state
        .app
        .forward(
            user.organisation_id,
            user.id,
            appeal_id,
            &request,
            letter,
            state.app.now(),
        )
        .await?;
    let record = state.app.store.forwarding(user.organisation_id, id).await?;
    Ok((
        StatusCode::CREATED,
        Json(forwarding_json(
            &record,
            &state.app.calendar,
            state.app.clock.today(),
        )),
    )
        .into_response())
}

async fn list_forwardings(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    // The forwardings carry the organisations' answers: a reading of the appeal.
    state.app.audit_shown(user, &record, Some("forwardings")).await?;
    let (forwardings, _) = state
        .app
        .store
        .forwardings_of_appeal(user.organisation_id, record.row.appeal.id)
        .await?;
    let items: Vec<Value> = forwardings
        .iter()
        .map(|f| forwarding_json(f, &state.app.calendar, state.app.clock.today()))
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerJson {
    answer: String,
    answered_on: Option<String>,
}

/// The organisation's answer closes the forwarding and becomes the appeal's outcome.
async fn answer_forwarding(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<AnswerJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let id = ForwardingId(parse_id(&id)?.0);
    let Json(body) = body?;
    let answered_on = match body.answered_on.as_deref() {
        None => None,
        Some(text) => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            invalid_field(
                "invalid_answered_on",
                "answered_on",
                "answered_on: a date as YYYY-MM-DD",
            )
        })?),
    };
    state
        .app
        .record_answer(
            user.organisation_id,
            user.id,
            id,
            &body.answer,
            answered_on,
            state.app.now(),
        )
        .await?;
    let record = state.app.store.forwarding(user.organisation_id, id).await?;
    Ok(Json(forwarding_json(
        &record,
        &state.app.calendar,
        state.app.clock.today(),
    ))
    .into_response())
}

async fn directory(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let entries = state.app.store.directory(user.organisation_id).await?;
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            json!({ "id": e.id.0, "name_kk": e.name_kk, "name_ru": e.name_ru, "email": e.email,
                    "fax": e.fax, "phone": e.phone, "address": e.address })
        })
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}
