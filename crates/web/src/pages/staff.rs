//! The school's accounts and their access: the heads confirm that an account may read appeals
//! (the administrator who made it never can), and the administrator, the director and the
//! deputy director deactivate and reactivate accounts.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use senim_app::Refused;
use senim_domain::UserId;
use senim_i18n::{Arg, Lang};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Confirmer, SignedIn, StaffManager, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff", get(staff_page))
        .route("/staff/{id}/confirm", post(confirm))
        .route("/staff/{id}/deactivate", post(deactivate))
        .route("/staff/{id}/reactivate", post(reactivate))
        .route("/staff/{id}", get(account_page))
        .route("/staff/{id}/positions", post(change_positions))
        .route("/staff/{id}/email", post(change_email))
        .route("/staff/{id}/password", post(reset_password))
}

struct StaffAccount {
    id: i64,
    login: String,
    full_name: String,
    positions: String,
    state: String,
    active: bool,
    own: bool,
    change_label: String,
    edit_label: String,
}

struct WaitingAccount {
    id: i64,
    login: String,
    full_name: String,
    positions: String,
    confirm_label: String,
    /// Still on the one-time password: confirmed once the person has chosen their own.
    own_password_first: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "staff.html")]
struct StaffPage {
    l: Lang,
    chrome: Chrome,
    can_confirm: bool,
    /// The school requires a second factor of everyone who reads appeals.
    requires_two_factor: bool,
    waiting: Vec<WaitingAccount>,
    accounts: Vec<StaffAccount>,
    done: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
struct StaffQuery {
    #[serde(default)]
    done: String,
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    done: Option<String>,
    error: Option<String>,
) -> Result<StaffPage, AppError> {
    let lang = signed_in.0.lang;
    let me = signed_in.user();
    let staff = state.app.store.staff(me.organisation_id).await?;
    let accounts = staff
        .iter()
        .map(|user| StaffAccount {
            id: user.id.0,
            login: user.login.clone(),
            full_name: user.full_name.clone(),
            positions: crate::view::positions_text(lang, &user.positions),
            state: lang.t(user.state().message_id()),
            active: user.active,
            own: user.id == me.id,
            change_label: lang.t_args(
                if user.active {
                    "staff-deactivate-who"
                } else {
                    "staff-reactivate-who"
                },
                &[("login", Arg::Text(user.login.clone()))],
            ),
            edit_label: lang.t_args("staff-edit-who", &[("login", Arg::Text(user.login.clone()))]),
        })
        .collect();
    let waiting = staff
        .into_iter()
        .filter(|user| user.active && user.awaits_confirmation())
        .map(|user| WaitingAccount {
            id: user.id.0,
            confirm_label: lang.t_args("staff-confirm-who", &[("login", Arg::Text(user.login.clone()))]),
            positions: crate::view::positions_text(lang, &user.positions),
            own_password_first: user.must_change_password,
            login: user.login,
            full_name: user.full_name,
        })
        .collect();
    Ok(StaffPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/staff"),
        can_confirm: me.permissions().confirm_readers,
        requires_two_factor: state.app.store.requires_two_factor(me.organisation_id).await?,
        waiting,
        accounts,
        done,
        error,
    })
}

async fn staff_page(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    ValidQuery(query): ValidQuery<StaffQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let done = match query.done.as_str() {
        "confirmed" => Some(lang.t("staff-confirmed")),
        "deactivated" => Some(lang.t("staff-deactivated")),
        "reactivated" => Some(lang.t("staff-reactivated")),
        "two-factor" => Some(lang.t("staff-two-factor-saved")),
        "positions" => Some(lang.t("staff-positions-saved")),
        "email" => Some(lang.t("staff-email-saved")),
        _ => None,
    };
    Ok(render(&state, &signed_in, done, None).await?.into_response())
}

async fn confirm(
    State(state): State<AppState>,
    Confirmer(signed_in): Confirmer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = UserId(id.parse().map_err(|_| AppError::NotFound)?);
    let confirmed = state
        .app
        .confirm_account(signed_in.user(), id, state.app.now())
        .await
        .map(|_| ());
    changed_or_refused(&state, &signed_in, confirmed, "confirmed").await
}

async fn deactivate(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = UserId(id.parse().map_err(|_| AppError::NotFound)?);
    let changed = state.app.deactivate_account(signed_in.user(), id).await;
    changed_or_refused(&state, &signed_in, changed, "deactivated").await
}

async fn reactivate(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = UserId(id.parse().map_err(|_| AppError::NotFound)?);
    let changed = state.app.reactivate_account(signed_in.user(), id).await;
    changed_or_refused(&state, &signed_in, changed, "reactivated").await
}

