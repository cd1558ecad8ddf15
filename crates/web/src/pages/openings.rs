//! The paper Trust Box for the staff: its schedule, the commission's openings with their acts,
//! the letters registered from each, the poster with the online box's address, and sheets of
//! tear-off slips with receipt codes.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use senim_documents::Act;
use senim_domain::UserId;
use senim_domain::opening::{Letter, OpeningError, Schedule};
use senim_domain::time::{format_local, local};
use senim_i18n::{Arg, Lang};
use senim_store::{Opening, OpeningId, OpeningRefusal, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, ValidForm, ValidQuery};
use crate::downloads::{PDF, asked_lang, document_failed, download, printed};
use crate::error::AppError;
use crate::view::appeal_error_message;
use crate::view::commission::{MemberChoice, ScheduleNotice, member_choices, schedule_notice};
use crate::view::{ChoiceGroup, Chrome, category_choices};
use senim_documents::Format;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/trust-box", get(overview))
        .route("/trust-box/schedule", post(set_schedule))
        .route("/trust-box/poster", get(poster))
        .route("/trust-box/slips", post(print_slips))
        .route("/openings/new", get(new_opening))
        .route("/openings", post(create_opening))
        .route("/openings/{id}", get(opening_page))
        .route("/openings/{id}/letters", post(register_letter))
        .route("/openings/{id}/act.pdf", get(act_pdf))
        .route("/openings/{id}/act.docx", get(act_docx))
        .route("/trust-box/poster.pdf", get(poster_pdf))
        .route("/trust-box/phone", post(set_phone))
}

#[derive(Deserialize, Default)]
struct DocumentQuery {
    lang: Option<String>,
}

async fn act_document(
    state: &AppState,
    signed_in: &crate::context::SignedIn,
    id: &str,
    query: &DocumentQuery,
    format: Format,
) -> Result<Response, AppError> {
    let id = OpeningId(id.parse().map_err(|_| AppError::NotFound)?);
    let lang = asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let act = senim_app::exports::act(&state.app.store, signed_in.user().organisation_id, id, lang).await?;
    let today = state.app.clock.today();
    state
        .app
        .audit_download(signed_in.user(), senim_domain::audit::documents::ACT, None)
        .await?;
    printed(&act, format, today, &format!("act-{}-{}", id.0, lang.code()))
}

async fn act_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    ValidQuery(query): ValidQuery<DocumentQuery>,
) -> Result<Response, AppError> {
    act_document(&state, &signed_in, &id, &query, Format::Pdf).await
}

async fn act_docx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    ValidQuery(query): ValidQuery<DocumentQuery>,
) -> Result<Response, AppError> {
    act_document(&state, &signed_in, &id, &query, Format::Docx).await
}

async fn poster_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    headers: HeaderMap,
    ValidQuery(query): ValidQuery<DocumentQuery>,
) -> Result<Response, AppError> {
    let lang = asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let site = site_base(&state, &headers);
    let poster =
        senim_app::exports::poster(&state.app.store, signed_in.user().organisation_id, &site, lang).await?;
    let today = state.app.clock.today();
    let pdf = poster.pdf(today).map_err(|error| document_failed(&error))?;
    state
        .app
        .audit_download(signed_in.user(), senim_domain::audit::documents::POSTER, None)
        .await?;
    Ok(download(pdf, PDF, &format!("poster-{}.pdf", lang.code())))
}

#[derive(Deserialize)]
struct PhoneForm {
    #[serde(default)]
    trust_phone: String,
}

/// The school's Trust Phone number, for the poster.
async fn set_phone(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<PhoneForm>,
) -> Result<Response, AppError> {
    let phone = form.trust_phone.trim();
    let valid = phone.chars().count() <= 40
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | ' '));
    if !valid {
        return Err(AppError::BadRequest);
    }
    let user = signed_in.user();
    state
        .app
        .set_trust_phone(user.organisation_id, user.id, phone)
        .await?;
    Ok(Redirect::to("/trust-box?done=phone").into_response())
}

struct OpeningRow {
    id: i64,
    opened: String,
    letters: u32,
    waiting: Option<String>,
    members: String,
}

fn waiting_label(opening: &Opening, lang: Lang) -> Option<String> {
    let waiting = opening.letters_waiting();
    (waiting > 0).then(|| lang.t_args("opening-waiting", &[("count", Arg::Number(i64::from(waiting)))]))
}

