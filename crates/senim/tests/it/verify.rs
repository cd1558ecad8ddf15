//! `senim verify`: the journal is tamper-evident.

use serde_json::json;

both_backends! {
    async fn verify_names_the_entry_whose_summary_was_changed_behind_senims_back(app: TestApp) {
        app.school("school-a", "").await;
        let api = app.api(&app.token("specialist").await);
        for i in 1..=3 {
            api.register(json!({ "channel": "box_letter", "anonymous": true, "summary": format!("Хат {i}") })).await;
        }
        let created = api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" })).await;
        api.post(&format!("/api/v1/appeals/{}/outcome", created["id"]), json!({ "outcome": "Шешілді" })).await;
        let intact = app.senim(&["verify"]);
        let stdout = String::from_utf8_lossy(&intact.stdout);
        assert_eq!(intact.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&intact.stderr));
        assert!(stdout.contains("4 entries intact"), "{stdout}");

        // Someone with database access swaps entry 2's summary for entry 3's (both validly sealed).
        sqlx::query("UPDATE appeals SET summary = (SELECT summary FROM appeals WHERE number = 3) WHERE number = 2")
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
            api.register(json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") })).await;
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
        sqlx::query("DELETE FROM appeals WHERE number = 3").execute(app.store.pool()).await.unwrap();
        let output = app.senim(&["verify"]);
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(stdout.contains("entry No. 3 was registered but is missing"), "{stdout}");
    }
}
