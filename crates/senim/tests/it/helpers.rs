//! `spawn_app` and the test's browser and API client.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

use senim_app::{App, OutboxSettings};
use senim_domain::{Position, Positions, Slug};
use senim_store::{Key, NewUser, Store};
use senim_web::{AppState, WebConfig};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each named test once on SQLite and once on PostgreSQL (skipped, and said so, without
/// `SENIM_TEST_PG_URL`): `both_backends!(a_test, another_test);` after
/// `async fn a_test(app: TestApp) { … }`, so that rustfmt formats the tests themselves.
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = crate::helpers::spawn_app(crate::helpers::Backend::Sqlite).await;
                super::$name(app.expect("SQLite is always there")).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = crate::helpers::spawn_app(crate::helpers::Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

pub struct TestApp {
    pub base: String,
    pub store: Store,
    /// The running application's state, for calling its outbox at a chosen moment.
    pub state: AppState,
    pub data: PathBuf,
    pub database_url: Option<String>,
    pub backend: Backend,
    postgres: Option<(String, String)>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

static SKIP_NOTICE: Once = Once::new();

fn random_name() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    hex::encode(bytes)
}

/// The application on `127.0.0.1:0` with a database of its own; `None` when PostgreSQL is
/// asked for and not configured.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, None).await
}

/// The application sending mail to an SMTP server on `smtp_port` of loopback.
pub async fn spawn_app_with(backend: Backend, smtp_port: Option<u16>) -> Option<TestApp> {
    spawn_app_configured(backend, smtp_port, |_| {}).await
}

/// The application with its web settings changed by `configure` (behind a proxy, over HTTPS…).
pub async fn spawn_app_configured(
    backend: Backend,
    smtp_port: Option<u16>,
    configure: impl FnOnce(&mut WebConfig),
) -> Option<TestApp> {
    let name = random_name();
    let data = std::env::temp_dir().join(format!("senim-test-{name}"));
    std::fs::create_dir_all(&data).unwrap();
    let (database_url, postgres) = match backend {
        Backend::Sqlite => (None, None),
        Backend::Postgres => {
            let Ok(admin_url) = std::env::var("SENIM_TEST_PG_URL") else {
                SKIP_NOTICE.call_once(|| {
                    // Written around the test harness's capture, so a plain `cargo test` says it.
                    let _ = writeln!(
                        std::io::stderr(),
                        "\nPostgreSQL tests skipped: set SENIM_TEST_PG_URL (as .ci/run does) to run them.\n"
                    );
                });
                let _ = std::fs::remove_dir_all(&data);
                return None;
            };
            let database = format!("senim_test_{name}");
            sqlx::any::install_default_drivers();
            let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url)
                .await
                .expect("SENIM_TEST_PG_URL is set but PostgreSQL cannot be reached");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
                .execute(&mut admin)
                .await
                .unwrap();
            let url = with_database(&admin_url, &database);
            (Some(url), Some((admin_url, database)))
        }
    };
    let url = database_url
        .clone()
        .unwrap_or_else(|| senim_store::sqlite_url(&data));
    let key = Key::load_or_create(&data.join("secret.key")).unwrap();
    let store = Store::open(&url, key).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // The tests send what the outbox would, at the moment they choose (`TestApp::send_due`).
    let mut config = WebConfig {
        outbox: false,
        ..WebConfig::new(false)
    };
    configure(&mut config);
    let mailer = smtp_port.map(|port| {
        senim_mail::Mailer::new(&senim_mail::MailConfig {
            host: "127.0.0.1".into(),
            port,
            security: senim_mail::Security::None,
            username: None,
            password: None,
            from: "Сенім <senim@school.test>".into(),
        })
        .unwrap()
    });
    let application = App::new(store.clone(), store.working_calendar().await.unwrap(), mailer)
        .with_lexicon(store.lexicon().await.unwrap())
        .with_outbox_settings(OutboxSettings {
            retry_after: std::time::Duration::from_secs(60),
            interval: std::time::Duration::from_secs(30),
        });
    let state = AppState::new(application, config);
    tokio::spawn(senim_web::serve(listener, state.clone(), async {
        let _ = stopped.await;
    }));
    Some(TestApp {
        base,
        store,
        state,
        data,
        database_url,
        backend,
        postgres,
        stop: Some(stop),
    })
}

