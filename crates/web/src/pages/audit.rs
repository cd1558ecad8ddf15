//! The audit trail on a page: the director and the deputy director read who did what, and
//! when, filtered by person, day and appeal number; everyone sees their own sign-ins.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{Duration, NaiveDate};
use senim_app::audit::AUDIT_PAGE;
use senim_domain::JournalNumber;
use senim_domain::time::{format_local, from_local};
use senim_i18n::{Arg, Lang};
use senim_store::{AuditFilter, AuditRecord};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Auditor, SignedIn, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/audit", get(audit_page))
        .route("/account/sign-ins", get(sign_ins_page))
}

/// An event in words.
pub struct EventView {
    pub at: String,
    pub login: String,
    pub positions: String,
    pub action: String,
    pub appeal: String,
    pub subject: String,
    pub detail: String,
}

impl EventView {
    pub fn new(record: &AuditRecord, lang: Lang) -> EventView {
        let positions = senim_domain::Positions::parse(&record.positions)
            .map(|positions| senim_app::wording::positions_text(lang, &positions))
            .unwrap_or_default();
        EventView {
            at: format_local(record.at),
            login: if record.login.is_empty() {
                lang.t("audit-server-holder")
            } else {
                record.login.clone()
            },
            positions,
            action: lang.t(&format!(
                "audit-action-{}",
                record.action.code().replace('_', "-")
            )),
            appeal: record.appeal.map_or(String::new(), |entry| {
                lang.t_args(
                    "audit-appeal",
                    &[
                        ("number", Arg::Number(entry.number.0)),
                        ("year", Arg::Text(entry.year.0.to_string())),
                    ],
                )
            }),
            subject: record.subject.clone().unwrap_or_default(),
            detail: record.detail.as_deref().map_or(String::new(), |detail| {
                lang.t(&format!("audit-detail-{}", detail.replace('_', "-")))
            }),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
struct AuditPage {
    l: Lang,
    chrome: Chrome,
    login: String,
    day: String,
    appeal: String,
    events: Vec<EventView>,
    truncated: bool,
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    #[serde(default)]
    login: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    appeal: String,
}

async fn audit_page(
    State(state): State<AppState>,
    Auditor(signed_in): Auditor,
    ValidQuery(query): ValidQuery<AuditQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let mut filter = AuditFilter {
        limit: AUDIT_PAGE + 1,
        ..AuditFilter::default()
    };
    let login = query.login.trim();
    if !login.is_empty() {
        filter.login = Some(login.to_owned());
    }
    let day = query.day.trim();
    if !day.is_empty() {
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| AppError::BadRequest)?;
        let start =
            from_local(day.and_hms_opt(0, 0, 0).ok_or(AppError::BadRequest)?).ok_or(AppError::BadRequest)?;
        filter.from = Some(start);
        filter.to = Some(start + Duration::days(1));
    }
    let appeal = query.appeal.trim();
    if !appeal.is_empty() {
        let number = appeal
            .trim_start_matches('№')
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(AppError::BadRequest)?;
        filter.appeal_number = Some(JournalNumber(number));
    }
    let mut records = state.app.audit_trail(signed_in.user(), &filter).await?;
    let truncated = records.len() as i64 > AUDIT_PAGE;
    records.truncate(AUDIT_PAGE as usize);
    Ok(AuditPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/audit"),
        login: login.to_owned(),
        day: day.to_owned(),
        appeal: appeal.to_owned(),
        events: records
            .iter()
            .map(|record| EventView::new(record, lang))
            .collect(),
        truncated,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "sign_ins.html")]
struct SignInsPage {
    l: Lang,
    chrome: Chrome,
    events: Vec<EventView>,
}

/// The person's own sign-ins of the last 90 days: a sign-in they do not recognise is a reason
/// to change the password.
async fn sign_ins_page(State(state): State<AppState>, signed_in: SignedIn) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let since = state.app.now() - Duration::days(90);
    let records = state.app.own_sign_ins(signed_in.user(), since).await?;
    Ok(SignInsPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/account/sign-ins"),
        events: records
            .iter()
            .map(|record| EventView::new(record, lang))
            .collect(),
    }
    .into_response())
}
