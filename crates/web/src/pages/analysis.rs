//! The monthly analysis («айлық талдау», seed 5.4) as a page: the month's figures beside the
//! previous month and the same month a year before, with a bar chart drawn as SVG by Senim,
//! and the analysis's text in Kazakh and Russian — generated from the figures, edited by the
//! psychologist, submitted to the director, who reads it here and as PDF or DOCX.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use senim_documents::Format;
use senim_domain::analysis::Month;
use senim_domain::time::format_local;
use senim_i18n::{Arg, Lang};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, ValidForm, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;

/// The longest analysis text, per language.
pub const MAX_TEXT: usize = 8000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/analysis", get(analysis_page))
        .route("/analysis/text", post(save_text))
        .route("/analysis.pdf", get(analysis_pdf))
        .route("/analysis.docx", get(analysis_docx))
        .route("/analysis.xlsx", get(analysis_xlsx))
}

#[derive(Deserialize, Default)]
struct DownloadQuery {
    month: Option<String>,
    lang: Option<String>,
}

/// The month's analysis as a document, in the language asked for, its download in the audit;
/// with the month and the language it names the file by.
async fn analysis_document(
    state: &AppState,
    signed_in: &crate::context::SignedIn,
    query: &DownloadQuery,
) -> Result<(senim_documents::MonthlyAnalysis, String), AppError> {
    let lang = crate::downloads::asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let today = state.app.clock.today();
    let month = month_asked(query.month.as_deref(), today)?;
    let analysis = senim_app::exports::monthly_analysis(
        &state.app.store,
        &state.app.calendar,
        signed_in.user().organisation_id,
        month,
        lang,
        today,
    )
    .await?
    .document;
    state
        .app
        .audit_download(signed_in.user(), senim_domain::audit::documents::ANALYSIS, None)
        .await?;
    Ok((analysis, format!("analysis-{month}-{}", lang.code())))
}

async fn analysis_download(
    state: &AppState,
    signed_in: &crate::context::SignedIn,
    query: &DownloadQuery,
    format: Format,
) -> Result<Response, AppError> {
    let (analysis, stem) = analysis_document(state, signed_in, query).await?;
    crate::downloads::printed(&analysis, format, state.app.clock.today(), &stem)
}

/// The month's analysis as a PDF for the director, in kk or ru.
async fn analysis_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<DownloadQuery>,
) -> Result<Response, AppError> {
    analysis_download(&state, &signed_in, &query, Format::Pdf).await
}

/// The month's table as a workbook, in kk or ru.
async fn analysis_xlsx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<DownloadQuery>,
) -> Result<Response, AppError> {
    let (analysis, stem) = analysis_document(&state, &signed_in, &query).await?;
    let bytes = analysis
        .xlsx()
        .map_err(|error| crate::downloads::document_failed(&error))?;
    Ok(crate::downloads::download(
        bytes,
        crate::downloads::XLSX,
        &format!("{stem}.xlsx"),
    ))
}

/// The month's analysis as a Word document, in kk or ru.
async fn analysis_docx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<DownloadQuery>,
) -> Result<Response, AppError> {
    analysis_download(&state, &signed_in, &query, Format::Docx).await
}

#[derive(Deserialize, Default)]
struct AnalysisQuery {
    month: Option<String>,
    saved: Option<String>,
}

/// One line of the table: a label and the three months' values (none for a heading).
struct Line {
    label: String,
    values: Option<[String; 3]>,
}

#[derive(Template, WebTemplate)]
#[template(path = "analysis.html")]
struct AnalysisPage {
    l: Lang,
    chrome: Chrome,
    month: String,
    columns: [String; 3],
    lines: Vec<Line>,
    /// A count is hidden for the child's sake: the page says why.
    any_hidden: bool,
    /// Each chart's title and SVG.
    charts: Vec<(String, String)>,
    previous_link: String,
    next_link: String,
    next_month: String,
    pdf_link: String,
    docx_link: String,
    xlsx_link: String,
    notice: Option<String>,
    error: Option<String>,
    /// Whether this person writes the text (else they read it).
    can_write: bool,
    text_kk: String,
    text_ru: String,
    /// The text in the reader's document language, as paragraphs.
    paragraphs: Vec<String>,
    /// When the text was submitted, and whether a newer draft waits.
    states: Vec<String>,
}

/// The month a query names (`YYYY-MM`), or this month.
fn month_asked(text: Option<&str>, today: chrono::NaiveDate) -> Result<Month, AppError> {
    match text.filter(|month| !month.is_empty()) {
        Some(text) => Month::parse(text).map_err(|_| AppError::BadRequest),
        None => Ok(Month::of(today)),
    }
}

