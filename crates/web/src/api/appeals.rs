//! The journal's appeals: registration, corrections, outcomes, classification, hand-overs, and
//! the staff's side of an online conversation.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use senim_domain::calendar::WorkingCalendar;
use senim_domain::time::local_year;
use senim_domain::trust_box::Author;
use senim_domain::{AppealContent, AppealId, Applicant, Category, Channel, Correction, JournalYear, Outcome};
use senim_store::ForwardingRecord;
use senim_store::{JournalRow, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::forwardings::forwarding_json;
use super::{
    ApiError, ApiUser, ApplicantJson, Routes, entry_ref, invalid_field, moment_or_now, no_conversation,
    parse_id, registered, rfc3339,
};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/appeals", post(create_appeal).get(list_appeals))
        .at("/appeals/{id}", get(get_appeal))
        .at("/appeals/{id}/outcome", post(record_outcome))
        .at("/appeals/{id}/corrections", post(create_correction))
        .at("/appeals/{id}/replies", post(create_reply))
        .at("/appeals/{id}/handovers", post(create_handover))
        .at("/appeals/{id}/classification", post(classify_appeal))
        .at("/appeals/{id}/conversation", get(get_conversation))
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
        let received_at = moment_or_now(
            self.received_at.as_deref(),
            "received_at",
            "invalid_received_at",
            now,
        )?;
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

async fn create_appeal(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<NewAppealJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    if body.reason.is_some() {
        return Err(invalid_field(
            "unexpected_reason",
            "reason",
            "reason: only a correction has a reason; post it to /appeals/{id}/corrections",
        ));
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
    state
        .app
        .audit(
            state
                .app
                .event(user, senim_domain::audit::AuditAction::JournalViewed),
        )
        .await?;
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
    let record = state.app.open_appeal(user, parse_id(&id)?).await?;
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
    let standing = super::watch::standing_json(&state, user, record.row.appeal.id, &forwardings).await?;
    if let (Some(body), Value::Object(standing)) = (body.as_object_mut(), standing) {
        body.extend(standing);
    }
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
    )?;
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
    // The answer shows the whole record, so the token must read as well as write.
    api_user.reader()?;
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let now = state.app.now();
    let handed_at = moment_or_now(body.handed_at.as_deref(), "handed_at", "invalid_handed_at", now)?;
    let handover = senim_domain::handover::Handover::new(&body.service, handed_at, &body.note, now)?;
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
    // The answer shows the whole record, so the token must read as well as write.
    api_user.reader()?;
    let user = api_user.registrar()?;
    let appeal_id = parse_id(&id)?;
    let Json(body) = body?;
    let text = senim_domain::trust_box::message_text(&body.text)?;
    let record = state.app.store.appeal(user.organisation_id, appeal_id).await?;
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
    // The answer is the whole conversation: a reading of it.
    let entry = senim_domain::EntryRef {
        year: record.row.appeal.year,
        number: record.row.appeal.number,
    };
    state
        .app
        .audit_appeal(user, senim_domain::audit::AuditAction::ConversationRead, entry)
        .await?;
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
    json!({ "appeal_id": conversation.appeal_id().map(|id| id.0), "messages": messages })
}

async fn get_conversation(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let appeal_id = parse_id(&id)?;
    let record = state.app.store.appeal(user.organisation_id, appeal_id).await?;
    let entry = senim_domain::EntryRef {
        year: record.row.appeal.year,
        number: record.row.appeal.number,
    };
    state
        .app
        .audit_appeal(user, senim_domain::audit::AuditAction::ConversationRead, entry)
        .await?;
    let conversation = state
        .app
        .store
        .conversation(user.organisation_id, appeal_id)
        .await?
        .ok_or_else(no_conversation)?;
    Ok(Json(staff_messages(&conversation)).into_response())
}
