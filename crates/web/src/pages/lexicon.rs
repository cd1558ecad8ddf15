//! The urgent-risk lexicon's page: try a sentence against the lexicon in force (and a term
//! not yet added), add a term to a category — in force from the next message on, no restart —
//! and see every term added so far, by whom and from which school.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use senim_app::Refused;
use senim_domain::time::format_local;
use senim_domain::triage::{Lexicon, TERM_LANGUAGES, is_urgent};
use senim_i18n::Lang;
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, SignedIn, ValidForm, ValidQuery};
use crate::error::AppError;
use crate::view::{Choice, Chrome};

pub fn router() -> Router<AppState> {
    Router::new().route("/lexicon", get(lexicon_page).post(lexicon_form))
}

pub struct TermView {
    pub category: String,
    pub language: String,
    pub term: String,
    pub added: String,
}

/// What a tried sentence gave.
pub struct TryView {
    pub now: String,
    pub words: Vec<String>,
    /// With the term typed beside it, when one was.
    pub with_term: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "lexicon.html")]
struct LexiconPage {
    l: Lang,
    chrome: Chrome,
    categories: Vec<Choice>,
    languages: Vec<Choice>,
    text: String,
    term: String,
    tried: Option<TryView>,
    error: Option<String>,
    added: bool,
    terms: Vec<TermView>,
    can_add: bool,
}

#[derive(Deserialize, Default)]
struct LexiconForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    term: String,
}

#[derive(Deserialize, Default)]
struct LexiconQuery {
    done: Option<String>,
}

fn category_name(lang: Lang, id: &str) -> String {
    lang.t(&format!("triage-category-{}", id.replace('_', "-")))
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    form: &LexiconForm,
    tried: Option<TryView>,
    error: Option<String>,
    added: bool,
) -> Result<LexiconPage, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let lexicon = state.app.lexicon();
    let terms = state
        .app
        .store
        .lexicon_terms()
        .await?
        .into_iter()
        .rev()
        .map(|term| TermView {
            category: category_name(lang, &term.addition.category),
            language: lang.t(&format!("language-{}", term.addition.language)),
            term: term.addition.term.clone(),
            // Who added it is said to their own school; the others see only which school.
            added: if term.organisation_id == user.organisation_id {
                format!("{}, {}", format_local(term.added_at), term.added_by_name)
            } else {
                format!(
                    "{}, {}",
                    format_local(term.added_at),
                    if lang == Lang::Ru && !term.school_ru.is_empty() {
                        term.school_ru
                    } else {
                        term.school_kk
                    }
                )
            },
        })
        .collect();
    Ok(LexiconPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/lexicon"),
        categories: lexicon
            .category_ids()
            .into_iter()
            .map(|id| Choice {
                value: id.to_owned(),
                label: category_name(lang, id),
                selected: id == form.category || (form.category.is_empty() && id == "suicide"),
            })
            .collect(),
        languages: TERM_LANGUAGES
            .into_iter()
            .map(|code| Choice {
                value: code.to_owned(),
                label: lang.t(&format!("language-{code}")),
                selected: code == form.language || (form.language.is_empty() && code == lang.code()),
            })
            .collect(),
        text: form.text.clone(),
        term: if added { String::new() } else { form.term.clone() },
        tried,
        error,
        added,
        terms,
        can_add: signed_in.user().permissions().register_appeals,
    })
}

async fn lexicon_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<LexiconQuery>,
) -> Result<Response, AppError> {
    let added = query.done.as_deref() == Some("added");
    let page = render(&state, &signed_in, &LexiconForm::default(), None, None, added).await?;
    Ok(page.into_response())
}

/// What the lexicon finds in `text`, said in words.
fn verdict(lexicon: &Lexicon, text: &str, lang: Lang) -> (String, Vec<String>) {
    let hits = lexicon.triage(text);
    let words = hits
        .iter()
        .map(|hit| {
            let found = if hit.start < hit.end {
                text.get(hit.start..hit.end).unwrap_or(&hit.term)
            } else {
                &hit.term
            };
            format!("«{found}» — {}", category_name(lang, &hit.category))
        })
        .collect();
    let said = if is_urgent(&hits) {
        "lexicon-urgent"
    } else if hits.is_empty() {
        "lexicon-nothing"
    } else {
        "lexicon-shown"
    };
    (lang.t(said), words)
}

/// Tries a sentence (never kept, never logged), or adds the term typed.
async fn lexicon_form(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidForm(form): ValidForm<LexiconForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    if form.action == "add" {
        if !user.permissions().register_appeals {
            return Err(AppError::Forbidden);
        }
        return match state
            .app
            .add_lexicon_term(user, &form.category, &form.language, &form.term)
            .await
        {
            Ok(()) => Ok(Redirect::to("/lexicon?done=added").into_response()),
            Err(Refused::Rule(error)) => {
                let page = render(
                    &state,
                    &signed_in,
                    &form,
                    None,
                    Some(lang.t(error.message_id())),
                    false,
                )
                .await?;
                Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
            }
            Err(Refused::Store(error)) => Err(error.into()),
        };
    }
    let lexicon = state.app.lexicon();
    let (now, words) = verdict(&lexicon, &form.text, lang);
    let (with_term, error) = if form.term.trim().is_empty() {
        (None, None)
    } else {
        match lexicon.term_addition(&form.category, &form.language, &form.term) {
            Ok(addition) => {
                let file = Lexicon::parse(&addition.file()).map_err(|_| AppError::NotFound)?;
                let extended = (*lexicon).clone().extended_with(file);
                (Some(verdict(&extended, &form.text, lang).0), None)
            }
            Err(error) => (None, Some(lang.t(error.message_id()))),
        }
    };
    let tried = TryView {
        now,
        words,
        with_term,
    };
    let page = render(&state, &signed_in, &form, Some(tried), error, false).await?;
    Ok(page.into_response())
}
