//! The Trust Phone's call log over the API: a call logged with its start, length, contact
//! type and the appeal it became; the month's calls with the counts of those that were not
//! appeals.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use senim_domain::analysis::Month;
use senim_domain::phone::Call;
use senim_store::CallRecord;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/phone/calls", get(calls).post(record_call))
        .at("/phone/greeting.wav", get(greeting_wav))
        .at("/phone/hours", get(hours).put(set_hours))
}

fn hours_json(state: &AppState, school: &senim_domain::Organisation) -> Value {
    let hours = school.phone_hours;
    let duty = state.app.phone_duty(school);
    let mut json = json!({
        "opens": hours.opens().format("%H:%M").to_string(),
        "closes": hours.closes().format("%H:%M").to_string(),
        "duty": duty.code(),
    });
    match duty {
        senim_domain::hours::Duty::On { until } => json["until"] = rfc3339(until).into(),
        senim_domain::hours::Duty::OutOfHours { resumes } | senim_domain::hours::Duty::DayOff { resumes } => {
            json["resumes"] = rfc3339(resumes).into();
        }
    }
    json
}

/// The Trust Phone's hours on a working day and whether it is on duty now: for those who
/// read appeals and for the exchange's token, which may follow them.
async fn hours(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader().or_else(|_| api_user.intake())?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    Ok(Json(hours_json(&state, &school)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursJson {
    opens: String,
    closes: String,
}

/// Sets the hours (`"09:00"`, `"18:30"`), by one who registers appeals.
async fn set_hours(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<HoursJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    state.app.set_duty_hours(user, &body.opens, &body.closes).await?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    Ok(Json(hours_json(&state, &school)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LangQuery {
    lang: Option<String>,
}

/// The school's answering-machine message spoken, as the 8 kHz mono WAV an exchange plays:
/// for those who read appeals and for the exchange's own token.
async fn greeting_wav(
    State(state): State<AppState>,
    api_user: ApiUser,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.reader().or_else(|_| api_user.intake())?;
    let invalid = || {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_language",
            "lang: kk or ru",
        )
    };
    let Query(query) = query.map_err(|_| invalid())?;
    let lang = query.lang.unwrap_or_else(|| "kk".to_owned());
    if senim_domain::greeting::default_text(&lang).is_err() {
        return Err(invalid());
    }
    match state.app.greeting_wav(user.organisation_id, &lang).await {
        Ok(wav) => Ok(([(axum::http::header::CONTENT_TYPE, "audio/wav")], wav).into_response()),
        Err(senim_app::phone::SpeechError::Store(error)) => Err(error.into()),
        Err(error) => {
            tracing::error!(%error, "the answering-machine message could not be spoken");
            Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "speech_unavailable",
                "the server cannot speak the message now (espeak-ng)",
            ))
        }
    }
}

fn call_json(id: i64, call: &Call) -> Value {
    json!({
        "id": id,
        "started_at": super::rfc3339(call.started_at),
        "duration_seconds": call.duration_seconds,
        "contact_type": call.contact_type.code(),
        "appeal_id": call.appeal.map(|appeal| appeal.0),
    })
}

fn record_json(record: &CallRecord) -> Value {
    let mut body = call_json(record.id, &record.call);
    body["appeal"] = record.entry.map_or(
        Value::Null,
        |(year, number)| json!({ "year": year.0, "number": number.0 }),
    );
    body
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CallJson {
    started_at: String,
    duration_seconds: i64,
    contact_type: String,
    appeal_id: Option<i64>,
}

/// Logs a call: 201 with the call. A call about a child names the appeal it became.
async fn record_call(
    State(state): State<AppState>,
    api_user: ApiUser,
    body: Result<Json<CallJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let started_at = DateTime::parse_from_rfc3339(body.started_at.trim())
        .map(|moment| moment.with_timezone(&Utc))
        .map_err(|_| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_started_at",
                "started_at: an RFC 3339 moment, such as 2026-12-02T10:15:00+05:00",
            )
        })?;
    let call = Call::new(
        started_at,
        body.duration_seconds,
        &body.contact_type,
        body.appeal_id.map(senim_domain::AppealId),
        state.app.now(),
    )
    .map_err(ApiError::refused)?;
    let id = state.app.record_call(user, &call).await?;
    Ok((StatusCode::CREATED, Json(call_json(id, &call))).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MonthQuery {
    month: Option<String>,
}

/// The month's calls (this month by default), the earliest first, and the month's calls that
/// were not appeals by contact type.
async fn calls(
    State(state): State<AppState>,
    api_user: ApiUser,
    query: Result<Query<MonthQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let invalid_month = || {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_month",
            "month: YYYY-MM",
        )
    };
    let Query(query) = query.map_err(|_| invalid_month())?;
    let month = match query.month.as_deref().map(str::trim) {
        None | Some("") => Month::of(state.app.clock.today()),
        Some(text) => Month::parse(text).map_err(|_| invalid_month())?,
    };
    let records = state.app.calls_of_month(user.organisation_id, month).await?;
    let calls: Vec<Call> = records.iter().map(|record| record.call).collect();
    let not_appeals: serde_json::Map<String, Value> = senim_domain::phone::not_appeals_by_kind(&calls)
        .into_iter()
        .map(|(kind, count)| (kind.code().to_owned(), Value::from(count)))
        .collect();
    Ok(Json(json!({
        "month": month.to_string(),
        "calls": records.iter().map(record_json).collect::<Vec<_>>(),
        "not_appeals": not_appeals,
    }))
    .into_response())
}
