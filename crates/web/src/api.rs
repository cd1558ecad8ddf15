//! The JSON API under `/api/v1` for integrations (a school's PBX, regional systems). Bearer
//! tokens made by `senim token create` act as their staff member, with the same rights as in
//! the browser. Errors are JSON with a stable `code`; bad input is a 4xx, never a 500.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Datelike;
use chrono::{DateTime, SecondsFormat, Utc};
use senim_domain::calendar::Certainty;
use senim_domain::time::local_year;
use senim_domain::{
    Appeal, AppealContent, AppealError, AppealId, Applicant, Category, Channel, Correction, JournalYear,
    Outcome,
};
use senim_store::{JournalRow, StoreError, User};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::incident;
use chrono::NaiveDate;
use senim_app::forwarding::LetterOptions;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::deadline::{DeadlineRule, DeadlineStatus};
use senim_domain::forwarding::{
    FORWARDING_RULES, ForwardingError, ForwardingId, ForwardingRequest, LetterLanguage,
};
use senim_store::ForwardingRecord;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/appeals", post(create_appeal).get(list_appeals))
        .route("/appeals/{id}", get(get_appeal))
        .route("/appeals/{id}/outcome", post(record_outcome))
        .route("/appeals/{id}/corrections", post(create_correction))
        .route("/appeals/{id}/replies", post(create_reply))
        .route("/appeals/{id}/handovers", post(create_handover))
        .route("/appeals/{id}/classification", post(classify_appeal))
        .route("/appeals/{id}/conversation", get(get_conversation))
        .route("/analysis/{month}", get(analysis))
        .route("/minutes", post(create_minutes).get(list_minutes))
        .route("/minutes/proposed", get(proposed_minutes))
        .route("/minutes/{year}/{number}", get(get_minutes))
        .route("/plans", post(create_plan).get(list_plans))
        .route("/plans/{year}", get(get_plan))
        .route("/plans/{year}/items", post(create_plan_item))
        .route("/plans/{year}/items/{id}/marks", post(create_plan_mark))
        .route("/openings", post(create_opening).get(list_openings))
        .route("/openings/{id}", get(get_opening))
        .route("/openings/{id}/letters", post(create_letter))
        .route("/box/{school}/submissions", post(box_submission))
        .route("/box/{school}/followup", post(box_followup))
        .route("/box/{school}/followup/messages", post(box_followup_message))
        .route(
            "/appeals/{id}/forwardings",
            post(create_forwarding).get(list_forwardings),
        )
        .route("/forwardings/{id}/answer", post(answer_forwarding))
        .route("/monitoring", get(monitoring))
        .route("/directory", get(directory))
        .route("/calendar/add-working-days", get(add_working_days))
        .route("/calendar/{year}", get(calendar_year))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API route") })
}

static OPENAPI: &str = include_str!("../openapi.json");

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    field: Option<&'static str>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "code": self.code, "message": self.message });
        if let Some(field) = self.field {
            body["field"] = Value::from(field);
        }
        (self.status, Json(body)).into_response()
    }
}

impl From<AppealError> for ApiError {
    fn from(error: AppealError) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: error.code(),
            message: error.to_string(),
            field: Some(error.field()),
        }
    }
}

impl From<ForwardingError> for ApiError {
    fn from(error: ForwardingError) -> ApiError {
        ApiError {
            status: if error == ForwardingError::Closed {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            code: error.code(),
            message: error.to_string(),
            field: Some(error.field()),
        }
    }
}

impl<E: Into<ApiError>> From<senim_app::Refused<E>> for ApiError {
    fn from(refused: senim_app::Refused<E>) -> ApiError {
        match refused {
            senim_app::Refused::Rule(error) => error.into(),
            senim_app::Refused::Store(error) => error.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        match error {
            StoreError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such appeal"),
            error => {
                let incident = incident();
                tracing::error!(incident, %error, "storage failed");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    format!("internal error, incident {incident:06}"),
                )
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        // The rejection names the problem; it may quote the sender's own value back to the sender, and is never logged.
        let status = match rejection {
            JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            JsonRejection::JsonDataError(_) => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError::new(status, "invalid_json", rejection.body_text())
    }
}

/// The staff member a bearer token acts as.
pub struct ApiUser(User);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiUser, ApiError> {
        let unauthorized = || {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send Authorization: Bearer <token>",
            )
        };
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or_else(unauthorized)?;
        let user = state
            .app
            .store
            .user_by_api_token(token.trim())
            .await?
            .ok_or_else(unauthorized)?;
        Ok(ApiUser(user))
    }
}

impl ApiUser {
    fn reader(&self) -> Result<&User, ApiError> {
        if self.0.permissions().read_appeals {
            Ok(&self.0)
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this account may not read appeals",
            ))
        }
    }

