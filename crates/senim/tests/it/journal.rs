//! The registration journal: numbering, anonymity, corrections instead of deletion, outcomes.

use crate::helpers::*;
use chrono::{TimeZone, Utc};
use senim_domain::{AppealContent, Applicant, Category, Channel, JournalNumber, JournalYear};
use serde_json::json;

async fn fifty_concurrent_registrations_get_numbers_one_to_fifty(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let registrations = (0..50).map(|i| {
        let (client, base, token) = api.raw();
        let request = client
            .post(format!("{base}/api/v1/appeals"))
            .bearer_auth(token)
            .json(&json!({ "channel": "phone", "anonymous": true, "summary": format!("Қоңырау {i}") }))
            .send();
        async move {
            let response = request.await.unwrap();
            assert_eq!(response.status(), 201);
            response.json::<serde_json::Value>().await.unwrap()["number"]
                .as_i64()
                .unwrap()
        }
    });
    let mut numbers: Vec<i64> = futures_join_all(registrations).await;
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=50).collect::<Vec<_>>());
    let (status, journal) = api.get("/api/v1/appeals").await;
    assert_eq!(status, 200);
    assert_eq!(journal["items"].as_array().unwrap().len(), 50);
}

async fn numbering_restarts_on_new_year_in_kazakhstan_time(app: TestApp) {
    let school = app.school("school-a", "").await;
    let specialist = app.store.user_by_login("specialist").await.unwrap();
    let register = |at| {
        let content = AppealContent::new(
            Channel::Voicemail,
            at,
            true,
            Applicant::default(),
            "Дауыстық хабарлама",
            Category::UNSPECIFIED,
            at,
        )
        .unwrap();
        app.state
            .app
            .register_appeal(school.organisation.id, specialist.id, content, at)
    };
    let before = register(Utc.with_ymd_and_hms(2024, 12, 31, 18, 40, 0).unwrap())
        .await
        .unwrap();
    let second_before = register(Utc.with_ymd_and_hms(2024, 12, 31, 18, 50, 0).unwrap())
        .await
        .unwrap();
    // 2025-01-01 00:10 in Almaty, 2024-12-31 19:10 in UTC.
    let after = register(Utc.with_ymd_and_hms(2024, 12, 31, 19, 10, 0).unwrap())
        .await
        .unwrap();
    assert_eq!(
        (before.year, before.number),
        (JournalYear(2024), JournalNumber(1))
    );
    assert_eq!(
        (second_before.year, second_before.number),
        (JournalYear(2024), JournalNumber(2))
    );
    assert_eq!((after.year, after.number), (JournalYear(2025), JournalNumber(1)));
    let api = app.api(&app.token("specialist").await);
    let (_, journal) = api.get("/api/v1/appeals?year=2025").await;
    let items = journal["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["number"], 1);
    assert_eq!(items[0]["registered_at"], "2025-01-01T00:10:00+05:00");
    let (_, journal) = api.get("/api/v1/appeals?year=2024").await;
    assert_eq!(journal["items"].as_array().unwrap().len(), 2);
}

async fn each_school_numbers_its_own_journal(app: TestApp) {
    app.school("school-a", "a.").await;
    app.school("school-b", "b.").await;
    let a = app.api(&app.token("a.specialist").await);
    let b = app.api(&app.token("b.specialist").await);
    let body = json!({ "channel": "box_letter", "anonymous": true, "summary": "Хат" });
    assert_eq!(a.register(body.clone()).await["number"], 1);
    assert_eq!(a.register(body.clone()).await["number"], 2);
    let from_b = b.register(body).await;
    assert_eq!(from_b["number"], 1);
    // A school cannot read another's appeal: it does not exist for them.
    let (status, _) = a.get(&format!("/api/v1/appeals/{}", from_b["id"])).await;
    assert_eq!(status, 404);
    let (_, journal) = b.get("/api/v1/appeals").await;
    assert_eq!(journal["items"].as_array().unwrap().len(), 1);
}

async fn an_anonymous_appeal_keeps_column_c_empty(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, location) = browser
        .post(
            "/appeals",
            &[
                ("channel", "box_letter"),
                ("anonymous", "on"),
                ("summary", "Жатақханада ақшамды тартып алады"),
                ("category", "violence"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = browser.get(&location).await;
    assert!(page.contains("Өтініш"), "{page}");
    let api = app.api(&app.token("specialist").await);
    let (_, journal) = api.get("/api/v1/appeals").await;
    let entry = &journal["items"][0];
    assert_eq!(entry["anonymous"], true);
    assert!(entry["applicant"].is_null());
    // The journal's column c is an empty cell.
    let (_, page) = browser.get("/journal").await;
    let label = "data-label=\"Өтініш иесінің тегі, аты, әкесінің аты, мекен-жайы, байланыс телефоны\"></td>";
    assert!(page.contains(label), "column c is not empty: {page}");
}

async fn a_named_appeal_without_name_address_or_phone_is_refused_naming_the_field(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser
        .post(
            "/appeals",
            &[
                ("channel", "phone"),
                ("address", "  "),
                ("summary", "Қоңырау Ақтөбеден"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("тегі, аты, мекен-жайы немесе байланыс телефоны болуы керек"),
        "{page}"
    );
    assert!(
        page.contains("Қоңырау Ақтөбеден"),
        "the form keeps what was typed"
    );
    let api = app.api(&app.token("specialist").await);
    let (status, error) = api
        .post(
            "/api/v1/appeals",
            json!({ "channel": "phone", "anonymous": false, "summary": "x" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(error["code"], "applicant_required");
    assert_eq!(error["field"], "applicant");
    let (status, error) = api
        .post("/api/v1/appeals", json!({ "channel": "phone", "anonymous": true, "applicant": { "full_name": "Әлібек" }, "summary": "x" }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(error["code"], "applicant_given_for_anonymous");
    // Nothing was registered by the refused attempts.
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert!(journal["items"].as_array().unwrap().is_empty());
}

async fn a_correction_is_a_new_entry_and_nothing_is_deleted(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let original = api
        .register(json!({ "channel": "in_person", "anonymous": false, "applicant": { "full_name": "Серікова Айгүл" }, "summary": "Қате арна" }))
        .await;
    let id = original["id"].as_i64().unwrap();
    let (client, base, token) = api.raw();
    for method in [
        reqwest::Method::DELETE,
        reqwest::Method::PUT,
        reqwest::Method::PATCH,
    ] {
        let response = client
            .request(method.clone(), format!("{base}/api/v1/appeals/{id}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method} must not exist");
    }
    let mut browser = app.browser("specialist").await;
    let (status, _) = browser.post(&format!("/appeals/{id}/delete"), &[]).await;
    assert_eq!(status, 404);
    let (status, location) = browser
        .post(
            &format!("/appeals/{id}/corrections"),
            &[
                ("reason", "Арнасы қате көрсетілген"),
                ("channel", "phone"),
                ("full_name", "Серікова Айгүл"),
                ("summary", "Қате арна"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, correction_page) = browser.get(&location).await;
    assert!(correction_page.contains("Арнасы қате көрсетілген"));
    let (_, journal) = api.get("/api/v1/appeals").await;
    let items = journal["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "the original stays and the correction is added");
    let correction = &items[0];
    assert_eq!(correction["number"], 2);
    assert_eq!(correction["channel"], "phone");
    assert_eq!(correction["corrects"]["id"], id);
    assert_eq!(correction["corrects"]["number"], 1);
    let (_, original_now) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(
        original_now["channel"], "in_person",
        "the original is never overwritten"
    );
    assert_eq!(original_now["corrected_by"][0]["number"], 2);
    let (_, original_page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(original_page.contains("Бұл жазба түзетілген"), "{original_page}");
    // A correction without a reason is refused.
    let (status, error) = api
        .post(
            &format!("/api/v1/appeals/{id}/corrections"),
            json!({ "channel": "phone", "anonymous": true, "summary": "x" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(error["code"], "reason_required");
}

async fn the_outcome_fills_column_f_and_keeps_its_history(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Сыныптасы ұрады" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let mut browser = app.browser("psychologist").await;
    let (status, _) = browser
        .post(
            &format!("/appeals/{id}/outcome"),
            &[("outcome", "Сынып жетекшісімен әңгіме өтті")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{id}/outcome"),
            json!({ "outcome": "Ата-анамен кездесу өтті" }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, error) = api
        .post(
            &format!("/api/v1/appeals/{id}/outcome"),
            json!({ "outcome": "  " }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(error["code"], "outcome_required");
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["outcome"], "Ата-анамен кездесу өтті");
    assert_eq!(appeal["outcomes"].as_array().unwrap().len(), 2);
    let (_, journal) = browser.get("/journal").await;
    assert!(journal.contains("Ата-анамен кездесу өтті"));
    let (_, page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(
        page.contains("Сынып жетекшісімен әңгіме өтті"),
        "the earlier outcome stays in the history"
    );
}

async fn the_journal_filters_by_channel_anonymity_and_text(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Жатақханадағы ұрыс" }))
        .await;
    api.register(json!({ "channel": "box_letter", "anonymous": true, "summary": "Асхана туралы хат" }))
        .await;
    api.register(json!({ "channel": "email", "anonymous": false, "applicant": { "phone": "+7 701 000 00 00" }, "summary": "ЖАТАҚХАНА кілті" })).await;
    let mut browser = app.browser("deputy").await;
    let rows = |page: &str| page.matches("class=\"number\"").count();
    let (status, page) = browser.get("/journal").await;
    assert_eq!(status, 200);
    assert_eq!(rows(&page), 3);
    assert_eq!(rows(&browser.get("/journal?channel=box_letter").await.1), 1);
    assert_eq!(rows(&browser.get("/journal?anonymous=no").await.1), 1);
    assert_eq!(rows(&browser.get("/journal?anonymous=yes").await.1), 2);
    // Case-insensitive in Cyrillic, over the decrypted texts.
    assert_eq!(
        rows(&browser.get("/journal?q=%D0%B6%D0%B0%D1%82%D0%B0%D2%9B").await.1),
        2
    );
    let (status, _) = browser.get("/journal?channel=fax").await;
    assert_eq!(status, 400);
    let (status, _) = browser.get("/journal?year=nineteen").await;
    assert_eq!(status, 400);
}

async fn a_weekend_voicemail_may_be_registered_with_its_earlier_time(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, location) = browser
        .post(
            "/appeals",
            &[
                ("channel", "voicemail"),
                ("received_at", "2026-01-03T21:15"),
                ("anonymous", "on"),
                ("summary", "Демалыс күні қалдырылған хабарлама"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let api = app.api(&app.token("specialist").await);
    let (_, appeal) = api
        .get(
            &location
                .replace("/appeals/", "/api/v1/appeals/")
                .replace("?done=registered", ""),
        )
        .await;
    assert_eq!(appeal["received_at"], "2026-01-03T21:15:00+05:00");
    let (status, page) = browser
        .post(
            "/appeals",
            &[
                ("channel", "voicemail"),
                ("received_at", "2999-01-01T10:00"),
                ("anonymous", "on"),
                ("summary", "x"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Түскен уақыты қазіргі уақыттан кеш бола алмайды"));
}

async fn a_long_year_is_shown_a_hundred_entries_a_page_newest_first(app: TestApp) {
    let school = app.school("school-a", "").await;
    let specialist = app.store.user_by_login("specialist").await.unwrap();
    let start = Utc.with_ymd_and_hms(2025, 2, 3, 4, 0, 0).unwrap();
    for i in 0..105 {
        let at = start + chrono::Duration::minutes(i);
        let summary = if i == 2 { "Ерекше хат" } else { "Хат" };
        let content = AppealContent::new(
            Channel::BoxLetter,
            at,
            true,
            Applicant::default(),
            summary,
            Category::UNSPECIFIED,
            at,
        )
        .unwrap();
        app.state
            .app
            .register_appeal(school.organisation.id, specialist.id, content, at)
            .await
            .unwrap();
    }
    let mut browser = app.browser("director").await;
    let numbers = |page: &str| -> Vec<i64> {
        page.split("class=\"number\"")
            .skip(1)
            .map(|rest| {
                rest.split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let (_, first) = browser.get("/journal?year=2025").await;
    let shown = numbers(&first);
    assert_eq!(shown.len(), 100);
    assert_eq!((shown[0], shown[99]), (105, 6));
    assert!(first.contains("105 жазбаның 1–100"), "{first}");
    assert!(first.contains("page=2"));
    let (_, second) = browser.get("/journal?year=2025&page=2").await;
    assert_eq!(numbers(&second), vec![5, 4, 3, 2, 1]);
    let (_, beyond) = browser.get("/journal?year=2025&page=9").await;
    assert_eq!(
        numbers(&beyond),
        vec![5, 4, 3, 2, 1],
        "a page past the end shows the last page"
    );
    let (_, search) = browser
        .get("/journal?year=2025&q=%D0%B5%D1%80%D0%B5%D0%BA%D1%88%D0%B5")
        .await;
    assert_eq!(numbers(&search), vec![3], "the search looks through every page");
}
both_backends!(
    fifty_concurrent_registrations_get_numbers_one_to_fifty,
    numbering_restarts_on_new_year_in_kazakhstan_time,
    each_school_numbers_its_own_journal,
    an_anonymous_appeal_keeps_column_c_empty,
    a_named_appeal_without_name_address_or_phone_is_refused_naming_the_field,
    a_correction_is_a_new_entry_and_nothing_is_deleted,
    the_outcome_fills_column_f_and_keeps_its_history,
    the_journal_filters_by_channel_anonymity_and_text,
    a_weekend_voicemail_may_be_registered_with_its_earlier_time,
    a_long_year_is_shown_a_hundred_entries_a_page_newest_first
);

/// Waits for all futures, in order.
async fn futures_join_all<F>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut outputs = Vec::new();
    for handle in handles {
        outputs.push(handle.await.unwrap());
    }
    outputs
}

async fn an_appeal_is_classified_by_the_chi_framework_and_reclassified_later(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    let appeal = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Үзілісте ақша талап етеді", "category": "violence.bullying" }))
        .await;
    let id = appeal["id"].as_i64().unwrap();
    let (_, got) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(got["category"], "violence.bullying");
    assert_eq!(got["classification"]["contact_type"], serde_json::Value::Null);
    // Through the page: a form with the framework's values in Kazakh.
    let mut browser = app.browser("psychologist").await;
    let (_, page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(
        page.contains("Зорлық-зомбылық ›"),
        "the category is shown with its topic: {page}"
    );
    let (status, location) = browser
        .post(
            &format!("/appeals/{id}/classification"),
            &[
                ("contact_type", "child_about_self"),
                ("incident_location", "school"),
                ("interventions", "school_psychologist"),
                ("interventions", "school_counselling"),
                ("age", "13"),
                ("gender", "boy"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, got) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(got["classification"]["contact_type"], "child_about_self");
    assert_eq!(got["classification"]["incident_location"], "school");
    assert_eq!(
        got["classification"]["interventions"],
        json!(["school_psychologist", "school_counselling"])
    );
    assert_eq!(got["classification"]["age"], 13);
    assert_eq!(got["classification"]["gender"], "boy");
    // A reader sees the values as text.
    let mut director = app.browser("director").await;
    let (_, page) = director.get(&format!("/appeals/{id}")).await;
    assert!(page.contains("Білім беру ұйымы"), "{page}");
    // Changed later through the API; wrong values are refused naming the field.
    let (status, refused) = api
        .post(
            &format!("/api/v1/appeals/{id}/classification"),
            json!({ "age": 40 }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "age");
    let (status, refused) = api
        .post(
            &format!("/api/v1/appeals/{id}/classification"),
            json!({ "interventions": ["magic"] }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "interventions");
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{id}/classification"),
            json!({ "contact_type": "about_a_child" }),
        )
        .await;
    assert_eq!(status, 200);
    let (_, got) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(got["classification"]["contact_type"], "about_a_child");
    assert_eq!(
        got["classification"]["age"],
        serde_json::Value::Null,
        "the whole record is replaced"
    );
    let (status, _) = app
        .api(&app.token("b-specialist").await)
        .post(&format!("/api/v1/appeals/{id}/classification"), json!({}))
        .await;
    assert_eq!(status, 404);
    let (status, refused) = api
        .post(
            "/api/v1/appeals",
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "category": "violence.runaway" }),
        )
        .await;
    assert_eq!(status, 422, "a sub-category belongs to its topic");
    assert_eq!(refused["field"], "category");
}
both_backends!(an_appeal_is_classified_by_the_chi_framework_and_reclassified_later);
