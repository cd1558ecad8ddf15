//! The registration journal of a calendar year: columns a–f exactly, newest first, with a
//! filter by channel, anonymity and text.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use senim_domain::audit::{AuditAction, documents};
use senim_domain::calendar::WorkingCalendar;
use senim_domain::time::{format_local, local_year};
use senim_domain::{Channel, JournalYear};
use senim_i18n::{Arg, Lang};
use senim_store::{ForwardingRecord, JournalFilter, JournalRow};
use serde::Deserialize;

use crate::AppState;
use crate::context::Reader;
use crate::context::ValidQuery;
use crate::error::AppError;
use crate::view::{Choice, Chrome, channel_choices};
use senim_app::wording::ForwardedCell;

const PAGE_SIZE: usize = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/journal", get(journal_page))
        .route("/journal/export.xlsx", get(export_xlsx))
        .route("/book.pdf", get(book_pdf))
}

#[derive(Deserialize, Default)]
struct ExportQuery {
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    lang: Option<String>,
}

fn parse_day(text: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    match text.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::BadRequest),
    }
}

/// The journal of a year, or from one date to another, as a workbook.
async fn export_xlsx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<ExportQuery>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(signed_in.0.lang);
    let today = state.app.clock.today();
    let (from, to) = match (parse_day(query.from.as_deref())?, parse_day(query.to.as_deref())?) {
        (Some(from), Some(to)) if from <= to && (to - from).num_days() <= 3660 => (from, to),
        (None, None) => {
            let year = match query.year.as_deref().filter(|y| !y.is_empty()) {
                Some(year) => year
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (2000..=2200).contains(y))
                    .ok_or(AppError::BadRequest)?,
                None => local_year(state.app.now()),
            };
            (
                NaiveDate::from_ymd_opt(year, 1, 1).ok_or(AppError::BadRequest)?,
                NaiveDate::from_ymd_opt(year, 12, 31).ok_or(AppError::BadRequest)?,
            )
        }
        _ => return Err(AppError::BadRequest),
    };
    let export = senim_app::exports::journal(
        &state.app.store,
        &state.app.calendar,
        user.organisation_id,
        from,
        to,
        lang,
        today,
    )
    .await?;
    let xlsx = export
        .xlsx()
        .map_err(|error| crate::downloads::document_failed(&error))?;
    state
        .app
        .audit_download(user, documents::JOURNAL_XLSX, None)
        .await?;
    tracing::info!(user = user.id.0, rows = export.rows.len(), "journal exported");
    Ok(crate::downloads::download(
        xlsx,
        crate::downloads::XLSX,
        &format!("journal-{from}-{to}.xlsx"),
    ))
}

#[derive(Deserialize, Default)]
struct BookQuery {
    academic_year: Option<String>,
    lang: Option<String>,
}

/// The registration book of an academic year, as a PDF to print, sign and bind.
async fn book_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<BookQuery>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = crate::downloads::asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let today = state.app.clock.today();
    let first_year = match query.academic_year.as_deref().filter(|y| !y.is_empty()) {
        Some(text) => text
            .split(['-', '–'])
            .next()
            .and_then(|year| year.trim().parse::<i32>().ok())
            .filter(|y| (2000..=2200).contains(y))
            .ok_or(AppError::BadRequest)?,
        None => senim_app::exports::academic_year_of(today),
    };
    let book = senim_app::exports::book(
        &state.app.store,
        &state.app.calendar,
        user.organisation_id,
        first_year,
        lang,
        today,
    )
    .await?;
    let entries = book.entries.len();
    // Laying out a thousand-page book takes seconds: it runs off the request threads.
    let pdf = tokio::task::spawn_blocking(move || book.pdf(today))
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|error| crate::downloads::document_failed(&error))?;
    state.app.audit_download(user, documents::BOOK, None).await?;
    tracing::info!(user = user.id.0, entries, "registration book printed");
    Ok(crate::downloads::download(
        pdf,
        crate::downloads::PDF,
        &format!("book-{}-{}-{}.pdf", first_year, first_year + 1, lang.code()),
    ))
}