fn with_database(url: &str, database: &str) -> String {
    let (without_query, query) = url.split_once('?').map_or((url, None), |(u, q)| (u, Some(q)));
    let prefix = without_query.rsplit_once('/').map_or(without_query, |(p, _)| p);
    match query {
        Some(query) => format!("{prefix}/{database}?{query}"),
        None => format!("{prefix}/{database}"),
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = std::fs::remove_dir_all(&self.data);
        if let Some((admin_url, database)) = self.postgres.take() {
            // Drop runs inside the test's runtime; the database is dropped from a thread of its own.
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    if let Ok(mut admin) =
                        <sqlx::AnyConnection as sqlx::Connection>::connect(&admin_url).await
                    {
                        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                        )))
                        .execute(&mut admin)
                        .await;
                    }
                });
            })
            .join()
            .unwrap();
        }
    }
}

/// Runs each named test on both backends with a real SMTP server (aiosmtpd) on loopback:
/// `async fn a_test(app: TestApp, smtp: SmtpServer) { … }`.
macro_rules! both_backends_with_smtp {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            async fn run(backend: crate::helpers::Backend) {
                let Some(smtp) = crate::helpers::SmtpServer::start() else { return };
                if let Some(app) = crate::helpers::spawn_app_with(backend, Some(smtp.port)).await {
                    super::$name(app, smtp).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run(crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run(crate::helpers::Backend::Postgres).await;
            }
        }
    )*};
}

