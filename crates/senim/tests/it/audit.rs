//! The audit trail: every read of an appeal is recorded with its number and without its
//! text; only the school's heads read the trail; rows rewritten and rehashed by someone
//! without the key are found by `senim verify`, in the trail and in the journal.

use crate::helpers::*;
use senim_domain::audit::{Actor, AuditAction, AuditEvent};
use senim_domain::journal::entry_hash;
use senim_domain::{AppealContent, EntryHash, JournalYear, UserId};
use serde_json::json;
use sqlx::Row;

const MARKER: &str = "Жасырын-белгі-7731";

async fn an_appeal_opened_is_in_the_audit_with_its_number_and_never_its_text(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    for _ in 0..2 {
        specialist
            .register(json!({ "channel": "phone", "anonymous": true, "summary": "Басқа" }))
            .await;
    }
    let created = specialist
        .register(json!({
            "channel": "phone", "anonymous": false,
            "applicant": { "full_name": format!("Аты {MARKER}"), "phone": "+77011234567" },
            "summary": format!("Мәтін {MARKER}")
        }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let number = created["number"].as_i64().unwrap();
    assert_eq!(number, 3);

    // The psychologist opens it on its page; the specialist reads it through the API and
    // searches the journal for the marker.
    let mut psychologist = app.browser("psychologist").await;
    let (status, page) = psychologist.get(&format!("/appeals/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(MARKER));
    assert_eq!(specialist.get(&format!("/api/v1/appeals/{id}")).await.0, 200);
    let (status, _) = psychologist.get(&format!("/journal?q={MARKER}")).await;
    assert_eq!(status, 200);

    let director = app.api(&app.token("director").await);
    let (status, trail) = director.get("/api/v1/audit?login=psychologist").await;
    assert_eq!(status, 200, "{trail}");
    let items = trail["items"].as_array().unwrap();
    let opened: Vec<_> = items.iter().filter(|e| e["action"] == "appeal_opened").collect();
    assert_eq!(opened.len(), 1, "{trail}");
    assert_eq!(opened[0]["number"], 3);
    assert_eq!(opened[0]["year"], created["year"]);
    assert_eq!(opened[0]["login"], "psychologist");
    assert_eq!(opened[0]["positions"], json!(["psychologist"]));
    assert!(items.iter().any(|e| e["action"] == "journal_searched"), "{trail}");
    assert!(items.iter().any(|e| e["action"] == "signed_in"), "{trail}");
    let (_, by_appeal) = director
        .get(&format!("/api/v1/audit?appeal={}/3", created["year"]))
        .await;
    let logins: Vec<&str> = by_appeal["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["login"].as_str().unwrap())
        .collect();
    assert!(
        logins.contains(&"psychologist") && logins.contains(&"specialist"),
        "{by_appeal}"
    );
    // Neither the answer nor any row of the trail holds the text, the name or the phone.
    let all = director.get("/api/v1/audit").await.1.to_string();
    assert!(!all.contains(MARKER) && !all.contains("7011234567"), "{all}");
    let rows = sqlx::query("SELECT login, positions, action, detail FROM audit_events")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert!(rows.len() >= 5);
    for row in &rows {
        for column in ["login", "positions", "action"] {
            let value: String = row.try_get(column).unwrap();
            assert!(!value.contains(MARKER), "{column}: {value}");
        }
        let detail: Option<String> = row.try_get("detail").unwrap();
        assert!(!detail.unwrap_or_default().contains(MARKER));
    }

    // The director reads the same on the page, filtered by appeal number.
    let mut head = app.browser("director").await;
    let (status, page) = head.get("/audit?appeal=3").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("өтінішті ашты") && page.contains("psychologist"),
        "{page}"
    );
    assert!(!page.contains(MARKER));
}

async fn only_the_heads_read_the_audit_and_everyone_sees_their_own_sign_ins(app: TestApp) {
    app.school("school-a", "").await;
    for login in ["admin", "specialist", "psychologist"] {
        let (status, error) = app.api(&app.token(login).await).get("/api/v1/audit").await;
        assert_eq!(status, 403, "{login}: {error}");
        let mut browser = app.browser(login).await;
        assert_eq!(browser.get("/audit").await.0, 403, "{login}");
    }
    assert_eq!(
        app.api(&app.token("deputy").await).get("/api/v1/audit").await.0,
        200
    );
    // A token the director made without audit:read does not read it either.
    let director = app.store.user_by_login("director").await.unwrap();
    let scopes = senim_domain::staff::TokenScopes::parse("journal:read").unwrap();
    let token = app
        .state
        .app
        .create_api_token(
            &director,
            "read only",
            Some(scopes),
            chrono::Duration::days(30),
            app.state.app.now(),
        )
        .await
        .unwrap();
    let (status, error) = app.api(&token).get("/api/v1/audit").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (403, Some("insufficient_scope"))
    );

    // A wrong password, then a sign-in: both on the person's own page.
    let mut browser = Browser::new(&app.base);
    assert_eq!(browser.sign_in("social", "wrong password!").await.0, 401);
    assert_eq!(browser.sign_in("social", &password_of("social")).await.0, 303);
    let (status, page) = browser.get("/account/sign-ins").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("жүйеге кірді") && page.contains("жүйеге кіре алмады"),
        "{page}"
    );
}

async fn changes_to_accounts_and_tokens_are_in_the_audit(app: TestApp) {
    app.school("school-a", "").await;
    let mut admin = app.browser("admin").await;
    let (status, _) = admin
        .post(
            "/admin/users",
            &[
                ("login", "new.psy"),
                ("full_name", "Жаңа Психолог"),
                ("position", "psychologist"),
                ("second_position", ""),
                ("locale", "kk"),
                ("email", ""),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let id = app
        .store
        .user_by_login_any("new.psy")
        .await
        .unwrap()
        .unwrap()
        .id
        .0;
    let director = app.api(&app.token("director").await);
    let (status, error) = director
        .post(&format!("/api/v1/staff/{id}/confirm"), json!({}))
        .await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("own_password_first")),
        "not while the one-time password the administrator saw opens it"
    );
    // She chooses her own password.
    let own = app.store.user_by_login("new.psy").await.unwrap();
    let event = app.state.app.holder_event(
        own.organisation_id,
        senim_domain::audit::AuditAction::PasswordChanged,
    );
    app.store
        .set_password(own.id, "her-own-password-2026", None, &event)
        .await
        .unwrap();
    assert_eq!(
        director
            .post(&format!("/api/v1/staff/{id}/confirm"), json!({}))
            .await
            .0,
        200
    );
    assert_eq!(
        director
            .post(&format!("/api/v1/staff/{id}/deactivate"), json!({}))
            .await
            .0,
        200
    );
    let (_, trail) = director.get("/api/v1/audit").await;
    let events: Vec<(String, String, String)> = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["login"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
                e["account"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for expected in [
        ("admin", "account_created", "new.psy"),
        ("director", "account_confirmed", "new.psy"),
        ("director", "account_deactivated", "new.psy"),
        ("director", "token_created", ""),
    ] {
        let expected = (
            expected.0.to_owned(),
            expected.1.to_owned(),
            expected.2.to_owned(),
        );
        assert!(events.contains(&expected), "{expected:?} in {events:?}");
    }
    // The command line's own account is recorded as made by the server's holder, confirmed.
    let output = app.senim(&[
        "user",
        "add",
        "--school",
        "school-a",
        "--login",
        "first.head",
        "--full-name",
        "Бірінші Директор",
        "--position",
        "director",
        "--confirmed",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, trail) = director.get("/api/v1/audit").await;
    let made = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["account"] == "first.head")
        .cloned()
        .unwrap();
    assert_eq!(
        (made["login"].as_str(), made["detail"].as_str()),
        (Some(""), Some("confirmed"))
    );
}

/// The events of the school's trail as stored, in order.
async fn stored_events(app: &TestApp) -> Vec<(i64, AuditEvent, EntryHash)> {
    let rows = sqlx::query(
        "SELECT position, organisation_id, at, actor_id, login, positions, action, appeal_year, appeal_number, \
         subject_id, detail, prev_hash \
         FROM audit_events ORDER BY position",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    rows.iter()
        .map(|row| {
            let mut event = AuditEvent::new(
                row.get("organisation_id"),
                chrono::DateTime::from_timestamp(row.get("at"), 0).unwrap(),
                Actor {
                    user_id: row.get::<Option<i64>, _>("actor_id").map(UserId),
                    login: row.get("login"),
                    positions: row.get("positions"),
                },
                AuditAction::from_code(&row.get::<String, _>("action")).unwrap(),
            );
            event.subject = row.get::<Option<i64>, _>("subject_id").map(UserId);
            if let (Some(year), Some(number)) = (
                row.get::<Option<i64>, _>("appeal_year"),
                row.get::<Option<i64>, _>("appeal_number"),
            ) {
                event.appeal = Some(senim_domain::EntryRef {
                    year: JournalYear(year as i32),
                    number: senim_domain::JournalNumber(number),
                });
            }
            event.detail = row.get("detail");
            let prev = EntryHash::from_hex(&row.get::<String, _>("prev_hash")).unwrap();
            (row.get("position"), event, prev)
        })
        .collect()
}

async fn verify_finds_an_audit_event_or_a_journal_entry_rewritten_and_rehashed_without_the_key(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    for i in 1..=3 {
        let created = specialist
            .register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .await;
        specialist
            .get(&format!("/api/v1/appeals/{}", created["id"]))
            .await;
    }
    let intact = app.senim(&["verify"]);
    let stdout = String::from_utf8_lossy(&intact.stdout).into_owned();
    assert_eq!(intact.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("audit trail") && stdout.contains("fingerprint after No. 3"),
        "{stdout}"
    );

    // Someone with the database but not the key puts the reads on another person: they
    // rewrite the last event's login and recompute its hash and the chain's head.
    let events = stored_events(&app).await;
    let (position, mut event, prev) = events.last().cloned().unwrap();
    assert_eq!(event.action, AuditAction::AppealOpened);
    event.actor.login = "deputy".into();
    let forged = event.hash(prev);
    sqlx::query("UPDATE audit_events SET login = 'deputy', entry_hash = $1 WHERE position = $2")
        .bind(forged.to_hex())
        .bind(position)
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE audit_chains SET head_hash = $1")
        .bind(forged.to_hex())
        .execute(app.store.pool())
        .await
        .unwrap();
    let altered = app.senim(&["verify"]);
    let stdout = String::from_utf8_lossy(&altered.stdout).into_owned();
    assert_eq!(altered.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("ALTERED school-a audit trail"), "{stdout}");
    assert!(stdout.contains("without the key"), "{stdout}");
    assert!(
        stdout.contains("ok      school-a journal"),
        "the journal itself is intact: {stdout}"
    );

    // The same for the journal: entry 3's channel changed, its hash and the head recomputed.
    let record = app
        .store
        .journal(
            app.store.organisation_by_slug("school-a").await.unwrap().id,
            JournalYear(created_year(&app).await),
        )
        .await
        .unwrap()
        .pop()
        .unwrap();
    let mut appeal = record.appeal;
    let content = &appeal.content;
    appeal.content = AppealContent::from_storage(
        senim_domain::Channel::InPerson,
        content.received_at(),
        content.anonymous(),
        content.applicant().clone(),
        content.summary().to_owned(),
        content.category(),
    );
    let forged = entry_hash(appeal.prev_hash, &appeal, None);
    sqlx::query("UPDATE appeals SET channel = 'in_person', entry_hash = $1 WHERE number = 3")
        .bind(forged.to_hex())
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE journal_counters SET head_hash = $1")
        .bind(forged.to_hex())
        .execute(app.store.pool())
        .await
        .unwrap();
    let stdout = String::from_utf8(app.senim(&["verify"]).stdout).unwrap();
    assert!(stdout.contains("ALTERED school-a journal"), "{stdout}");
    assert!(!stdout.contains("Қоңырау"), "verify never prints appeal texts");
}

async fn created_year(app: &TestApp) -> i32 {
    senim_domain::time::local_year(app.state.app.now())
}

async fn a_journal_cut_short_with_its_counter_wound_back_is_found(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    for i in 1..=3 {
        specialist
            .register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .await;
    }
    // The last entry removed and the counter set to stand exactly at entry 2: every hash
    // still links, only the seal tells.
    let second: String = sqlx::query("SELECT entry_hash FROM appeals WHERE number = 2")
        .fetch_one(app.store.pool())
        .await
        .unwrap()
        .get("entry_hash");
    sqlx::query("DELETE FROM appeal_triage WHERE appeal_id IN (SELECT id FROM appeals WHERE number = 3)")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_events WHERE appeal_number = 3")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM appeals WHERE number = 3")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE journal_counters SET last_number = 2, head_hash = $1")
        .bind(second)
        .execute(app.store.pool())
        .await
        .unwrap();
    let output = app.senim(&["verify"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("ALTERED school-a journal") && stdout.contains("seal"),
        "{stdout}"
    );
}

async fn the_books_fingerprint_is_the_one_verify_prints(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    for i in 1..=2 {
        specialist
            .register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .await;
    }
    let year = created_year(&app).await;
    let output = app.senim(&["verify", "--school", "school-a", "--at", &format!("{year}/2")]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let fingerprint = stdout
        .lines()
        .find_map(|line| line.split("fingerprint ").nth(1))
        .unwrap()
        .trim()
        .to_owned();
    assert_eq!(fingerprint.len(), 14, "{stdout}");
    let client = signed_in(&app, "specialist").await;
    let academic = senim_app::exports::academic_year_of(app.state.app.clock.today());
    let path = scratch("book-fingerprint.pdf");
    let (status, _) = download(
        &client,
        &format!("{}/book.pdf?academic_year={academic}", app.base),
        &path,
    )
    .await;
    assert_eq!(status, 200);
    let (text, _) = pdf_text(&path);
    assert!(
        text.contains(&fingerprint),
        "the book prints {fingerprint}: {text}"
    );
    // Its download is in the audit.
    let (_, trail) = app
        .api(&app.token("director").await)
        .get("/api/v1/audit?login=specialist")
        .await;
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "document_downloaded" && e["detail"] == "registration_book"),
        "{trail}"
    );
}

async fn every_showing_of_an_appeal_is_in_the_audit_not_only_its_page(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    let created = specialist
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау шалды" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let mut social = app.browser("social").await;
    // A refused outcome shows the page again: that is a reading too.
    let (status, _) = social
        .post(&format!("/appeals/{id}/outcome"), &[("outcome", "")])
        .await;
    assert_eq!(status, 422);
    // The forwardings through the API carry the organisations' answers.
    let psychologist = app.api(&app.token("psychologist").await);
    assert_eq!(
        psychologist
            .get(&format!("/api/v1/appeals/{id}/forwardings"))
            .await
            .0,
        200
    );
    let director = app.api(&app.token("director").await);
    let (_, trail) = director.get("/api/v1/audit").await;
    let items = trail["items"].as_array().unwrap();
    let shown = |login: &str| {
        items
            .iter()
            .filter(|e| {
                e["action"] == "appeal_opened" && e["login"] == login && e["number"] == created["number"]
            })
            .count()
    };
    assert_eq!(shown("social"), 1, "{trail}");
    assert_eq!(shown("psychologist"), 1, "{trail}");
    assert!(
        items
            .iter()
            .any(|e| e["login"] == "psychologist" && e["detail"] == "forwardings"),
        "{trail}"
    );
}

both_backends!(
    every_showing_of_an_appeal_is_in_the_audit_not_only_its_page,
    an_appeal_opened_is_in_the_audit_with_its_number_and_never_its_text,
    only_the_heads_read_the_audit_and_everyone_sees_their_own_sign_ins,
    changes_to_accounts_and_tokens_are_in_the_audit,
    verify_finds_an_audit_event_or_a_journal_entry_rewritten_and_rehashed_without_the_key,
    a_journal_cut_short_with_its_counter_wound_back_is_found,
    the_books_fingerprint_is_the_one_verify_prints
);
