//! `senim verify`: the journal is tamper-evident.

use crate::helpers::*;
use serde_json::json;

async fn verify_names_the_entry_whose_summary_was_changed_behind_senims_back(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    for i in 1..=3 {
        api.register(json!({ "channel": "box_letter", "anonymous": true, "summary": format!("Хат {i}") }))
            .await;
    }
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    api.post(
        &format!("/api/v1/appeals/{}/outcome", created["id"]),
        json!({ "outcome": "Шешілді" }),
    )
    .await;
    let intact = app.senim(&["verify"]);
    let stdout = String::from_utf8_lossy(&intact.stdout);
    assert_eq!(
        intact.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert!(stdout.contains("4 entries intact"), "{stdout}");

    // Someone with database access swaps entry 2's summary for entry 3's (both validly sealed).
    sqlx::query(
        "UPDATE appeals SET summary = (SELECT summary FROM appeals WHERE number = 3) WHERE number = 2",
    )
    .execute(app.store.pool())
    .await
    .unwrap();
    let altered = app.senim(&["verify"]);
    let stdout = String::from_utf8_lossy(&altered.stdout);
    assert_eq!(altered.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("entry No. 2 was altered"), "{stdout}");
    assert!(!stdout.contains("Хат"), "verify never prints appeal texts");
}

async fn verify_finds_a_deleted_last_entry_and_a_changed_date(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    for i in 1..=3 {
        api.register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .await;
    }
    sqlx::query("UPDATE appeals SET received_at = received_at - 86400 WHERE number = 1")
        .execute(app.store.pool())
        .await
        .unwrap();
    let stdout = String::from_utf8(app.senim(&["verify"]).stdout).unwrap();
    assert!(stdout.contains("entry No. 1 was altered"), "{stdout}");
    sqlx::query("UPDATE appeals SET received_at = received_at + 86400 WHERE number = 1")
        .execute(app.store.pool())
        .await
        .unwrap();
    assert_eq!(app.senim(&["verify"]).status.code(), Some(0));
    sqlx::query("DELETE FROM appeal_triage WHERE appeal_id IN (SELECT id FROM appeals WHERE number = 3)")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM appeals WHERE number = 3")
        .execute(app.store.pool())
        .await
        .unwrap();
    let output = app.senim(&["verify"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout.contains("entry No. 3 was registered but is missing"),
        "{stdout}"
    );
}

async fn verify_finds_an_outcome_or_a_correction_moved_to_another_entry(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let first = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Бірінші" }))
        .await;
    let second = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Екінші" }))
        .await;
    api.post(
        &format!("/api/v1/appeals/{}/outcome", first["id"]),
        json!({ "outcome": "Шешілді" }),
    )
    .await;
    api.post(
        &format!("/api/v1/appeals/{}/corrections", first["id"]),
        json!({ "channel": "email", "anonymous": true, "summary": "Бірінші", "reason": "Арна" }),
    )
    .await;
    assert_eq!(app.senim(&["verify"]).status.code(), Some(0));
    let moved = format!(
        "UPDATE appeal_outcomes SET appeal_id = {} WHERE appeal_id = {}",
        second["id"], first["id"]
    );
    sqlx::query(sqlx::AssertSqlSafe(moved))
        .execute(app.store.pool())
        .await
        .unwrap();
    let stdout = String::from_utf8(app.senim(&["verify"]).stdout).unwrap();
    assert!(stdout.contains("outcome record 1 was altered"), "{stdout}");
    let back = format!(
        "UPDATE appeal_outcomes SET appeal_id = {} WHERE appeal_id = {}",
        first["id"], second["id"]
    );
    sqlx::query(sqlx::AssertSqlSafe(back))
        .execute(app.store.pool())
        .await
        .unwrap();
    let retargeted = format!(
        "UPDATE appeals SET corrects_id = {} WHERE number = 3",
        second["id"]
    );
    sqlx::query(sqlx::AssertSqlSafe(retargeted))
        .execute(app.store.pool())
        .await
        .unwrap();
    let stdout = String::from_utf8(app.senim(&["verify"]).stdout).unwrap();
    assert!(stdout.contains("entry No. 3 was altered"), "{stdout}");
}

async fn verify_reports_a_deleted_counter_and_a_wound_back_one(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    for i in 1..=2 {
        api.register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .await;
    }
    sqlx::query("DELETE FROM appeal_triage WHERE appeal_id IN (SELECT id FROM appeals WHERE number = 2)")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM appeals WHERE number = 2")
        .execute(app.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE journal_counters SET last_number = 1")
        .execute(app.store.pool())
        .await
        .unwrap();
    let output = app.senim(&["verify"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout.contains("its counter says otherwise"), "{stdout}");
    sqlx::query("DELETE FROM journal_counters")
        .execute(app.store.pool())
        .await
        .unwrap();
    let stdout = String::from_utf8(app.senim(&["verify"]).stdout).unwrap();
    assert!(stdout.contains("counter is gone"), "{stdout}");
}

async fn verify_while_appeals_are_registered_finds_the_journal_intact(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let (client, base, token) = api.raw();
    let registrations: Vec<_> = (0..40)
        .map(|i| {
            let request = client
                .post(format!("{base}/api/v1/appeals"))
                .bearer_auth(token)
                .json(&json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
                .send();
            tokio::spawn(async move { assert_eq!(request.await.unwrap().status(), 201) })
        })
        .collect();
    let verifying = {
        let data = app.data.clone();
        let url = app.database_url.clone();
        tokio::task::spawn_blocking(move || {
            (0..3)
                .map(|_| {
                    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_senim"));
                    command
                        .arg("verify")
                        .arg("--data")
                        .arg(&data)
                        .env_remove("SENIM_DATABASE_URL");
                    if let Some(url) = &url {
                        command.arg("--database-url").arg(url);
                    }
                    command.output().unwrap()
                })
                .collect::<Vec<_>>()
        })
    };
    for registration in registrations {
        registration.await.unwrap();
    }
    for output in verifying.await.unwrap() {
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
both_backends!(
    verify_names_the_entry_whose_summary_was_changed_behind_senims_back,
    verify_finds_a_deleted_last_entry_and_a_changed_date,
    verify_finds_an_outcome_or_a_correction_moved_to_another_entry,
    verify_reports_a_deleted_counter_and_a_wound_back_one,
    verify_while_appeals_are_registered_finds_the_journal_intact
);