async fn changed_or_refused(
    state: &AppState,
    signed_in: &SignedIn,
    changed: Result<(), Refused<senim_domain::staff::AccountError>>,
    done: &str,
) -> Result<Response, AppError> {
    match changed {
        Ok(()) => Ok(Redirect::to(&format!("/staff?done={done}")).into_response()),
        Err(Refused::Rule(error)) => {
            let message = signed_in.0.lang.t(error.message_id());
            let page = render(state, signed_in, None, Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "staff_account.html")]
struct AccountPage {
    l: Lang,
    chrome: Chrome,
    id: i64,
    login: String,
    full_name: String,
    state: String,
    first_positions: Vec<crate::view::Choice>,
    second_positions: Vec<crate::view::Choice>,
    email: String,
    /// The new one-time password, shown this once.
    password: Option<String>,
    error: Option<String>,
}

/// The account `id` of the school as the page shows it, or not found (another school's, one's
/// own, or deactivated).
async fn account_view(
    state: &AppState,
    signed_in: &SignedIn,
    id: UserId,
    password: Option<String>,
    error: Option<String>,
) -> Result<AccountPage, AppError> {
    let me = signed_in.user();
    let lang = signed_in.0.lang;
    let account = state
        .app
        .store
        .staff(me.organisation_id)
        .await?
        .into_iter()
        .find(|user| user.id == id && user.id != me.id && user.active)
        .ok_or(AppError::NotFound)?;
    let positions = account.positions.as_slice();
    let code = |n: usize| positions.get(n).map_or("", |position| position.code());
    Ok(AccountPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/staff"),
        id: account.id.0,
        state: lang.t(account.state().message_id()),
        first_positions: crate::view::position_choices(lang, code(0)),
        second_positions: crate::view::position_choices(lang, code(1)),
        login: account.login,
        full_name: account.full_name,
        email: account.email,
        password,
        error,
    })
}

fn account_id(id: &str) -> Result<UserId, AppError> {
    Ok(UserId(id.parse().map_err(|_| AppError::NotFound)?))
}

async fn account_page(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = account_id(&id)?;
    Ok(account_view(&state, &signed_in, id, None, None)
        .await?
        .into_response())
}

#[derive(Deserialize)]
struct PositionsForm {
    #[serde(default)]
    position: String,
    #[serde(default)]
    second_position: String,
}

async fn change_positions(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
    crate::context::ValidForm(form): crate::context::ValidForm<PositionsForm>,
) -> Result<Response, AppError> {
    let id = account_id(&id)?;
    let positions = [&form.position, &form.second_position]
        .into_iter()
        .filter_map(|code| senim_domain::Position::parse(code))
        .collect();
    let changed = state.app.change_positions(signed_in.user(), id, positions).await;
    changed_or_refused_here(&state, &signed_in, id, changed.map(drop), "positions").await
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn change_email(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
    crate::context::ValidForm(form): crate::context::ValidForm<EmailForm>,
) -> Result<Response, AppError> {
    let id = account_id(&id)?;
    let changed = state.app.change_email(signed_in.user(), id, &form.email).await;
    changed_or_refused_here(&state, &signed_in, id, changed.map(drop), "email").await
}

async fn reset_password(
    State(state): State<AppState>,
    StaffManager(signed_in): StaffManager,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = account_id(&id)?;
    match state.app.reset_password(signed_in.user(), id).await {
        // Shown on this answer only, never in a URL or a redirect.
        Ok((_, password)) => Ok(account_view(&state, &signed_in, id, Some(password), None)
            .await?
            .into_response()),
        Err(refused) => changed_or_refused_here(&state, &signed_in, id, Err(refused), "").await,
    }
}

/// Back to the staff page saying what was done, or the account's page saying why not.
async fn changed_or_refused_here(
    state: &AppState,
    signed_in: &SignedIn,
    id: UserId,
    changed: Result<(), Refused<senim_domain::staff::AccountError>>,
    done: &str,
) -> Result<Response, AppError> {
    match changed {
        Ok(()) => Ok(Redirect::to(&format!("/staff?done={done}")).into_response()),
        Err(Refused::Rule(error)) => {
            let message = signed_in.0.lang.t(error.message_id());
            // One's own or a deactivated account has no page: the list says why.
            let page = match account_view(state, signed_in, id, None, Some(message.clone())).await {
                Err(AppError::NotFound) => render(state, signed_in, None, Some(message))
                    .await?
                    .into_response(),
                page => page?.into_response(),
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}
