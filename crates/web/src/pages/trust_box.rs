//! The public online Trust Box: no sign-in, no cookie, no JavaScript, nothing that identifies
//! the student. What she sends becomes an appeal; the receipt code shown once is the only way
//! back to the staff's answer, and it travels only in a form's body, never in a URL.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use senim_domain::time::format_local;
use senim_domain::trust_box::{Author, Submission};
use senim_domain::{AppealError, Organisation};
use senim_i18n::{Arg, Lang};
use senim_store::{Conversation, ConversationState, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::box_gate::{BoxRefusal, Client, open_by_code, submit_to_box, write_to_conversation};
use crate::context::{ValidForm, ValidQuery};
use crate::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/box/{school}", get(box_page).post(submit))
        .route(
            "/box/{school}/followup",
            get(followup_page).post(open_conversation),
        )
        .route("/box/{school}/followup/messages", post(write_again))
        .layer(axum::middleware::from_fn(error_pages))
}

/// The box runs without the staff's request context (no session, no cookie), so its failures
/// are turned into pages here: in the language the address asks for, Kazakh otherwise.
async fn error_pages(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = request
        .uri()
        .query()
        .and_then(|query| {
            url::form_urlencoded::parse(query.as_bytes())
                .find(|(name, _)| name == "lang")
                .and_then(|(_, value)| Lang::parse(&value))
        })
        .unwrap_or_default();
    let response = next.run(request).await;
    match response.extensions().get::<crate::error::ErrorKind>().copied() {
        Some(kind) => {
            let status = response.status();
            let mut page = crate::error::render_error(kind, lang);
            *page.status_mut() = status;
            page
        }
        None => response,
    }
}

/// A form posted from another site is refused: a page elsewhere must not write into a
/// child's box in her name. (Schools embed the box through the API instead.)
fn cross_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|site| site == "cross-site")
}

#[derive(Deserialize, Default)]
struct LangQuery {
    #[serde(default)]
    lang: String,
}

fn lang_of(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

async fn school(state: &AppState, slug: &str) -> Result<Organisation, AppError> {
    match state.app.store.organisation_by_slug(slug).await {
        Ok(school) => Ok(school),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(error) => Err(error.into()),
    }
}

fn school_name(school: &Organisation, lang: Lang) -> String {
    school.name_in(lang.code()).to_owned()
}

fn languages(current: Lang) -> Vec<(&'static str, &'static str, bool)> {
    Lang::ALL
        .into_iter()
        .map(|lang| (lang.code(), lang.native_name(), lang == current))
        .collect()
}

/// When the staff will read what was sent now: in the Trust Phone's hours, today; otherwise
/// from the moment duty resumes on the working calendar.
pub fn answer_expected(state: &AppState, school: &Organisation, lang: Lang, now: DateTime<Utc>) -> String {
    let hours = school.phone_hours;
    if hours.is_on(&state.app.calendar, now) {
        lang.t("box-expected-now")
    } else {
        let from = hours.next_on(&state.app.calendar, now);
        lang.t_args("box-expected-later", &[("from", Arg::from(format_local(from)))])
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "box.html")]
struct BoxPage {
    l: Lang,
    slug: String,
    school: String,
    here: String,
    languages: Vec<(&'static str, &'static str, bool)>,
    error: Option<String>,
    text: String,
    name: String,
    contact: String,
    answer_expected: Option<String>,
    /// Names this sending of the form, so that sending it again shows the same receipt.
    nonce: String,
}

impl BoxPage {
    fn new(state: &AppState, school: &Organisation, lang: Lang) -> BoxPage {
        let now = state.app.now();
        BoxPage {
            l: lang,
            slug: school.slug.as_str().to_owned(),
            school: school_name(school, lang),
            here: format!("/box/{}", school.slug.as_str()),
            languages: languages(lang),
            error: None,
            text: String::new(),
            name: String::new(),
            contact: String::new(),
            answer_expected: (!school.phone_hours.is_on(&state.app.calendar, now))
                .then(|| answer_expected(state, school, lang, now)),
            nonce: crate::throttle::SentForms::nonce(),
        }
    }
}

async fn box_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ValidQuery(query): ValidQuery<LangQuery>,
) -> Result<Response, AppError> {
    let school = school(&state, &slug).await?;
    Ok(BoxPage::new(&state, &school, lang_of(&query.lang)).into_response())
}