/// Runs each named test on both backends with the web settings changed by `$configure`
/// (a function of `&mut WebConfig`): `both_backends_configured!(super::behind_proxy; a_test);`.
macro_rules! both_backends_configured {
    ($configure:path; $($name:ident),* $(,)?) => {$(
        mod $name {
            async fn run(backend: crate::helpers::Backend) {
                if let Some(app) = crate::helpers::spawn_app_configured(backend, None, $configure).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run(crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run(crate::helpers::Backend::Postgres).await;
            }
        }
    )*};
}

/// A real SMTP server on loopback: Python's aiosmtpd writing every message to a Maildir.
pub struct SmtpServer {
    pub port: u16,
    dir: PathBuf,
    child: Option<std::process::Child>,
}

/// A message as it arrived, decoded.
#[derive(Debug, serde::Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

static SMTP_SKIP_NOTICE: Once = Once::new();

impl SmtpServer {
    /// Starts the server on a free port; `None` (and says so) when aiosmtpd is not installed.
    pub fn start() -> Option<SmtpServer> {
        let installed = std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .output()
            .is_ok_and(|output| output.status.success());
        if !installed {
            SMTP_SKIP_NOTICE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "\nE-mail tests skipped: `pip install aiosmtpd` (as .ci/run does) to run them.\n"
                );
            });
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("senim-smtp-{}", random_name()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut server = SmtpServer {
            port,
            dir,
            child: None,
        };
        server.resume();
        Some(server)
    }

    /// Stops the server: the port refuses connections until `resume`.
    pub fn pause(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts (again) on the same port, keeping the messages.
    pub fn resume(&mut self) {
        let maildir = self.dir.join("maildir");
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{}", self.port),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        self.child = Some(child);
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("aiosmtpd did not start on port {}", self.port);
    }

    /// Every message received so far, decoded (RFC 2047 headers, base64 bodies).
    pub fn messages(&self) -> Vec<Mail> {
        let script = r#"
import json, mailbox, sys, email.policy
box = mailbox.Maildir(sys.argv[1], factory=None, create=True)
out = []
for key in sorted(box.keys()):
    message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    out.append({"to": str(message["To"]), "subject": str(message["Subject"]), "body": message.get_content()})
print(json.dumps(out))
"#;
        let output = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(self.dir.join("maildir"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// Waits (at most ten seconds) until `count` messages have arrived.
    /// What arrived, at least `count` messages: a message is in the Maildir before the server
    /// accepts it, so what the outbox sent is here when its pass returns.
    pub fn received(&self, count: usize) -> Vec<Mail> {
        let messages = self.messages();
        assert!(
            messages.len() >= count,
            "expected {count} messages, got {messages:?}"
        );
        messages
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.pause();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A school with one account per role; passwords are the logins repeated.
pub struct School {
    pub organisation: senim_domain::Organisation,
}

pub const ROLES: [(&str, Position); 6] = [
    ("specialist", Position::ResponsibleSpecialist),
    ("psychologist", Position::Psychologist),
    ("social", Position::SocialPedagogue),
    ("deputy", Position::DeputyDirector),
    ("director", Position::Director),
    ("admin", Position::Administrator),
];

pub fn password_of(login: &str) -> String {
    format!("{login}-{login}-pass")
}

impl TestApp {
    /// Adds a school whose staff log in as `{prefix}specialist`, `{prefix}deputy`, …
    pub async fn school(&self, slug: &str, prefix: &str) -> School {
        let organisation = self
            .store
            .create_organisation(
                &Slug::parse(slug).unwrap(),
                "Сынақ мектебі",
                "Тестовая школа",
                self.state.app.now(),
            )
            .await
            .unwrap();
        // Schools require a second factor of their readers; these tests sign in with passwords
        // (the two-factor tests turn it back on).
        let audit = self
            .state
            .app
            .holder_event(organisation.id, senim_domain::audit::AuditAction::SettingsChanged);
        self.store
            .set_require_two_factor(organisation.id, false, &audit)
            .await
            .unwrap();
        for (login, position) in ROLES {
            let login = format!("{prefix}{login}");
            self.store
                .create_user(
                    NewUser {
                        organisation_id: organisation.id,
                        login: &login,
                        full_name: "Тестов Тест",
                        positions: Positions::new(vec![position]).unwrap(),
                        password: &password_of(&login),
                        locale: "kk",
                        must_change_password: false,
                        email: &format!("{login}@school.test"),
                        // The school as it stands once its heads have confirmed its readers.
                        confirmed: true,
                    },
                    self.state.app.now(),
                    self.state
                        .app
                        .holder_event(organisation.id, senim_domain::audit::AuditAction::AccountCreated),
                )
                .await
                .unwrap();
        }
        School { organisation }
    }

    /// One pass of the outbox, now by the application's clock.
    pub async fn send_due(&self) -> senim_app::outbox::Sent {
        senim_app::outbox::send_due(&self.state.app, self.state.app.now())
            .await
            .unwrap()
    }

    /// One pass of the outbox at a moment of the test's choosing.
    pub async fn send_due_at(&self, now: chrono::DateTime<chrono::Utc>) -> senim_app::outbox::Sent {
        senim_app::outbox::send_due(&self.state.app, now).await.unwrap()
    }

    pub async fn token(&self, login: &str) -> String {
        let user = self.store.user_by_login(login).await.unwrap();
        let lifetime = chrono::Duration::days(365);
        self.state
            .app
            .create_api_token(&user, "test", None, lifetime, self.state.app.now())
            .await
            .unwrap()
    }

    /// A token of the school's exchange for `login`'s school: `phone:intake` only.
    pub async fn intake_token(&self, login: &str) -> String {
        let user = self.store.user_by_login(login).await.unwrap();
        self.state
            .app
            .create_api_token(
                &user,
                "exchange",
                senim_domain::staff::TokenScopes::parse("phone:intake"),
                chrono::Duration::days(30),
                self.state.app.now(),
            )
            .await
            .unwrap()
    }

    pub fn api(&self, token: &str) -> Api {
        Api {
            base: self.base.clone(),
            token: token.to_owned(),
            client: reqwest::Client::new(),
        }
    }

    /// A browser signed in as `login`.
    pub async fn browser(&self, login: &str) -> Browser {
        let mut browser = Browser::new(&self.base);
        let (status, _) = browser.sign_in(login, &password_of(login)).await;
        assert_eq!(status, 303, "signing in as {login}");
        browser
    }

    /// Every byte of the database as it lies on disk (SQLite), to search for plain text.
    pub fn database_files(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(&self.data).unwrap() {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("senim.db")
            {
                bytes.extend(std::fs::read(path).unwrap());
            }
        }
        bytes
    }

    /// Whether `needle` lies anywhere in the database as plain text: in any byte of the SQLite
    /// files on disk, or in any row of any PostgreSQL table, read as text (binary columns as
    /// hex, so an unsealed text in one is found too).
    pub async fn database_contains(&self, needle: &str) -> bool {
        match self.backend {
            Backend::Sqlite => {
                let bytes = self.database_files();
                assert!(bytes.len() > 10_000, "the database files were read");
                bytes
                    .windows(needle.len())
                    .any(|window| window == needle.as_bytes())
            }
            Backend::Postgres => {
                use sqlx::Row;
                let tables = sqlx::query(
                    "SELECT CAST(table_name AS TEXT) AS table_name FROM information_schema.tables \
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                )
                .fetch_all(self.store.pool())
                .await
                .unwrap();
                assert!(tables.len() > 10, "the tables were listed");
                let hex = hex::encode(needle.as_bytes());
                for table in tables {
                    let table: String = table.try_get("table_name").unwrap();
                    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "SELECT CAST(t.* AS TEXT) AS row_text FROM \"{table}\" t"
                    )))
                    .fetch_all(self.store.pool())
                    .await
                    .unwrap();
                    for row in rows {
                        let text: String = row.try_get("row_text").unwrap();
                        if text.contains(needle) || text.contains(&hex) {
                            return true;
                        }
                    }
                }
                false
            }
        }
    }

    /// Runs the `senim` binary against this app's storage.
    /// Runs `senim` on the test's data and database, expecting success; its standard output.
    pub fn senim_ok(&self, args: &[&str]) -> String {
        let output = self.senim(args);
        assert!(
            output.status.success(),
            "senim {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// How many events of `action` the school's audit holds, read as its director.
    pub async fn audit_count(&self, action: &str) -> usize {
        let (status, trail) = self.api(&self.token("director").await).get("/api/v1/audit").await;
        assert_eq!(status, 200, "{trail}");
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|event| event["action"] == action)
            .count()
    }

    pub fn senim(&self, args: &[&str]) -> std::process::Output {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_senim"));
        command
            .args(args)
            .arg("--data")
            .arg(&self.data)
            .env_remove("SENIM_DATABASE_URL");
        if let Some(url) = &self.database_url {
            command.arg("--database-url").arg(url);
        }
        command.output().unwrap()
    }
}

pub struct Api {
    base: String,
    token: String,
    client: reqwest::Client,
}

impl Api {
    pub async fn post(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn get(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn register(&self, body: serde_json::Value) -> serde_json::Value {
        let (status, created) = self.post("/api/v1/appeals", body).await;
        assert_eq!(status, 201, "{created}");
        created
    }

    /// Registers the earliest online letter waiting in the inbox with `body` (a summary, a
    /// category, the applicant as the specialist writes them); the appeal it became.
    pub async fn register_waiting_letter(&self, body: serde_json::Value) -> serde_json::Value {
        let (status, inbox) = self.get("/api/v1/inbox").await;
        assert_eq!(status, 200, "{inbox}");
        let item = inbox["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| item["kind"] == "online_box")
            .min_by_key(|item| item["arrived_at"].as_str().unwrap_or("").to_owned())
            .unwrap_or_else(|| panic!("no letter waits: {inbox}"))
            .clone();
        let (status, created) = self
            .post(&format!("/api/v1/inbox/{}/register", item["id"]), body)
            .await;
        assert_eq!(status, 201, "{created}");
        created
    }

    pub fn raw(&self) -> (&reqwest::Client, &str, &str) {
        (&self.client, &self.base, &self.token)
    }
}

/// A browser without JavaScript: cookies, forms and the CSRF token its pages carry.
pub struct Browser {
    base: String,
    client: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
    csrf: String,
}

pub fn csrf_of(page: &str) -> Option<String> {
    page.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser::with(base, reqwest::header::HeaderMap::new())
    }

    /// A browser at `address`, as the reverse proxy in front of Senim tells it.
    pub fn from_address(base: &str, address: &str) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", address.parse().unwrap());
        Browser::with(base, headers)
    }

    /// The same browser — its cookies — seen from another address from now on.
    pub fn moved_to(&self, address: &str) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", address.parse().unwrap());
        let jar = self.jar.clone();
        Browser::with_jar(&self.base, headers, jar)
    }

    fn with(base: &str, headers: reqwest::header::HeaderMap) -> Browser {
        Browser::with_jar(
            base,
            headers,
            std::sync::Arc::new(reqwest::cookie::Jar::default()),
        )
    }

    fn with_jar(
        base: &str,
        headers: reqwest::header::HeaderMap,
        jar: std::sync::Arc<reqwest::cookie::Jar>,
    ) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            base: base.to_owned(),
            client,
            jar,
            csrf: String::new(),
        }
    }

    pub async fn get(&mut self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        if let Some(csrf) = csrf_of(&body) {
            self.csrf = csrf;
        }
        (status, body)
    }

    /// Posts a form the way a page would, with its CSRF token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let csrf = self.csrf.clone();
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        self.post_raw(path, &form).await
    }

    /// Posts a form with a file the way a page would: multipart, its CSRF token first, then
    /// `fields`, then the file `(field, file name, bytes)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, Vec<u8>),
    ) -> (u16, String) {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf.clone());
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let (name, file_name, bytes) = file;
        form = form.part(
            name.to_owned(),
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        );
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        answered(response).await
    }

    pub async fn post_raw(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap();
        answered(response).await
    }

    pub async fn sign_in(&mut self, login: &str, password: &str) -> (u16, String) {
        self.get("/login").await;
        let result = self
            .post("/login", &[("login", login), ("password", password)])
            .await;
        // Pick up the session's token for the forms that follow.
        self.get("/account/password").await;
        result
    }
}