    fn registrar(&self) -> Result<&User, ApiError> {
        if self.0.permissions().register_appeals {
            Ok(&self.0)
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this account may not register appeals",
            ))
        }
    }
}

fn rfc3339(moment: DateTime<Utc>) -> String {
    moment
        .with_timezone(&senim_domain::time::KAZAKHSTAN)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ApplicantJson {
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewAppealJson {
    channel: String,
    received_at: Option<String>,
    #[serde(default)]
    anonymous: bool,
    applicant: Option<ApplicantJson>,
    summary: String,
    category: Option<String>,
    /// Only for corrections.
    reason: Option<String>,
}

impl NewAppealJson {
    fn content(&self, now: DateTime<Utc>) -> Result<AppealContent, ApiError> {
        let channel = Channel::parse(&self.channel)?;
        let category = match &self.category {
            Some(code) => Category::parse(code)?,
            None => Category::UNSPECIFIED,
        };
        let received_at = match &self.received_at {
            Some(text) => DateTime::parse_from_rfc3339(text)
                .map_err(|_| ApiError {
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                    code: "invalid_received_at",
                    message:
                        "received_at: an RFC 3339 moment with its offset, e.g. 2025-01-06T09:30:00+05:00"
                            .into(),
                    field: Some("received_at"),
                })?
                .with_timezone(&Utc),
            None => now,
        };
        let applicant = self
            .applicant
            .as_ref()
            .map(|a| Applicant::new(&a.full_name, &a.address, &a.phone))
            .unwrap_or_default();
        Ok(AppealContent::new(
            channel,
            received_at,
            self.anonymous,
            applicant,
            &self.summary,
            category,
            now,
        )?)
    }
}

#[derive(Serialize)]
struct Registered {
    id: i64,
    number: i64,
    year: i32,
    registered_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrects: Option<i64>,
}

fn registered(appeal: &Appeal) -> Response {
    let body = Registered {
        id: appeal.id.0,
        number: appeal.number.0,
        year: appeal.year.0,
        registered_at: rfc3339(appeal.registered_at),
        corrects: appeal.correction.as_ref().map(|c| c.corrects.0),
    };
    let location = format!("/api/v1/appeals/{}", appeal.id.0);
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(body)).into_response()
}

async fn create_appeal(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<NewAppealJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    if body.reason.is_some() {
        return Err(ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "unexpected_reason",
            message: "reason: only a correction has a reason; post it to /appeals/{id}/corrections".into(),
            field: Some("reason"),
        });
    }
    let now = state.app.now();
    let content = body.content(now)?;
    let appeal = state
        .app
        .register_appeal(user.organisation_id, user.id, content, now)
        .await?;
    Ok(registered(&appeal))
}

async fn create_correction(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<NewAppealJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let corrected = parse_id(&id)?;
    let Json(body) = body?;
    let now = state.app.now();
    let content = body.content(now)?;
    let correction = Correction::new(corrected, body.reason.as_deref().unwrap_or(""))?;
    let appeal = state
        .app
        .register_correction(user.organisation_id, user.id, content, correction, now)
        .await?;
    Ok(registered(&appeal))
}

