//! The monthly analysis («айлық талдау», seed 5.4) as a page: the month's figures beside the
//! previous month and the same month a year before, with a bar chart drawn as SVG by Senim.
//! Numbers only.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use senim_domain::Channel;
use senim_domain::analysis::{Figures, Month};
use senim_i18n::Lang;
use serde::Deserialize;

use crate::context::{Reader, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;
use crate::{AppState, clock};

pub fn router() -> Router<AppState> {
    Router::new().route("/analysis", get(analysis_page))
}

#[derive(Deserialize, Default)]
struct AnalysisQuery {
    month: Option<String>,
}

/// One line of the table: a label and the three months' values.
struct Line {
    label: String,
    values: [u32; 3],
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis.html")]
struct AnalysisPage {
    l: Lang,
    chrome: Chrome,
    month: String,
    columns: [String; 3],
    lines: Vec<Line>,
    channel_chart: String,
    previous_link: String,
    next_link: String,
}

/// A horizontal bar chart as inline SVG: one bar per label, scaled to the largest value.
pub fn bar_chart(bars: &[(String, u32)], title: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let max = bars.iter().map(|(_, value)| *value).max().unwrap_or(0).max(1);
    let row = 26;
    let height = row * bars.len() + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 {height}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
        escape(title)
    );
    for (index, (label, value)) in bars.iter().enumerate() {
        let y = index * row + 5;
        let width = 360 * *value / max;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text><rect x=\"250\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#2b6cb0\"/><text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>",
            y + 14,
            escape(label),
            y,
            width,
            255 + width,
            y + 14,
            value
        ));
    }
    svg.push_str("</svg>");
    svg
}

async fn analysis_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<AnalysisQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = senim_domain::time::local(clock::now()).date_naive();
    let month = match query.month.as_deref().filter(|month| !month.is_empty()) {
        Some(text) => Month::parse(text).map_err(|_| AppError::BadRequest)?,
        None => Month::of(today),
    };
    let months = [month, month.previous(), month.a_year_before()];
    let mut figures: Vec<Figures> = Vec::with_capacity(3);
    for month in months {
        figures.push(
            crate::exports::month_figures(
                &state.store,
                &state.calendar,
                user.organisation_id,
                month,
                lang,
                today,
            )
            .await?,
        );
    }
    let line = |id: &str, value: &dyn Fn(&Figures) -> u32| Line {
        label: lang.t(id),
        values: [value(&figures[0]), value(&figures[1]), value(&figures[2])],
    };
    let mut lines = vec![line("analysis-total", &|f| f.total)];
    for channel in Channel::ALL {
        lines.push(Line {
            label: format!("— {}", lang.t(channel.message_id())),
            values: [0, 1, 2].map(|i| figures[i].by_channel.get(channel.code()).copied().unwrap_or(0)),
        });
    }
    lines.extend([
        line("analysis-anonymous", &|f| f.anonymous),
        line("analysis-urgent", &|f| f.urgent),
        line("analysis-forwarded", &|f| f.forwarded),
        line("analysis-answered-on-time", &|f| f.answered_on_time),
        line("analysis-overdue", &|f| f.overdue),
        line("analysis-with-outcome", &|f| f.with_outcome),
        line("analysis-openings-held", &|f| f.box_openings_held),
        line("analysis-openings-scheduled", &|f| f.box_openings_scheduled),
    ]);
    let bars: Vec<(String, u32)> = Channel::ALL
        .into_iter()
        .map(|channel| {
            (
                lang.t(channel.message_id()),
                figures[0].by_channel.get(channel.code()).copied().unwrap_or(0),
            )
        })
        .collect();
    let page = AnalysisPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/analysis?month={month}")),
        month: month.to_string(),
        columns: months.map(|month| month.to_string()),
        lines,
        channel_chart: bar_chart(&bars, &lang.t("analysis-by-channel")),
        previous_link: format!("/analysis?month={}", month.previous()),
        next_link: format!("/analysis?month={}", month.next()),
    };
    Ok(page.into_response())
}
