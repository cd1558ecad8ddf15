//! Senim's web: server-rendered pages that work without JavaScript, and the JSON API under
//! `/api/v1`. Every permission is checked here, on the server, for every request.

mod api;
mod assets;
pub mod clock;
mod context;
mod error;
pub mod exports;
pub mod outbox;
mod pages;
pub mod paperwork;
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
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Senim is served over HTTPS).
    pub secure_cookies: bool,
    /// The first wait before a failed letter is tried again; it doubles each time, up to an hour.
    pub retry_after: std::time::Duration,
    /// How often the outbox looks for letters and digests due.
    pub outbox_interval: std::time::Duration,
    /// Senim runs behind a reverse proxy: a client's address is the last one the proxy put in
    /// `X-Forwarded-For` (used only, hashed, by the Trust Box's rate limit).
    pub behind_proxy: bool,
}

impl WebConfig {
    pub fn new(secure_cookies: bool) -> WebConfig {
        WebConfig {
            secure_cookies,
            retry_after: std::time::Duration::from_secs(60),
            outbox_interval: std::time::Duration::from_secs(30),
            behind_proxy: false,
        }
    }
}

/// What a request can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    /// The working calendar in force when the server started.
    pub calendar: Arc<WorkingCalendar>,
    /// Sends forwarding letters and digests; `None` when no SMTP server is configured.
    pub mailer: Option<senim_mail::Mailer>,
    /// Wakes the outbox when a letter is waiting.
    pub outbox: Arc<tokio::sync::Notify>,
    /// The urgent-risk lexicon every registered summary is screened with.
    pub lexicon: Arc<senim_domain::triage::Lexicon>,
    sign_in_throttle: Arc<throttle::SignInThrottle>,
    box_guard: Arc<throttle::BoxGuard>,
    sent_forms: Arc<throttle::SentForms>,
}

impl AppState {
    pub fn new(
        store: Store,
        config: WebConfig,
        calendar: WorkingCalendar,
        mailer: Option<senim_mail::Mailer>,
    ) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            calendar: Arc::new(calendar),
            mailer,
            outbox: Arc::default(),
            lexicon: Arc::new(senim_domain::triage::Lexicon::embedded()),
            sign_in_throttle: Arc::default(),
            box_guard: Arc::default(),
            sent_forms: Arc::default(),
        }
    }

    /// The state with the lexicon in force (the embedded one and an administrator's additions).
    pub fn with_lexicon(mut self, lexicon: senim_domain::triage::Lexicon) -> AppState {
        self.lexicon = Arc::new(lexicon);
        self
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
        .merge(pages::trust_box::router())
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
    // The box's remembered forms (and their receipt codes) are forgotten when they expire,
    // not only when the next form comes.
    let forms = state.sent_forms.clone();
    let sweep = tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            forms.sweep(clock::now());
        }
    });
    let outbox = tokio::spawn(outbox::run(state.clone()));
    let served = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    purge.abort();
    sweep.abort();
    outbox.abort();
    served
}