#[derive(Deserialize)]
struct SubmitForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    nonce: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "box_receipt.html")]
struct ReceiptPage {
    l: Lang,
    slug: String,
    school: String,
    here: String,
    languages: Vec<(&'static str, &'static str, bool)>,
    code: String,
    answer_expected: String,
}

async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    headers: HeaderMap,
    ValidForm(form): ValidForm<SubmitForm>,
) -> Result<Response, AppError> {
    let school = school(&state, &slug).await?;
    let lang = lang_of(&form.lang);
    let refused = |status: StatusCode, message: String| {
        let mut page = BoxPage::new(&state, &school, lang);
        page.error = Some(message);
        page.text = form.text.clone();
        page.name = form.name.clone();
        page.contact = form.contact.clone();
        (status, page).into_response()
    };
    if cross_site(&headers) {
        return Ok(refused(StatusCode::FORBIDDEN, lang.t("box-cross-site")));
    }
    let receipt = |code: String| {
        ReceiptPage {
            l: lang,
            slug: school.slug.as_str().to_owned(),
            school: school_name(&school, lang),
            here: format!("/box/{}", school.slug.as_str()),
            // No way off this page but on purpose: the code is shown only here.
            languages: Vec::new(),
            code,
            answer_expected: answer_expected(&state, &school, lang, state.app.now()),
        }
        .into_response()
    };
    let submission = Submission::new(&form.text, &form.name, &form.contact);
    let now = state.app.now();
    if let Err(error) = submission.appeal(now) {
        return Ok(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            box_error_message(error, lang),
        ));
    }
    // The same form sent again with the same words (a reload of the receipt, a double click)
    // shows the first sending's receipt; a second sending under way waits for the first.
    let words = crate::throttle::SentForms::words(&form.text, &form.name, &form.contact);
    let slot = state
        .sent_forms
        .slot(school.slug.as_str(), &form.nonce, words, now);
    let sent = match slot {
        Some(slot) => Some(slot.lock_owned().await),
        None => None,
    };
    if let Some(code) = sent.as_deref().and_then(Option::as_ref) {
        return Ok(receipt(code.clone()));
    }
    // The sending runs to its end even when the browser gives up on it (a double click
    // abandons the first request): the appeal is screened and its code remembered for the
    // request that waits.
    let sending = {
        let (state, school) = (state.clone(), school.clone());
        tokio::spawn(async move {
            let mut sent = sent;
            let result = submit_to_box(&state, &school, client, &submission)
                .await
                .map(|(_, code)| code.grouped());
            if let (Ok(code), Some(sent)) = (&result, sent.as_mut()) {
                **sent = Some(code.clone());
            }
            result
        })
    };
    match sending.await.map_err(|_| AppError::Internal)? {
        Ok(code) => Ok(receipt(code)),
        Err(BoxRefusal::Invalid(error)) => Ok(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            box_error_message(error, lang),
        )),
        Err(BoxRefusal::TooMany) => Ok(refused(StatusCode::TOO_MANY_REQUESTS, lang.t("box-too-many"))),
        // A new sending opens no conversation: it cannot be closed.
        Err(BoxRefusal::Closed(_)) => Err(AppError::Internal),
        Err(BoxRefusal::Store(error)) => Err(error.into()),
    }
}

pub fn box_error_message(error: AppealError, lang: Lang) -> String {
    match error {
        AppealError::SummaryRequired => lang.t("box-error-empty"),
        AppealError::TooLong { limit, .. } => lang.t_args(
            "error-too-long",
            &[("limit", Arg::Number(i64::try_from(limit).unwrap_or(i64::MAX)))],
        ),
        AppealError::PhoneInvalid => lang.t("error-phone-invalid"),
        other => lang.t(other.message_id()),
    }
}

/// A message as the student sees it: the staff's names are not shown, only «the school».
pub struct MessageView {
    pub from: &'static str,
    pub who: String,
    pub at: String,
    pub text: String,
}

