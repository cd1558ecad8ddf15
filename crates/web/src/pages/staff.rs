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
}

struct WaitingAccount {
    id: i64,
    login: String,
    full_name: String,
    positions: String,
    confirm_label: String,
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
        })
        .collect();
    let waiting = staff
        .into_iter()
        .filter(|user| user.active && user.awaits_confirmation())
        .map(|user| WaitingAccount {
            id: user.id.0,
            confirm_label: lang.t_args("staff-confirm-who", &[("login", Arg::Text(user.login.clone()))]),
            positions: crate::view::positions_text(lang, &user.positions),
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
