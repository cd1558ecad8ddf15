//! `senim bench`: what Senim's own work costs, each figure beside a raw baseline measured in
//! the same run on the same machine — registrations per second through the API against a bare
//! insert-and-commit loop, and the journal page with 10,000 appeals against a static page.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{TimeZone, Utc};
use clap::Args;
use senim_app::{App, Clock};
use senim_domain::audit::{Actor, AuditAction, AuditEvent};
use senim_domain::{AppealContent, Applicant, Category, Channel, Position, Positions, Slug};
use senim_store::{NewUser, Store};
use senim_web::{AppState, WebConfig};
use tokio::sync::Semaphore;

use crate::cli::StorageArgs;

#[derive(Args)]
pub struct BenchArgs {
    /// Appeals registered through the API (and rows in the baseline loop).
    #[arg(long, default_value_t = 1000)]
    pub registrations: usize,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// Appeals in the year whose journal page is timed.
    #[arg(long, default_value_t = 10_000)]
    pub journal_appeals: usize,
    /// Timed requests of each page.
    #[arg(long, default_value_t = 30)]
    pub page_requests: usize,
    /// Measure PostgreSQL in this scratch database (it gains benchmark schools and appeals).
    /// Without it, a throwaway SQLite file. `--database-url` is never used: a benchmark must
    /// not write into a school's journal.
    #[arg(long)]
    pub scratch_database_url: Option<String>,
    /// Measure the documents instead: the registration book of 100, 1,000 and 10,000 appeals
    /// and a single act, each in a process of its own so that its peak memory is its own.
    #[arg(long)]
    pub documents: bool,
    /// (Internal: one measurement of `--documents`.) Render a book of this many appeals.
    #[arg(long, hide = true)]
    pub render_book: Option<usize>,
    /// (Internal: one measurement of `--documents`.) Render this many acts.
    #[arg(long, hide = true)]
    pub render_acts: Option<usize>,
}

/// The process's peak resident memory in MiB (Linux), or 0 where it cannot be read.
fn peak_memory_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn synthetic_book(entries: usize) -> senim_documents::Book {
    let entries = (0..entries)
        .map(|n| {
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            senim_documents::BookEntry {
                year: if n < 700 { 2025 } else { 2026 },
                number: if n < 700 { n + 1 } else { n - 699 },
                received: "05.12.2025 10:15".into(),
                applicant: if n % 3 == 0 {
                    String::new()
                } else {
                    "Серікова Айгүл Маратқызы, Ақтөбе қ., Әбілқайыр хан д-лы, 12-34, +7 701 555 12 34".into()
                },
                summary:
                    "Анасы: 8-сынып оқушысы ұлы жатақханада ересек оқушылардың қысым көрсететінін айтады; \
                          сынып жетекшісіне айтқан, бірақ жағдай өзгермеген."
                        .into(),
                forwarded: vec!["Кәмелетке толмағандардың істері жөніндегі инспектор — 19.12.2025".into()],
                outcome: "Сынып жетекшісімен және жатақхана тәрбиешісімен әңгіме жүргізілді.".into(),
                urgent: n % 50 == 0,
                corrects: None,
                corrected_by: Vec::new(),
            }
        })
        .collect();
    senim_documents::Book {
        institution: "«Бөгенбай батыр атындағы облыстық олимпиадалық резервтің мамандырылған мектеп интернат колледжі» \
                      коммуналдық мемлекеттік мекемесі"
            .into(),
        academic_year: 2025,
        lang: senim_i18n::Lang::Kk,
        entries,
        fingerprints: vec![(2025, 700, "A1B2-C3D4-E5F6".into()), (2026, 300, "0F1E-2D3C-4B5A".into())],
    }
}

