//! Every appeal watched to its end: the school's own deadline on each appeal, the 3-day and
//! «at once» duties, extensions, the person responsible, the monitoring, the journal's marks
//! and each person's day.

use serde_json::{Value, json};

use crate::helpers::*;

/// Wednesday 2 December 2026, 10:00 in Almaty.
fn wednesday(app: &TestApp) {
    app.state.app.clock.set(almaty(2026, 12, 2, 10, 0));
}

fn named(received_at: &str, summary: &str) -> Value {
    json!({
        "channel": "phone",
        "anonymous": false,
        "applicant": { "full_name": "Серікова Айгүл", "phone": "+7 701 555 12 34" },
        "summary": summary,
        "received_at": received_at,
    })
}

fn duties_of<'a>(items: &'a Value, appeal: &Value) -> Vec<&'a Value> {
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["appeal_id"] == appeal["id"] && item["kind"] == "duty")
        .collect()
}

async fn an_appeal_left_twenty_working_days_is_overdue_in_monitoring_and_the_journal(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    // Tuesday 3 November: 15 working days end on Tuesday 24 November.
    let late = api
        .register(named(
            "2026-11-03T10:00:00+05:00",
            "Асханадағы тамақ туралы шағым",
        ))
        .await;
    let fresh = api
        .register(named("2026-12-01T11:00:00+05:00", "Кітапхананың жұмыс уақыты"))
        .await;
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{}", late["id"])).await;
    assert_eq!(appeal["due_on"], "2026-11-24", "{appeal}");
    assert_eq!(appeal["responsible"], "specialist");
    assert_eq!(appeal["duties"][0]["status"], "overdue");
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    let late_duties = duties_of(&monitoring["items"], &late);
    assert_eq!(late_duties.len(), 1, "{monitoring}");
    assert_eq!(late_duties[0]["rule"], "consideration");
    assert_eq!(late_duties[0]["status"], "overdue");
    assert_eq!(late_duties[0]["due_on"], "2026-11-24");
    let fresh_duties = duties_of(&monitoring["items"], &fresh);
    assert_eq!(fresh_duties[0]["status"], "on_time", "{monitoring}");
    assert_eq!(
        monitoring["items"][0]["appeal_id"], late["id"],
        "the earliest deadline first"
    );

    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/monitoring").await;
    assert!(page.contains("мерзімі өткен (1)"), "{page}");
    assert!(page.contains("қарау"), "the duty is named: {page}");
    let (_, journal) = browser.get("/journal").await;
    assert_eq!(
        journal.matches("badge overdue").count(),
        1,
        "only the late appeal's row is marked: {journal}"
    );

    // Considered: nothing is left to watch.
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/outcome", late["id"]),
            json!({ "outcome": "Асхана мәзірі қайта қаралды" }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert!(duties_of(&monitoring["items"], &late).is_empty(), "{monitoring}");
    let (_, journal) = browser.get("/journal").await;
    assert!(!journal.contains("badge overdue"));
}

async fn an_appeal_received_on_a_friday_evening_counts_from_monday(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let evening = api
        .register(named("2026-11-27T19:00:00+05:00", "Жатақхана туралы сұрақ"))
        .await;
    let saturday = api
        .register(named("2026-11-28T12:00:00+05:00", "Жатақхана туралы сұрақ"))
        .await;
    let afternoon = api
        .register(named("2026-11-27T15:00:00+05:00", "Жатақхана туралы сұрақ"))
        .await;
    // From Monday 30 November, Independence Day (16 December) skipped.
    assert_eq!(api_due(&app, &evening).await, "2026-12-22");
    assert_eq!(api_due(&app, &saturday).await, "2026-12-22");
    assert_eq!(
        api_due(&app, &afternoon).await,
        "2026-12-21",
        "in working hours it counts from Friday"
    );
}

async fn api_due(app: &TestApp, appeal: &Value) -> String {
    let api = app.api(&app.token("specialist").await);
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    body["due_on"].as_str().unwrap().to_owned()
}

async fn an_extension_moves_the_deadline_needs_a_reason_and_asks_to_tell_the_applicant(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let appeal = api
        .register(named(
            "2026-11-20T10:00:00+05:00",
            "Сынып жетекшісінің әрекеті туралы",
        ))
        .await;
    let path = format!("/api/v1/appeals/{}/extensions", appeal["id"]);
    let (status, refused) = api
        .post(&path, json!({ "due_on": "2027-01-15", "reason": "  " }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "reason", "{refused}");
    let (status, refused) = api
        .post(&path, json!({ "due_on": "2027-02-01", "reason": "Тексеру" }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "beyond_limit", "two months at most: {refused}");
    let (status, extended) = api
        .post(
            &path,
            json!({ "due_on": "2027-01-15", "reason": "Куәгерлер каникулда, тексеру созылады" }),
        )
        .await;
    assert_eq!(status, 201, "{extended}");
    assert_eq!(extended["due_on"], "2027-01-15");
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    assert_eq!(body["due_on"], "2027-01-15");
    let rules: Vec<&str> = body["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|duty| duty["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["extension_notice", "extension_limit"], "{body}");
    // The head's reason is the appeal's text: sealed at rest, shown on the page.
    assert!(!app.database_contains("Куәгерлер каникулда").await);
    let mut browser = app.browser("specialist").await;
    // A refused form comes back with the reason it was refused and what was typed.
    let (status, page) = browser
        .post(
            &format!("/appeals/{}/extensions", appeal["id"]),
            &[
                ("due_on", "2027-02-01"),
                ("reason", "Сараптама қорытындысы күтілуде"),
                ("decided_on", ""),
                ("told_on", ""),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("екі айдан аспайды") && page.contains("Сараптама қорытындысы күтілуде"),
        "{page}"
    );
    let (_, page) = browser.get(&format!("/appeals/{}", appeal["id"])).await;
    assert!(page.contains("Куәгерлер каникулда"), "{page}");
    assert!(page.contains("Өтініш иесіне әлі хабарланбаған"));
    let (status, _) = browser
        .post(
            &format!("/appeals/{}/extension-notice", appeal["id"]),
            &[("told_on", "2026-12-02")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    assert_eq!(body["extension"]["told_on"], "2026-12-02");
    assert_eq!(body["duties"].as_array().unwrap().len(), 1, "{body}");
    let (status, again) = api
        .post(
            &format!("/api/v1/appeals/{}/extension-notice", appeal["id"]),
            json!({ "told_on": "2026-12-02" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(again["code"], "already_told", "{again}");
    assert_eq!(app.audit_count("consideration_extended").await, 1);
    assert_eq!(app.audit_count("extension_notice_recorded").await, 1);
}

async fn an_anonymous_letter_about_a_crime_against_a_child_must_go_at_once(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let letter = api
        .register(json!({
            "channel": "box_letter",
            "anonymous": true,
            "summary": "Өгей әкесі баланы ұрып-соғады, бүгін де соққы жеді",
            "received_at": "2026-12-01T16:00:00+05:00",
        }))
        .await;
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", letter["id"])).await;
    assert_eq!(body["urgent"], true, "{body}");
    let at_once: Vec<&Value> = body["duties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|duty| duty["rule"] == "forward_at_once")
        .collect();
    assert_eq!(at_once.len(), 1, "{body}");
    assert_eq!(at_once[0]["due_on"], "2026-12-01");
    assert_eq!(at_once[0]["status"], "overdue", "a day later it is overdue");
    let psychologist = app.api(&app.token("psychologist").await);
    let (_, day) = psychologist.get("/api/v1/my-day").await;
    assert_eq!(
        day["urgent"][0]["appeal_id"], letter["id"],
        "everyone who reads appeals sees it: {day}"
    );
    let mut browser = app.browser("psychologist").await;
    let (_, page) = browser.get("/today").await;
    assert!(
        page.contains("Шұғыл: әлі тапсырылмаған және жіберілмеген"),
        "{page}"
    );

    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/handovers", letter["id"]),
            json!({ "service": "102" }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", letter["id"])).await;
    let rules: Vec<&str> = body["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|duty| duty["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["consideration"], "handed over, still to be considered");
}

async fn an_appeal_outside_the_schools_competence_is_forwarded_within_three_working_days(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let appeal = api
        .register(named("2026-12-02T09:30:00+05:00", "Аулада жарық жоқ, әкімдікке"))
        .await;
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/outside-competence", appeal["id"]),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, day) = api.get("/api/v1/my-day").await;
    assert_eq!(day["to_forward"][0]["appeal_id"], appeal["id"], "{day}");
    assert_eq!(day["to_forward"][0]["due_on"], "2026-12-07");
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][0]["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/forwardings", appeal["id"]),
            json!({ "executing_organisation_id": organisation, "channel": "fax" }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    let kinds: Vec<&str> = body["duties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|duty| duty["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["forwarding"],
        "only the forwarding's answer is awaited: {body}"
    );
    assert_eq!(body["due_on"], body["duties"][0]["due_on"]);
}

async fn a_correction_is_one_appeal_to_watch(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let first = api
        .register(named("2026-11-30T10:00:00+05:00", "Сабақ кестесі туралы"))
        .await;
    let (status, correction) = api
        .post(
            &format!("/api/v1/appeals/{}/corrections", first["id"]),
            json!({ "channel": "in_person", "anonymous": false,
                    "applicant": { "full_name": "Серікова Айгүл" },
                    "summary": "Сабақ кестесі туралы", "received_at": "2026-11-30T10:00:00+05:00",
                    "reason": "арна қате көрсетілген" }),
        )
        .await;
    assert_eq!(status, 201, "{correction}");
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    let items = monitoring["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{monitoring}");
    assert_eq!(items[0]["appeal_id"], correction["id"], "the correction stands");
}

async fn an_appeal_given_to_another_keeps_the_change_in_its_history(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    // Overdue since 24 November: it stands in its responsible person's day.
    let appeal = api
        .register(named("2026-11-03T10:00:00+05:00", "Оқушының сабаққа келмеуі"))
        .await;
    let overdue_of = async |login: &str| -> Vec<Value> {
        let (_, day) = app.api(&app.token(login).await).get("/api/v1/my-day").await;
        day["overdue"].as_array().unwrap().clone()
    };
    assert_eq!(overdue_of("specialist").await.len(), 1);
    assert!(overdue_of("social").await.is_empty());
    let path = format!("/api/v1/appeals/{}/responsible", appeal["id"]);
    for refused in ["admin", "b-psychologist", "nobody"] {
        let (status, body) = api.post(&path, json!({ "login": refused })).await;
        assert_eq!(status, 422, "{refused}: {body}");
        assert_eq!(body["code"], "not_a_registrar");
    }
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get(&format!("/appeals/{}", appeal["id"])).await;
    let social = app.store.user_by_login("social").await.unwrap().id.0.to_string();
    assert!(page.contains("Жауаптыны ауыстыру"), "{page}");
    let (status, _) = browser
        .post(
            &format!("/appeals/{}/responsible", appeal["id"]),
            &[("user_id", &social)],
        )
        .await;
    assert_eq!(status, 303);
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    assert_eq!(body["responsible"], "social");
    let (_, page) = browser.get(&format!("/appeals/{}", appeal["id"])).await;
    assert!(
        page.contains("жауапты болды"),
        "the change is in the history: {page}"
    );
    assert_eq!(app.audit_count("appeal_assigned").await, 1);
    // The social pedagogue's day has it; the specialist's no longer does.
    assert_eq!(overdue_of("social").await[0]["appeal_id"], appeal["id"]);
    assert!(overdue_of("specialist").await.is_empty());
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert_eq!(monitoring["items"][0]["responsible"], "social");
}

/// An appeal the social pedagogue registered before she left the school: nobody holds it.
async fn nobodys_appeal(app: &TestApp, received_at: &str, summary: &str) {
    let social = app.api(&app.token("social").await);
    social.register(named(received_at, summary)).await;
    let id = app.store.user_by_login("social").await.unwrap().id.0;
    let (status, body) = app
        .api(&app.token("director").await)
        .post(&format!("/api/v1/staff/{id}/deactivate"), json!({}))
        .await;
    assert_eq!(status, 200, "{body}");
}

async fn my_day_lists_what_is_due_and_the_heads_see_what_nobody_holds(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let overdue = api
        .register(named("2026-11-03T10:00:00+05:00", "Мектеп формасы туралы"))
        .await;
    // Received on Friday 13 November: 15 working days end on Friday 4 December, this week.
    let this_week = api
        .register(named("2026-11-13T10:00:00+05:00", "Үйірме кестесі"))
        .await;
    let (_, day) = api.get("/api/v1/my-day").await;
    assert_eq!(day["overdue"][0]["appeal_id"], overdue["id"], "{day}");
    assert_eq!(day["this_week"][0]["appeal_id"], this_week["id"], "{day}");
    // The social pedagogue registers a letter and leaves the school: nobody holds it now.
    nobodys_appeal(&app, "2026-12-02T09:30:00+05:00", "Дәретханада есік құлпы сынған").await;
    let deputy = app.api(&app.token("deputy").await);
    let (_, day) = deputy.get("/api/v1/my-day").await;
    assert_eq!(
        day["overdue"][0]["appeal_id"], overdue["id"],
        "a head sees everyone's: {day}"
    );
    assert_eq!(day["unassigned"].as_array().unwrap().len(), 1, "{day}");
    let psychologist = app.api(&app.token("psychologist").await);
    let (_, day) = psychologist.get("/api/v1/my-day").await;
    assert!(
        day["overdue"].as_array().unwrap().is_empty(),
        "not the psychologist's: {day}"
    );
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/today").await;
    assert!(
        page.contains("Мерзімі өткен (1)") && page.contains("Осы аптада (1)"),
        "{page}"
    );
    assert!(page.contains("Жауаптысы жоқ өтініштер (1)"), "{page}");
    for secret in ["Мектеп формасы", "Серікова", "есік құлпы"] {
        assert!(!page.contains(secret), "the day shows numbers only, not {secret}");
    }
    // «Take it»: the specialist holds the box letter from now on.
    let unassigned = &deputy.get("/api/v1/my-day").await.1["unassigned"][0]["appeal_id"];
    let specialist_id = app
        .store
        .user_by_login("specialist")
        .await
        .unwrap()
        .id
        .0
        .to_string();
    let (status, _) = browser
        .post(
            &format!("/appeals/{unassigned}/responsible"),
            &[("user_id", &specialist_id)],
        )
        .await;
    assert_eq!(status, 303);
    let (_, day) = deputy.get("/api/v1/my-day").await;
    assert!(day["unassigned"].as_array().unwrap().is_empty(), "{day}");
}

async fn another_schools_appeal_is_not_found_by_any_of_these_actions(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let theirs = app
        .api(&app.token("b-specialist").await)
        .register(named("2026-11-03T10:00:00+05:00", "Басқа мектептің өтініші"))
        .await;
    let api = app.api(&app.token("specialist").await);
    let id = &theirs["id"];
    for (path, body) in [
        (
            format!("/api/v1/appeals/{id}/responsible"),
            json!({ "login": "specialist" }),
        ),
        (
            format!("/api/v1/appeals/{id}/extensions"),
            json!({ "due_on": "2026-12-20", "reason": "тексеру", "decided_on": "2026-11-20" }),
        ),
        (format!("/api/v1/appeals/{id}/extension-notice"), json!({})),
        (format!("/api/v1/appeals/{id}/outside-competence"), json!({})),
    ] {
        let (status, answer) = api.post(&path, body).await;
        assert_eq!(status, 404, "{path}: {answer}");
    }
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert!(monitoring["items"].as_array().unwrap().is_empty(), "{monitoring}");
    let mut browser = app.browser("specialist").await;
    for path in [
        "responsible",
        "extensions",
        "extension-notice",
        "outside-competence",
    ] {
        let (status, _) = browser
            .post(&format!("/appeals/{id}/{path}"), &[("user_id", "1")])
            .await;
        assert_eq!(status, 404, "{path}");
    }
    // Reading appeals is not registering them: the heads see, the specialists act.
    let deputy = app.api(&app.token("deputy").await);
    let own = api
        .register(named("2026-12-01T10:00:00+05:00", "Өз өтінішіміз"))
        .await;
    let (status, _) = deputy
        .post(
            &format!("/api/v1/appeals/{}/outside-competence", own["id"]),
            json!({}),
        )
        .await;
    assert_eq!(status, 403);
}

async fn a_named_applicant_is_told_of_the_forwarding_in_kazakh_or_russian(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let appeal = api
        .register(json!({
            "channel": "phone",
            "anonymous": false,
            "applicant": { "full_name": "Серікова Айгүл", "address": "Ақтөбе қ., Абай к-сі, 5", "phone": "+7 701 555 12 34" },
            "summary": "Көршінің баласы туралы",
            "received_at": "2026-12-01T10:00:00+05:00",
        }))
        .await;
    let anonymous = api
        .register(
            json!({ "channel": "phone", "anonymous": true, "summary": "Аноним хабарлама",
                          "received_at": "2026-12-01T10:00:00+05:00" }),
        )
        .await;
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][0]["id"].as_i64().unwrap();
    let name_kk = directory["items"][0]["name_kk"].as_str().unwrap().to_owned();
    let mut forwardings = Vec::new();
    for appeal in [&appeal, &anonymous] {
        let (status, forwarding) = api
            .post(
                &format!("/api/v1/appeals/{}/forwardings", appeal["id"]),
                json!({ "executing_organisation_id": organisation, "channel": "fax" }),
            )
            .await;
        assert_eq!(status, 201);
        forwardings.push(forwarding["id"].clone());
    }
    let mut browser = app.browser("specialist").await;
    let (status, kk) = browser
        .get(&format!("/forwardings/{}/notice", forwardings[0]))
        .await;
    assert_eq!(status, 200);
    assert!(
        kk.contains("Серікова Айгүл")
            && kk.contains("Абай к-сі")
            && kk.contains("65-бабына")
            && kk.contains(&name_kk)
            && kk.contains("№ 1"),
        "{kk}"
    );
    let (_, ru) = browser
        .get(&format!("/forwardings/{}/notice?lang=ru", forwardings[0]))
        .await;
    assert!(
        ru.contains("Уведомление о направлении обращения") && ru.contains("статьёй 65"),
        "{ru}"
    );
    assert_eq!(
        browser
            .get(&format!("/forwardings/{}/notice", forwardings[1]))
            .await
            .0,
        404,
        "an anonymous applicant has nobody to tell"
    );
    let (status, _) = browser
        .post(
            &format!("/forwardings/{}/notice", forwardings[0]),
            &[("sent_on", "2026-12-02"), ("channel", "post")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = browser.get(&format!("/appeals/{}", appeal["id"])).await;
    assert!(
        page.contains("Өтініш иесіне 02.12.2026 хабарланды: поштамен жіберілді"),
        "{page}"
    );
    let (status, again) = api
        .post(
            &format!("/api/v1/forwardings/{}/notice", forwardings[0]),
            json!({ "channel": "hand" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(again["code"], "already_recorded");
    let (status, refused) = api
        .post(
            &format!("/api/v1/forwardings/{}/notice", forwardings[1]),
            json!({ "channel": "hand" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "anonymous");
    assert_eq!(app.audit_count("applicant_notice_recorded").await, 1);
}

async fn appeals_nobody_holds_are_every_registrars_until_one_takes_them(app: TestApp) {
    app.school("school-a", "").await;
    // A letter received on Thursday 19 November: its 15 working days end on Thursday 10
    // December; the one who registered it has left, so it is nobody's.
    app.state.app.clock.set(almaty(2026, 11, 19, 11, 0));
    nobodys_appeal(&app, "2026-11-19T11:00:00+05:00", "Спорт залында жарық жоқ").await;
    app.state.app.clock.set(almaty(2026, 12, 7, 10, 0));
    for login in ["specialist", "psychologist"] {
        let (_, day) = app.api(&app.token(login).await).get("/api/v1/my-day").await;
        assert_eq!(day["this_week"].as_array().unwrap().len(), 1, "{login}: {day}");
        assert_eq!(day["this_week"][0]["status"], "due_soon");
        assert!(day["this_week"][0]["responsible"].is_null());
    }
}

both_backends!(
    another_schools_appeal_is_not_found_by_any_of_these_actions,
    a_named_applicant_is_told_of_the_forwarding_in_kazakh_or_russian,
    appeals_nobody_holds_are_every_registrars_until_one_takes_them,
    an_appeal_left_twenty_working_days_is_overdue_in_monitoring_and_the_journal,
    an_appeal_received_on_a_friday_evening_counts_from_monday,
    an_extension_moves_the_deadline_needs_a_reason_and_asks_to_tell_the_applicant,
    an_anonymous_letter_about_a_crime_against_a_child_must_go_at_once,
    an_appeal_outside_the_schools_competence_is_forwarded_within_three_working_days,
    a_correction_is_one_appeal_to_watch,
    an_appeal_given_to_another_keeps_the_change_in_its_history,
    my_day_lists_what_is_due_and_the_heads_see_what_nobody_holds
);