async fn render_page(
    state: &AppState,
    signed_in: &crate::context::SignedIn,
    month: Month,
    notice: Option<String>,
    error: Option<String>,
    typed: Option<(String, String)>,
) -> Result<AnalysisPage, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let analysis = senim_app::exports::monthly_analysis(
        &state.app.store,
        &state.app.calendar,
        user.organisation_id,
        month,
        lang,
        today,
    )
    .await?;
    let can_write = user.permissions().register_appeals;
    // The form's texts, for those who write them: as typed, as saved, or as Senim writes them.
    let (text_kk, text_ru) = match (typed, &analysis.report) {
        _ if !can_write => (String::new(), String::new()),
        (Some(typed), _) => typed,
        (None, Some(report)) => (report.text_kk.clone(), report.text_ru.clone()),
        (None, None) => (
            senim_app::paperwork::generated_analysis(month, &analysis.figures, Lang::Kk),
            senim_app::paperwork::generated_analysis(month, &analysis.figures, Lang::Ru),
        ),
    };
    // The director reads the text as submitted, never a draft.
    let submitted = analysis
        .report
        .as_ref()
        .and_then(|report| report.submitted.as_ref());
    let shown = match submitted {
        Some(submitted) if senim_documents::document_lang(lang) == Lang::Ru => submitted.text_ru.clone(),
        Some(submitted) => submitted.text_kk.clone(),
        None => String::new(),
    };
    let mut state_lines = Vec::new();
    if let Some(submitted) = submitted {
        state_lines.push(lang.t_args(
            "analysis-submitted-by",
            &[
                ("name", Arg::from(submitted.by.as_str())),
                ("date", Arg::from(format_local(submitted.at))),
            ],
        ));
    }
    if let Some(report) = analysis.report.as_ref().filter(|report| report.draft_differs()) {
        state_lines.push(lang.t_args(
            "analysis-draft-by",
            &[
                ("name", Arg::from(report.saved_by.as_str())),
                ("date", Arg::from(format_local(report.saved_at))),
            ],
        ));
    }
    let document = &analysis.document;
    Ok(AnalysisPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/analysis?month={month}")),
        month: month.to_string(),
        columns: document.columns.clone(),
        any_hidden: document.lines.iter().any(|line| line.hidden.contains(&true)),
        lines: document
            .lines
            .iter()
            .map(|line| Line {
                label: line.label.clone(),
                values: line.cells(),
            })
            .collect(),
        charts: document
            .charts
            .iter()
            .map(|chart| (chart.title.clone(), chart.svg.clone()))
            .collect(),
        previous_link: format!("/analysis?month={}", month.previous()),
        next_link: format!("/analysis?month={}", month.next()),
        next_month: month.next().to_string(),
        pdf_link: format!("/analysis.pdf?month={month}"),
        docx_link: format!("/analysis.docx?month={month}"),
        xlsx_link: format!("/analysis.xlsx?month={month}"),
        notice,
        error,
        can_write,
        text_kk,
        text_ru,
        paragraphs: shown
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(str::to_owned)
            .collect(),
        states: state_lines,
    })
}

async fn analysis_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<AnalysisQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let today = state.app.clock.today();
    let month = month_asked(query.month.as_deref(), today)?;
    let notice = match query.saved.as_deref() {
        Some("saved") => Some(lang.t("analysis-saved")),
        Some("submitted") => Some(lang.t("analysis-submitted")),
        _ => None,
    };
    Ok(render_page(&state, &signed_in, month, notice, None, None)
        .await?
        .into_response())
}

#[derive(Deserialize)]
struct TextForm {
    month: String,
    text_kk: String,
    text_ru: String,
    /// `save` or `submit`.
    action: String,
}

/// Saves the analysis's text, and submits it to the director when asked.
async fn save_text(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<TextForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let month = Month::parse(&form.month).map_err(|_| AppError::BadRequest)?;
    let submit = match form.action.as_str() {
        "save" => false,
        "submit" => true,
        _ => return Err(AppError::BadRequest),
    };
    let text_kk = form.text_kk.trim().replace("\r\n", "\n");
    let text_ru = form.text_ru.trim().replace("\r\n", "\n");
    if text_kk.chars().count() > MAX_TEXT || text_ru.chars().count() > MAX_TEXT {
        let page = render_page(
            &state,
            &signed_in,
            month,
            None,
            Some(lang.t("analysis-text-too-long")),
            Some((text_kk, text_ru)),
        )
        .await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    state
        .app
        .save_analysis_text(
            user.organisation_id,
            user.id,
            month,
            [&text_kk, &text_ru],
            submit,
            state.app.now(),
        )
        .await?;
    let saved = if submit { "submitted" } else { "saved" };
    Ok(Redirect::to(&format!("/analysis?month={month}&saved={saved}")).into_response())
}