#[derive(Deserialize, Default)]
pub struct JournalQuery {
    year: Option<String>,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    anonymous: String,
    #[serde(default)]
    q: String,
    page: Option<usize>,
}

/// One line of the journal, ready to show.
pub struct RowView {
    pub id: i64,
    pub number: i64,
    pub received: String,
    pub channel: String,
    pub anonymous: bool,
    pub full_name: String,
    pub address: String,
    pub phone: String,
    pub outcome: String,
    pub marks: Vec<String>,
    pub superseded: bool,
    /// Column е: where it was forwarded, the deadline and where the deadline stands.
    pub forwarded: Vec<ForwardedCell>,
    pub overdue: bool,
    /// Flagged by the urgent-risk screen and not cleared.
    pub urgent: bool,
    /// The words that made it urgent, as they stand in the summary.
    pub urgent_words: Vec<String>,
    /// The summary in pieces, the matched ones marked.
    pub summary_parts: Vec<(String, bool)>,
    /// An online conversation whose last word is the student's.
    pub awaiting_answer: bool,
}

/// Splits `text` into pieces, marking the byte ranges in `marks`.
pub fn marked_parts(text: &str, marks: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut ranges: Vec<(usize, usize)> = marks
        .iter()
        .copied()
        .filter(|(start, end)| start < end && *end <= text.len())
        .collect();
    ranges.sort();
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            parts.push((text[at..start].to_owned(), false));
        }
        parts.push((text[start..end].to_owned(), true));
        at = end;
    }
    if at < text.len() {
        parts.push((text[at..].to_owned(), false));
    }
    parts
}