/// A posted form's answer: its status and where it redirects, or the page it shows.
async fn answered(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let body = response.text().await.unwrap();
    (status, location.unwrap_or(body))
}

/// The visible text of a page: tags, and elements in another language (`lang="…"`), removed.
pub fn visible_text(page: &str, lang: &str) -> String {
    let mut text = String::new();
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let tag_end = rest[start..].find('>').map_or(rest.len(), |end| start + end + 1);
        let tag = &rest[start..tag_end];
        rest = &rest[tag_end..];
        let other_language = tag.contains(" lang=\"")
            && !tag.contains(&format!(" lang=\"{lang}\""))
            && !tag.starts_with("<html");
        if other_language {
            let name: String = tag[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if let Some(close) = rest.find(&format!("</{name}>")) {
                rest = &rest[close + name.len() + 3..];
            }
        }
        if (tag.starts_with("<style") || tag.starts_with("<script"))
            && let Some(close) = rest.find("</")
        {
            rest = &rest[close..];
        }
    }
    text.push_str(rest);
    text.replace("&nbsp;", " ")
}

// Documents: each read back by an independent reader (poppler, LibreOffice).

pub fn scratch(name: &str) -> PathBuf {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    let dir = std::env::temp_dir().join(format!("senim-docs-{}", hex::encode(bytes)));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The text of a PDF (whitespace collapsed) and its page count, as poppler reads them.
pub fn pdf_text(path: &Path) -> (String, usize) {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let text = String::from_utf8(output.stdout).unwrap();
    let pages = text.matches('\u{c}').count();
    (text.split_whitespace().collect::<Vec<_>>().join(" "), pages)
}

pub fn pdf_pages(path: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo is installed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

/// A DOCX converted to PDF by LibreOffice, and that PDF's text.
pub fn docx_text(path: &Path) -> String {
    let out = path.parent().unwrap();
    let profile = out.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .arg(path)
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    pdf_text(&path.with_extension("pdf")).0
}

pub async fn download(browser_client: &reqwest::Client, url: &str, path: &Path) -> (u16, String) {
    let response = browser_client.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    std::fs::write(path, response.bytes().await.unwrap()).unwrap();
    (status, content_type)
}

/// A signed-in client with cookies, for downloads.
pub async fn signed_in(app: &TestApp, login: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_of(&page).unwrap();
    let response = client
        .post(format!("{}/login", app.base))
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", login),
            ("password", &password_of(login)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    client
}

/// A wall-clock moment in Almaty.
pub fn almaty(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<chrono::Utc> {
    senim_domain::time::from_local(
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap(),
    )
    .unwrap()
}
