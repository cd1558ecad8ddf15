//! The monthly analysis: numbers only.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, Routes};

pub(super) fn routes() -> Routes {
    Routes::default().at("/analysis/{month}", get(analysis))
}

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
        "by_subcategory": figures.by_subcategory,
        "by_contact_type": figures.by_contact_type,
        "by_age_band": hidden_small(&figures.by_age_band),
        "by_gender": hidden_small(&figures.by_gender),
        "calls": figures.calls,
        "calls_not_appeals": figures.calls_not_appeals,
    })
}

/// A breakdown by the child's age or gender with counts that could point at a child as
/// `null` (see `analysis::hidden_cells`).
fn hidden_small(breakdown: &std::collections::BTreeMap<&'static str, u32>) -> Value {
    let hidden = senim_domain::analysis::hidden_codes(breakdown);
    Value::Object(
        breakdown
            .iter()
            .map(|(code, count)| {
                let value = if hidden.get(code).copied().unwrap_or(false) {
                    Value::Null
                } else {
                    Value::from(*count)
                };
                ((*code).to_owned(), value)
            })
            .collect(),
    )
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
