//! The commission's minutes («Хаттама») as pages: the minutes of a year, one set of minutes as
//! the document reads (with PDF and DOCX), and a form that works without JavaScript — the
//! attendees as checkboxes, three agenda items proposed from the work since the last meeting
//! (numbers only), each with up to two speakers, the chair and the secretary.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use senim_documents::{Format, Minutes};
use senim_domain::minutes::{AgendaItem, Heard, MinutesDraft, MinutesError};
use senim_domain::{Redacted, UserId};
use senim_i18n::{Arg, Lang};
use senim_store::{MinutesRefusal, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;
use crate::view::commission::MemberChoice;

/// Agenda items the form offers; an item left empty is ignored.
const FORM_ITEMS: usize = 3;
/// Speakers the form offers under each item.
const FORM_SPEAKERS: usize = 2;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/minutes", get(minutes_list).post(create_minutes))
        .route("/minutes/new", get(new_minutes))
        .route("/minutes/{year}/{number}", get(minutes_page))
        .route("/minutes/{year}/{number}/minutes.pdf", get(minutes_pdf))
        .route("/minutes/{year}/{number}/minutes.docx", get(minutes_docx))
}

/// The message of a refused draft, in the person's language.
pub fn minutes_error_message(error: &MinutesError, lang: Lang) -> String {
    lang.t(&format!("error-minutes-{}", error.code().replace('_', "-")))
}

struct Listed {
    link: String,
    title: String,
    date: String,
    chair: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "minutes_list.html")]
struct ListPage {
    l: Lang,
    chrome: Chrome,
    year: i32,
    years: Vec<i32>,
    minutes: Vec<Listed>,
    can_write: bool,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    year: Option<i32>,
}

async fn minutes_list(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<ListQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let this_year = state.app.clock.today().year();
    let year = query.year.unwrap_or(this_year);
    if !(2000..=2200).contains(&year) {
        return Err(AppError::BadRequest);
    }
    let minutes = state
        .app
        .store
        .minutes_of_year(user.organisation_id, year)
        .await?
        .iter()
        .rev()
        .map(|minutes| Listed {
            link: format!("/minutes/{}/{}", minutes.year, minutes.number),
            title: lang.t_args("minutes-number", &[("number", Arg::Number(minutes.number))]),
            date: minutes.held_on.format("%d.%m.%Y").to_string(),
            chair: minutes.name_of(minutes.chair).to_owned(),
        })
        .collect();
    Ok(ListPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/minutes?year={year}")),
        year,
        years: (this_year - 4..=this_year).rev().collect(),
        minutes,
        can_write: user.permissions().register_appeals,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "minutes.html")]
struct MinutesPage {
    l: Lang,
    chrome: Chrome,
    minutes: Minutes,
    base: String,
    flash: Option<String>,
}

#[derive(Deserialize, Default)]
struct PageQuery {
    lang: Option<String>,
    recorded: Option<String>,
}

fn path_of(year: &str, number: &str) -> Result<(i32, i64), AppError> {
    let year = year.parse().map_err(|_| AppError::NotFound)?;
    let number = number.parse().map_err(|_| AppError::NotFound)?;
    Ok((year, number))
}

async fn load(
    state: &AppState,
    signed_in: &SignedIn,
    year: i32,
    number: i64,
    lang: Lang,
) -> Result<Minutes, AppError> {
    let organisation_id = signed_in.user().organisation_id;
    let record = match state.app.store.minutes(organisation_id, year, number).await {
        Ok(record) => record,
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(error) => return Err(error.into()),
    };
    Ok(senim_app::paperwork::minutes_document(&state.app.store, organisation_id, &record, lang).await?)
}

async fn minutes_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path((year, number)): Path<(String, String)>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let (year, number) = path_of(&year, &number)?;
    let minutes = load(
        &state,
        &signed_in,
        year,
        number,
        crate::downloads::asked_lang(query.lang.as_deref(), lang),
    )
    .await?;
    Ok(MinutesPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/minutes/{year}/{number}")),
        minutes,
        base: format!("/minutes/{year}/{number}"),
        flash: query
            .recorded
            .is_some()
            .then(|| lang.t_args("minutes-recorded", &[("number", Arg::Number(number))])),
    }
    .into_response())
}

