//! Each action is one transaction: a failure anywhere inside it leaves all of it or none.
//! The failures are real ones, raised by the database itself (a trigger that refuses a row),
//! on both backends.

use serde_json::json;

use crate::helpers::*;

/// Makes the database refuse every new row of `table` until `allow` is called.
async fn refuse_rows_of(app: &TestApp, table: &str) {
    let statements = match app.backend {
        Backend::Sqlite => vec![format!(
            "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )],
        Backend::Postgres => vec![
            "CREATE OR REPLACE FUNCTION refuse_by_test() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
                .to_owned(),
            format!(
                "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION refuse_by_test()"
            ),
        ],
    };
    for statement in statements {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(app.store.pool())
            .await
            .unwrap();
    }
}

async fn allow_rows_of(app: &TestApp, table: &str) {
    let statement = match app.backend {
        Backend::Sqlite => format!("DROP TRIGGER refuse_{table}"),
        Backend::Postgres => format!("DROP TRIGGER refuse_{table} ON {table}"),
    };
    sqlx::query(sqlx::AssertSqlSafe(statement))
        .execute(app.store.pool())
        .await
        .unwrap();
}

async fn journal_numbers(api: &Api) -> Vec<i64> {
    let (status, journal) = api.get("/api/v1/appeals").await;
    assert_eq!(status, 200);
    let mut numbers: Vec<i64> = journal["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["number"].as_i64().unwrap())
        .collect();
    numbers.sort_unstable();
    numbers
}

async fn a_registration_whose_screening_cannot_be_kept_leaves_no_entry_and_no_gap(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Бірінші қоңырау" }))
        .await;
    // The screening's row is written after the entry, in the same transaction.
    refuse_rows_of(&app, "appeal_triage").await;
    let body = json!({ "channel": "phone", "anonymous": true, "summary": "Екінші қоңырау" });
    let (status, error) = api.post("/api/v1/appeals", body.clone()).await;
    assert_eq!(status, 500, "{error}");
    assert_eq!(
        journal_numbers(&api).await,
        vec![1],
        "the refused entry is not in the journal"
    );
    allow_rows_of(&app, "appeal_triage").await;
    let (status, registered) = api.post("/api/v1/appeals", body).await;
    assert_eq!(status, 201, "{registered}");
    assert_eq!(
        registered["number"], 2,
        "the number the refused entry had taken is given again: no gap"
    );
    assert_eq!(journal_numbers(&api).await, vec![1, 2]);
    assert!(
        app.store.verify().await.unwrap().is_intact(),
        "the chain's head was not moved by the refused entry"
    );
}

async fn an_urgent_appeal_is_never_in_the_journal_without_its_alerts(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let urgent =
        json!({ "channel": "phone", "anonymous": true, "summary": "Өмір сүргім келмейді, өзімді өлтіремін" });
    refuse_rows_of(&app, "urgent_alerts").await;
    let (status, _) = api.post("/api/v1/appeals", urgent.clone()).await;
    assert_eq!(status, 500);
    assert!(
        journal_numbers(&api).await.is_empty(),
        "no urgent entry without its alerts"
    );
    allow_rows_of(&app, "urgent_alerts").await;
    let (status, registered) = api.post("/api/v1/appeals", urgent).await;
    assert_eq!(status, 201);
    assert_eq!(registered["number"], 1);
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{}", registered["id"])).await;
    assert_eq!(appeal["urgent"], true, "{appeal}");
    let alerts: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS queued FROM urgent_alerts")
            .fetch_one(app.store.pool())
            .await
            .unwrap(),
        "queued",
    );
    assert_eq!(
        alerts, 3,
        "one for each member of staff who registers appeals and has an address"
    );
}

async fn an_answer_whose_outcome_cannot_be_kept_leaves_the_forwarding_open(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "box_letter", "anonymous": true, "summary": "Хат" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][2]["id"].as_i64().unwrap();
    let (status, forwarding) = api
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "telephonogram" }),
        )
        .await;
    assert_eq!(status, 201);
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    let answer = json!({ "answer": "Отбасымен жұмыс жүргізілді" });
    refuse_rows_of(&app, "appeal_outcomes").await;
    let (status, _) = api
        .post(
            &format!("/api/v1/forwardings/{forwarding_id}/answer"),
            answer.clone(),
        )
        .await;
    assert_eq!(status, 500);
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert_eq!(
        monitoring["items"][0]["id"], forwarding_id,
        "still open: the answer was not kept without its outcome"
    );
    allow_rows_of(&app, "appeal_outcomes").await;
    let (status, answered) = api
        .post(&format!("/api/v1/forwardings/{forwarding_id}/answer"), answer)
        .await;
    assert_eq!(status, 200, "the answer can be given again");
    assert_eq!(answered["status"], "answered");
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["outcome"], "Отбасымен жұмыс жүргізілді");
    assert!(app.store.verify().await.unwrap().is_intact());
}

both_backends!(
    a_registration_whose_screening_cannot_be_kept_leaves_no_entry_and_no_gap,
    an_urgent_appeal_is_never_in_the_journal_without_its_alerts,
    an_answer_whose_outcome_cannot_be_kept_leaves_the_forwarding_open,
);