/// One measurement in this process: prints `milliseconds pages bytes peak_mib`.
fn render_once(book: Option<usize>, acts: Option<usize>) -> anyhow::Result<i32> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).context("date")?;
    if let Some(entries) = book {
        let book = synthetic_book(entries);
        let started = Instant::now();
        let pdf = book
            .pdf(today)
            .map_err(|error| anyhow::anyhow!("{error}: {}", error.detail()))?;
        let elapsed = started.elapsed();
        let pages = pdf
            .windows(10)
            .filter(|window| window == b"/Type /Page" || window == b"/Type/Page")
            .count();
        println!(
            "{:.1} {} {} {:.1}",
            elapsed.as_secs_f64() * 1000.0,
            pages,
            pdf.len(),
            peak_memory_mib()
        );
    }
    if let Some(count) = acts {
        let members = vec![senim_documents::Signatory {
            full_name: "Н.Сунгубаева".into(),
            positions: senim_domain::Positions::new(vec![senim_domain::Position::DeputyDirector])?,
        }];
        let opened = chrono::DateTime::from_timestamp(1_700_000_000, 0).context("moment")?;
        let act = senim_documents::Act::new("Мектеп", opened, 2, &[4, 5], &members, senim_i18n::Lang::Kk);
        let mut bytes = 0;
        let started = Instant::now();
        for _ in 0..count {
            bytes = act
                .pdf(today)
                .map_err(|error| anyhow::anyhow!("{error}: {}", error.detail()))?
                .len();
        }
        let elapsed = started.elapsed() / u32::try_from(count.max(1)).unwrap_or(1);
        println!(
            "{:.2} 1 {} {:.1}",
            elapsed.as_secs_f64() * 1000.0,
            bytes,
            peak_memory_mib()
        );
    }
    Ok(0)
}

/// Each measurement in a child process of this binary, for its own peak memory.
fn documents() -> anyhow::Result<i32> {
    let exe = std::env::current_exe().context("the benchmark runs its own binary")?;
    let run = |arg: &str, value: usize| -> anyhow::Result<Vec<String>> {
        let output = std::process::Command::new(&exe)
            .args(["bench", arg, &value.to_string()])
            .output()?;
        if !output.status.success() {
            bail!("{}", String::from_utf8_lossy(&output.stderr));
        }
        Ok(String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .map(str::to_owned)
            .collect())
    };
    println!(
        "Documents, {} (UTC), {}",
        Clock::system().now().format("%Y-%m-%d %H:%M"),
        machine()
    );
    println!();
    println!("| document | time | pages | size | peak memory of the process |");
    println!("|---|---|---|---|---|");
    let act = run("--render-acts", 20)?;
    println!(
        "| one act (baseline; mean of 20 in one process) | {} ms | 1 | {} KiB | {} MiB |",
        act[0],
        kib(&act[2]),
        act[3]
    );
    for entries in [100, 1000, 10_000] {
        let book = run("--render-book", entries)?;
        println!(
            "| registration book, {entries} appeals | {} ms | {} | {} KiB | {} MiB |",
            book[0],
            book[1],
            kib(&book[2]),
            book[3]
        );
    }
    Ok(0)
}

fn kib(bytes: &str) -> String {
    bytes
        .parse::<f64>()
        .map_or_else(|_| bytes.to_owned(), |bytes| format!("{:.0}", bytes / 1024.0))
}

struct Rate {
    count: usize,
    elapsed: Duration,
}

impl Rate {
    fn per_second(&self) -> f64 {
        self.count as f64 / self.elapsed.as_secs_f64()
    }
}

struct Latency(Vec<Duration>);

impl Latency {
    fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.0.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted[index].as_secs_f64() * 1000.0
    }
}

