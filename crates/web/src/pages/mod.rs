//! The pages people use in a browser. Each module has its own routes.

pub mod account;
mod admin;
mod analysis;
pub(crate) mod appeals;
pub mod audit;
pub(crate) mod forwarding;
mod inbox;
pub(crate) mod journal;
mod lexicon;
mod minutes;
pub(crate) mod openings;
pub mod phone;
mod plan;
mod staff;
mod tokens;
pub(crate) mod trust_box;
mod two_factor;
mod watch;

use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::AppState;
use crate::context::Context;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .merge(account::router())
        .merge(journal::router())
        .merge(appeals::router())
        .merge(forwarding::router())
        .merge(openings::router())
        .merge(analysis::router())
        .merge(minutes::router())
        .merge(plan::router())
        .merge(admin::router())
        .merge(staff::router())
        .merge(audit::router())
        .merge(two_factor::router())
        .merge(tokens::router())
        .merge(watch::router())
        .merge(lexicon::router())
        .merge(phone::router())
        .merge(inbox::router())
}

/// The start page follows the person's position.
async fn home(context: Context) -> Response {
    match context.user() {
        None => Redirect::to("/login").into_response(),
        Some(user) if user.permissions().manage_accounts => Redirect::to("/admin/users").into_response(),
        Some(_) => Redirect::to("/journal").into_response(),
    }
}
