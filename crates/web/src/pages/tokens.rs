//! A person's own API tokens: each with its name, scopes and end; a new one, shown once; a
//! revocation that stops it at once.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use senim_app::Refused;
use senim_domain::staff::{TokenScope, TokenScopes, token_lifetime};
use senim_domain::time::format_local;
use senim_i18n::{Arg, Lang};
use serde::Deserialize;

use crate::AppState;
use crate::context::{SignedIn, ValidQuery};
use crate::error::AppError;
use crate::view::{Choice, Chrome};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/tokens", get(tokens_page).post(create))
        .route("/account/tokens/{id}/revoke", post(revoke))
}

struct TokenRow {
    id: i64,
    name: String,
    scopes: String,
    made: String,
    ends: String,
    state: String,
    standing: bool,
    revoke_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tokens.html")]
struct TokensPage {
    l: Lang,
    chrome: Chrome,
    tokens: Vec<TokenRow>,
    scopes: Vec<Choice>,
    created: Option<String>,
    done: Option<String>,
    error: Option<String>,
}

fn scope_message_id(scope: TokenScope) -> &'static str {
    match scope {
        TokenScope::JournalRead => "token-scope-journal-read",
        TokenScope::JournalWrite => "token-scope-journal-write",
        TokenScope::PhoneIntake => "token-scope-phone-intake",
        TokenScope::StaffManage => "token-scope-staff-manage",
        TokenScope::AuditRead => "token-scope-audit-read",
    }
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    created: Option<String>,
    done: Option<String>,
    error: Option<String>,
) -> Result<TokensPage, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let now = signed_in.0.now;
    let tokens = state
        .app
        .store
        .api_tokens_of(user.id)
        .await?
        .into_iter()
        .map(|token| {
            let expired = token.expires_at.is_some_and(|end| end <= now);
            let state_id = if token.revoked_at.is_some() {
                "token-state-revoked"
            } else if expired {
                "token-state-expired"
            } else {
                "token-state-active"
            };
            let name = if token.name.is_empty() {
                "—".to_owned()
            } else {
                token.name
            };
            TokenRow {
                id: token.id,
                revoke_label: lang.t_args("tokens-revoke-which", &[("name", Arg::Text(name.clone()))]),
                name,
                scopes: token
                    .scopes
                    .as_slice()
                    .iter()
                    .map(|scope| scope.code())
                    .collect::<Vec<_>>()
                    .join(", "),
                made: format_local(token.created_at),
                ends: token.expires_at.map(format_local).unwrap_or_default(),
                state: lang.t(state_id),
                standing: token.revoked_at.is_none() && !expired,
            }
        })
        .collect();
    let allowed = user.positions.permissions();
    let scopes = TokenScope::ALL
        .into_iter()
        .filter(|scope| TokenScopes::new(vec![*scope]).within(allowed))
        .map(|scope| Choice {
            value: scope.code().to_owned(),
            label: lang.t(scope_message_id(scope)),
            selected: scope != TokenScope::PhoneIntake,
        })
        .collect();
    Ok(TokensPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/account/tokens"),
        tokens,
        scopes,
        created,
        done,
        error,
    })
}

#[derive(Deserialize, Default)]
struct TokensQuery {
    #[serde(default)]
    done: String,
}

async fn tokens_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ValidQuery(query): ValidQuery<TokensQuery>,
) -> Result<Response, AppError> {
    let done = (query.done == "revoked").then(|| signed_in.0.lang.t("tokens-revoked"));
    Ok(render(&state, &signed_in, None, done, None)
        .await?
        .into_response())
}

/// The form repeats `scope`, one per checked box.
async fn create(
    State(state): State<AppState>,
    signed_in: SignedIn,
    body: String,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let mut name = String::new();
    let mut expires = String::new();
    let mut scopes = Vec::new();
    for (field, value) in url::form_urlencoded::parse(body.as_bytes()) {
        match field.as_ref() {
            "name" => name = value.chars().take(100).collect(),
            "expires" => expires = value.into_owned(),
            "scope" => scopes.push(TokenScope::parse(&value).ok_or(AppError::BadRequest)?),
            _ => {}
        }
    }
    let refuse = async |error: senim_domain::staff::AccountError| {
        let page = render(&state, &signed_in, None, None, Some(lang.t(error.message_id()))).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Some(lifetime) = token_lifetime(Some(&expires)) else {
        return refuse(senim_domain::staff::AccountError::LifetimeInvalid).await;
    };
    let scopes = TokenScopes::new(scopes);
    if scopes.is_empty() {
        return refuse(senim_domain::staff::AccountError::ScopeNotAllowed).await;
    }
    let user = signed_in.user();
    match state
        .app
        .create_api_token(user, &name, Some(scopes), lifetime, state.app.now())
        .await
    {
        Ok(token) => Ok(render(&state, &signed_in, Some(token), None, None)
            .await?
            .into_response()),
        Err(Refused::Rule(error)) => refuse(error).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

async fn revoke(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !state
        .app
        .revoke_api_token(signed_in.user(), id, state.app.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/account/tokens?done=revoked").into_response())
}
