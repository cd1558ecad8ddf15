//! The monthly analysis counts what the journal holds for the month: numbers only.

use crate::helpers::*;
use serde_json::json;

async fn the_months_figures_match_the_journal(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    for _ in 0..3 {
        api.register(
            json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау: сабақ кестесі туралы" }),
        )
        .await;
    }
    let named = api
        .register(json!({ "channel": "box_letter", "anonymous": false, "applicant": { "full_name": "Жансая Маратқызы" }, "summary": "Хат: асхана" }))
        .await;
    api.register(json!({ "channel": "online_box", "anonymous": true, "summary": "Мен өлгім келеді" }))
        .await;
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][0]["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/forwardings", named["id"]),
            json!({ "executing_organisation_id": organisation, "channel": "fax" }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": 0 }),
        )
        .await;
    assert_eq!(status, 201);
    // Another school's appeal is not counted.
    app.api(&app.token("b-specialist").await)
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Басқа мектеп" }))
        .await;
    let month = senim_domain::time::local(app.state.app.now())
        .format("%Y-%m")
        .to_string();
    let (status, figures) = api.get(&format!("/api/v1/analysis/{month}")).await;
    assert_eq!(status, 200, "{figures}");
    assert_eq!(figures["month"], month.as_str());
    assert_eq!(figures["total"], 5);
    assert_eq!(figures["by_channel"]["phone"], 3);
    assert_eq!(figures["by_channel"]["box_letter"], 1);
    assert_eq!(figures["by_channel"]["online_box"], 1);
    assert_eq!(figures["by_channel"]["voicemail"], 0);
    assert_eq!(figures["anonymous"], 4);
    assert_eq!(figures["urgent"], 1);
    assert_eq!(figures["forwarded"], 1);
    assert_eq!(figures["overdue"], 0);
    assert_eq!(figures["box_openings_held"], 1);
    assert!(figures["box_openings_scheduled"].as_u64().unwrap() >= 1);
    assert_eq!(figures["previous"]["total"], 0);
    assert_eq!(figures["a_year_before"]["total"], 0);
    let text = figures.to_string();
    assert!(
        !text.contains("Жансая") && !text.contains("асхана"),
        "numbers only: {text}"
    );
    let (status, _) = api.get("/api/v1/analysis/2026-13").await;
    assert_eq!(status, 400);
    // The page: a table and a chart drawn by Senim, in Kazakh.
    let mut browser = app.browser("director").await;
    let (status, page) = browser.get(&format!("/analysis?month={month}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Айлық талдау") && page.contains("<svg"), "{page}");
    assert!(page.contains("Барлық өтініш"));
    // By category, and to whom the forwarded one went, with a chart for each breakdown.
    assert!(page.contains("Санаттары бойынша"), "{page}");
    let receiver = directory["items"][0]["name_kk"].as_str().unwrap();
    assert!(
        page.contains(&format!("— {receiver}")),
        "forwarded to whom: {page}"
    );
    assert_eq!(
        page.matches("<svg").count(),
        2,
        "charts by channel and by category"
    );
    let (status, _) = app.browser("admin").await.get("/analysis").await;
    assert_eq!(status, 403);
    // For the director, as a PDF with the figures (read by pdftotext).
    let out = std::env::temp_dir().join(format!("senim-analysis-{month}-{}.pdf", std::process::id()));
    let output = app.senim(&[
        "export",
        "analysis",
        "--school",
        "school-a",
        "--month",
        &month,
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
    let text = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Ежемесячный анализ") && text.contains("Всего обращений 5"),
        "{text}"
    );
    assert!(text.contains("Срочные обращения 1"), "{text}");
    let _ = std::fs::remove_file(&out);
}
async fn a_correction_is_the_same_appeal_in_the_figures(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let letter = api
        .register(json!({ "channel": "box_letter", "anonymous": true, "summary": "Хат: асхана" }))
        .await;
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][0]["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/forwardings", letter["id"]),
            json!({ "executing_organisation_id": organisation, "channel": "fax" }),
        )
        .await;
    assert_eq!(status, 201);
    // It was a talk in person, not a letter: the entry is corrected by a new one.
    let (status, correction) = api
        .post(
            &format!("/api/v1/appeals/{}/corrections", letter["id"]),
            json!({ "channel": "in_person", "anonymous": true, "summary": "Әңгіме: асхана", "reason": "арна қате көрсетілген" }),
        )
        .await;
    assert_eq!(status, 201, "{correction}");
    let month = senim_domain::time::local(app.state.app.now())
        .format("%Y-%m")
        .to_string();
    let (_, figures) = api.get(&format!("/api/v1/analysis/{month}")).await;
    assert_eq!(figures["total"], 2, "two appeals, not three entries: {figures}");
    assert_eq!(figures["by_channel"]["phone"], 1);
    assert_eq!(figures["by_channel"]["box_letter"], 0, "as corrected");
    assert_eq!(figures["by_channel"]["in_person"], 1);
    assert_eq!(figures["forwarded"], 1, "the forwarding stays with the appeal");
}

async fn the_breakdowns_by_age_and_gender_hide_counts_that_could_point_at_a_child(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let classify = async |age: &str, gender: &str, contact: &str| {
        let appeal = api
            .register(json!({ "channel": "phone", "anonymous": true, "summary": "Сабақ кестесі туралы" }))
            .await;
        let (status, body) = api
            .post(
                &format!("/api/v1/appeals/{}/classification", appeal["id"]),
                json!({ "age": age.parse::<u8>().unwrap(), "gender": gender, "contact_type": contact }),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    };
    for _ in 0..8 {
        classify("12", "girl", "child_about_self").await;
    }
    classify("15", "boy", "about_a_child").await;
    for _ in 0..6 {
        api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Кітапхана туралы" }))
            .await;
    }
    let month = senim_domain::time::local(app.state.app.now())
        .format("%Y-%m")
        .to_string();
    let (_, figures) = api.get(&format!("/api/v1/analysis/{month}")).await;
    assert_eq!(figures["by_contact_type"]["child_about_self"], 8, "{figures}");
    assert_eq!(
        figures["by_contact_type"]["about_a_child"], 1,
        "no child is pointed at by it"
    );
    assert_eq!(figures["by_age_band"]["10-13"], 8);
    assert!(
        figures["by_age_band"]["14-17"].is_null(),
        "one boy of 14–17 could be pointed at"
    );
    assert!(
        figures["by_age_band"]["not_recorded"].is_null(),
        "hidden too, or the boy's count would be the total less the others: {figures}"
    );
    assert!(figures["by_gender"]["boy"].is_null());
    assert_eq!(figures["by_gender"]["girl"], 8);
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get(&format!("/analysis?month={month}")).await;
    assert!(
        page.contains("Баланың жасы бойынша") && page.contains("<td>×</td>"),
        "{page}"
    );
    assert!(page.contains("баланы танытпау үшін"), "the page says why");
    // The PDF hides the same counts and says why.
    let client = signed_in(&app, "specialist").await;
    let pdf = scratch("breakdowns.pdf");
    let (status, _) = download(
        &client,
        &format!("{}/analysis.pdf?month={month}&lang=ru", app.base),
        &pdf,
    )
    .await;
    assert_eq!(status, 200);
    let text = pdf_text(&pdf).0;
    assert!(
        text.contains("По возрасту ребёнка") && text.contains("×") && text.contains("скрытое число"),
        "{text}"
    );
}

both_backends!(
    the_breakdowns_by_age_and_gender_hide_counts_that_could_point_at_a_child,
    the_months_figures_match_the_journal,
    a_correction_is_the_same_appeal_in_the_figures
);
