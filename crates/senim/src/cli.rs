//! Subcommands and the settings every one of them shares: `--data`, `--database-url` and
//! `--key-file`, accepted before or after the subcommand.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use senim_app::accounts::AccountRequest;
use senim_app::{App, Clock, Refused};
use senim_documents::{Format, Printable};
use senim_domain::journal::ChainBreak;
use senim_domain::staff::{TokenScope, TokenScopes, token_lifetime};
use senim_domain::{JournalNumber, JournalYear, Organisation, Position, Slug};
use senim_store::{ChainKind, Key, Store, StoreError};
use senim_web::{AppState, WebConfig};

#[derive(Parser)]
#[command(
    name = "senim",
    version,
    about = "The registration journal of a school's Trust Box and Trust Phone"
)]
pub struct Cli {
    #[command(flatten)]
    pub storage: StorageArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct StorageArgs {
    /// Data directory: the embedded database and the encryption key live here.
    #[arg(long, global = true, env = "SENIM_DATA", default_value = "./senim-data")]
    pub data: PathBuf,
    /// PostgreSQL instead of the embedded database, e.g. postgres://senim@db/senim.
    #[arg(long, global = true, env = "SENIM_DATABASE_URL")]
    pub database_url: Option<String>,
    /// The key that encrypts personal data and texts; default: DATA/secret.key.
    #[arg(long, global = true, env = "SENIM_KEY_FILE")]
    pub key_file: Option<PathBuf>,
}

impl StorageArgs {
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| senim_store::sqlite_url(&self.data))
    }

    pub fn key_file(&self) -> PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| self.data.join("secret.key"))
    }

    /// Opens the database (creating the data directory, the key and the schema as needed).
    pub async fn open(&self) -> anyhow::Result<Store> {
        std::fs::create_dir_all(&self.data)
            .with_context(|| format!("cannot create the data directory {}", self.data.display()))?;
        let key = Key::load_or_create(&self.key_file())?;
        let store = Store::open(&self.database_url(), key)
            .await
            .context("cannot open the database")?;
        Ok(store)
    }

    /// The application over the storage, with the calendar and lexicon in force and no mailer:
    /// what a one-off command needs to run a use case.
    pub async fn open_app(&self) -> anyhow::Result<App> {
        let store = self.open().await?;
        let calendar = store.working_calendar().await?;
        let lexicon = store.lexicon().await?;
        Ok(App::new(store, calendar, None).with_lexicon(lexicon))
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web pages and the API.
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit (serve does this too).
    Migrate,
    /// Schools.
    #[command(subcommand)]
    School(SchoolCommand),
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Recompute every chain (journals, outcomes, audit trails) and check each head's seal by
    /// the key; exit 1 naming the first altered entry. Prints each journal's fingerprint, the
    /// one the registration book and the monthly analysis print.
    Verify {
        /// With --at: the school whose journal's fingerprint to print.
        #[arg(long, requires = "at")]
        school: Option<String>,
        /// The fingerprint of the journal as it stood at entry YEAR/NUMBER (e.g. 2026/42), to
        /// compare with a paper printed then.
        #[arg(long, value_name = "YEAR/NUMBER", requires = "school")]
        at: Option<String>,
    },
    /// The working calendar deadlines are counted on.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The urgent-risk lexicon summaries are screened with.
    #[command(subcommand)]
    Triage(TriageCommand),
    /// Measure registrations per second and journal page latency against raw baselines.
    Bench(crate::bench::BenchArgs),
    /// The Trust Phone's exchange.
    #[command(subcommand)]
    Phone(PhoneCommand),
    /// Official documents as files: the registration book, the journal, an act, minutes, the
    /// activity plan, the monthly analysis, the poster.
    #[command(subcommand)]
    Export(ExportCommand),
}

