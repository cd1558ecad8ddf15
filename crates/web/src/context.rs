//! Who is asking and in which language, for every page request; and the CSRF check every
//! form submission passes before any handler sees it.
//!
//! A signed-in browser carries the `senim_session` cookie; its forms echo the session's CSRF
//! token. Before sign-in, a `senim_prelogin` cookie holds the token the sign-in and language
//! forms echo (double submit). A POST whose `csrf` field does not match is refused with 403.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use senim_i18n::Lang;
use senim_store::{Session, User};

use crate::AppState;
use crate::error::{AppError, ErrorKind, render_error};

pub const SESSION_COOKIE: &str = "senim_session";
pub const PRELOGIN_COOKIE: &str = "senim_prelogin";

/// A cookie's name as set: over HTTPS with the `__Host-` prefix, which browsers accept only
/// from a secure origin, for the whole site and no other domain.
pub fn cookie_name(name: &'static str, secure: bool) -> std::borrow::Cow<'static, str> {
    if secure {
        format!("__Host-{name}").into()
    } else {
        name.into()
    }
}
pub const LANG_COOKIE: &str = "senim_lang";

/// The request's signed-in user (if any), language and the CSRF token its forms carry.
#[derive(Clone)]
pub struct Context {
    pub session: Option<Session>,
    pub session_token: Option<String>,
    pub lang: Lang,
    pub csrf: String,
    pub secure_cookies: bool,
    /// The moment the request arrived, by the application's clock: what the page shows as now.
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Context {
    pub fn user(&self) -> Option<&User> {
        self.session.as_ref().map(|session| &session.user)
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path `/`; over HTTPS `Secure` and named
/// with the `__Host-` prefix.
pub fn set_cookie(name: &'static str, value: &str, max_age_seconds: i64, secure: bool) -> HeaderValue {
    let name = cookie_name(name, secure);
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}"
    ))
    .expect("cookie values are hex or language codes")
}

pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

pub async fn load_context(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let now = state.app.now();
    let secure = state.config.secure_cookies;
    let session_token = cookie(&parts.headers, &cookie_name(SESSION_COOKIE, secure)).map(str::to_owned);
    let session = match &session_token {
        Some(token) => match state
            .app
            .store
            .session(token, now, state.config.session_idle)
            .await
        {
            Ok(session) => session,
            Err(error) => return AppError::from(error).into_response_in(Lang::Kk),
        },
        None => None,
    };
    let lang = session
        .as_ref()
        .and_then(|session| Lang::parse(&session.user.locale))
        .or_else(|| cookie(&parts.headers, &cookie_name(LANG_COOKIE, secure)).and_then(Lang::parse))
        .unwrap_or_default();
    let prelogin = cookie(&parts.headers, &cookie_name(PRELOGIN_COOKIE, secure)).map(str::to_owned);
    let mut new_prelogin = None;
    let csrf = match (&session, &prelogin) {
        (Some(session), _) => session.csrf_token.clone(),
        (None, Some(token)) => token.clone(),
        (None, None) => {
            let token = senim_store::random_token(32);
            new_prelogin = Some(token.clone());
            token
        }
    };
    let body = if parts.method == Method::POST {
        // A file is sent as multipart by a signed-in person only (the one upload route lets
        // such a body through); every other form is a short urlencoded one.
        let boundary = multipart_boundary(&parts.headers).filter(|_| {
            session
                .as_ref()
                .is_some_and(|session| session.user.permissions().register_appeals)
        });
        let limit = if boundary.is_some() {
            MAX_UPLOAD
        } else {
            256 * 1024
        };
        let bytes = match to_bytes(body, limit).await {
            Ok(bytes) => bytes,
            Err(_) => return render_error(ErrorKind::BadRequest, lang),
        };
        let submitted = match &boundary {
            Some(boundary) => multipart_field(&bytes, boundary, "csrf"),
            None => form_field(&bytes, "csrf"),
        };
        let expected = session.as_ref().map(|s| s.csrf_token.clone()).or(prelogin);
        match (submitted, expected) {
            (Some(submitted), Some(expected)) if same_token(&submitted, &expected) => {}
            _ => return render_error(ErrorKind::Csrf, lang),
        }
        Body::from(bytes)
    } else {
        body
    };
    let context = Context {
        session,
        session_token,
        lang,
        csrf,
        secure_cookies: state.config.secure_cookies,
        now,
    };
    parts.extensions.insert(context);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(kind) = response.extensions().get::<ErrorKind>().copied() {
        let status = response.status();
        let mut page = render_error(kind, lang);
        *page.status_mut() = status;
        if let Some(location) = response.headers().get(header::LOCATION).cloned() {
            page.headers_mut().insert(header::LOCATION, location);
        }
        response = page;
    }
    if let Some(token) = new_prelogin {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(PRELOGIN_COOKIE, &token, 86_400, state.config.secure_cookies),
        );
    }
    response
}

/// The largest body a page takes: a recording uploaded as the answering machine's message.
pub const MAX_UPLOAD: usize = senim_domain::greeting::MAX_RECORDING_BYTES + 64 * 1024;

/// The boundary of a `multipart/form-data` body.
pub(crate) fn multipart_boundary(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let (kind, parameters) = value.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parameters.split(';').find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        let value = value.trim().trim_matches('"');
        (key.trim().eq_ignore_ascii_case("boundary") && !value.is_empty() && value.len() <= 70)
            .then(|| value.to_owned())
    })
}

