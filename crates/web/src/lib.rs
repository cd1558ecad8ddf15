//! Senim's web: server-rendered pages that work without JavaScript, and the JSON API under
//! `/api/v1`. Every permission is checked here, on the server, for every request.

mod api;
mod assets;
pub mod clock;
mod context;
mod error;
mod pages;
mod throttle;
mod view;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use senim_domain::calendar::WorkingCalendar;
use senim_store::Store;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::AppError;
pub use pages::valid_login;

/// Settings of the web server.
#[derive(Clone, Debug, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Senim is served over HTTPS).
    pub secure_cookies: bool,
}

/// What a request can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    /// The working calendar in force when the server started.
    pub calendar: Arc<WorkingCalendar>,
    sign_in_throttle: Arc<throttle::SignInThrottle>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig, calendar: WorkingCalendar) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            calendar: Arc::new(calendar),
            sign_in_throttle: Arc::default(),
        }
    }
}

/// The whole application, as served and as tested.
pub fn app(state: AppState) -> Router {
    let pages = pages::router().layer(axum::middleware::from_fn_with_state(
        state.clone(),
        context::load_context,
    ));
    Router::new()
        .merge(pages)
        .nest("/api/v1", api::router())
        .merge(assets::router())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(256 * 1024))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
                 frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let store = state.store.clone();
    let purge = tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = store.purge_expired_sessions(clock::now()).await {
                tracing::warn!(%error, "could not purge expired sessions");
            }
        }
    });
    let served = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await;
    purge.abort();
    served
}