/// What every export takes: the school (the only one when omitted), the language, the file.
#[derive(Args)]
pub struct ExportTarget {
    /// The school's short name; may be omitted when there is one school.
    #[arg(long)]
    school: Option<String>,
    /// kk (default) or ru.
    #[arg(long, default_value = "kk")]
    lang: String,
    /// Where to write the file; its extension chooses the format where there is a choice.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The registration book of an academic year as PDF: `--academic-year 2025-2026`.
    Book {
        #[arg(long)]
        academic_year: String,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// The journal as XLSX: of a calendar year (`--year 2025`) or from one date to another.
    Journal {
        #[arg(long, conflicts_with_all = ["from", "to"])]
        year: Option<i32>,
        #[arg(long, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, requires = "from")]
        to: Option<chrono::NaiveDate>,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// A box-opening act as PDF or DOCX (from the extension of --out).
    Act {
        #[arg(long)]
        opening: i64,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// The monthly analysis of `--month YYYY-MM` as PDF or DOCX (from the extension of --out):
    /// figures beside the previous month and the same month a year before, the chart by
    /// channel (PDF), and the analysis's text as written (or as generated when none was).
    Analysis {
        #[arg(long)]
        month: String,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// Minutes No. `--number` of `--year` as PDF or DOCX (from the extension of --out).
    Minutes {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        number: i64,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// The activity plan of `--academic-year 2025-2026` with each item's done and missed
    /// periods as of today, as PDF or DOCX (from the extension of --out).
    Plan {
        #[arg(long)]
        academic_year: String,
        #[command(flatten)]
        target: ExportTarget,
    },
    /// The poster with the Trust Phone and the online box's QR code, as PDF.
    Poster {
        /// The address the school's Senim is reached at, e.g. https://senim.school.kz (the
        /// poster's QR code points at its online box).
        #[arg(long, env = "SENIM_SITE")]
        site: String,
        #[command(flatten)]
        target: ExportTarget,
    },
}

#[derive(Args)]
pub struct ServeArgs {
    /// Create the demo school, its staff and appeals (once), and print the sign-ins.
    #[arg(long)]
    pub demo: bool,
    /// Address to listen on.
    #[arg(long, env = "SENIM_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Mark cookies Secure: set when Senim is served over HTTPS.
    #[arg(long, env = "SENIM_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Senim is behind a reverse proxy: take a client's address from the last entry of
    /// X-Forwarded-For (only the online Trust Box's rate limit uses it, hashed, in memory).
    #[arg(long, env = "SENIM_BEHIND_PROXY")]
    pub behind_proxy: bool,
    /// Sign a browser out after this many minutes without a request (at most 12 hours after
    /// signing in, whatever this says).
    #[arg(long, env = "SENIM_SESSION_IDLE_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=720))]
    pub session_idle_minutes: u32,
    #[command(flatten)]
    pub smtp: SmtpArgs,
}

/// The SMTP server forwarding letters and digests go through; none, and nothing is mailed
/// (letters wait, and go out once a server is configured).
#[derive(Args)]
pub struct SmtpArgs {
    #[arg(long, env = "SENIM_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "SENIM_SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,
    /// none, starttls or tls.
    #[arg(long, env = "SENIM_SMTP_SECURITY", default_value = "starttls")]
    pub smtp_security: String,
    #[arg(long, env = "SENIM_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// Better given in the environment than on the command line.
    #[arg(long, env = "SENIM_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender, e.g. "Сенім <senim@school.kz>".
    #[arg(long, env = "SENIM_SMTP_FROM")]
    pub smtp_from: Option<String>,
}

impl SmtpArgs {
    pub fn mailer(&self) -> anyhow::Result<Option<senim_mail::Mailer>> {
        let Some(host) = &self.smtp_host else {
            return Ok(None);
        };
        let security = senim_mail::Security::parse(&self.smtp_security)
            .context("--smtp-security: one of none, starttls, tls")?;
        let from = self
            .smtp_from
            .clone()
            .context("--smtp-from: the sender's address is needed with --smtp-host")?;
        let config = senim_mail::MailConfig {
            host: host.clone(),
            port: self.smtp_port,
            security,
            username: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
            from,
        };
        Ok(Some(
            senim_mail::Mailer::new(&config).map_err(|error| anyhow::anyhow!("SMTP: {error}"))?,
        ))
    }
}

#[derive(Subcommand)]
pub enum SchoolCommand {
    /// Add a school.
    Add {
        /// Short name for URLs and commands: a-z, 0-9 and '-'.
        #[arg(long)]
        slug: String,
        /// Official name in Kazakh.
        #[arg(long)]
        name_kk: String,
        /// Official name in Russian.
        #[arg(long, default_value = "")]
        name_ru: String,
    },
    /// List the schools.
    List,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a staff member and print a one-time password.
    Add {
        /// The school's short name; may be left out when there is only one school.
        #[arg(long)]
        school: Option<String>,
        #[arg(long)]
        login: String,
        #[arg(long)]
        full_name: String,
        /// One or two of: responsible_specialist, psychologist, social_pedagogue,
        /// deputy_director, director, administrator.
        #[arg(long = "position", required = true)]
        positions: Vec<String>,
        /// Interface language: kk, ru or en.
        #[arg(long, default_value = "kk")]
        locale: String,
        /// Where the daily digest of due and overdue forwardings goes.
        #[arg(long, default_value = "")]
        email: String,
        /// Let the account read appeals at once, without the director's confirmation in Senim:
        /// for a new school's first director, given by whoever holds the server.
        #[arg(long)]
        confirmed: bool,
    },
    /// Deactivate an account: it signs in to nothing, and its browsers and tokens stop at once.
    Deactivate {
        #[arg(long)]
        login: String,
    },
    /// Give an active account a new one-time password, printed once, for a head who forgot
    /// theirs: it keeps its confirmation, and its browsers and tokens stop. Recorded in the
    /// school's audit.
    ResetPassword {
        #[arg(long)]
        login: String,
    },
    /// Take away an account's second factor (authenticator app and recovery codes), for someone
    /// who lost both: they sign in with the password and, where the school requires it, enrol
    /// again at once. Recorded in the school's audit.
    ResetTwoFactor {
        #[arg(long)]
        login: String,
    },
    /// Reactivate a deactivated account; one whose position reads appeals waits for the
    /// school's heads to confirm it again.
    Reactivate {
        #[arg(long)]
        login: String,
    },
    /// Confirm, as whoever holds the server, that an account may read appeals: the way back
    /// for a school left without a confirmed director or deputy director.
    Confirm {
        #[arg(long)]
        login: String,
    },
}

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Load a newer calendar file (the format of the embedded one); its years replace the
    /// years Senim knew. The server uses it from its next start.
    Load {
        /// A TOML file in Senim's calendar format.
        file: PathBuf,
    },
    /// Print a year's days off and worked weekend days.
    Show {
        #[arg(long)]
        year: i32,
    },
}

#[derive(Subcommand)]
pub enum TriageCommand {
    /// Add terms (e.g. regional slang) in the lexicon file's format; they extend the embedded
    /// lexicon's categories. The server uses them from its next start.
    Load {
        /// A TOML file in Senim's lexicon format.
        file: PathBuf,
    },
    /// Show which terms a sentence matches, to try the lexicon in force. Exits 0 when urgent.
    Check {
        /// The sentence to screen.
        text: String,
    },
    /// Measure the lexicon in force (recall and precision) on a labelled set: the embedded
    /// 674 sentences, or a file in the same format. The sentences at odd positions are the
    /// development half, those at even positions are held out.
    Evaluate {
        /// A TOML file of `[[sentence]]` tables with `lang`, `urgent` and `text`.
        file: Option<PathBuf>,
        /// Also list the development half's mistakes (never the held-out half's).
        #[arg(long)]
        mistakes: bool,
    },
}

#[derive(Subcommand)]
pub enum PhoneCommand {
    /// Carry the answering machine's recordings to Senim: follow baresip's control port and
    /// post each voicemail to the intake with a phone:intake token, retrying until Senim has
    /// it and never twice (docs/phone.md).
    Bridge(crate::bridge::BridgeArgs),
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Make an API token acting as the staff member, and print it (only now).
    Create {
        #[arg(long)]
        login: String,
        /// What the token is for, as its list shows it (e.g. "school PBX").
        #[arg(long, default_value = "")]
        name: String,
        /// What it may do: journal:read, journal:write, phone:intake, staff:manage, audit:read (repeat the
        /// flag). Without it, everything the person's positions allow.
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// How long it lasts: 90d, 12w, 1y (at most five years). One year by default.
        #[arg(long)]
        expires: Option<String>,
    },
    /// List the staff member's tokens: number, name, scopes, made, ends, revoked.
    List {
        #[arg(long)]
        login: String,
    },
    /// Revoke a token of the staff member by its number in the list.
    Revoke {
        #[arg(long)]
        login: String,
        #[arg(long)]
        id: i64,
    },
}

/// Runs the command; returns the process's exit code.
pub async fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Serve(args) => serve(&cli.storage, args).await,
        Command::Migrate => {
            cli.storage.open().await?.close().await;
            println!("the database schema is up to date");
            Ok(0)
        }
        Command::School(SchoolCommand::Add {
            slug,
            name_kk,
            name_ru,
        }) => {
            let app = cli.storage.open_app().await?;
            let slug = Slug::parse(&slug)?;
            if name_kk.trim().is_empty() {
                bail!("--name-kk: the school's official name in Kazakh is required");
            }
            let school = app.create_school(&slug, &name_kk, &name_ru, app.now()).await?;
            println!("school {} added", school.slug.as_str());
            println!(
                "it requires a second factor (an authenticator app) of every account that reads appeals; its director can turn that off on the staff page"
            );
            Ok(0)
        }
        Command::School(SchoolCommand::List) => {
            let store = cli.storage.open().await?;
            for school in store.organisations().await? {
                println!("{}\t{}", school.slug.as_str(), school.name_kk);
            }
            Ok(0)
        }
        Command::User(UserCommand::Add {
            school,
            login,
            full_name,
            positions,
            locale,
            email,
            confirmed,
        }) => {
            let app = cli.storage.open_app().await?;
            let school = pick_school(&app.store, school.as_deref()).await?;
            let positions = positions
                .iter()
                .map(|code| {
                    Position::parse(code).with_context(|| format!("--position: unknown position {code:?}"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let Some(locale) = senim_i18n::Lang::parse(&locale) else {
                bail!("--locale: one of kk, ru, en");
            };
            let request = AccountRequest {
                login: &login,
                full_name: &full_name,
                positions,
                locale,
                email: &email,
                confirmed,
            };
            match app.create_account(None, school.id, request, app.now()).await {
                Ok((user, password)) => {
                    println!("user {} added to {}", user.login, school.slug.as_str());
                    println!("one-time password: {password}");
                    if user.awaits_confirmation() {
                        println!(
                            "it reads no appeal until the school's director or deputy director confirms it in Senim"
                        );
                    }
                    Ok(0)
                }
                Err(Refused::Rule(error)) => bail!("--{error}"),
                Err(Refused::Store(error)) => Err(error.into()),
            }
        }
        Command::User(UserCommand::Deactivate { login }) => {
            let app = cli.storage.open_app().await?;
            let user = match app.store.user_by_login(&login).await {
                Ok(user) => user,
                Err(StoreError::NotFound) => bail!("--login: no active user {login}"),
                Err(error) => return Err(error.into()),
            };
            // Whoever holds the server acts here, not a person of the school.
            if !app.deactivate_as_holder(&user).await? {
                bail!("--login: {login} was not active");
            }
            println!("user {login} deactivated");
            Ok(0)
        }
        Command::User(UserCommand::Confirm { login }) => {
            let app = cli.storage.open_app().await?;
            let user = active_user(&app, &login).await?;
            if !app.confirm_as_holder(&user).await? {
                bail!("--login: {login} does not wait for a confirmation");
            }
            println!("user {login} confirmed: it reads appeals as its positions allow");
            Ok(0)
        }
        Command::User(UserCommand::ResetPassword { login }) => {
            let app = cli.storage.open_app().await?;
            let user = active_user(&app, &login).await?;
            let Some(password) = app.reset_password_as_holder(&user).await? else {
                bail!("--login: {login} is not an active account");
            };
            println!("one-time password of {login}: {password}");
            println!("hand it over in person; they choose their own at the first sign-in");
            Ok(0)
        }
        Command::User(UserCommand::ResetTwoFactor { login }) => {
            let app = cli.storage.open_app().await?;
            let Some(user) = app.store.user_by_login_any(&login).await? else {
                bail!("--login: no user {login}");
            };
            if !app.reset_two_factor_as_holder(&user).await? {
                bail!("--login: {login} has no second factor");
            }
            println!("the second factor of {login} is reset: they sign in with the password and enrol again");
            Ok(0)
        }
        Command::User(UserCommand::Reactivate { login }) => {
            let app = cli.storage.open_app().await?;
            let Some(user) = app.store.user_by_login_any(&login).await? else {
                bail!("--login: no user {login}");
            };
            if !app.reactivate_as_holder(&user).await? {
                bail!("--login: {login} is active already");
            }
            println!("user {login} reactivated");
            if user.positions.need_confirmation() {
                println!(
                    "it reads no appeal until the school's director or deputy director confirms it in Senim"
                );
            }
            Ok(0)
        }
        Command::Token(TokenCommand::Create {
            login,
            name,
            scopes,
            expires,
        }) => {
            let app = cli.storage.open_app().await?;
            let user = active_user(&app, &login).await?;
            let scopes = if scopes.is_empty() {
                None
            } else {
                let scopes = scopes
                    .iter()
                    .map(|code| {
                        TokenScope::parse(code).with_context(|| format!("--scope: unknown scope {code:?}"))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                Some(TokenScopes::new(scopes))
            };
            let lifetime = token_lifetime(expires.as_deref()).context(
                "--expires: a number of days, weeks or years such as 90d, 12w or 1y, at most five years",
            )?;
            match app
                .create_api_token(&user, &name, scopes, lifetime, app.now())
                .await
            {
                Ok(token) => {
                    println!("{token}");
                    Ok(0)
                }
                Err(Refused::Rule(error)) => bail!("--{error}"),
                Err(Refused::Store(error)) => Err(error.into()),
            }
        }
        Command::Token(TokenCommand::List { login }) => {
            let app = cli.storage.open_app().await?;
            let user = active_user(&app, &login).await?;
            let day = |moment: chrono::DateTime<chrono::Utc>| senim_domain::time::format_local(moment);
            for token in app.store.api_tokens_of(user.id).await? {
                println!(
                    "{}\t{}\t{}\tmade {}\tends {}\t{}",
                    token.id,
                    if token.name.is_empty() { "-" } else { &token.name },
                    token.scopes,
                    day(token.created_at),
                    token.expires_at.map(day).unwrap_or_else(|| "-".into()),
                    token
                        .revoked_at
                        .map(|at| format!("revoked {}", day(at)))
                        .unwrap_or_default(),
                );
            }
            Ok(0)
        }
        Command::Token(TokenCommand::Revoke { login, id }) => {
            let app = cli.storage.open_app().await?;
            let user = active_user(&app, &login).await?;
            if !app.revoke_api_token(&user, id, app.now()).await? {
                bail!("--id: {login} has no token {id} still standing");
            }
            println!("token {id} of {login} revoked");
            Ok(0)
        }
        Command::Verify { school, at } => verify(&cli.storage, school.as_deref(), at.as_deref()).await,
        Command::Export(command) => export(&cli.storage, command).await,
        Command::Calendar(CalendarCommand::Load { file }) => {
            let body =
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = cli.storage.open_app().await?;
            match app.load_calendar(&body, app.now()).await? {
                Ok(calendar) => {
                    for (year, certainty) in calendar.years() {
                        println!("{year}: {certainty:?}");
                    }
                    println!("loaded; restart the server to count deadlines on it");
                    Ok(0)
                }
                Err(error) => bail!("{}: {error}", file.display()),
            }
        }
        Command::Triage(TriageCommand::Load { file }) => {
            let body =
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let app = cli.storage.open_app().await?;
            match app.load_lexicon(&body, app.now()).await? {
                Ok(_) => {
                    println!("loaded; restart the server to screen with it");
                    Ok(0)
                }
                Err(error) => bail!("{}: {error}", file.display()),
            }
        }
        Command::Triage(TriageCommand::Check { text }) => {
            let store = cli.storage.open().await?;
            let hits = store.lexicon().await?.triage(&text);
            for hit in &hits {
                println!(
                    "{:<18} {:?}  «{}»  ({})",
                    hit.category,
                    hit.severity,
                    &text[hit.start..hit.end],
                    hit.term
                );
            }
            let urgent = senim_domain::triage::is_urgent(&hits);
            println!("{}", if urgent { "urgent" } else { "not urgent" });
            Ok(if urgent { 0 } else { 1 })
        }
        Command::Triage(TriageCommand::Evaluate { file, mistakes }) => {
            let set = match &file {
                Some(file) => std::fs::read_to_string(file)
                    .with_context(|| format!("cannot read {}", file.display()))?,
                None => senim_domain::triage::EVALUATION_SET.to_owned(),
            };
            let store = cli.storage.open().await?;
            let lexicon = store.lexicon().await?;
            let evaluation = match senim_domain::triage::evaluate(&lexicon, &set) {
                Ok(evaluation) => evaluation,
                Err(error) => bail!("the labelled set: {error}"),
            };
            println!(
                "| part | sentences | urgent flagged | urgent missed | false alarms | harmless left alone | recall | precision |"
            );
            println!("|---|---|---|---|---|---|---|---|");
            let mut parts: Vec<(String, &senim_domain::triage::Confusion)> = evaluation
                .by_language
                .iter()
                .map(|(lang, confusion)| (lang.clone(), confusion))
                .collect();
            parts.push(("development half".into(), &evaluation.development));
            parts.push(("held-out half".into(), &evaluation.held_out));
            parts.push(("all".into(), &evaluation.total));
            for (part, c) in parts {
                println!(
                    "| {part} | {} | {} | {} | {} | {} | {:.3} | {:.3} |",
                    c.sentences(),
                    c.flagged_urgent,
                    c.missed_urgent,
                    c.false_alarms,
                    c.left_alone,
                    c.recall(),
                    c.precision()
                );
            }
            if mistakes {
                for sentence in &evaluation.missed {
                    println!("missed       {sentence}");
                }
                for sentence in &evaluation.false_alarms {
                    println!("false alarm  {sentence}");
                }
            }
            Ok(0)
        }
        Command::Calendar(CalendarCommand::Show { year }) => {
            let store = cli.storage.open().await?;
            let calendar = store.working_calendar().await?;
            println!("{year}: {:?}", calendar.certainty(year));
            for day in calendar.days_off(year) {
                println!("day off      {day} {}", day.format("%a"));
            }
            for day in calendar.working_weekend_days(year) {
                println!("working day  {day} {}", day.format("%a"));
            }
            Ok(0)
        }
        Command::Bench(args) => crate::bench::run(args).await,
        Command::Phone(PhoneCommand::Bridge(args)) => crate::bridge::run(args).await,
    }
}

async fn pick_school(store: &Store, slug: Option<&str>) -> anyhow::Result<Organisation> {
    match slug {
        Some(slug) => match store.organisation_by_slug(slug).await {
            Ok(school) => Ok(school),
            Err(StoreError::NotFound) => bail!("--school: no school {slug}"),
            Err(error) => Err(error.into()),
        },
        None => {
            let mut schools = store.organisations().await?;
            match schools.len() {
                1 => Ok(schools.remove(0)),
                0 => bail!("there is no school yet: add one with `senim school add`"),
                _ => bail!("there are several schools: name one with --school"),
            }
        }
    }
}

async fn active_user(app: &App, login: &str) -> anyhow::Result<senim_store::User> {
    match app.store.user_by_login(login).await {
        Ok(user) => Ok(user),
        Err(StoreError::NotFound) => bail!("--login: no active user {login}"),
        Err(error) => Err(error.into()),
    }
}

async fn serve(storage: &StorageArgs, args: ServeArgs) -> anyhow::Result<i32> {
    let mailer = args.smtp.mailer()?;
    let store = storage.open().await?;
    let calendar = store.working_calendar().await?;
    let lexicon = store.lexicon().await?;
    let app = App::new(store.clone(), calendar, mailer).with_lexicon(lexicon);
    if args.demo {
        crate::demo::ensure(&app, &storage.data).await?;
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "Senim is serving");
    println!("Senim: http://{address}/");
    if app.mailer.is_none() {
        tracing::warn!("no SMTP server configured: e-mail forwardings and digests wait until one is");
    }
    let state = AppState::new(
        app,
        WebConfig {
            behind_proxy: args.behind_proxy,
            session_idle: chrono::Duration::minutes(args.session_idle_minutes.into()),
            ..WebConfig::new(args.secure_cookies)
        },
    );
    senim_web::serve(listener, state, shutdown_signal()).await?;
    store.close().await;
    Ok(0)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn describe(chain_break: ChainBreak, kind: ChainKind) -> String {
    let entry = match kind {
        ChainKind::Journal(_) => "entry No.",
        ChainKind::Outcomes => "outcome record",
        ChainKind::Audit => "audit event",
    };
    match chain_break {
        ChainBreak::Altered { number } => format!("{entry} {number} was altered outside Senim"),
        ChainBreak::Unlinked { number } => {
            format!(
                "{entry} {number} does not follow the entry before it: an entry was removed, replaced or reordered"
            )
        }
        ChainBreak::Gap { number } => {
            format!("the numbering jumps to {entry} {number}: entries before it are missing")
        }
        ChainBreak::CounterMismatch { last_entry } => format!(
            "the journal ends at {entry} {last_entry} but its counter says otherwise: entries were removed or the counter was changed"
        ),
        ChainBreak::CounterMissing => {
            "the journal's counter is gone: its entries cannot be shown complete".to_owned()
        }
        ChainBreak::Truncated { last_registered } => {
            format!(
                "{entry} {last_registered} was registered but is missing: entries were removed from the end"
            )
        }
        ChainBreak::SealBroken => {
            "every entry follows the one before it, but the head does not carry the key's seal: \
             rows were rewritten and their hashes recomputed without the key"
                .to_owned()
        }
    }
}

async fn verify(storage: &StorageArgs, school: Option<&str>, at: Option<&str>) -> anyhow::Result<i32> {
    let store = storage.open().await?;
    if let (Some(school), Some(at)) = (school, at) {
        let (year, number) = at
            .split_once('/')
            .and_then(|(year, number)| Some((year.parse().ok()?, number.parse().ok()?)))
            .context("--at: YEAR/NUMBER, e.g. 2026/42")?;
        let school = store
            .organisation_by_slug(school)
            .await
            .context("no school has that slug")?;
        let fingerprint = store
            .journal_fingerprint_at(school.id, JournalYear(year), JournalNumber(number))
            .await?
            .context("the journal has no such entry")?;
        println!(
            "{} journal {year} after No. {number}: fingerprint {fingerprint}",
            school.slug.as_str()
        );
    }
    let report = store.verify().await?;
    for chain in &report.chains {
        let what = match chain.kind {
            ChainKind::Journal(year) => format!("{} journal {}", chain.organisation, year.0),
            ChainKind::Outcomes => format!("{} outcomes", chain.organisation),
            ChainKind::Audit => format!("{} audit trail", chain.organisation),
        };
        match chain.result {
            Ok(count) => {
                let mut line = format!("ok      {what}: {count} entries intact");
                if let (ChainKind::Journal(year), Ok(school)) =
                    (chain.kind, store.organisation_by_slug(&chain.organisation).await)
                    && let Some((number, fingerprint)) = store.journal_fingerprint(school.id, year).await?
                {
                    line.push_str(&format!(", fingerprint after No. {number}: {fingerprint}"));
                }
                println!("{line}");
            }
            Err(chain_break) => println!("ALTERED {what}: {}", describe(chain_break, chain.kind)),
        }
    }
    store.close().await;
    if report.is_intact() {
        println!("every journal is intact");
        Ok(0)
    } else {
        println!(
            "the journal was altered outside Senim; keep a copy of the database and the key as evidence"
        );
        Ok(1)
    }
}

fn export_lang(code: &str) -> anyhow::Result<senim_i18n::Lang> {
    match code {
        "kk" => Ok(senim_i18n::Lang::Kk),
        "ru" => Ok(senim_i18n::Lang::Ru),
        _ => bail!("--lang: kk or ru"),
    }
}

/// Writes an export readable by its owner only (0600): it holds children's appeals.
fn write_document(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<i32> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("{} ({} bytes)", path.display(), bytes.len());
    Ok(0)
}

/// The format a file's extension asks for.
fn document_format(path: &std::path::Path) -> anyhow::Result<Format> {
    Format::of_path(path).context("--out: name a .pdf or a .docx file")
}

fn document(result: Result<Vec<u8>, senim_documents::DocumentError>) -> anyhow::Result<Vec<u8>> {
    result.map_err(|error| anyhow::anyhow!("{error}: {}", error.detail()))
}

async fn export(storage: &StorageArgs, command: ExportCommand) -> anyhow::Result<i32> {
    let store = storage.open().await?;
    let today = Clock::system().today();
    let calendar = store.working_calendar().await?;
    match command {
        ExportCommand::Book {
            academic_year,
            target,
        } => {
            let lang = export_lang(&target.lang)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let Ok(year) = senim_domain::plan::AcademicYear::parse(&academic_year) else {
                bail!("--academic-year: like 2025-2026");
            };
            let first_year = year.0;
            let book =
                senim_app::exports::book(&store, &calendar, school.id, first_year, lang, today).await?;
            write_document(&target.out, &document(book.pdf(today))?)
        }
        ExportCommand::Journal {
            year,
            from,
            to,
            target,
        } => {
            let lang = export_lang(&target.lang)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let (from, to) = match (year, from, to) {
                (_, Some(from), Some(to)) if from <= to => (from, to),
                (_, Some(_), Some(_)) => bail!("--from must not be after --to"),
                (year, _, _) => {
                    let year = year.unwrap_or_else(|| senim_domain::time::local_year(Clock::system().now()));
                    (
                        chrono::NaiveDate::from_ymd_opt(year, 1, 1).context("--year")?,
                        chrono::NaiveDate::from_ymd_opt(year, 12, 31).context("--year")?,
                    )
                }
            };
            let export =
                senim_app::exports::journal(&store, &calendar, school.id, from, to, lang, today).await?;
            let bytes = export
                .xlsx()
                .map_err(|error| anyhow::anyhow!("{error}: {}", error.detail()))?;
            write_document(&target.out, &bytes)
        }
        ExportCommand::Act { opening, target } => {
            let lang = export_lang(&target.lang)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let act = match senim_app::exports::act(&store, school.id, senim_store::OpeningId(opening), lang)
                .await
            {
                Ok(act) => act,
                Err(StoreError::NotFound) => bail!("--opening: no opening {opening} at this school"),
                Err(error) => return Err(error.into()),
            };
            let bytes = document(act.print(document_format(&target.out)?, today))?;
            write_document(&target.out, &bytes)
        }
        ExportCommand::Analysis { month, target } => {
            let lang = export_lang(&target.lang)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let Ok(month) = senim_domain::analysis::Month::parse(&month) else {
                bail!("--month: like 2026-11");
            };
            let analysis =
                senim_app::exports::monthly_analysis(&store, &calendar, school.id, month, lang, today)
                    .await?
                    .document;
            let bytes = document(analysis.print(document_format(&target.out)?, today))?;
            write_document(&target.out, &bytes)
        }
        ExportCommand::Minutes { year, number, target } => {
            let lang = export_lang(&target.lang)?;
            let format = document_format(&target.out)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let minutes = match store.minutes(school.id, year, number).await {
                Ok(minutes) => minutes,
                Err(StoreError::NotFound) => {
                    bail!("--number: no minutes No. {number} of {year} at this school")
                }
                Err(error) => return Err(error.into()),
            };
            let minutes = senim_app::paperwork::minutes_document(&store, school.id, &minutes, lang).await?;
            let bytes = document(minutes.print(format, today))?;
            write_document(&target.out, &bytes)
        }
        ExportCommand::Plan {
            academic_year,
            target,
        } => {
            let lang = export_lang(&target.lang)?;
            let format = document_format(&target.out)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let Ok(year) = senim_domain::plan::AcademicYear::parse(&academic_year) else {
                bail!("--academic-year: like 2025-2026");
            };
            if store.plan(school.id, year).await?.is_empty() {
                bail!("--academic-year: this school has no plan for {year}");
            }
            let plan =
                senim_app::paperwork::plan_document(&store, &calendar, school.id, year, lang, today).await?;
            let bytes = document(plan.print(format, today))?;
            write_document(&target.out, &bytes)
        }
        ExportCommand::Poster { site, target } => {
            let lang = export_lang(&target.lang)?;
            let school = pick_school(&store, target.school.as_deref()).await?;
            let site = site.trim_end_matches('/');
            if !(site.starts_with("https://") || site.starts_with("http://")) {
                bail!("--site: the address, like https://senim.school.kz");
            }
            let poster = senim_app::exports::poster(&store, school.id, site, lang).await?;
            write_document(&target.out, &document(poster.pdf(today))?)
        }
    }
}