fn parse_id(id: &str) -> Result<AppealId, ApiError> {
    id.parse::<i64>()
        .map(AppealId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such appeal"))
}

fn entry_ref(year: JournalYear, number: senim_domain::JournalNumber) -> Value {
    json!({ "year": year.0, "number": number.0 })
}

fn appeal_json(
    row: &JournalRow,
    forwardings: &[ForwardingRecord],
    calendar: &WorkingCalendar,
    today: NaiveDate,
) -> Value {
    let appeal = &row.appeal;
    let content = &appeal.content;
    let applicant = content.applicant();
    json!({
        "id": appeal.id.0,
        "number": appeal.number.0,
        "year": appeal.year.0,
        "channel": content.channel().code(),
        "received_at": rfc3339(content.received_at()),
        "registered_at": rfc3339(appeal.registered_at),
        "anonymous": content.anonymous(),
        "applicant": if content.anonymous() { Value::Null } else { json!({
            "full_name": applicant.full_name.as_str(),
            "address": applicant.address.as_str(),
            "phone": applicant.phone.as_str(),
        }) },
        "summary": content.summary(),
        "category": content.category().code(),
        "urgent": row.triage.as_ref().is_some_and(|triage| triage.is_open_alarm()),
        "triage": row.triage.as_ref().map(|triage| json!({
            "urgent": triage.urgent,
            "cleared": triage.cleared.as_ref().map(|(reason, at)| json!({ "reason": reason.as_str(), "at": rfc3339(*at) })),
            "hits": triage.hits.iter().map(|hit| json!({
                "category": hit.category,
                "severity": hit.severity,
                "term": hit.term,
                "text": if hit.start < hit.end { content.summary().get(hit.start..hit.end).unwrap_or("") } else { hit.term.as_str() },
                "in_summary": hit.start < hit.end,
            })).collect::<Vec<_>>(),
        })),
        "forwarded_to": forwardings.iter().map(|f| forwarding_json(f, calendar, today)).collect::<Vec<_>>(),
        "outcome": row.latest_outcome.as_ref().map(|o| o.text.as_str()),
        "corrects": row.corrects.map(|(year, number)| {
            let mut reference = entry_ref(year, number);
            if let Some(correction) = &appeal.correction {
                reference["id"] = Value::from(correction.corrects.0);
                reference["reason"] = Value::from(correction.reason.as_str());
            }
            reference
        }),
        "corrected_by": row.corrected_by.iter().map(|(year, number)| entry_ref(*year, *number)).collect::<Vec<_>>(),
    })
}

#[derive(Deserialize)]
struct ListQuery {
    year: Option<i32>,
}

async fn list_appeals(
    State(state): State<AppState>,
    api_user: ApiUser,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let Query(query) = query.map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_year",
            "year: a calendar year, e.g. 2025",
        )
    })?;
    let year = query.year.unwrap_or_else(|| local_year(state.app.now()));
    if !(2000..=2200).contains(&year) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_year",
            "year: a calendar year, e.g. 2025",
        ));
    }
    let rows = state
        .app
        .store
        .journal(user.organisation_id, JournalYear(year))
        .await?;
    let forwardings = state
        .app
        .store
        .forwardings_of_year(user.organisation_id, JournalYear(year))
        .await?;
    let items: Vec<Value> = rows
        .iter()
        .map(|row| {
            let of_appeal = forwardings
                .get(&row.appeal.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            appeal_json(row, of_appeal, &state.app.calendar, state.app.clock.today())
        })
        .collect();
    Ok(Json(json!({ "year": year, "items": items })).into_response())
}

async fn get_appeal(
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
    let (forwardings, _) = state
        .app
        .store
        .forwardings_of_appeal(user.organisation_id, record.row.appeal.id)
        .await?;
    let mut body = appeal_json(
        &record.row,
        &forwardings,
        &state.app.calendar,
        state.app.clock.today(),
    );
    body["outcomes"] = record
        .outcomes
        .iter()
        .map(|o| json!({ "text": o.outcome.text.as_str(), "recorded_at": rfc3339(o.outcome.recorded_at), "recorded_by": o.recorded_by_name }))
        .collect();
    body["registered_by"] = if record.registered_automatically {
        Value::Null
    } else {
        Value::from(record.registered_by_name.as_str())
    };
    body["handovers"] = handovers_json(&state, user.organisation_id, record.row.appeal.id).await?;
    let classification = state
        .app
        .store
        .classification(user.organisation_id, record.row.appeal.id)
        .await?;
    body["classification"] = classification_json(&classification);
    Ok(Json(body).into_response())
}