pub async fn run(args: BenchArgs) -> anyhow::Result<i32> {
    if args.render_book.is_some() || args.render_acts.is_some() {
        return render_once(args.render_book, args.render_acts);
    }
    if args.documents {
        return documents();
    }
    if args.registrations == 0 || args.concurrency == 0 || args.page_requests == 0 {
        bail!("--registrations, --concurrency and --page-requests must be above 0");
    }
    // Never the school's own data: a throwaway directory, or the scratch database given.
    let scratch = std::env::temp_dir().join(format!("senim-bench-{}", senim_store::random_token(6)));
    let storage = StorageArgs {
        data: scratch.clone(),
        database_url: args.scratch_database_url.clone(),
        key_file: Some(scratch.join("secret.key")),
    };
    let store = storage.open().await?;
    let backend = match store.backend() {
        senim_store::Backend::Sqlite => "SQLite",
        senim_store::Backend::Postgres => "PostgreSQL",
    };
    let tag = senim_store::random_token(4);
    let (token, login, password) = bench_user(&store, &tag, "api").await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = App::new(store.clone(), store.working_calendar().await?, None);
    let state = AppState::new(app.clone(), WebConfig::new(false));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(senim_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder().cookie_store(true).build()?;

    eprintln!("baseline: bare insert-and-commit loop…");
    let baseline = raw_inserts(&store, args.registrations, args.concurrency).await?;
    eprintln!("registrations through the API…");
    let api = api_registrations(&client, &base, &token, args.registrations, args.concurrency).await?;

    eprintln!("filling a journal year with {} appeals…", args.journal_appeals);
    let (_, journal_login, journal_password) = bench_user(&store, &tag, "journal").await?;
    fill_journal(&app, &journal_login, args.journal_appeals).await?;
    sign_in(&client, &base, &journal_login, &journal_password).await?;
    let static_page = time_get(&client, &format!("{base}/healthz"), args.page_requests).await?;
    let journal_page = time_get(&client, &format!("{base}/journal?year=2024"), args.page_requests).await?;
    // A text search opens every sealed text of the year: the worst case of the page.
    let search_page = time_get(
        &client,
        &format!("{base}/journal?year=2024&q=%D0%BA%D0%B5%D2%A3%D0%B5%D1%81"),
        args.page_requests,
    )
    .await?;
    let _ = (login, password);
    // The commission's paperwork over the same journal: a month's analysis (three months'
    // figures, each reading the journal) and the plan of the school year (openings, minutes,
    // calls as moments).
    let journal_user = store.user_by_login(&journal_login).await?;
    store
        .create_plan(
            journal_user.organisation_id,
            senim_domain::plan::AcademicYear(2023),
            &senim_domain::plan::default_plan(),
            journal_user.id,
            Clock::system().now(),
        )
        .await
        .map_err(|error| anyhow::anyhow!("bench plan: {error}"))?;
    let analysis_page = time_get(
        &client,
        &format!("{base}/analysis?month=2024-03"),
        args.page_requests,
    )
    .await?;
    let plan_page = time_get(
        &client,
        &format!("{base}/plan?year=2023-2024"),
        args.page_requests,
    )
    .await?;
    // Every appeal of the year is open and long overdue, and the bench's user registered them
    // all: the monitoring and «My day» list every one — the worst a school could have.
    let monitoring_page = time_get(&client, &format!("{base}/monitoring"), args.page_requests).await?;
    let day_page = time_get(&client, &format!("{base}/today"), args.page_requests).await?;

    let _ = stop.send(());
    server.await??;
    store.close().await;
    if storage.database_url.is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    }

    println!(
        "## {backend}, {} (UTC), {}",
        Clock::system().now().format("%Y-%m-%d %H:%M"),
        machine()
    );
    println!();
    println!("| measure | Senim | raw baseline | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| registrations/s, {} appeals, {} in flight | {:.0} /s (API: JSON, token, validation, encryption, hash chain) | {:.0} /s (bare INSERT + COMMIT) | {:.1}× slower |",
        args.registrations,
        args.concurrency,
        api.per_second(),
        baseline.per_second(),
        baseline.per_second() / api.per_second()
    );
    println!(
        "| journal page, year of {} appeals, p50 / p95 | {:.1} / {:.1} ms | {:.2} / {:.2} ms (static axum page) | {:.0}× (p50) |",
        args.journal_appeals,
        journal_page.percentile(0.5),
        journal_page.percentile(0.95),
        static_page.percentile(0.5),
        static_page.percentile(0.95),
        journal_page.percentile(0.5) / static_page.percentile(0.5)
    );
    println!(
        "| journal text search over the same year, p50 / p95 | {:.1} / {:.1} ms | {:.2} / {:.2} ms (static axum page) | {:.0}× (p50) |",
        search_page.percentile(0.5),
        search_page.percentile(0.95),
        static_page.percentile(0.5),
        static_page.percentile(0.95),
        search_page.percentile(0.5) / static_page.percentile(0.5)
    );
    println!(
        "| monthly analysis page over the same journal, p50 / p95 | {:.1} / {:.1} ms | {:.1} / {:.1} ms (journal page) | {:.1}× (p50) |",
        analysis_page.percentile(0.5),
        analysis_page.percentile(0.95),
        journal_page.percentile(0.5),
        journal_page.percentile(0.95),
        analysis_page.percentile(0.5) / journal_page.percentile(0.5)
    );
    println!(
        "| activity plan page, school year 2023–2024, p50 / p95 | {:.1} / {:.1} ms | {:.2} / {:.2} ms (static axum page) | {:.0}× (p50) |",
        plan_page.percentile(0.5),
        plan_page.percentile(0.95),
        static_page.percentile(0.5),
        static_page.percentile(0.95),
        plan_page.percentile(0.5) / static_page.percentile(0.5)
    );
    for (name, page) in [
        ("monitoring page", &monitoring_page),
        ("«My day» page", &day_page),
    ] {
        println!(
            "| {name}, {} open appeals all overdue, p50 / p95 | {:.1} / {:.1} ms | {:.1} / {:.1} ms (journal page) | {:.1}× (p50) |",
            args.journal_appeals,
            page.percentile(0.5),
            page.percentile(0.95),
            journal_page.percentile(0.5),
            journal_page.percentile(0.95),
            page.percentile(0.5) / journal_page.percentile(0.5)
        );
    }
    Ok(0)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    format!("{cores} cores, {cpu}")
}