fn student_view(conversation: &Conversation, lang: Lang) -> Vec<MessageView> {
    conversation
        .messages
        .iter()
        .map(|message| MessageView {
            from: message.author.code(),
            who: match message.author {
                Author::Student => lang.t("box-from-you"),
                Author::Staff => lang.t("box-from-staff"),
            },
            at: format_local(message.at),
            text: message.text.0.clone(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "box_followup.html")]
struct FollowupPage {
    l: Lang,
    slug: String,
    school: String,
    here: String,
    languages: Vec<(&'static str, &'static str, bool)>,
    notice: Option<String>,
    notice_kind: &'static str,
    conversation: Option<Vec<MessageView>>,
    /// The school read the letter and recorded it as not an appeal: no more writing here.
    closed: bool,
    code: String,
    text: String,
}

impl FollowupPage {
    /// The last word is the student's: the page says the answer is still to come.
    fn awaiting_answer(&self) -> bool {
        self.conversation
            .as_ref()
            .and_then(|messages| messages.last())
            .is_some_and(|message| message.from == Author::Student.code())
    }
}

impl FollowupPage {
    fn new(school: &Organisation, lang: Lang) -> FollowupPage {
        FollowupPage {
            l: lang,
            slug: school.slug.as_str().to_owned(),
            school: school_name(school, lang),
            here: format!("/box/{}/followup", school.slug.as_str()),
            languages: languages(lang),
            notice: None,
            notice_kind: "info",
            conversation: None,
            closed: false,
            code: String::new(),
            text: String::new(),
        }
    }
}

async fn followup_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ValidQuery(query): ValidQuery<LangQuery>,
) -> Result<Response, AppError> {
    let school = school(&state, &slug).await?;
    Ok(FollowupPage::new(&school, lang_of(&query.lang)).into_response())
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    receipt_code: String,
    #[serde(default)]
    text: String,
}

fn followup_result(
    school: &Organisation,
    lang: Lang,
    result: Result<Option<Conversation>, BoxRefusal>,
    form: &CodeForm,
    sent: bool,
) -> Result<Response, AppError> {
    let mut page = FollowupPage::new(school, lang);
    match result {
        Ok(Some(conversation)) => {
            page.conversation = Some(student_view(&conversation, lang));
            page.closed = conversation.state == ConversationState::Closed;
            // Switching language would lose the opened conversation (the code is in no URL).
            page.languages = Vec::new();
            page.code = form.receipt_code.trim().to_owned();
            if sent {
                page.notice = Some(lang.t("box-followup-sent"));
                page.notice_kind = "ok";
            }
            Ok(page.into_response())
        }
        Ok(None) => {
            page.notice = Some(lang.t("box-followup-not-found"));
            Ok(page.into_response())
        }
        Err(BoxRefusal::TooMany) => {
            page.notice = Some(lang.t("box-too-many"));
            page.notice_kind = "error";
            Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response())
        }
        Err(BoxRefusal::Invalid(error)) => {
            page.notice = Some(box_error_message(error, lang));
            page.notice_kind = "error";
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(BoxRefusal::Closed(conversation)) => {
            page.conversation = Some(student_view(&conversation, lang));
            page.closed = true;
            page.languages = Vec::new();
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(BoxRefusal::Store(error)) => Err(error.into()),
    }
}

async fn open_conversation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    ValidForm(form): ValidForm<CodeForm>,
) -> Result<Response, AppError> {
    let school = school(&state, &slug).await?;
    let lang = lang_of(&form.lang);
    let result = open_by_code(&state, &school, client, &form.receipt_code).await;
    followup_result(&school, lang, result, &form, false)
}

async fn write_again(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    headers: HeaderMap,
    ValidForm(form): ValidForm<CodeForm>,
) -> Result<Response, AppError> {
    let school = school(&state, &slug).await?;
    let lang = lang_of(&form.lang);
    if cross_site(&headers) {
        let mut page = FollowupPage::new(&school, lang);
        page.notice = Some(lang.t("box-cross-site"));
        page.notice_kind = "error";
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    let result = write_to_conversation(&state, &school, client, &form.receipt_code, &form.text).await;
    if let Err(BoxRefusal::Invalid(error)) = result {
        // Show the conversation again under the refusal, with what was typed kept.
        return match open_by_code(&state, &school, client, &form.receipt_code).await {
            Ok(Some(conversation)) => {
                let mut page = FollowupPage::new(&school, lang);
                page.conversation = Some(student_view(&conversation, lang));
                page.languages = Vec::new();
                page.code = form.receipt_code.trim().to_owned();
                page.text = form.text.clone();
                page.notice = Some(box_error_message(error, lang));
                page.notice_kind = "error";
                Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
            }
            other => followup_result(&school, lang, other, &form, false),
        };
    }
    followup_result(&school, lang, result, &form, true)
}