/// The first part of a multipart body (RFC 7578) when it is the short text field `name` — a
/// page's form puts its `csrf` field first. Only the body's first 2 KiB are read: what comes
/// after (a file) is never searched. `None` otherwise.
pub fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let start = format!("--{boundary}\r\n");
    let head = body.get(..body.len().min(2048))?;
    let rest = head.strip_prefix(start.as_bytes())?;
    let headers_end = find(rest, b"\r\n\r\n")?;
    let headers = std::str::from_utf8(&rest[..headers_end]).ok()?;
    let disposition = headers
        .split("\r\n")
        .find(|line| line.to_ascii_lowercase().starts_with("content-disposition:"))?;
    // `name="csrf"` as a parameter of its own, not inside `filename="…"`.
    let named = disposition
        .split(';')
        .skip(1)
        .any(|parameter| parameter.trim() == format!("name=\"{name}\""));
    if !named || disposition.contains("filename") {
        return None;
    }
    let content = &rest[headers_end + 4..];
    let end = find(content, format!("\r\n--{boundary}").as_bytes())?;
    let value = content.get(..end).filter(|value| value.len() <= 256)?;
    std::str::from_utf8(value).ok().map(str::to_owned)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

impl<S: Send + Sync> FromRequestParts<S> for Context {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Context, AppError> {
        parts
            .extensions
            .get::<Context>()
            .cloned()
            .ok_or(AppError::Internal)
    }
}

/// A signed-in member of staff; others are sent to the sign-in page.
pub struct SignedIn(pub Context);

impl SignedIn {
    pub fn user(&self) -> &User {
        self.0.user().expect("a SignedIn context has a user")
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<SignedIn, AppError> {
        let context = Context::from_request_parts(parts, state).await?;
        let Some(user) = context.user() else {
            return Err(AppError::SignIn);
        };
        // A one-time password is replaced before anything else can be done.
        let path = parts.uri.path();
        let may_wait = matches!(path, "/account/password" | "/logout" | "/language");
        if user.must_change_password && !may_wait {
            return Err(AppError::PasswordChangeRequired);
        }
        // Where the school requires it, whoever reads appeals enrols a second factor first.
        let requires_two_factor = context
            .session
            .as_ref()
            .is_some_and(|session| session.school_requires_two_factor);
        if requires_two_factor
            && user.positions.permissions().read_appeals
            && !user.two_factor
            && !may_wait
            && !path.starts_with("/account/two-factor")
        {
            return Err(AppError::TwoFactorRequired);
        }
        Ok(SignedIn(context))
    }
}

macro_rules! permission_extractor {
    ($name:ident, $permission:ident, $doc:literal) => {
        #[doc = $doc]
        pub struct $name(pub SignedIn);

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<$name, AppError> {
                let signed_in = SignedIn::from_request_parts(parts, state).await?;
                let user = signed_in.user();
                if !user.permissions().$permission {
                    // Said apart, so the person knows whom to ask.
                    if user.awaits_confirmation() && user.positions.permissions().$permission {
                        return Err(AppError::AwaitingConfirmation);
                    }
                    return Err(AppError::Forbidden);
                }
                Ok($name(signed_in))
            }
        }
    };
}

permission_extractor!(
    Reader,
    read_appeals,
    "Staff who may read the journal: not the system administrator."
);
permission_extractor!(
    Registrar,
    register_appeals,
    "Staff who register appeals, record outcomes and correct entries."
);
permission_extractor!(AccountManager, manage_accounts, "The system administrator.");
permission_extractor!(
    StaffManager,
    manage_staff,
    "The administrator, the director and the deputy director, who see the accounts' state and deactivate or reactivate them."
);
permission_extractor!(
    Auditor,
    read_audit,
    "The school's director or deputy director, who read the audit trail."
);
permission_extractor!(
    Confirmer,
    confirm_readers,
    "The school's director or deputy director, who confirm that an account may read appeals."
);

/// A submitted form; one that cannot be read is a localised 400 page, not the framework's
/// English text.
pub struct ValidForm<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for ValidForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<ValidForm<T>, AppError> {
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(ValidForm(value)),
            Err(_) => Err(AppError::BadRequest),
        }
    }
}

/// A page's query string; one that cannot be read is a localised 400 page.
pub struct ValidQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ValidQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<ValidQuery<T>, AppError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ValidQuery(value)),
            Err(_) => Err(AppError::BadRequest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::multipart_field;

    #[test]
    fn a_multipart_bodys_short_field_is_found_and_a_file_is_not_taken_for_it() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF....\r\n--XyZ--\r\n";
        assert_eq!(multipart_field(body, "XyZ", "csrf").as_deref(), Some("abc123"));
        let file_first = b"--XyZ\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"csrf\"\r\n\r\nabc123\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n--XyZ--\r\n";
        assert_eq!(
            multipart_field(file_first, "XyZ", "csrf"),
            None,
            "only a first part that is the field"
        );
        let crafted = b"--XyZ\r\nContent-Disposition: form-data; name=\"x\"; filename=\"name=\\\"csrf\\\"\"\r\n\r\nabc123\r\n--XyZ--";
        assert_eq!(
            multipart_field(crafted, "XyZ", "csrf"),
            None,
            "a file named like the field"
        );
        let mut flood = b"--XyZ".repeat(100_000);
        flood.extend_from_slice(b"\r\n\r\n");
        assert_eq!(
            multipart_field(&flood, "XyZ", "csrf"),
            None,
            "read in bounded time"
        );
        assert_eq!(multipart_field(body, "XyZ", "lang"), None);
        assert_eq!(multipart_field(body, "other", "csrf"), None, "another boundary");
        assert_eq!(multipart_field(b"", "XyZ", "csrf"), None);
        assert_eq!(multipart_field(b"--XyZ\r\nno end", "XyZ", "csrf"), None);
        let long = format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--XyZ--",
            "a".repeat(300)
        );
        assert_eq!(
            multipart_field(long.as_bytes(), "XyZ", "csrf"),
            None,
            "no token is that long"
        );
    }
}