/// An audit event of whoever runs the benchmark (the server's holder).
fn bench_event(organisation_id: i64, action: AuditAction) -> AuditEvent {
    AuditEvent::new(
        organisation_id,
        Clock::system().now(),
        Actor::server_holder(),
        action,
    )
}

async fn bench_user(store: &Store, tag: &str, purpose: &str) -> anyhow::Result<(String, String, String)> {
    let slug = Slug::parse(&format!("bench-{purpose}-{tag}"))?;
    let school = store
        .create_organisation(&slug, "Өлшеу мектебі", "Школа для замеров", Clock::system().now())
        .await?;
    // The bench signs in with a password and a token alone, as the demo does; a real school
    // requires a second factor of its readers.
    store
        .set_require_two_factor(
            school.id,
            false,
            &bench_event(school.id.0, AuditAction::SettingsChanged).with_detail("two_factor_not_required"),
        )
        .await?;
    let login = format!("bench.{purpose}.{tag}");
    let password = senim_store::one_time_password();
    let user = store
        .create_user(
            NewUser {
                organisation_id: school.id,
                login: &login,
                full_name: "Өлшеуші",
                positions: Positions::new(vec![Position::ResponsibleSpecialist])?,
                password: &password,
                locale: "kk",
                must_change_password: false,
                email: "",
                // Whoever holds the server makes these accounts.
                confirmed: true,
            },
            Clock::system().now(),
            bench_event(school.id.0, AuditAction::AccountCreated),
        )
        .await?;
    let now = Clock::system().now();
    let scopes = senim_domain::staff::TokenScopes::all_for(user.permissions());
    let token = store
        .create_api_token(
            user.id,
            "senim bench",
            &scopes,
            now + chrono::Duration::days(1),
            now,
            &bench_event(school.id.0, AuditAction::TokenCreated),
        )
        .await?;
    Ok((token, login, password))
}

