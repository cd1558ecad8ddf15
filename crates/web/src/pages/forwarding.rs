//! Forwarding an appeal to an executing organisation (journal column е), the directory of
//! those organisations, and the telephonogram or fax text.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, NaiveDateTime};
use senim_app::Refused;
use senim_app::forwarding::LetterOptions;
use senim_domain::deadline::DeadlineRule;
use senim_domain::forwarding::{
    ExecutingOrganisationId, FORWARDING_RULES, ForwardingChannel, ForwardingError, ForwardingId,
    ForwardingRequest, LetterLanguage, valid_email,
};
use senim_domain::time::{format_local, from_local};
use senim_i18n::{Arg, Lang};
use senim_store::{DirectoryEntry, ForwardingRecord};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, ValidForm};
use crate::error::AppError;
use crate::view::Chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/appeals/{id}/forwardings", post(forward))
        .route("/forwardings/{id}/answer", post(answer))
        .route("/forwardings/{id}/withdraw", post(withdraw))
        .route("/forwardings/{id}/deadline", post(change_deadline))
        .route("/forwardings/{id}/received", post(received))
        .route("/forwardings/{id}/resend", post(resend))
        .route("/forwardings/{id}/text", get(telephonogram))
        .route("/directory", get(directory_page).post(add_to_directory))
        .route("/directory/{id}", post(update_directory))
}

use senim_app::wording::date_text;

use crate::view::forwarding::{ForwardingView, forwarding_error_message};