fn classification_json(classification: &senim_domain::classification::Classification) -> Value {
    json!({
        "contact_type": classification.contact_type.map(|value| value.code()),
        "interventions": classification.interventions.iter().map(|value| value.code()).collect::<Vec<_>>(),
        "incident_location": classification.incident_location.map(|value| value.code()),
        "age": *classification.age,
        "gender": classification.gender.map(|value| value.code()),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassificationJson {
    contact_type: Option<String>,
    #[serde(default)]
    interventions: Vec<String>,
    incident_location: Option<String>,
    age: Option<i64>,
    gender: Option<String>,
}

/// Sets (replaces) an appeal's optional statistics.
async fn classify_appeal(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<ClassificationJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let classification = senim_domain::classification::Classification::parse(
        body.contact_type.as_deref().unwrap_or(""),
        &body.interventions,
        body.incident_location.as_deref().unwrap_or(""),
        &body.age.map(|age| age.to_string()).unwrap_or_default(),
        body.gender.as_deref().unwrap_or(""),
    )
    .map_err(|error| ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: error.code(),
        message: error.to_string(),
        field: Some(error.field()),
    })?;
    state
        .app
        .classify(
            user.organisation_id,
            user.id,
            appeal_id,
            &classification,
            state.app.now(),
        )
        .await?;
    Ok(Json(json!({ "classification": classification_json(&classification) })).into_response())
}

async fn handovers_json(
    state: &AppState,
    organisation_id: senim_domain::OrganisationId,
    appeal_id: AppealId,
) -> Result<Value, ApiError> {
    Ok(state
        .app
        .store
        .handovers(organisation_id, appeal_id)
        .await?
        .iter()
        .map(|h| {
            json!({
                "service": h.handover.service.code(),
                "handed_at": rfc3339(h.handover.handed_at),
                "by": h.by_name,
                "note": h.handover.note.as_str(),
                "recorded_at": rfc3339(h.recorded_at),
            })
        })
        .collect())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoverJson {
    service: String,
    handed_at: Option<String>,
    #[serde(default)]
    note: String,
}

/// Records that an appeal was handed over to 111, 102 or 103.
async fn create_handover(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<HandoverJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let now = state.app.now();
    let handed_at = match &body.handed_at {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map_err(|_| ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "invalid_handed_at",
                message: "handed_at: an RFC 3339 moment".into(),
                field: Some("handed_at"),
            })?
            .with_timezone(&Utc),
        None => now,
    };
    let handover = senim_domain::handover::Handover::new(&body.service, handed_at, &body.note, now).map_err(
        |error| ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: error.code(),
            message: error.to_string(),
            field: Some(error.field()),
        },
    )?;
    state
        .app
        .record_handover(user.organisation_id, user.id, appeal_id, &handover, now)
        .await?;
    let body = json!({ "handovers": handovers_json(&state, user.organisation_id, appeal_id).await? });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeJson {
    outcome: String,
}

async fn record_outcome(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<OutcomeJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let outcome = Outcome::new(appeal_id, &body.outcome, state.app.now(), user.id)?;
    let outcome = state.app.record_outcome(user.organisation_id, outcome).await?;
    let body = json!({ "appeal_id": appeal_id.0, "recorded_at": rfc3339(outcome.recorded_at) });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

fn calendar_year_in_range(year: i32) -> Result<i32, ApiError> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_year",
            "year: a calendar year from 2000 to 2100",
        ))
    }
}

/// The non-working weekdays and the worked weekend days of a year. Public: no sign-in.
async fn calendar_year(
    State(state): State<AppState>,
    Path(year): Path<String>,
) -> Result<Response, ApiError> {
    let year = year
        .parse::<i32>()
        .map_err(|_| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_year",
                "year: a calendar year, e.g. 2026",
            )
        })
        .and_then(calendar_year_in_range)?;
    let calendar = &state.app.calendar;
    let dates = |dates: Vec<chrono::NaiveDate>| {
        dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
    };
    let certainty = match calendar.certainty(year) {
        Certainty::Verified => "verified",
        Certainty::Provisional => "provisional",
        Certainty::Estimated => "estimated",
        Certainty::Derived => "derived",
    };
    Ok(Json(json!({
        "year": year,
        "certainty": certainty,
        "days_off": dates(calendar.days_off(year)),
        "working_weekend_days": dates(calendar.working_weekend_days(year)),
    }))
    .into_response())
}

#[derive(Deserialize)]
struct AddWorkingDaysQuery {
    from: String,
    days: u32,
}