async fn minutes_download(
    state: &AppState,
    signed_in: &SignedIn,
    (year, number): (String, String),
    query: &PageQuery,
    format: Format,
) -> Result<Response, AppError> {
    let lang = crate::downloads::asked_lang(query.lang.as_deref(), signed_in.0.lang);
    let (year, number) = path_of(&year, &number)?;
    let minutes = load(state, signed_in, year, number, lang).await?;
    state
        .app
        .audit_download(signed_in.user(), senim_domain::audit::documents::MINUTES, None)
        .await?;
    crate::downloads::printed(
        &minutes,
        format,
        state.app.clock.today(),
        &format!("minutes-{year}-{number}-{}", lang.code()),
    )
}

async fn minutes_pdf(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(path): Path<(String, String)>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Response, AppError> {
    minutes_download(&state, &signed_in, path, &query, Format::Pdf).await
}

async fn minutes_docx(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(path): Path<(String, String)>,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> Result<Response, AppError> {
    minutes_download(&state, &signed_in, path, &query, Format::Docx).await
}

/// What the form holds, as typed.
#[derive(Default, Clone)]
struct FormItem {
    legend: String,
    topic: String,
    speakers: Vec<(i64, String)>,
    resolved: String,
}

/// Names the form's items «1-мәселе», «2-мәселе», …
fn labelled(mut items: Vec<FormItem>, lang: Lang) -> Vec<FormItem> {
    for (index, item) in items.iter_mut().enumerate() {
        item.legend = lang.t_args(
            "minutes-item",
            &[("number", Arg::Number(i64::try_from(index).unwrap_or(0) + 1))],
        );
    }
    items
}

#[derive(Template, WebTemplate)]
#[template(path = "minutes_new.html")]
struct NewPage {
    l: Lang,
    chrome: Chrome,
    held_on: String,
    members: Vec<MemberChoice>,
    items: Vec<FormItem>,
    chair: i64,
    secretary: i64,
    proposed: Option<String>,
    error: Option<String>,
}

async fn members(
    state: &AppState,
    signed_in: &SignedIn,
    attendees: &[i64],
) -> Result<Vec<MemberChoice>, AppError> {
    crate::view::commission::member_choices(
        state,
        signed_in.user().organisation_id,
        signed_in.0.lang,
        attendees,
    )
    .await
}

#[derive(Deserialize, Default)]
struct NewQuery {
    held_on: Option<String>,
}

/// The form, with the agenda proposed for the meeting's day.
async fn new_minutes(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidQuery(query): ValidQuery<NewQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let held_on = match query.held_on.as_deref().filter(|text| !text.is_empty()) {
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| AppError::BadRequest)?,
        None => state.app.clock.today(),
    };
    let (since, proposed) =
        senim_app::paperwork::proposed_minutes(&state.app.store, user.organisation_id, held_on, lang).await?;
    let mut items: Vec<FormItem> = proposed
        .into_iter()
        .map(|item| FormItem {
            topic: item.topic,
            speakers: vec![(user.id.0, item.said)],
            ..FormItem::default()
        })
        .collect();
    items.resize(FORM_ITEMS.max(items.len()), FormItem::default());
    for item in &mut items {
        item.speakers.resize(FORM_SPEAKERS, (0, String::new()));
    }
    // As in the seed's minutes, the deputy director chairs when there is one.
    let chair = state
        .app
        .store
        .users(user.organisation_id)
        .await?
        .iter()
        .find(|person| {
            person
                .positions
                .as_slice()
                .contains(&senim_domain::Position::DeputyDirector)
        })
        .map_or(0, |person| person.id.0);
    Ok(NewPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/minutes/new"),
        held_on: held_on.format("%Y-%m-%d").to_string(),
        // The chair is ticked as present too, or the form would refuse itself.
        members: members(&state, &signed_in, &[user.id.0, chair]).await?,
        items: labelled(items, lang),
        chair,
        secretary: user.id.0,
        proposed: Some(lang.t_args("minutes-proposed", &[("since", Arg::from(since))])),
        error: None,
    }
    .into_response())
}

