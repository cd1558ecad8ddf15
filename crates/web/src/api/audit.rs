//! The school's audit trail for its director and deputy director: who did what and when,
//! with the appeal's year and number where one is concerned; never a text.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, NaiveDate, Utc};
use senim_app::audit::AUDIT_PAGE;
use senim_domain::time::from_local;
use senim_domain::{JournalNumber, JournalYear};
use senim_store::AuditFilter;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default().at("/audit", get(list))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    from: Option<String>,
    to: Option<String>,
    login: Option<String>,
    appeal: Option<String>,
}

fn invalid(field: &'static str, message: &'static str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "invalid_query",
        format!("{field}: {message}"),
    )
}

/// A moment (RFC 3339) or a day (YYYY-MM-DD, its start in Kazakhstan; `to` a day means up to
/// the day's end).
fn moment(text: &str, field: &'static str, end_of_day: bool) -> Result<DateTime<Utc>, ApiError> {
    let refused = || invalid(field, "an RFC 3339 moment or a date YYYY-MM-DD");
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Ok(moment.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| refused())?;
    let day = if end_of_day {
        day.succ_opt().ok_or_else(refused)?
    } else {
        day
    };
    from_local(day.and_hms_opt(0, 0, 0).ok_or_else(refused)?).ok_or_else(refused)
}

/// `12` (any year) or `2026/12`.
fn appeal(text: &str) -> Result<(Option<JournalYear>, JournalNumber), ApiError> {
    let refused = || invalid("appeal", "an appeal's number, or YEAR/NUMBER such as 2026/12");
    let (year, number) = match text.split_once('/') {
        Some((year, number)) => (Some(year.trim().parse::<i32>().map_err(|_| refused())?), number),
        None => (None, text),
    };
    let number = number
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(refused)?;
    Ok((year.map(JournalYear), JournalNumber(number)))
}

async fn list(
    State(state): State<AppState>,
    api_user: ApiUser,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.auditor()?;
    let Query(query) = query.map_err(|_| invalid("query", "from, to, login and appeal only"))?;
    let mut filter = AuditFilter {
        limit: AUDIT_PAGE,
        ..AuditFilter::default()
    };
    if let Some(from) = query.from.as_deref().filter(|t| !t.is_empty()) {
        filter.from = Some(moment(from, "from", false)?);
    }
    if let Some(to) = query.to.as_deref().filter(|t| !t.is_empty()) {
        filter.to = Some(moment(to, "to", true)?);
    }
    filter.login = query.login.filter(|login| !login.trim().is_empty());
    if let Some(text) = query.appeal.as_deref().filter(|t| !t.is_empty()) {
        let (year, number) = appeal(text)?;
        filter.appeal_year = year;
        filter.appeal_number = Some(number);
    }
    let records = state.app.audit_trail(user, &filter).await?;
    let items: Vec<Value> = records
        .iter()
        .map(|record| {
            json!({
                "position": record.position,
                "at": rfc3339(record.at),
                "login": record.login,
                "positions": record.positions.split(',').filter(|p| !p.is_empty()).collect::<Vec<_>>(),
                "action": record.action,
                "year": record.appeal.map(|entry| entry.year.0),
                "number": record.appeal.map(|entry| entry.number.0),
                "account": record.subject,
                "detail": record.detail,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items, "limit": AUDIT_PAGE })).into_response())
}
