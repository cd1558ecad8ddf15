//! Urgent-risk triage: flagged at registration, first in the journal, matched words shown,
//! cleared only with a reason.

use crate::helpers::*;
use serde_json::json;

async fn an_appeal_speaking_of_suicide_is_urgent_and_stands_first(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let urgent = api.register(json!({ "channel": "online_box", "anonymous": true, "summary": "Мен өлгім келеді, ешкім түсінбейді" })).await;
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Асханада тамақ суық" }))
        .await;
    let id = urgent["id"].as_i64().unwrap();
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["urgent"], true);
    assert_eq!(appeal["triage"]["hits"][0]["category"], "suicide");
    assert_eq!(appeal["triage"]["hits"][0]["text"], "өлгім келеді");
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert_eq!(
        journal["items"][1]["urgent"], false,
        "the everyday appeal is not urgent"
    );
    let mut browser = app.browser("deputy").await;
    let (_, page) = browser.get("/journal").await;
    let first_row = page
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(
        first_row.contains("шұғыл") && first_row.contains("<mark>өлгім келеді</mark>"),
        "{first_row}"
    );
    assert!(
        first_row.contains(">1<"),
        "No. 1, though older, stands first: {first_row}"
    );
    let (_, page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(
        page.contains("111") && page.contains("150"),
        "the national lines are shown"
    );
    // The deputy director reads but does not clear; a registrar clears with a reason.
    assert_eq!(
        browser
            .post(&format!("/appeals/{id}/triage/clear"), &[("reason", "x")])
            .await
            .0,
        403
    );
    let mut specialist = app.browser("specialist").await;
    specialist.get(&format!("/appeals/{id}")).await;
    let (status, _) = specialist
        .post(&format!("/appeals/{id}/triage/clear"), &[("reason", " ")])
        .await;
    assert_eq!(status, 422);
    let (status, _) = specialist
        .post(
            &format!("/appeals/{id}/triage/clear"),
            &[("reason", "Оқушымен сөйлестік: өлең жолы екен")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["urgent"], false);
    assert_eq!(
        appeal["triage"]["cleared"]["reason"],
        "Оқушымен сөйлестік: өлең жолы екен"
    );
    let (_, page) = specialist.get(&format!("/appeals/{id}")).await;
    assert!(
        page.contains("Шұғыл белгі алынды: Оқушымен сөйлестік"),
        "the reason stays visible"
    );
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert_eq!(
        journal["items"][0]["number"], 2,
        "once cleared it takes its place by number"
    );
}

async fn an_administrator_adds_regional_words_to_the_lexicon(app: TestApp) {
    let before = app.senim(&["triage", "check", "короче я самоликвидируюсь"]);
    assert_eq!(before.status.code(), Some(1), "not urgent before");
    let file = app.data.join("slang.toml");
    std::fs::write(
        &file,
        "schema = 1\n[[category]]\nid = \"suicide\"\n[category.ru]\nterms = [\"самоликвид*\"]\n",
    )
    .unwrap();
    let loaded = app.senim(&["triage", "load", file.to_str().unwrap()]);
    assert!(
        loaded.status.success(),
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
    let after = app.senim(&["triage", "check", "короче я самоликвидируюсь"]);
    assert_eq!(after.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&after.stdout).contains("«самоликвидируюсь»"));
    assert!(
        app.store
            .lexicon()
            .await
            .unwrap()
            .triage("самоликвидируюсь")
            .iter()
            .any(|hit| hit.category == "suicide")
    );
    std::fs::write(&file, "schema = 9").unwrap();
    assert!(
        !app.senim(&["triage", "load", file.to_str().unwrap()])
            .status
            .success()
    );
}
async fn a_psychologist_adds_a_word_from_the_page_and_it_screens_the_next_message(app: TestApp) {
    app.school("school-a", "").await;
    let mut psychologist = app.browser("psychologist").await;
    let (status, page) = psychologist.get("/lexicon").await;
    assert_eq!(status, 200);
    assert!(page.contains("Шұғыл белгілер сөздігі"), "{page}");
    let sentence = "короче я сегодня самоликвидируюсь";
    let (status, tried) = psychologist
        .post(
            "/lexicon",
            &[
                ("action", "try"),
                ("text", sentence),
                ("category", "suicide"),
                ("language", "ru"),
                ("term", "самоликвид*"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        tried.contains("Қазіргі сөздік бойынша:</strong> ештеңе табылмады")
            && tried.contains("Жаңа сөзбен:</strong> шұғыл"),
        "{tried}"
    );
    // Heads read and try; adding is for those who register appeals.
    let mut deputy = app.browser("deputy").await;
    let (status, _) = deputy
        .post(
            "/lexicon",
            &[
                ("action", "add"),
                ("category", "suicide"),
                ("language", "ru"),
                ("term", "самоликвид*"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    let (status, refused) = psychologist
        .post(
            "/lexicon",
            &[
                ("action", "add"),
                ("category", "suicide"),
                ("language", "ru"),
                ("term", "в*"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains("Сөз тым қысқа"), "{refused}");
    let settings_before = app.audit_count("settings_changed").await;
    let (status, _) = psychologist
        .post(
            "/lexicon",
            &[
                ("action", "add"),
                ("category", "suicide"),
                ("language", "ru"),
                ("term", "самоликвид*"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    // No restart: the next message is screened with the word.
    let api = app.api(&app.token("specialist").await);
    let appeal = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": sentence }))
        .await;
    let (_, body) = api.get(&format!("/api/v1/appeals/{}", appeal["id"])).await;
    assert_eq!(body["urgent"], true, "{body}");
    let (_, page) = psychologist.get("/lexicon").await;
    assert!(
        page.contains("самоликвид*")
            && page.contains("Тестов Тест")
            && page.contains("<td data-label=\"Тілі\">орысша</td>"),
        "who added it, to their own school, and the language by name: {page}"
    );
    assert!(!page.contains(sentence), "a tried sentence is not kept");
    assert_eq!(
        app.audit_count("settings_changed").await,
        settings_before + 1,
        "the addition is in the audit"
    );
}

both_backends!(
    an_appeal_speaking_of_suicide_is_urgent_and_stands_first,
    an_administrator_adds_regional_words_to_the_lexicon,
    a_psychologist_adds_a_word_from_the_page_and_it_screens_the_next_message
);

async fn an_urgent_appeal_is_handed_over_and_the_record_says_when_and_by_whom(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    let urgent = api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Өгей әкесі баланы ұрып-соғады, бүгін де соққы жеді" })).await;
    let calm = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Кітапхана жабық" }))
        .await;
    let mut browser = app.browser("social").await;
    let (_, page) = browser.get(&format!("/appeals/{}", calm["id"])).await;
    assert!(
        !page.contains("Ұлттық қызметке беру"),
        "an everyday appeal offers no hand-over"
    );
    let (_, page) = browser.get(&format!("/appeals/{}", urgent["id"])).await;
    assert!(page.contains("Ұлттық қызметке беру"), "{page}");
    let (status, location) = browser
        .post(
            &format!("/appeals/{}/handovers", urgent["id"]),
            &[
                ("service", "102"),
                ("handed_at", ""),
                ("note", "Кезекші инспектор Серіков, № 4417"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (status, refused) = browser
        .post(
            &format!("/appeals/{}/handovers", urgent["id"]),
            &[("service", "112")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains("111, 102 немесе 103"), "{refused}");
    let (status, created) = api
        .post(
            &format!("/api/v1/appeals/{}/handovers", urgent["id"]),
            json!({ "service": "111" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{}", urgent["id"])).await;
    let handovers = appeal["handovers"].as_array().unwrap();
    assert_eq!(handovers.len(), 2);
    assert_eq!(handovers[0]["service"], "102");
    assert_eq!(handovers[0]["by"], "Тестов Тест");
    assert_eq!(handovers[0]["note"], "Кезекші инспектор Серіков, № 4417");
    assert_eq!(handovers[1]["service"], "111");
    let (_, page) = browser.get(&format!("/appeals/{}", urgent["id"])).await;
    assert!(
        page.contains("102 — полиция") && page.contains("Кезекші инспектор Серіков"),
        "{page}"
    );
    // The note is sealed at rest.
    assert!(!app.database_contains("Серіков").await);
    let (status, _) = app
        .api(&app.token("b-specialist").await)
        .post(
            &format!("/api/v1/appeals/{}/handovers", urgent["id"]),
            json!({ "service": "103" }),
        )
        .await;
    assert_eq!(status, 404, "another school's appeal");
    let (status, _) = app
        .api(&app.token("director").await)
        .post(
            &format!("/api/v1/appeals/{}/handovers", urgent["id"]),
            json!({ "service": "103" }),
        )
        .await;
    assert_eq!(status, 403);
}
both_backends!(an_urgent_appeal_is_handed_over_and_the_record_says_when_and_by_whom);
