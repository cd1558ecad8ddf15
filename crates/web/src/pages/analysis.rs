//! The monthly analysis («айлық талдау», seed 5.4) as a page: the month's figures beside the
//! previous month and the same month a year before, with a bar chart drawn as SVG by Senim.
//! Numbers only.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use senim_domain::analysis::Month;
use senim_i18n::Lang;
use serde::Deserialize;

use crate::context::{Reader, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;
use crate::{AppState, clock};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/analysis", get(analysis_page))
        .route("/analysis.pdf", get(analysis_pdf))
}

#[derive(Deserialize, Default)]
struct AnalysisPdfQuery {
    month: Option<String>,
    lang: Option<String>,
}

/// The month's analysis as a PDF for the director, in kk or ru.
async fn analysis_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<AnalysisPdfQuery>,
) -> Result<Response, AppError> {
    let lang = senim_documents::document_lang(
        query
            .lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(signed_in.0.lang),
    );
    let today = senim_domain::time::local(clock::now()).date_naive();
    let month = month_asked(query.month.as_deref(), today)?;
    let analysis = crate::exports::monthly_analysis(
        &state.store,
        &state.calendar,
        signed_in.user().organisation_id,
        month,
        lang,
        today,
    )
    .await?;
    let pdf = analysis
        .pdf(today)
        .map_err(|error| super::openings::document_failed(&error))?;
    Ok(super::openings::download(
        pdf,
        super::openings::PDF,
        &format!("analysis-{month}-{}.pdf", lang.code()),
    ))
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
    next_month: String,
    pdf_link: String,
}

/// The month a query names (`YYYY-MM`), or this month.
fn month_asked(text: Option<&str>, today: chrono::NaiveDate) -> Result<Month, AppError> {
    match text.filter(|month| !month.is_empty()) {
        Some(text) => Month::parse(text).map_err(|_| AppError::BadRequest),
        None => Ok(Month::of(today)),
    }
}

async fn analysis_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<AnalysisQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = senim_domain::time::local(clock::now()).date_naive();
    let month = month_asked(query.month.as_deref(), today)?;
    let analysis = crate::exports::monthly_analysis(
        &state.store,
        &state.calendar,
        user.organisation_id,
        month,
        lang,
        today,
    )
    .await?;
    let page = AnalysisPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/analysis?month={month}")),
        month: month.to_string(),
        columns: analysis.columns.clone(),
        lines: analysis
            .lines
            .iter()
            .map(|line| Line {
                label: line.label.clone(),
                values: line.values,
            })
            .collect(),
        channel_chart: analysis.chart_svg.clone(),
        previous_link: format!("/analysis?month={}", month.previous()),
        next_link: format!("/analysis?month={}", month.next()),
        next_month: month.next().to_string(),
        pdf_link: format!("/analysis.pdf?month={month}"),
    };
    Ok(page.into_response())
}
