//! Senim's web: server-rendered pages that work without JavaScript, and the JSON API under
//! `/api/v1`. Every permission is checked here, on the server, for every request.

mod api;
mod assets;
mod box_gate;
mod client;
mod context;
mod downloads;
mod error;
mod pages;
mod throttle;
mod view;

#[cfg(test)]
mod bad_input;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use senim_app::App;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;

pub use api::paths as api_paths;
pub use error::AppError;

/// Settings of the web server.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Senim is served over HTTPS).
    pub secure_cookies: bool,
    /// Senim runs behind a reverse proxy: a client's address is the last one the proxy put in
    /// `X-Forwarded-For` (used only, hashed, by the Trust Box's rate limit).
    pub behind_proxy: bool,
    /// Run the outbox beside the server (tests drive it themselves with `outbox::send_due`).
    pub outbox: bool,
    /// A signed-in browser is signed out after this long without a request (and always
    /// 12 hours after signing in).
    pub session_idle: chrono::Duration,
    /// At most this many connections are served at once; one more waits in the listen queue
    /// until another closes.
    pub max_connections: usize,
    /// A client that has not sent a request's headers within this long (a slow or idle one
    /// holding a connection) is disconnected.
    pub header_timeout: std::time::Duration,
    /// A request not answered within this long (its body sent too slowly, or its work too
    /// long) is answered 408 and dropped.
    pub request_timeout: std::time::Duration,
    /// The same for the routes that take a recording, whose bodies are large.
    pub upload_timeout: std::time::Duration,
}

impl WebConfig {
    pub fn new(secure_cookies: bool) -> WebConfig {
        WebConfig {
            secure_cookies,
            behind_proxy: false,
            outbox: true,
            session_idle: chrono::Duration::minutes(30),
            max_connections: 1024,
            header_timeout: std::time::Duration::from_secs(15),
            request_timeout: std::time::Duration::from_secs(60),
            upload_timeout: std::time::Duration::from_secs(600),
        }
    }
}

/// What a request can reach: the application's use cases and what only the web needs (its
/// settings, the sign-in throttle, the box's guard and remembered forms).
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
    sign_in_throttle: Arc<throttle::SignInThrottle>,
    device_marks: Arc<throttle::DeviceMarks>,
    box_guard: Arc<throttle::BoxGuard>,
    sent_forms: Arc<throttle::SentForms>,
    /// Recordings being taken in: each may hold 16 MiB in memory, so only a few at once.
    intakes: Arc<tokio::sync::Semaphore>,
    /// Greetings being uploaded from the page, for the same reason.
    uploads: Arc<tokio::sync::Semaphore>,
}

/// How many voicemails the intake takes in at once; one more is answered 503 `busy` and the
/// exchange tries again.
pub const INTAKES_AT_ONCE: usize = 4;

impl AppState {
    pub fn new(app: App, config: WebConfig) -> AppState {
        AppState {
            device_marks: Arc::new(throttle::DeviceMarks::new(app.store.sign_in_device_secret())),
            app,
            config: Arc::new(config),
            sign_in_throttle: Arc::default(),
            box_guard: Arc::default(),
            sent_forms: Arc::default(),
            intakes: Arc::new(tokio::sync::Semaphore::new(INTAKES_AT_ONCE)),
            uploads: Arc::new(tokio::sync::Semaphore::new(2)),
        }
    }
}

/// The whole application, as served and as tested.
pub fn app(state: AppState) -> Router {
    let pages = pages::router().layer(axum::middleware::from_fn_with_state(
        state.clone(),
        context::load_context,
    ));
    let timeout = |limit| {
        tower_http::timeout::TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, limit)
    };
    Router::new()
        .merge(pages)
        .merge(pages::trust_box::router())
        .nest("/api/v1", api::router())
        .merge(assets::router())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(256 * 1024))
        .layer(timeout(state.config.request_timeout))
        // A voicemail's recording is larger than any form: its route has its own limits; so
        // has the page's upload of a recording as the answering machine's message.
        .merge(api::intake_router().layer(timeout(state.config.upload_timeout)))
        .merge(
            pages::phone::upload_router()
                .layer(axum::middleware::from_fn_with_state(state.clone(), context::load_context))
                .layer(axum::middleware::from_fn_with_state(state.clone(), upload_gate))
                .layer(tower_http::limit::RequestBodyLimitLayer::new(context::MAX_UPLOAD))
                .layer(timeout(state.config.upload_timeout)),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; media-src 'self'; form-action 'self'; \
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
        // Over HTTPS, browsers are told to come back only over HTTPS for a year.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            state
                .config
                .secure_cookies
                .then(|| HeaderValue::from_static("max-age=31536000")),
        ))
        .with_state(state)
}

/// Before an upload's body is read: a request with no session is refused at once (no
/// stranger holds the route's long timeout), and two uploads are read at a time (each may
/// hold 24 MiB); one more is answered 503.
async fn upload_gate(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let secure = state.config.secure_cookies;
    // The refusal in the browser's language: the session is not looked up before the gate.
    let lang = context::cookie(
        request.headers(),
        &context::cookie_name(context::LANG_COOKIE, secure),
    )
    .and_then(senim_i18n::Lang::parse)
    .unwrap_or_default();
    if context::cookie(
        request.headers(),
        &context::cookie_name(context::SESSION_COOKIE, secure),
    )
    .is_none()
    {
        return error::render_error(error::ErrorKind::Csrf, lang);
    }
    let Ok(_reading) = state.uploads.clone().try_acquire_owned() else {
        return error::render_error(error::ErrorKind::Busy, lang);
    };
    next.run(request).await
}

/// Serves until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let application = state.app.clone();
    let purge = tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(error) = application.store.purge_expired_sessions(application.now()).await {
                tracing::warn!(%error, "could not purge expired sessions");
            }
        }
    });
    // The box's remembered forms (and their receipt codes) are forgotten when they expire,
    // not only when the next form comes.
    let forms = state.sent_forms.clone();
    let clock = state.app.clock.clone();
    let sweep = tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            forms.sweep(clock.now());
        }
    });
    let outbox = state
        .config
        .outbox
        .then(|| tokio::spawn(senim_app::outbox::run(state.app.clone())));
    let config = state.config.clone();
    let router = app(state);
    let connections = Arc::new(tokio::sync::Semaphore::new(config.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // At the cap, a new connection waits in the listen queue until one closes.
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset before it was taken.
                    tracing::warn!(error = %error.kind(), "a connection could not be accepted");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = tower::ServiceExt::map_request(
            router.clone(),
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
                request
            },
        );
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(config.header_timeout)
            // A flood of headers is refused (431) before it fills memory: 64 of them, 32 KiB.
            .max_headers(64)
            .max_buf_size(32 * 1024)
            .serve_connection(
                hyper_util::rt::TokioIo::new(stream),
                hyper_util::service::TowerToHyperService::new(service),
            );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    // Requests in flight finish; a connection that will not is left after half a minute.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(30), graceful.shutdown()).await;
    let served = Ok(());
    purge.abort();
    sweep.abort();
    if let Some(outbox) = outbox {
        outbox.abort();
    }
    served
}