#[derive(Template, WebTemplate)]
#[template(path = "trust_box.html")]
struct OverviewPage {
    l: Lang,
    chrome: Chrome,
    notice: ScheduleNotice,
    schedules: Vec<(&'static str, String, bool)>,
    can_register: bool,
    openings: Vec<OpeningRow>,
    box_url: String,
    trust_phone: String,
    flash: Option<String>,
}

#[derive(Deserialize, Default)]
struct OverviewQuery {
    done: Option<String>,
}

/// The address the school's pages are reached at, from the request (the reverse proxy's Host).
fn site_base(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .filter(|host| {
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("127.0.0.1");
    let scheme = if state.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

async fn overview(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    headers: HeaderMap,
    ValidQuery(query): ValidQuery<OverviewQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let school = state.app.store.organisation(user.organisation_id).await?;
    let schedule = state.app.store.box_schedule(user.organisation_id).await?;
    let openings = state.app.store.openings(user.organisation_id).await?;
    let page = OverviewPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/trust-box"),
        notice: schedule_notice(&state, user.organisation_id, lang, state.app.now()).await?,
        schedules: Schedule::ALL
            .into_iter()
            .map(|choice| (choice.code(), lang.t(choice.message_id()), choice == schedule))
            .collect(),
        can_register: user.permissions().register_appeals,
        openings: openings
            .iter()
            .map(|opening| OpeningRow {
                id: opening.id.0,
                opened: format_local(opening.opened_at),
                letters: opening.letters,
                waiting: waiting_label(opening, lang),
                members: opening
                    .members
                    .iter()
                    .map(|member| member.full_name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        box_url: format!("{}/box/{}", site_base(&state, &headers), school.slug.as_str()),
        trust_phone: school.trust_phone.clone(),
        flash: match query.done.as_deref() {
            Some("schedule") => Some(lang.t("opening-schedule-saved")),
            Some("phone") => Some(lang.t("trustbox-phone-saved")),
            _ => None,
        },
    };
    Ok(page.into_response())
}

#[derive(Deserialize)]
struct ScheduleForm {
    #[serde(default)]
    schedule: String,
}

async fn set_schedule(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<ScheduleForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let schedule = Schedule::parse(&form.schedule).ok_or(AppError::BadRequest)?;
    state
        .app
        .set_box_schedule(user.organisation_id, user.id, schedule, state.app.now())
        .await?;
    Ok(Redirect::to("/trust-box?done=schedule").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "poster.html")]
struct PosterPage {
    l: Lang,
    school: String,
    box_url: String,
    qr: String,
}

async fn poster(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let school = state
        .app
        .store
        .organisation(signed_in.user().organisation_id)
        .await?;
    let box_url = format!("{}/box/{}", site_base(&state, &headers), school.slug.as_str());
    Ok(PosterPage {
        l: lang,
        school: school.name_in(lang.code()).to_owned(),
        qr: senim_documents::qr_svg(&box_url),
        box_url,
    }
    .into_response())
}

/// The most slips printed at once: two A4 sheets of tear-off slips.
pub const MAX_SLIPS: usize = 40;

#[derive(Deserialize)]
struct SlipsForm {
    #[serde(default)]
    count: String,
}

struct Slip {
    /// The receipt code, on the stub the child keeps.
    code: String,
    /// The letter code, on the half that becomes the letter.
    letter: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "slips.html")]
struct SlipsPage {
    l: Lang,
    school: String,
    followup_url: String,
    qr: String,
    sheet: i64,
    slips: Vec<Slip>,
}

/// A sheet of slips with fresh receipt codes: shown once, on this response; only the codes'
/// hashes are kept, waiting for a letter that carries one.
async fn print_slips(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    headers: HeaderMap,
    ValidForm(form): ValidForm<SlipsForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let count = form
        .count
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|count| (1..=MAX_SLIPS).contains(count))
        .ok_or(AppError::BadRequest)?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let (sheet, codes) = state
        .app
        .create_slips(user.organisation_id, user.id, count, state.app.now())
        .await?;
    let followup_url = format!(
        "{}/box/{}/followup",
        site_base(&state, &headers),
        school.slug.as_str()
    );
    Ok(SlipsPage {
        l: lang,
        school: school.name_in(lang.code()).to_owned(),
        qr: senim_documents::qr_svg(&followup_url),
        followup_url,
        sheet,
        slips: codes
            .iter()
            .map(|(receipt, letter)| Slip {
                code: receipt.grouped(),
                letter: letter.grouped(),
            })
            .collect(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "opening_new.html")]
struct NewOpeningPage {
    l: Lang,
    chrome: Chrome,
    members: Vec<MemberChoice>,
    opened_at: String,
    letters: String,
    error: Option<String>,
}

const LOCAL_INPUT: &str = "%Y-%m-%dT%H:%M";

async fn new_opening(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    Ok(NewOpeningPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/openings/new"),
        members: member_choices(&state, user.organisation_id, lang, &[user.id.0]).await?,
        opened_at: local(state.app.now()).format(LOCAL_INPUT).to_string(),
        letters: "0".to_owned(),
        error: None,
    }
    .into_response())
}

/// The opening form: `members` repeats, one per checked box.
fn parse_opening_form(body: &str) -> (Vec<i64>, String, String) {
    let mut members = Vec::new();
    let mut opened_at = String::new();
    let mut letters = String::new();
    for (name, value) in url::form_urlencoded::parse(body.as_bytes()) {
        match name.as_ref() {
            "members" => members.extend(value.parse::<i64>().ok()),
            "opened_at" => opened_at = value.into_owned(),
            "letters" => letters = value.into_owned(),
            _ => {}
        }
    }
    (members, opened_at, letters)
}

pub fn opening_error_message(error: &OpeningRefusal, lang: Lang) -> Option<String> {
    match error {
        OpeningRefusal::Invalid(error) => Some(lang.t(error.message_id())),
        OpeningRefusal::UnknownMember => Some(lang.t("error-opening-members")),
        OpeningRefusal::AllRegistered => Some(lang.t("error-opening-all-registered")),
        OpeningRefusal::Store(StoreError::SlipUnknown) => Some(lang.t("error-slip-unknown")),
        OpeningRefusal::Store(_) => None,
    }
}

async fn create_opening(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    body: String,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let (members, opened_at_text, letters_text) = parse_opening_form(&body);
    let now = state.app.now();
    let refuse = |message: String| async {
        let page = NewOpeningPage {
            l: lang,
            chrome: Chrome::new(&signed_in.0, "/openings/new"),
            members: member_choices(&state, user.organisation_id, lang, &members).await?,
            opened_at: opened_at_text.clone(),
            letters: letters_text.clone(),
            error: Some(message),
        };
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Some(opened_at) = parse_local(&opened_at_text, now) else {
        return refuse(lang.t("error-received-invalid")).await;
    };
    let Ok(letters) = letters_text.trim().parse::<i64>() else {
        return refuse(lang.t(OpeningError::LettersOutOfRange.message_id())).await;
    };
    let Ok(letters) = u32::try_from(letters) else {
        return refuse(lang.t(OpeningError::LettersOutOfRange.message_id())).await;
    };
    let opening = senim_store::NewOpening {
        opened_at,
        letters,
        members: members.iter().map(|id| UserId(*id)).collect(),
    };
    match state
        .app
        .record_opening(user.organisation_id, user.id, &opening, now)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/openings/{}", id.0)).into_response()),
        Err(error) => match opening_error_message(&error, lang) {
            Some(message) => refuse(message).await,
            None => match error {
                OpeningRefusal::Store(error) => Err(error.into()),
                _ => Err(AppError::Internal),
            },
        },
    }
}

fn parse_local(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(now);
    }
    let wall_clock = chrono::NaiveDateTime::parse_from_str(text, LOCAL_INPUT)
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    senim_domain::time::from_local(wall_clock)
}

struct LetterLink {
    id: i64,
    label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "opening.html")]
struct OpeningPage {
    l: Lang,
    chrome: Chrome,
    id: i64,
    act: Act,
    other_act: (&'static str, &'static str),
    recorded_by: String,
    letters: Vec<LetterLink>,
    waiting: Option<String>,
    next_letter: String,
    can_register: bool,
    categories: Vec<ChoiceGroup>,
    form: LetterForm,
    error: Option<String>,
    flash: Option<String>,
}

#[derive(Deserialize, Default)]
struct OpeningQuery {
    act: Option<String>,
    done: Option<String>,
}

async fn opening_view(
    state: &AppState,
    signed_in: &crate::context::Context,
    id: OpeningId,
    act_lang: Option<&str>,
    form: LetterForm,
    error: Option<String>,
    flash: Option<String>,
) -> Result<OpeningPage, AppError> {
    let lang = signed_in.lang;
    let user = signed_in.user().ok_or(AppError::SignIn)?;
    let opening = state.app.store.opening(user.organisation_id, id).await?;
    let act_lang = match act_lang {
        Some("ru") => Lang::Ru,
        Some("kk") => Lang::Kk,
        _ => lang,
    };
    let school = state.app.store.organisation(user.organisation_id).await?;
    let act = senim_app::exports::act_of(&school, &opening, act_lang);
    let other = if act.lang == Lang::Ru { Lang::Kk } else { Lang::Ru };
    let other_act = (other.code(), other.native_name());
    let categories = category_choices(lang, &form.category);
    Ok(OpeningPage {
        l: lang,
        chrome: Chrome::new(signed_in, &format!("/openings/{}", id.0)),
        id: id.0,
        other_act,
        recorded_by: opening.recorded_by_name.clone(),
        letters: opening
            .registered
            .iter()
            .map(|letter| LetterLink {
                id: letter.appeal_id.0,
                label: lang.t_args(
                    "appeal-title",
                    &[
                        ("number", Arg::Number(letter.number.0)),
                        ("year", Arg::from(letter.year.0.to_string())),
                    ],
                ),
            })
            .collect(),
        waiting: waiting_label(&opening, lang),
        next_letter: lang.t_args(
            "opening-letter-n",
            &[
                (
                    "n",
                    Arg::Number(i64::try_from(opening.registered.len()).unwrap_or(i64::MAX) + 1),
                ),
                ("count", Arg::Number(i64::from(opening.letters))),
            ],
        ),
        can_register: user.permissions().register_appeals,
        categories,
        act,
        form,
        error,
        flash,
    })
}

async fn opening_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    ValidQuery(query): ValidQuery<OpeningQuery>,
) -> Result<Response, AppError> {
    let id = OpeningId(id.parse().map_err(|_| AppError::NotFound)?);
    let lang = signed_in.0.lang;
    let flash = match query.done.as_deref() {
        Some("letter") => Some(lang.t("opening-letter-registered")),
        _ => None,
    };
    let page = opening_view(
        &state,
        &signed_in.0,
        id,
        query.act.as_deref(),
        LetterForm::default(),
        None,
        flash,
    )
    .await?;
    Ok(page.into_response())
}

/// A letter found at an opening, as the commission types it.
#[derive(Deserialize, Default)]
struct LetterForm {
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    /// The letter code printed on the slip the letter is written on, if any.
    #[serde(default)]
    pub letter_code: String,
}

impl LetterForm {
    pub fn letter(&self) -> Letter<'_> {
        Letter {
            summary: &self.summary,
            category: &self.category,
            full_name: &self.full_name,
            address: &self.address,
            phone: &self.phone,
            letter_code: &self.letter_code,
        }
    }
}

async fn register_letter(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<LetterForm>,
) -> Result<Response, AppError> {
    let id = OpeningId(id.parse().map_err(|_| AppError::NotFound)?);
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let opening = state.app.store.opening(user.organisation_id, id).await?;
    let now = state.app.now();
    let refused = |message: String, form: LetterForm| async {
        let page = opening_view(&state, &signed_in.0, id, None, form, Some(message), None).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let content = match form.letter().content(opening.opened_at, now) {
        Ok(content) => content,
        Err(error) => return refused(appeal_error_message(error, lang), form).await,
    };
    let Ok(slip) = form.letter().slip() else {
        return refused(lang.t("error-slip-unknown"), form).await;
    };
    match state
        .app
        .register_letter(user.organisation_id, id, content, slip.as_ref(), user.id, now)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/openings/{}?done=letter", id.0)).into_response()),
        Err(error) => match opening_error_message(&error, lang) {
            Some(message) => refused(message, form).await,
            None => match error {
                OpeningRefusal::Store(error) => Err(error.into()),
                _ => Err(AppError::Internal),
            },
        },
    }
}