fn parse_id(id: &str) -> Result<i64, AppError> {
    id.parse::<i64>().map_err(|_| AppError::NotFound)
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A date typed into a form: empty is none, anything unreadable is refused.
fn form_date(text: &str) -> Result<Option<NaiveDate>, ForwardingError> {
    match text.trim() {
        "" => Ok(None),
        text => parse_date(text)
            .map(Some)
            .ok_or(ForwardingError::DeadlineBeforeReceipt),
    }
}

#[derive(Deserialize, Default)]
struct ForwardForm {
    #[serde(default)]
    executing_organisation: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    reason: String,
    include_applicant: Option<String>,
    #[serde(default)]
    letter_language: String,
}

async fn forward(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ForwardForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user().clone();
    let appeal_id = senim_domain::AppealId(parse_id(&id)?);
    let record = state.app.store.appeal(user.organisation_id, appeal_id).await?;
    let rule = DeadlineRule::parse(&form.rule)
        .filter(|rule| FORWARDING_RULES.contains(rule))
        .unwrap_or(DeadlineRule::Consideration);
    let letter = LetterOptions {
        include_applicant: form.include_applicant.is_some(),
        language: LetterLanguage::or_kazakh(&form.letter_language),
    };
    let forwarded = match form_date(&form.due_on) {
        Err(error) => Err(Refused::Rule(error)),
        Ok(due_on) => {
            let request = ForwardingRequest {
                executing_organisation: form.executing_organisation.parse().ok(),
                channel: &form.channel,
                rule,
                due_on,
                reason: &form.reason,
            };
            state
                .app
                .forward(
                    user.organisation_id,
                    user.id,
                    appeal_id,
                    &request,
                    letter,
                    state.app.now(),
                )
                .await
        }
    };
    match forwarded {
        Ok(forwarding) => Ok(Redirect::to(&format!(
            "/appeals/{}?done=forwarded#forwarding-{}",
            appeal_id.0, forwarding.0
        ))
        .into_response()),
        Err(Refused::Rule(error)) => {
            let page =
                super::appeals::appeal_page_with(&state, &signed_in.0, &record, None, Some(error)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

/// Runs a change on a forwarding of the school; a refused input or a closed forwarding shows
/// the appeal page again with the reason.
async fn change(
    state: &AppState,
    signed_in: &crate::context::SignedIn,
    id: &str,
    apply: impl AsyncFnOnce(&ForwardingRecord) -> Result<(), Refused<ForwardingError>>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let forwarding = state
        .app
        .store
        .forwarding(user.organisation_id, ForwardingId(parse_id(id)?))
        .await?;
    match apply(&forwarding).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/appeals/{}#forwarding-{}",
            forwarding.appeal_id.0, forwarding.id.0
        ))
        .into_response()),
        Err(Refused::Rule(error)) => {
            let record = state
                .app
                .store
                .appeal(user.organisation_id, forwarding.appeal_id)
                .await?;
            let page =
                super::appeals::appeal_page_with(state, &signed_in.0, &record, None, Some(error)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    answered_on: String,
}

async fn answer(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<AnswerForm>,
) -> Result<Response, AppError> {
    let user_id = signed_in.user().id;
    let organisation_id = signed_in.user().organisation_id;
    change(&state, &signed_in, &id, async |forwarding| {
        let answered_on = parse_date(&form.answered_on);
        let now = state.app.now();
        state
            .app
            .record_answer(
                organisation_id,
                user_id,
                forwarding.id,
                &form.answer,
                answered_on,
                now,
            )
            .await
    })
    .await
}

#[derive(Deserialize, Default)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    due_on: String,
}

async fn withdraw(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ReasonForm>,
) -> Result<Response, AppError> {
    let user_id = signed_in.user().id;
    let organisation_id = signed_in.user().organisation_id;
    change(&state, &signed_in, &id, async |forwarding| {
        let now = state.app.now();
        state
            .app
            .withdraw_forwarding(organisation_id, user_id, forwarding.id, &form.reason, now)
            .await
    })
    .await
}

async fn change_deadline(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ReasonForm>,
) -> Result<Response, AppError> {
    let user_id = signed_in.user().id;
    let organisation_id = signed_in.user().organisation_id;
    change(&state, &signed_in, &id, async |forwarding| {
        let due_on = form_date(&form.due_on).map_err(Refused::Rule)?;
        let now = state.app.now();
        state
            .app
            .change_deadline(organisation_id, user_id, forwarding.id, due_on, &form.reason, now)
            .await
    })
    .await
}

/// Puts a refused letter back in the queue, e.g. once the address is corrected.
async fn resend(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let organisation_id = signed_in.user().organisation_id;
    change(&state, &signed_in, &id, async |forwarding| {
        if state
            .app
            .resend_letter(organisation_id, forwarding.id, state.app.now())
            .await?
        {
            Ok(())
        } else {
            Err(Refused::Rule(ForwardingError::Closed))
        }
    })
    .await
}

#[derive(Deserialize, Default)]
struct ReceivedForm {
    #[serde(default)]
    received_by: String,
    #[serde(default)]
    received_at: String,
}

async fn received(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ReceivedForm>,
) -> Result<Response, AppError> {
    let user_id = signed_in.user().id;
    let organisation_id = signed_in.user().organisation_id;
    change(&state, &signed_in, &id, async |forwarding| {
        let now = state.app.now();
        let at = NaiveDateTime::parse_from_str(form.received_at.trim(), "%Y-%m-%dT%H:%M")
            .ok()
            .and_then(from_local)
            .filter(|at| *at <= now)
            .unwrap_or(now);
        state
            .app
            .record_received(
                organisation_id,
                user_id,
                forwarding.id,
                &form.received_by,
                at,
                now,
            )
            .await
    })
    .await
}

#[derive(Template, WebTemplate)]
#[template(path = "telephonogram.html")]
struct TelephonogramPage {
    l: Lang,
    chrome: Chrome,
    title: String,
    school: String,
    forwarding: ForwardingView,
    number_line: String,
    body: String,
    appeal_id: i64,
}

/// The text to read out as a telephonogram, or to send as a fax cover letter.
async fn telephonogram(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let forwarding = state
        .app
        .store
        .forwarding(user.organisation_id, ForwardingId(parse_id(&id)?))
        .await?;
    let record = state.app.open_appeal(user, forwarding.appeal_id).await?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let appeal = &record.row.appeal;
    let title = lang.t(match forwarding.channel {
        ForwardingChannel::Telephonogram => "telephonogram-title",
        _ => "fax-title",
    });
    let body = lang.t_args(
        "telephonogram-body",
        &[
            ("school", Arg::Text(school.name_in(lang.code()).to_owned())),
            ("number", Arg::Number(appeal.number.0)),
            ("year", Arg::Text(appeal.year.0.to_string())),
            ("received", Arg::Text(format_local(appeal.content.received_at()))),
            ("summary", Arg::Text(appeal.content.summary().to_owned())),
            ("due", Arg::Text(date_text(forwarding.due_on))),
        ],
    );
    let view = ForwardingView::new(
        &forwarding,
        &[],
        lang,
        &state.app.calendar,
        state.app.clock.today(),
    );
    let page = TelephonogramPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/forwardings/{}/text", forwarding.id.0)),
        number_line: format!("№ {}/{}", appeal.number.0, forwarding.id.0),
        title,
        school: school.name_in(lang.code()).to_owned(),
        forwarding: view,
        body,
        appeal_id: appeal.id.0,
    };
    Ok(page.into_response())
}

pub struct DirectoryView {
    pub id: i64,
    pub name_kk: String,
    pub name_ru: String,
    pub email: String,
    pub fax: String,
    pub phone: String,
    pub address: String,
    /// The e-mail address's changes, oldest first: when, who, from and to.
    pub email_history: Vec<(String, String, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory.html")]
struct DirectoryPage {
    l: Lang,
    chrome: Chrome,
    entries: Vec<DirectoryView>,
    can_edit: bool,
    error: Option<String>,
}

async fn render_directory(
    state: &AppState,
    context: &crate::context::Context,
    error: Option<ForwardingError>,
) -> Result<DirectoryPage, AppError> {
    let user = context.user().ok_or(AppError::SignIn)?;
    let entries = state.app.store.directory(user.organisation_id).await?;
    let changes = state
        .app
        .store
        .directory_email_changes(user.organisation_id)
        .await?;
    Ok(DirectoryPage {
        l: context.lang,
        chrome: Chrome::new(context, "/directory"),
        entries: entries
            .into_iter()
            .map(|entry| DirectoryView {
                id: entry.id.0,
                name_kk: entry.name_kk,
                name_ru: entry.name_ru,
                email: entry.email,
                fax: entry.fax,
                phone: entry.phone,
                address: entry.address,
                email_history: changes
                    .iter()
                    .filter(|change| change.entry == entry.id)
                    .map(|change| {
                        (
                            senim_domain::time::format_local(change.at),
                            change.by_name.clone(),
                            change.old.clone(),
                            change.new.clone(),
                        )
                    })
                    .collect(),
            })
            .collect(),
        can_edit: user.permissions().register_appeals,
        error: error.map(|error| forwarding_error_message(error, context.lang)),
    })
}

async fn directory_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
) -> Result<Response, AppError> {
    Ok(render_directory(&state, &signed_in.0, None)
        .await?
        .into_response())
}

#[derive(Deserialize, Default)]
struct DirectoryForm {
    #[serde(default)]
    name_kk: String,
    #[serde(default)]
    name_ru: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    fax: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    address: String,
}

impl DirectoryForm {
    fn entry(&self) -> Result<DirectoryEntry<'_>, ForwardingError> {
        if self.name_kk.trim().is_empty() {
            return Err(ForwardingError::NameRequired);
        }
        if !self.email.trim().is_empty() && !valid_email(self.email.trim()) {
            return Err(ForwardingError::EmailInvalid);
        }
        Ok(DirectoryEntry {
            name_kk: &self.name_kk,
            name_ru: &self.name_ru,
            email: &self.email,
            fax: &self.fax,
            phone: &self.phone,
            address: &self.address,
        })
    }
}

async fn add_to_directory(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<DirectoryForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    match form.entry() {
        Ok(entry) => {
            state
                .app
                .add_to_directory(user.organisation_id, user.id, &entry, state.app.now())
                .await?;
            Ok(Redirect::to("/directory").into_response())
        }
        Err(error) => {
            let page = render_directory(&state, &signed_in.0, Some(error)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn update_directory(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<DirectoryForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let id = ExecutingOrganisationId(parse_id(&id)?);
    match form.entry() {
        Ok(entry) => {
            state
                .app
                .update_directory_entry(user, id, &entry, state.app.now())
                .await?;
            Ok(Redirect::to(&format!("/directory#organisation-{}", id.0)).into_response())
        }
        Err(error) => {
            let page = render_directory(&state, &signed_in.0, Some(error)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