/// The `days`-th working day after `from` (`from` itself not counted). Public: no sign-in.
async fn add_working_days(
    State(state): State<AppState>,
    query: Result<Query<AddWorkingDaysQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let invalid = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            "from: a date as YYYY-MM-DD; days: a whole number from 0 to 1000",
        )
    };
    let Query(query) = query.map_err(|_| invalid())?;
    let from = chrono::NaiveDate::parse_from_str(&query.from, "%Y-%m-%d").map_err(|_| invalid())?;
    if query.days > 1000 {
        return Err(invalid());
    }
    calendar_year_in_range(from.year())?;
    let date = state.app.calendar.add_working_days(from, query.days);
    Ok(
        Json(json!({ "from": query.from, "days": query.days, "date": date.format("%Y-%m-%d").to_string() }))
            .into_response(),
    )
}

fn forwarding_json(record: &ForwardingRecord, calendar: &WorkingCalendar, today: NaiveDate) -> Value {
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
            "attempts": record.delivery.attempts,
            "error": record.delivery.error,
            "next_attempt_at": record.delivery.next_attempt_at.map(rfc3339),
            "delivered_at": record.delivery.delivered_at.map(rfc3339),
        })),
    })
}

fn invalid_field(code: &'static str, field: &'static str, message: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message: message.to_owned(),
        field: Some(field),
    }
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

/// Every open forwarding: overdue, due soon (within three working days) or on time.
async fn monitoring(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let open = state.app.store.open_forwardings(user.organisation_id).await?;
    let items: Vec<Value> = open
        .iter()
        .map(|f| forwarding_json(f, &state.app.calendar, state.app.clock.today()))
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
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

// ---------------------------------------------------------------------------------------------
// The online Trust Box, for a school's own website or app: no sign-in. A receipt code travels
// only in a request body.

use crate::pages::trust_box::{BoxRefusal, Client, open_by_code, submit_to_box, write_to_conversation};
use senim_domain::trust_box::{Author, Submission};

impl From<BoxRefusal> for ApiError {
    fn from(refusal: BoxRefusal) -> ApiError {
        match refusal {
            BoxRefusal::Invalid(error) => ApiError::from(error),
            BoxRefusal::TooMany => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "too many attempts from here; try again later (in danger now: call 111 or 150)",
            ),
            BoxRefusal::Store(error) => ApiError::from(error),
        }
    }
}

async fn box_school(state: &AppState, slug: &str) -> Result<senim_domain::Organisation, ApiError> {
    match state.app.store.organisation_by_slug(slug).await {
        Ok(school) => Ok(school),
        Err(StoreError::NotFound) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such school",
        )),
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoxSubmissionJson {
    text: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
}

async fn box_submission(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<BoxSubmissionJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let submission = Submission::new(&body.text, &body.name, &body.contact);
    let (_, code) = submit_to_box(&state, &school, client, &submission).await?;
    let now = state.app.now();
    let body = json!({
        "receipt_code": code.grouped(),
        "answer_expected_from": rfc3339(state.app.calendar.next_working_moment(now)),
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowupJson {
    receipt_code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowupMessageJson {
    receipt_code: String,
    text: String,
}

/// The conversation as the student sees it: who wrote (student or staff, never a name), what,
/// and when.
fn student_messages(conversation: &senim_store::Conversation) -> Value {
    let messages: Vec<Value> = conversation
        .messages
        .iter()
        .map(|message| {
            json!({
                "from": message.author.code(),
                "text": message.text.as_str(),
                "at": rfc3339(message.at),
            })
        })
        .collect();
    json!({ "messages": messages })
}

fn no_conversation() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no conversation for this receipt code",
    )
}

async fn box_followup(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<FollowupJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let conversation = open_by_code(&state, &school, client, &body.receipt_code)
        .await?
        .ok_or_else(no_conversation)?;
    Ok(Json(student_messages(&conversation)).into_response())
}

async fn box_followup_message(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<FollowupMessageJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let conversation = write_to_conversation(&state, &school, client, &body.receipt_code, &body.text)
        .await?
        .ok_or_else(no_conversation)?;
    Ok((StatusCode::CREATED, Json(student_messages(&conversation))).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplyJson {
    text: String,
}

/// A member of staff answers in the conversation of an appeal with a receipt code.
async fn create_reply(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<ReplyJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let text = senim_domain::trust_box::message_text(&body.text)?;
    state.app.store.appeal(user.organisation_id, appeal_id).await?;
    match state
        .app
        .reply_to_student(user.organisation_id, user.id, appeal_id, &text, state.app.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::NotFound) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "no_receipt_code",
                "this appeal has no receipt code, so there is no one to answer online",
            ));
        }
        Err(error) => return Err(error.into()),
    }
    let conversation = state
        .app
        .store
        .conversation(user.organisation_id, appeal_id)
        .await?
        .ok_or_else(no_conversation)?;
    Ok((StatusCode::CREATED, Json(staff_messages(&conversation))).into_response())
}