async fn raw_inserts(store: &Store, count: usize, concurrency: usize) -> anyhow::Result<Rate> {
    let pool = store.pool().clone();
    sqlx::query("CREATE TABLE bench_baseline (id BIGINT NOT NULL, payload TEXT NOT NULL)")
        .execute(&pool)
        .await?;
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..concurrency {
        let pool = pool.clone();
        workers.push(tokio::spawn(async move {
            for i in (worker..count).step_by(concurrency) {
                let mut tx = pool.begin().await?;
                sqlx::query("INSERT INTO bench_baseline (id, payload) VALUES ($1, $2)")
                    .bind(i as i64)
                    .bind("Сыныптасым мені ұрады, не істеуім керек?")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(())
        }));
    }
    for worker in workers {
        worker.await??;
    }
    let elapsed = started.elapsed();
    sqlx::query("DROP TABLE bench_baseline").execute(&pool).await?;
    Ok(Rate { count, elapsed })
}

async fn api_registrations(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    count: usize,
    concurrency: usize,
) -> anyhow::Result<Rate> {
    let permits = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let mut requests = Vec::with_capacity(count);
    for i in 0..count {
        let permit = permits.clone().acquire_owned().await?;
        let request = client
            .post(format!("{base}/api/v1/appeals"))
            .bearer_auth(token)
            .json(&serde_json::json!({
                "channel": "phone",
                "anonymous": i % 2 == 0,
                "applicant": if i % 2 == 0 { serde_json::Value::Null } else { serde_json::json!({"full_name": "Серікова Айгүл", "phone": "+7 701 555 12 34"}) },
                "summary": "Сыныптасым мені ұрады, не істеуім керек?",
            }));
        requests.push(tokio::spawn(async move {
            let response = request.send().await?;
            drop(permit);
            Ok::<_, reqwest::Error>(response.status())
        }));
    }
    for request in requests {
        let status = request.await??;
        if status != reqwest::StatusCode::CREATED {
            bail!("the API answered {status} to a registration");
        }
    }
    Ok(Rate {
        count,
        elapsed: started.elapsed(),
    })
}

async fn fill_journal(app: &App, login: &str, count: usize) -> anyhow::Result<()> {
    let user = app.store.user_by_login(login).await?;
    let start = Utc
        .with_ymd_and_hms(2024, 1, 3, 4, 0, 0)
        .single()
        .context("a valid moment")?;
    let step =
        chrono::Duration::seconds((360 * 86_400 / count.max(1)) as i64).max(chrono::Duration::seconds(1));
    for i in 0..count {
        let at = start + step * i as i32;
        let anonymous = i % 3 != 0;
        let applicant = if anonymous {
            Applicant::default()
        } else {
            Applicant::new("Серікова Айгүл Маратқызы", "Ақтөбе қ.", "+7 701 555 12 34")
        };
        let content = AppealContent::new(
            if i % 2 == 0 {
                Channel::Phone
            } else {
                Channel::BoxLetter
            },
            at,
            anonymous,
            applicant,
            "Оқушы сыныптастарының қысымы туралы айтты; психолог кеңесі қажет.",
            Category::of(senim_domain::Topic::PeerRelationships),
            at,
        )?;
        app.register_appeal(user.organisation_id, user.id, content, at)
            .await?;
    }
    Ok(())
}

async fn sign_in(client: &reqwest::Client, base: &str, login: &str, password: &str) -> anyhow::Result<()> {
    let page = client.get(format!("{base}/login")).send().await?.text().await?;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .context("the sign-in page has a CSRF field")?
        .to_owned();
    let response = client
        .post(format!("{base}/login"))
        .form(&[("csrf", csrf.as_str()), ("login", login), ("password", password)])
        .send()
        .await?;
    if !response.status().is_success() {
        bail!("sign-in for the benchmark failed: {}", response.status());
    }
    Ok(())
}

async fn time_get(client: &reqwest::Client, url: &str, count: usize) -> anyhow::Result<Latency> {
    // One warm-up request, untimed.
    client.get(url).send().await?.bytes().await?;
    let mut latencies = Vec::with_capacity(count);
    for _ in 0..count {
        let started = Instant::now();
        let response = client.get(url).send().await?;
        let status = response.status();
        response.bytes().await?;
        if !status.is_success() {
            bail!("{url} answered {status}");
        }
        latencies.push(started.elapsed());
    }
    Ok(Latency(latencies))
}