impl RowView {
    pub fn new(row: &JournalRow, lang: Lang) -> RowView {
        let appeal = &row.appeal;
        let content = &appeal.content;
        let applicant = content.applicant();
        let mut marks = Vec::new();
        if let Some((year, number)) = row.corrects {
            marks.push(lang.t_args(
                "mark-correction-of",
                &[
                    ("number", Arg::Number(number.0)),
                    ("year", Arg::Text(year.0.to_string())),
                ],
            ));
        }
        for (year, number) in &row.corrected_by {
            marks.push(lang.t_args(
                "mark-corrected-by",
                &[
                    ("number", Arg::Number(number.0)),
                    ("year", Arg::Text(year.0.to_string())),
                ],
            ));
        }
        RowView {
            id: appeal.id.0,
            number: appeal.number.0,
            received: format_local(content.received_at()),
            channel: lang.t(content.channel().message_id()),
            anonymous: content.anonymous(),
            full_name: applicant.full_name.0.clone(),
            address: applicant.address.0.clone(),
            phone: applicant.phone.0.clone(),
            outcome: row
                .latest_outcome
                .as_ref()
                .map(|outcome| outcome.text.0.clone())
                .unwrap_or_default(),
            marks,
            superseded: !row.corrected_by.is_empty(),
            forwarded: Vec::new(),
            overdue: false,
            awaiting_answer: false,
            urgent: row.triage.as_ref().is_some_and(|triage| triage.is_open_alarm()),
            urgent_words: row
                .triage
                .as_ref()
                .filter(|triage| triage.is_open_alarm())
                .map(|triage| {
                    let mut words: Vec<String> = triage
                        .hits
                        .iter()
                        .filter(|hit| hit.severity.is_urgent())
                        .filter_map(|hit| {
                            if hit.start < hit.end {
                                content.summary().get(hit.start..hit.end).map(str::to_owned)
                            } else {
                                // Found in a later message of the conversation: the words themselves.
                                Some(hit.term.clone())
                            }
                        })
                        .collect();
                    words.dedup();
                    words
                })
                .unwrap_or_default(),
            summary_parts: marked_parts(
                content.summary(),
                &row.triage
                    .as_ref()
                    .map(|triage| {
                        triage
                            .hits
                            .iter()
                            .map(|hit| (hit.start, hit.end))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default(),
            ),
        }
    }

    /// Fills column е from the appeal's forwardings.
    pub fn with_forwardings(
        mut self,
        forwardings: Option<&Vec<ForwardingRecord>>,
        lang: Lang,
        calendar: &WorkingCalendar,
        today: NaiveDate,
    ) -> RowView {
        self.forwarded = forwardings
            .map(|records| {
                records
                    .iter()
                    .map(|record| ForwardedCell::new(record, lang, calendar, today))
                    .collect()
            })
            .unwrap_or_default();
        self.overdue = self.forwarded.iter().any(|cell| cell.status_code == "overdue");
        self
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "journal.html")]
struct JournalPage {
    l: Lang,
    chrome: Chrome,
    letters: [&'static str; 6],
    year: i32,
    years: Vec<(i32, bool)>,
    channels: Vec<Choice>,
    anonymous: String,
    q: String,
    filtered: bool,
    total_in_year: usize,
    rows: Vec<RowView>,
    page_label: String,
    newer_link: Option<String>,
    older_link: Option<String>,
    /// When the paper box is next to be opened, or that it is overdue.
    box_notice: crate::view::commission::ScheduleNotice,
    /// The latest monthly analysis submitted to the director, with its link.
    analysis_notice: Option<(String, String)>,
    /// For the director and the deputy director: how many accounts wait for their
    /// confirmation before they read, in words.
    confirmation_notice: Option<String>,
    /// The academic year the book button prints: the one that holds the shown year's last
    /// day, or today if that is earlier.
    book_year: i32,
    book_label: String,
}

async fn journal_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<JournalQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let current_year = local_year(state.app.now());
    let year = match query.year.as_deref().filter(|y| !y.is_empty()) {
        Some(year) => year
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2200).contains(y))
            .ok_or(AppError::BadRequest)?,
        None => current_year,
    };
    let channel = match query.channel.as_str() {
        "" => None,
        code => Some(Channel::parse(code).map_err(|_| AppError::BadRequest)?),
    };
    let mut known_years: Vec<i32> = state
        .app
        .store
        .journal_years(user.organisation_id)
        .await?
        .into_iter()
        .map(|y| y.0)
        .collect();
    for extra in [current_year, year] {
        if !known_years.contains(&extra) {
            known_years.push(extra);
        }
    }
    known_years.sort_unstable_by(|a, b| b.cmp(a));
    let anonymous = match query.anonymous.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let needle = query.q.trim().to_lowercase();
    let filter = JournalFilter {
        channel,
        anonymous,
        text: Some(needle.clone()).filter(|n| !n.is_empty()),
    };
    // That the journal was read, or searched — never the words searched for.
    let action = if filter.text.is_some() {
        AuditAction::JournalSearched
    } else {
        AuditAction::JournalViewed
    };
    state.app.audit(state.app.event(user, action)).await?;
    let wanted_page = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let mut slice = state
        .app
        .store
        .journal_slice(
            user.organisation_id,
            JournalYear(year),
            &filter,
            (wanted_page - 1) * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await?;
    let pages = slice.matching.div_ceil(PAGE_SIZE).max(1);
    let page = wanted_page.min(pages);
    if page != wanted_page {
        // Past the last page (a narrower filter): show the last one.
        slice = state
            .app
            .store
            .journal_slice(
                user.organisation_id,
                JournalYear(year),
                &filter,
                (page - 1) * PAGE_SIZE,
                PAGE_SIZE,
            )
            .await?;
    }
    let from = (page - 1) * PAGE_SIZE;
    let total_in_year = slice.in_year;
    let matching_count = slice.matching;
    let forwardings = state
        .app
        .store
        .forwardings_of_year(user.organisation_id, JournalYear(year))
        .await?;
    let today = state.app.clock.today();
    let awaiting = state.app.store.awaiting_answer(user.organisation_id).await?;
    // The shown rows' appeals with a duty or a forwarding past its day are marked.
    let shown_ids: Vec<senim_domain::AppealId> = slice.rows.iter().map(|row| row.appeal.id).collect();
    let overdue = state
        .app
        .watch_of(user.organisation_id, &shown_ids, today)
        .await?
        .overdue_entries();
    let shown: Vec<RowView> = slice
        .rows
        .iter()
        .map(|row| {
            let mut view = RowView::new(row, lang).with_forwardings(
                forwardings.get(&row.appeal.id),
                lang,
                &state.app.calendar,
                today,
            );
            view.awaiting_answer = awaiting.contains(&row.appeal.id);
            view.overdue |= overdue.contains(&row.appeal.id);
            view
        })
        .collect();
    let link = |page: usize| {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        url.append_pair("year", &year.to_string())
            .append_pair("channel", &query.channel)
            .append_pair("anonymous", &query.anonymous)
            .append_pair("q", &query.q)
            .append_pair("page", &page.to_string());
        format!("/journal?{}", url.finish())
    };
    let page_label = lang.t_args(
        "journal-page",
        &[
            ("from", Arg::Number((from + 1).min(matching_count) as i64)),
            ("to", Arg::Number((from + shown.len()) as i64)),
            ("total", Arg::Number(matching_count as i64)),
        ],
    );
    let filtered = channel.is_some() || anonymous.is_some() || !needle.is_empty();
    let back = if filtered || page > 1 {
        link(page)
    } else {
        format!("/journal?year={year}")
    };
    // The book of the academic year the shown year's last day (or today) falls in.
    let book_year = senim_app::exports::academic_year_of(
        today.min(NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today)),
    );
    let journal_page = JournalPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &back),
        letters: crate::view::column_letters(lang),
        year,
        years: known_years.into_iter().map(|y| (y, y == year)).collect(),
        channels: channel_choices(lang, &query.channel),
        anonymous: query.anonymous.clone(),
        q: query.q.clone(),
        filtered,
        total_in_year,
        rows: shown,
        page_label,
        newer_link: (page > 1).then(|| link(page - 1)),
        older_link: (page < pages).then(|| link(page + 1)),
        analysis_notice: state
            .app
            .store
            .latest_submitted_analysis(user.organisation_id)
            .await?
            .map(|(month, at)| {
                (
                    format!("/analysis?month={month}#text"),
                    lang.t_args(
                        "journal-analysis-submitted",
                        &[
                            ("month", Arg::from(month.to_string())),
                            ("date", Arg::from(senim_domain::time::format_local(at))),
                        ],
                    ),
                )
            }),
        box_notice: crate::view::commission::schedule_notice(
            &state,
            user.organisation_id,
            lang,
            state.app.now(),
        )
        .await?,
        confirmation_notice: if user.permissions().confirm_readers {
            let waiting = state
                .app
                .store
                .users_awaiting_confirmation(user.organisation_id)
                .await?;
            (!waiting.is_empty()).then(|| {
                lang.t_args(
                    "journal-accounts-waiting",
                    &[(
                        "count",
                        Arg::Number(i64::try_from(waiting.len()).unwrap_or(i64::MAX)),
                    )],
                )
            })
        } else {
            None
        },
        book_year,
        book_label: senim_app::exports::academic_year_label(book_year, lang),
    };
    Ok(journal_page.into_response())
}

#[cfg(test)]
mod tests {
    use super::marked_parts;

    #[test]
    fn marked_words_are_cut_out_of_the_summary() {
        let text = "Мен өлгім келеді, көмек керек";
        let start = text.find("өлгім").unwrap();
        let end = start + "өлгім келеді".len();
        let parts = marked_parts(text, &[(start, end)]);
        assert_eq!(
            parts,
            vec![
                ("Мен ".to_owned(), false),
                ("өлгім келеді".to_owned(), true),
                (", көмек керек".to_owned(), false)
            ]
        );
        assert_eq!(marked_parts("abc", &[(1, 99)]), vec![("abc".to_owned(), false)]);
    }
}