fn staff_messages(conversation: &senim_store::Conversation) -> Value {
    let messages: Vec<Value> = conversation
        .messages
        .iter()
        .map(|message| {
            json!({
                "from": message.author.code(),
                "text": message.text.as_str(),
                "at": rfc3339(message.at),
                "staff_name": match message.author {
                    Author::Staff => message.staff_name.clone().map(Value::from).unwrap_or(Value::Null),
                    Author::Student => Value::Null,
                },
            })
        })
        .collect();
    json!({ "appeal_id": conversation.appeal_id.0, "messages": messages })
}

async fn get_conversation(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let appeal_id = parse_id(&id)?;
    state.app.store.appeal(user.organisation_id, appeal_id).await?;
    let conversation = state
        .app
        .store
        .conversation(user.organisation_id, appeal_id)
        .await?
        .ok_or_else(no_conversation)?;
    Ok(Json(staff_messages(&conversation)).into_response())
}

// ---------------------------------------------------------------------------------------------
// Openings of the paper Trust Box and their acts.

use crate::pages::openings::LetterForm;
use senim_documents::Act;
use senim_store::{Opening, OpeningId, OpeningRefusal};

impl From<OpeningRefusal> for ApiError {
    fn from(refusal: OpeningRefusal) -> ApiError {
        match refusal {
            OpeningRefusal::Invalid(error) => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: error.code(),
                message: error.to_string(),
                field: Some(error.field()),
            },
            OpeningRefusal::UnknownMember => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "unknown_member",
                message: "members: each member is a login of this school's staff who reads appeals".into(),
                field: Some("members"),
            },
            OpeningRefusal::AllRegistered => ApiError::new(
                StatusCode::CONFLICT,
                "all_letters_registered",
                "every letter of this opening is registered already",
            ),
            OpeningRefusal::Store(StoreError::SlipUnknown) => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "slip_unknown",
                message: "letter_code: no unused slip of this school has this letter code".into(),
                field: Some("letter_code"),
            },
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
    let opened_at = match &body.opened_at {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map_err(|_| ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "invalid_opened_at",
                message: "opened_at: an RFC 3339 moment".into(),
                field: Some("opened_at"),
            })?
            .with_timezone(&Utc),
        None => now,
    };
    let mut members = Vec::new();
    for login in &body.members {
        match state.app.store.user_by_login(login.trim()).await {
            Ok(member) if member.organisation_id == user.organisation_id => members.push(member.id),
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
    let schedule = state.app.store.box_schedule(user.organisation_id).await?;
    let last = state.app.store.last_opening(user.organisation_id).await?;
    let today = state.app.clock.today();
    let last_day = last.map(|moment| senim_domain::time::local(moment).date_naive());
    let (due, overdue) = match senim_domain::opening::status(schedule, last_day, today, &state.app.calendar) {
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
    let form = LetterForm {
        summary: body.summary,
        category: body.category.unwrap_or_default(),
        full_name: applicant.full_name,
        address: applicant.address,
        phone: applicant.phone,
        letter_code: body.letter_code.unwrap_or_default(),
    };
    let now = state.app.now();
    let content = form.content(opening.opened_at, now)?;
    let slip = form
        .slip()
        .map_err(|()| ApiError::from(OpeningRefusal::Store(StoreError::SlipUnknown)))?;
    let appeal = state
        .app
        .register_letter(user.organisation_id, id, content, slip.as_ref(), user.id, now)
        .await?;
    Ok(registered(&appeal))
}

// ---------------------------------------------------------------------------------------------
// The monthly analysis: numbers only.

fn figures_json(figures: &senim_domain::analysis::Figures) -> Value {
    json!({
        "total": figures.total,
        "by_channel": figures.by_channel,
        "by_category": figures.by_topic,
        "anonymous": figures.anonymous,
        "urgent": figures.urgent,
        "forwarded": figures.forwarded,
        "forwarded_to": figures.forwarded_to,
        "answered_on_time": figures.answered_on_time,
        "overdue": figures.overdue,
        "with_outcome": figures.with_outcome,
        "box_openings_held": figures.box_openings_held,
        "box_openings_scheduled": figures.box_openings_scheduled,
    })
}

/// The figures of a month (`YYYY-MM`), with the previous month and the same month a year before.
async fn analysis(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(month): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let month = senim_domain::analysis::Month::parse(&month).map_err(|error| ApiError {
        status: StatusCode::BAD_REQUEST,
        code: "invalid_month",
        message: error.to_string(),
        field: Some("month"),
    })?;
    let today = state.app.clock.today();
    let lang = senim_i18n::Lang::Kk;
    let months = [month, month.previous(), month.a_year_before()];
    let [current, previous, year_before]: [senim_domain::analysis::Figures; 3] =
        senim_app::exports::months_figures(
            &state.app.store,
            &state.app.calendar,
            user.organisation_id,
            &months,
            lang,
            today,
        )
        .await?
        .try_into()
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error"))?;
    let mut body = figures_json(&current);
    body["month"] = Value::from(month.to_string());
    body["previous"] = figures_json(&previous);
    body["previous"]["month"] = Value::from(month.previous().to_string());
    body["a_year_before"] = figures_json(&year_before);
    body["a_year_before"]["month"] = Value::from(month.a_year_before().to_string());
    // The draft is the writer's; those who only read see the text as submitted.
    let writer = user.permissions().register_appeals;
    body["text"] = match state
        .app
        .store
        .analysis_report(user.organisation_id, month)
        .await?
    {
        Some(report) if !writer && report.submitted.is_none() => Value::Null,
        Some(report) => json!({
            "kk": if writer { Value::from(report.text_kk.clone()) } else { Value::Null },
            "ru": if writer { Value::from(report.text_ru.clone()) } else { Value::Null },
            "saved_by": report.saved_by,
            "saved_at": report.saved_at.to_rfc3339(),
            "submitted": report.submitted.as_ref().map(|submitted| json!({
                "kk": submitted.text_kk,
                "ru": submitted.text_ru,
                "by": submitted.by,
                "at": submitted.at.to_rfc3339(),
            })),
        }),
        None => Value::Null,
    };
    Ok(Json(body).into_response())
}

// ---------------------------------------------------------------------------------------------
// Minutes of the commission's meetings. People are named by their logins.

use senim_domain::minutes::{AgendaItem, Heard, MinutesDraft, MinutesError};
use senim_store::{MinutesRecord, MinutesRefusal};

impl From<MinutesError> for ApiError {
    fn from(error: MinutesError) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: error.code(),
            message: error.to_string(),
            field: Some(error.field()),
        }
    }
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
    let held_on = NaiveDate::parse_from_str(body.held_on.trim(), "%Y-%m-%d").map_err(|_| ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "invalid_held_on",
        message: "held_on: a date YYYY-MM-DD".into(),
        field: Some("held_on"),
    })?;
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

// ---------------------------------------------------------------------------------------------
// The yearly activity plan. Years are named `2025-2026`.

use senim_domain::Position;
use senim_domain::plan::{AcademicYear, Activity, PlanError, PlanItem, StandardActivity, Timing};

impl From<PlanError> for ApiError {
    fn from(error: PlanError) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: match error {
                PlanError::Activity => "invalid_activity",
                PlanError::Responsible => "responsible_required",
                PlanError::Timing => "invalid_timing",
                PlanError::Note => "note_required",
                PlanError::Period => "invalid_period",
                PlanError::FuturePeriod => "period_not_begun",
            },
            message: error.to_string(),
            field: Some(error.field()),
        }
    }
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
    let invalid = |code: &'static str, field: &'static str, message: &str| ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message: message.to_owned(),
        field: Some(field),
    };
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
