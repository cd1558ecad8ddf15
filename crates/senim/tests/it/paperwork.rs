//! The commission's paperwork written from the record: the yearly plan's periods done or
//! missed, minutes through the page with the proposed agenda and as documents, the monthly
//! analysis's text submitted to the director.

use serde_json::json;

use crate::helpers::*;

/// The periods of the plan item with `standard` code, as the API gives them.
fn periods<'a>(plan: &'a serde_json::Value, standard: &str) -> &'a Vec<serde_json::Value> {
    plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["standard"] == standard)
        .unwrap_or_else(|| panic!("the plan has {standard}: {plan}"))["periods"]
        .as_array()
        .unwrap()
}

fn mark_of(periods: &[serde_json::Value], start: &str) -> String {
    periods
        .iter()
        .find(|period| period["start"] == start)
        .unwrap_or_else(|| panic!("a period starts on {start}"))["mark"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn the_plan_marks_a_week_with_an_opening_done_and_one_without_missed(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("psychologist").await);
    // The school year 2024–2025: the box opened on Wednesday 16 October 2024, a call
    // registered on 9 October; nothing in the week of 7 October for the box, nothing for
    // calls in the week of 14 October.
    let (status, plan) = api
        .post("/api/v1/plans", json!({ "academic_year": "2024-2025" }))
        .await;
    assert_eq!(status, 201, "{plan}");
    assert_eq!(
        plan["items"].as_array().unwrap().len(),
        7,
        "the seed's seven items"
    );
    assert_eq!(
        plan["items"][0]["activity"],
        "«Сенім телефоны» мен «Сенім жәшігі» жұмысын ұйымдастыру."
    );
    assert_eq!(plan["items"][2]["timing"], "weekly");
    assert_eq!(
        plan["items"][3]["timing"], "twice_monthly",
        "letters as often as the box schedule opens it"
    );
    let (status, _) = api
        .post("/api/v1/plans", json!({ "academic_year": "2024-2025" }))
        .await;
    assert_eq!(status, 409, "a year has one plan");
    let (status, opening) = api
        .post("/api/v1/openings", json!({ "opened_at": "2024-10-16T10:00:00+05:00", "members": ["deputy", "social"], "letters": 0 }))
        .await;
    assert_eq!(status, 201, "{opening}");
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау", "received_at": "2024-10-09T11:00:00+05:00" }))
        .await;
    let (status, plan) = api.get("/api/v1/plans/2024-2025").await;
    assert_eq!(status, 200);
    for standard in ["letters", "act"] {
        let periods = periods(&plan, standard);
        assert_eq!(
            mark_of(periods, "2024-10-16"),
            "done",
            "{standard}: the half-month with the opening"
        );
        assert_eq!(
            mark_of(periods, "2024-10-01"),
            "missed",
            "{standard}: the half-month without one"
        );
    }
    // Weekly, as the seed's plan had it: the week with the opening done, the week before missed.
    let (status, _) = api
        .post(
            "/api/v1/plans/2024-2025/items",
            json!({ "standard": "letters", "timing": "weekly", "responsible": ["psychologist"] }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, plan) = api.get("/api/v1/plans/2024-2025").await;
    let weekly = plan["items"][7]["periods"].as_array().unwrap();
    assert_eq!(mark_of(weekly, "2024-10-14"), "done", "the week with the opening");
    assert_eq!(mark_of(weekly, "2024-10-07"), "missed", "the week without one");
    let calls = periods(&plan, "calls");
    assert_eq!(mark_of(calls, "2024-10-07"), "done");
    assert_eq!(
        mark_of(calls, "2024-10-14"),
        "quiet",
        "a week nobody called is no failure"
    );
    // 1 September 2024 was a Sunday: the first week asked for starts on the 2nd.
    assert_eq!(periods(&plan, "inform_classes")[0]["start"], "2024-09-02");
    assert_eq!(
        mark_of(periods(&plan, "council"), "2024-10-14"),
        "missed",
        "minutes, not openings, show the council"
    );
    // The September order is marked by hand, with a note; a day that starts no period is refused.
    let order = plan["items"][1]["id"].as_i64().unwrap();
    let (status, refused) = api
        .post(
            &format!("/api/v1/plans/2024-2025/items/{order}/marks"),
            json!({ "period_start": "2024-09-02", "note": "Бұйрық" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "invalid_period");
    let (status, refused) = api
        .post(
            &format!("/api/v1/plans/2024-2025/items/{order}/marks"),
            json!({ "period_start": "2024-09-01", "note": " " }),
        )
        .await;
    assert_eq!((status, refused["field"].as_str()), (422, Some("note")));
    let (status, plan) = api
        .post(
            &format!("/api/v1/plans/2024-2025/items/{order}/marks"),
            json!({ "period_start": "2024-09-01", "note": "Бұйрық шығарылды" }),
        )
        .await;
    assert_eq!(status, 201, "{plan}");
    assert_eq!(mark_of(periods(&plan, "order"), "2024-09-01"), "marked");
    assert!(
        !app.database_contains("Бұйрық шығарылды").await,
        "a mark's note is sealed"
    );
    // The school's own item, monthly; another school sees no plan.
    let (status, plan) = api
        .post(
            "/api/v1/plans/2024-2025/items",
            json!({ "wording": "Сынып сағаттары", "timing": "monthly", "responsible": ["social_pedagogue"] }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(plan["items"][8]["activity"], "Сынып сағаттары");
    assert_eq!(plan["items"][8]["periods"].as_array().unwrap().len(), 9);
    let other = app.api(&app.token("b-psychologist").await);
    let (status, _) = other.get("/api/v1/plans/2024-2025").await;
    assert_eq!(status, 404);
    let (status, _) = other
        .post(
            &format!("/api/v1/plans/2024-2025/items/{order}/marks"),
            json!({ "period_start": "2024-09-01", "note": "x" }),
        )
        .await;
    assert_eq!(status, 404, "another school's item is not found");
    let (status, _) = api
        .post(
            "/api/v1/plans/2025-2026/items",
            json!({ "wording": "Сынып сағаттары", "timing": "monthly", "responsible": ["social_pedagogue"] }),
        )
        .await;
    assert_eq!(status, 404, "a year without a plan is started first");
    // The page shows the marks; the plan prints with them.
    let mut browser = app.browser("director").await;
    let (status, page) = browser.get("/plan?year=2024-2025").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Аптасына бір рет") && page.contains("mark missed") && page.contains("mark done"),
        "{page}"
    );
    assert!(page.contains("Бұйрық шығарылды"));
    let out = scratch("plan.pdf");
    let output = app.senim(&[
        "export",
        "plan",
        "--school",
        "school-a",
        "--academic-year",
        "2024-2025",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = pdf_text(&out).0;
    assert!(text.contains("2024 – 2025 оқу жылында"), "{text}");
    assert!(
        text.contains("Атқарылатын") && text.contains("Мерзімі") && text.contains("Жауапты"),
        "{text}"
    );
    assert!(
        text.contains("Орындалмағандар:") && text.contains("07.10"),
        "{text}"
    );
    let client = signed_in(&app, "director").await;
    let docx = scratch("plan.docx");
    assert_eq!(
        download(
            &client,
            &format!("{}/plan.docx?year=2024-2025&lang=ru", app.base),
            &docx
        )
        .await
        .0,
        200
    );
    let text = docx_text(&docx);
    assert!(
        text.contains("План мероприятий") && text.contains("Сынып сағаттары"),
        "{text}"
    );
}

async fn minutes_are_written_on_the_page_from_a_proposed_agenda_and_print(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let (status, _) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": 2 }),
        )
        .await;
    assert_eq!(status, 201);
    api.register(json!({ "channel": "box_letter", "anonymous": false, "applicant": { "full_name": "Айгерім Сапарова" }, "summary": "Сыныптасым мені мазақтайды" }))
        .await;
    let mut browser = app.browser("social").await;
    let (status, form) = browser.get("/minutes/new").await;
    assert_eq!(status, 200);
    assert!(
        form.contains("«Сенім жәшігі» 1 рет ашылды, жәшікке 2 хат түсті."),
        "{form}"
    );
    assert!(form.contains("1 өтініш тіркелді"), "{form}");
    assert!(
        !form.contains("Айгерім") && !form.contains("мазақтайды"),
        "no child's name or text in the agenda"
    );
    let user_id = |login: &str| {
        let store = app.store.clone();
        let login = login.to_owned();
        async move { store.user_by_login(&login).await.unwrap().id.0.to_string() }
    };
    let (deputy, social, psychologist) = (
        user_id("deputy").await,
        user_id("social").await,
        user_id("psychologist").await,
    );
    let today = senim_domain::time::local(app.state.app.now())
        .format("%Y-%m-%d")
        .to_string();
    let fields = |speaker: &str| {
        vec![
            ("held_on", today.clone()),
            ("attendees", deputy.clone()),
            ("attendees", social.clone()),
            ("topic_0", "Сенім жәшігіне түскен хаттарды талқылау.".to_owned()),
            ("speaker_0_0", speaker.to_owned()),
            ("said_0_0", "Жәшік ашылды, екі хат түсті.".to_owned()),
            ("resolved_0", "Хаттар бойынша жұмыс атқарылсын.".to_owned()),
            ("chair", deputy.clone()),
            ("secretary", social.clone()),
        ]
    };
    // A speaker who did not attend is refused with a message naming the rule.
    let refused = fields(&psychologist);
    let refused: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, page) = browser.post("/minutes", &refused).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Тыңдалған адам отырысқа қатысқандардың ішінде болуы керек."),
        "{page}"
    );
    let valid = fields(&deputy);
    let valid: Vec<(&str, &str)> = valid.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, location) = browser.post("/minutes", &valid).await;
    assert_eq!(status, 303, "{location}");
    let year = &today[..4];
    assert_eq!(location, format!("/minutes/{year}/1?recorded=1"));
    let (status, page) = browser.get(&location).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Хаттама №1") && page.contains("Тыңдалды:") && page.contains("Қаулы:"),
        "{page}"
    );
    let client = signed_in(&app, "director").await;
    let pdf = scratch("minutes.pdf");
    assert_eq!(
        download(
            &client,
            &format!("{}/minutes/{year}/1/minutes.pdf?lang=kk", app.base),
            &pdf
        )
        .await
        .0,
        200
    );
    let text = pdf_text(&pdf).0;
    assert!(
        text.contains("Хаттама №1") && text.contains("Қатысқандар:"),
        "{text}"
    );
    assert!(
        text.contains("Жәшік ашылды, екі хат түсті.") && text.contains("Хаттар бойынша жұмыс атқарылсын."),
        "{text}"
    );
    let out = scratch("minutes.docx");
    let output = app.senim(&[
        "export",
        "minutes",
        "--school",
        "school-a",
        "--year",
        year,
        "--number",
        "1",
        "--lang",
        "ru",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = docx_text(&out);
    assert!(
        text.contains("Протокол №1") && text.contains("Слушали:") && text.contains("Постановили:"),
        "{text}"
    );
    let output = app.senim(&[
        "export",
        "minutes",
        "--school",
        "school-a",
        "--year",
        year,
        "--number",
        "2",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no minutes No. 2"));
}

async fn the_analysis_text_is_edited_submitted_and_read_by_the_director(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    for _ in 0..2 {
        api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
            .await;
    }
    let month = senim_domain::time::local(app.state.app.now())
        .format("%Y-%m")
        .to_string();
    let mut browser = app.browser("psychologist").await;
    let (status, page) = browser.get(&format!("/analysis?month={month}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("2 өтініш тіркелді"),
        "the text is written from the figures: {page}"
    );
    let kk = "Айда 2 өтініш тіркелді.\n\nЕкеуі де телефон арқылы түсті.";
    let (status, location) = browser
        .post(
            "/analysis/text",
            &[
                ("month", month.as_str()),
                ("text_kk", kk),
                ("text_ru", "За месяц зарегистрировано 2 обращения."),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("/analysis?month={month}&saved=submitted"));
    let mut director = app.browser("director").await;
    let (_, page) = director.get(&format!("/analysis?month={month}")).await;
    assert!(
        page.contains("Екеуі де телефон арқылы түсті.") && page.contains("Директорға тапсырылды"),
        "{page}"
    );
    assert!(
        !page.contains("name=\"text_kk\""),
        "the director reads, does not edit"
    );
    let (_, journal) = director.get("/journal").await;
    assert!(
        journal.contains(&format!("/analysis?month={month}#text"))
            && journal.contains("директорға тапсырылды"),
        "the journal points the director to the submitted analysis: {journal}"
    );
    assert!(
        !app.database_contains("Екеуі де телефон").await,
        "the analysis text is sealed"
    );
    let (status, _) = director
        .post(
            "/analysis/text",
            &[
                ("month", month.as_str()),
                ("text_kk", "x"),
                ("text_ru", "x"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    let (_, figures) = api.get(&format!("/api/v1/analysis/{month}")).await;
    assert_eq!(figures["text"]["kk"], kk);
    assert_eq!(figures["text"]["submitted"]["kk"], kk);
    // A draft saved after the submission is not what the director reads.
    let (status, _) = browser
        .post(
            "/analysis/text",
            &[
                ("month", month.as_str()),
                ("text_kk", "Жоба: әлі тексерілмеген."),
                ("text_ru", "Черновик."),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = director.get(&format!("/analysis?month={month}")).await;
    assert!(
        page.contains("Екеуі де телефон арқылы түсті.") && !page.contains("әлі тексерілмеген"),
        "{page}"
    );
    let (_, figures) = app
        .api(&app.token("director").await)
        .get(&format!("/api/v1/analysis/{month}"))
        .await;
    assert_eq!(figures["text"]["submitted"]["kk"], kk);
    assert!(
        figures["text"]["kk"].is_null(),
        "the draft is the writer's: {figures}"
    );
    let client = signed_in(&app, "director").await;
    let pdf = scratch("analysis.pdf");
    assert_eq!(
        download(
            &client,
            &format!("{}/analysis.pdf?month={month}&lang=ru", app.base),
            &pdf
        )
        .await
        .0,
        200
    );
    let text = pdf_text(&pdf).0;
    assert!(
        text.contains("За месяц зарегистрировано 2 обращения.") && text.contains("Всего обращений 2"),
        "{text}"
    );
    let docx = scratch("analysis.docx");
    assert_eq!(
        download(
            &client,
            &format!("{}/analysis.docx?month={month}&lang=kk", app.base),
            &docx
        )
        .await
        .0,
        200
    );
    let text = docx_text(&docx);
    assert!(
        text.contains("Екеуі де телефон арқылы түсті.") && text.contains("Барлық өтініш"),
        "{text}"
    );
    // The table as a workbook beside them, read by openpyxl: numbers as numbers.
    let xlsx = scratch("analysis.xlsx");
    let (status, content_type) = download(
        &client,
        &format!("{}/analysis.xlsx?month={month}&lang=ru", app.base),
        &xlsx,
    )
    .await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    let script = r#"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
total = [r for r in rows if r[0] and str(r[0]).startswith("Всего обращений")]
assert total and total[0][1] == 2, rows
assert ws.freeze_panes == "B5", ws.freeze_panes
print(ws.title)
"#;
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&xlsx)
        .output()
        .expect("python3 with openpyxl");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "Ежемесячный анализ"
    );
    // An overlong text is refused and kept on the page.
    let long = "а".repeat(8001);
    let (status, page) = browser
        .post(
            "/analysis/text",
            &[
                ("month", month.as_str()),
                ("text_kk", long.as_str()),
                ("text_ru", ""),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("тым ұзын"));
}
both_backends!(
    the_plan_marks_a_week_with_an_opening_done_and_one_without_missed,
    minutes_are_written_on_the_page_from_a_proposed_agenda_and_print,
    the_analysis_text_is_edited_submitted_and_read_by_the_director
);