/// The form's fields: `attendees` repeats; item `i` has `topic_i`, `speaker_i_j`, `said_i_j`,
/// `resolved_i`.
fn parse_form(body: &str) -> (String, Vec<i64>, Vec<FormItem>, i64, i64) {
    let mut held_on = String::new();
    let mut attendees = Vec::new();
    let mut items = vec![FormItem::default(); FORM_ITEMS];
    for item in &mut items {
        item.speakers = vec![(0, String::new()); FORM_SPEAKERS];
    }
    let (mut chair, mut secretary) = (0, 0);
    for (name, value) in url::form_urlencoded::parse(body.as_bytes()) {
        let parts: Vec<&str> = name.split('_').collect();
        let index = |text: &str, limit: usize| text.parse::<usize>().ok().filter(|index| *index < limit);
        match parts.as_slice() {
            ["held", "on"] => held_on = value.into_owned(),
            ["attendees"] => attendees.extend(value.parse::<i64>().ok()),
            ["chair"] => chair = value.parse().unwrap_or(0),
            ["secretary"] => secretary = value.parse().unwrap_or(0),
            ["topic", i] => {
                if let Some(i) = index(i, FORM_ITEMS) {
                    items[i].topic = value.into_owned();
                }
            }
            ["resolved", i] => {
                if let Some(i) = index(i, FORM_ITEMS) {
                    items[i].resolved = value.into_owned();
                }
            }
            ["speaker", i, j] => {
                if let (Some(i), Some(j)) = (index(i, FORM_ITEMS), index(j, FORM_SPEAKERS)) {
                    items[i].speakers[j].0 = value.parse().unwrap_or(0);
                }
            }
            ["said", i, j] => {
                if let (Some(i), Some(j)) = (index(i, FORM_ITEMS), index(j, FORM_SPEAKERS)) {
                    items[i].speakers[j].1 = value.into_owned();
                }
            }
            _ => {}
        }
    }
    (held_on, attendees, items, chair, secretary)
}

async fn create_minutes(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    body: String,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let (held_on_text, attendees, items, chair, secretary) = parse_form(&body);
    let refuse = |message: String| async {
        let page = NewPage {
            l: lang,
            chrome: Chrome::new(&signed_in.0, "/minutes/new"),
            held_on: held_on_text.clone(),
            members: members(&state, &signed_in, &attendees).await?,
            items: labelled(items.clone(), lang),
            chair,
            secretary,
            proposed: None,
            error: Some(message),
        };
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Ok(held_on) = NaiveDate::parse_from_str(held_on_text.trim(), "%Y-%m-%d") else {
        return refuse(lang.t("error-minutes-date")).await;
    };
    let draft = MinutesDraft {
        held_on,
        attendees: attendees.iter().map(|id| UserId(*id)).collect(),
        items: items
            .iter()
            .filter(|item| {
                !item.topic.trim().is_empty()
                    || !item.resolved.trim().is_empty()
                    || item.speakers.iter().any(|(_, said)| !said.trim().is_empty())
            })
            .map(|item| AgendaItem {
                topic: Redacted(item.topic.clone()),
                heard: item
                    .speakers
                    .iter()
                    .filter(|(speaker, said)| *speaker != 0 || !said.trim().is_empty())
                    .map(|(speaker, said)| Heard {
                        speaker: UserId(*speaker),
                        said: Redacted(said.clone()),
                    })
                    .collect(),
                resolved: Redacted(item.resolved.clone()),
            })
            .collect(),
        chair: UserId(chair),
        secretary: UserId(secretary),
    };
    let draft = match draft.checked(state.app.clock.today()) {
        Ok(draft) => draft,
        Err(error) => return refuse(minutes_error_message(&error, lang)).await,
    };
    match state
        .app
        .record_minutes(user.organisation_id, user.id, &draft, state.app.now())
        .await
    {
        Ok((year, number)) => {
            Ok(Redirect::to(&format!("/minutes/{year}/{number}?recorded=1")).into_response())
        }
        Err(MinutesRefusal::Invalid(error)) => refuse(minutes_error_message(&error, lang)).await,
        Err(MinutesRefusal::UnknownAttendee) => refuse(lang.t("error-minutes-unknown-attendee")).await,
        Err(MinutesRefusal::Store(error)) => Err(error.into()),
    }
}
