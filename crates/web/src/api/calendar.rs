//! The working calendar, public: which days are working days, and a date so many working days on.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Datelike;
use senim_domain::calendar::Certainty;
use serde::Deserialize;
use serde_json::json;

use crate::AppState;

use super::{ApiError, Routes};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/calendar/add-working-days", get(add_working_days))
        .at("/calendar/{year}", get(calendar_year))
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
