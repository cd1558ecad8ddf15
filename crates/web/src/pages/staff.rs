//! The school's heads confirm that an account may read appeals: the accounts waiting, and the
//! confirmation. The administrator who made an account can never confirm it.

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
use crate::context::{Confirmer, SignedIn, ValidQuery};
use crate::error::AppError;
use crate::view::Chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff", get(staff_page))
        .route("/staff/{id}/confirm", post(confirm))
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
    waiting: Vec<WaitingAccount>,
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
    let waiting = state
        .app
        .store
        .users_awaiting_confirmation(signed_in.user().organisation_id)
        .await?
        .into_iter()
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
        waiting,
        done,
        error,
    })
}

async fn staff_page(
    State(state): State<AppState>,
    Confirmer(signed_in): Confirmer,
    ValidQuery(query): ValidQuery<StaffQuery>,
) -> Result<Response, AppError> {
    let done = (query.done == "confirmed").then(|| signed_in.0.lang.t("staff-confirmed"));
    Ok(render(&state, &signed_in, done, None).await?.into_response())
}

async fn confirm(
    State(state): State<AppState>,
    Confirmer(signed_in): Confirmer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = UserId(id.parse().map_err(|_| AppError::NotFound)?);
    match state
        .app
        .confirm_account(signed_in.user(), id, state.app.now())
        .await
    {
        Ok(_) => Ok(Redirect::to("/staff?done=confirmed").into_response()),
        Err(Refused::Rule(error)) => {
            let message = signed_in.0.lang.t(error.message_id());
            let page = render(&state, &signed_in, None, Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}
