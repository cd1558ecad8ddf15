//! Staff accounts, managed by the system administrator — who has no path to appeals.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use senim_domain::Position;
use senim_i18n::{Arg, Lang};
use senim_store::User;
use serde::Deserialize;

use crate::AppState;
use crate::context::ValidForm;
use crate::context::{AccountManager, SignedIn};
use crate::error::AppError;
use crate::view::{Choice, Chrome, language_choices, position_choices};
use senim_app::Refused;
use senim_app::accounts::AccountRequest;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/users", get(users_page).post(add_user))
}

pub struct UserView {
    pub login: String,
    pub full_name: String,
    pub positions: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
struct UsersPage {
    l: Lang,
    chrome: Chrome,
    users: Vec<UserView>,
    first_positions: Vec<Choice>,
    second_positions: Vec<Choice>,
    languages: Vec<Choice>,
    form: UserForm,
    created: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
struct UserForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    second_position: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    email: String,
}

fn positions_label(user: &User, lang: Lang) -> String {
    crate::view::positions_text(lang, &user.positions)
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    form: UserForm,
    created: Option<String>,
    error: Option<String>,
) -> Result<UsersPage, AppError> {
    let lang = signed_in.0.lang;
    let users = state.app.store.users(signed_in.user().organisation_id).await?;
    Ok(UsersPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/admin/users"),
        users: users
            .iter()
            .map(|user| UserView {
                login: user.login.clone(),
                full_name: user.full_name.clone(),
                positions: positions_label(user, lang),
            })
            .collect(),
        first_positions: position_choices(lang, &form.position),
        second_positions: position_choices(lang, &form.second_position),
        languages: language_choices(if form.locale.is_empty() {
            "kk"
        } else {
            &form.locale
        }),
        form,
        created,
        error,
    })
}

async fn users_page(
    State(state): State<AppState>,
    AccountManager(signed_in): AccountManager,
) -> Result<Response, AppError> {
    Ok(render(&state, &signed_in, UserForm::default(), None, None)
        .await?
        .into_response())
}

async fn add_user(
    State(state): State<AppState>,
    AccountManager(signed_in): AccountManager,
    ValidForm(form): ValidForm<UserForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let positions: Vec<Position> = [&form.position, &form.second_position]
        .into_iter()
        .filter_map(|code| Position::parse(code))
        .collect();
    let request = AccountRequest {
        login: form.login.trim(),
        full_name: &form.full_name,
        positions,
        locale: Lang::parse(&form.locale).unwrap_or_default(),
        email: &form.email,
        // Reading needs the director's or deputy director's confirmation, never the administrator's.
        confirmed: false,
    };
    let organisation_id = signed_in.user().organisation_id;
    match state
        .app
        .create_account(Some(signed_in.user()), organisation_id, request, state.app.now())
        .await
    {
        Ok((user, password)) => {
            let created = lang.t_args(
                "users-created",
                &[
                    ("login", Arg::Text(user.login.clone())),
                    ("password", Arg::Text(password)),
                ],
            );
            Ok(
                render(&state, &signed_in, UserForm::default(), Some(created), None)
                    .await?
                    .into_response(),
            )
        }
        Err(Refused::Rule(error)) => {
            let page = render(&state, &signed_in, form, None, Some(lang.t(error.message_id()))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}
