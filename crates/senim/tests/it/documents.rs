//! Official documents through the running server and the CLI, each read back by an
//! independent reader: poppler's pdftotext for PDFs, LibreOffice for DOCX, openpyxl for XLSX.

use std::process::Command;

use serde_json::json;

use crate::helpers::*;

async fn acts_print_as_pdf_and_docx_in_kazakh_and_russian(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let (_, empty) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "psychologist"], "letters": 0 }),
        )
        .await;
    let (_, full) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": 1 }),
        )
        .await;
    let (status, _) = api
        .post(
            &format!("/api/v1/openings/{}/letters", full["id"]),
            json!({ "summary": "Спорт залы кешке ашық болсын" }),
        )
        .await;
    assert_eq!(status, 201);
    let client = signed_in(&app, "director").await;
    let path = scratch("act.pdf");
    let (status, content_type) = download(
        &client,
        &format!("{}/openings/{}/act.pdf?lang=kk", app.base, empty["id"]),
        &path,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/pdf");
    let (text, pages) = pdf_text(&path);
    assert_eq!(pages, 1);
    assert!(
        text.contains(
            "Біз төменде қол қоюшылар «Сенім жәшігін» ашу кезінде еш бір хаттың болмауын анықтадық."
        ),
        "{text}"
    );
    assert!(text.contains("Сынақ мектебі") && text.contains("АКТ"), "{text}");
    let path = scratch("act-ru.pdf");
    download(
        &client,
        &format!("{}/openings/{}/act.pdf?lang=ru", app.base, full["id"]),
        &path,
    )
    .await;
    let (text, _) = pdf_text(&path);
    assert!(
        text.contains("обнаружили 1 письмо") && text.contains("под № 1"),
        "{text}"
    );
    assert!(text.contains("Тестовая школа"));
    let path = scratch("act.docx");
    let (status, content_type) = download(
        &client,
        &format!("{}/openings/{}/act.docx?lang=kk", app.base, full["id"]),
        &path,
    )
    .await;
    assert_eq!(status, 200);
    assert!(content_type.contains("wordprocessingml"), "{content_type}");
    let text = docx_text(&path);
    assert!(
        text.contains("«Сенім жәшігін» ашу кезінде 1 хат табылғанын анықтадық"),
        "{text}"
    );
    assert!(text.contains("Әлеуметтік педагог"), "{text}");
    // Another school's act is not found.
    app.school("school-b", "b-").await;
    let other = signed_in(&app, "b-director").await;
    let (status, _) = download(
        &other,
        &format!("{}/openings/{}/act.pdf", app.base, empty["id"]),
        &scratch("x.pdf"),
    )
    .await;
    assert_eq!(status, 404);
}

async fn the_book_and_the_journal_come_out_for_print_and_for_excel(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    for n in 0..30 {
        api.register(json!({ "channel": "phone", "anonymous": n % 2 == 0, "applicant": if n % 2 == 0 { json!(null) } else { json!({ "full_name": "Әсемгүл Қайратқызы", "phone": "+7 701 111 22 33" }) }, "summary": format!("Өтініш {n}: сыныптағы қарым-қатынас туралы ұзағырақ мәтін, кестеде бірнеше жолға созылады."), "category": "peer_relationships.classmates" })).await;
    }
    api.register(json!({ "channel": "online_box", "anonymous": true, "summary": "Мен өлгім келеді" }))
        .await;
    let client = signed_in(&app, "deputy").await;
    let today = senim_domain::time::local_date(app.state.app.now());
    let first_year = senim_app::exports::academic_year_of(today);
    let path = scratch("book.pdf");
    let (status, content_type) = download(
        &client,
        &format!("{}/book.pdf?academic_year={first_year}&lang=kk", app.base),
        &path,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/pdf");
    let pages = pdf_pages(&path);
    let (text, _) = pdf_text(&path);
    assert!(pages >= 3, "{pages}");
    assert!(
        text.contains(&format!("{} – {} оқу жылы", first_year, first_year + 1)),
        "{text}"
    );
    assert!(
        text.contains(
            "«Сенім жәшігіне» түскен хаттарды, «Сенім телефонына» түскен қоңырауларды тіркеу кітабы"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("Осы кітапта {pages} бет нөмірленген")),
        "the certification counts the pages: {text}"
    );
    assert!(
        text.contains("Әсемгүл Қайратқызы") && text.contains("шұғыл"),
        "{text}"
    );
    // The journal as a workbook, read by openpyxl.
    let path = scratch("journal.xlsx");
    let (status, content_type) = download(
        &client,
        &format!(
            "{}/journal/export.xlsx?year={}",
            app.base,
            senim_domain::time::local_year(app.state.app.now())
        ),
        &path,
    )
    .await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    let script = r#"
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref.startswith("A1:K"), ws.auto_filter.ref
rows = list(ws.iter_rows(min_row=2, values_only=True))
assert len(rows) == 31, len(rows)
assert all(isinstance(r[2], datetime.datetime) for r in rows)
assert rows[0][1] == 1 and rows[30][1] == 31
assert rows[30][9] == "иә", rows[30]
assert "Құрдастармен" in rows[0][8], rows[0][8]
print(ws.title)
"#;
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 with openpyxl");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "Тіркеу журналы");
    let (status, _) = download(
        &client,
        &format!("{}/journal/export.xlsx?from=2026-12-01&to=2026-01-01", app.base),
        &scratch("bad.xlsx"),
    )
    .await;
    assert_eq!(status, 400, "a range that ends before it starts is refused");
    // The administrator prints nothing of the journal.
    let admin = signed_in(&app, "admin").await;
    let (status, _) = download(&admin, &format!("{}/book.pdf", app.base), &scratch("no.pdf")).await;
    assert_eq!(status, 403);
}

async fn the_cli_exports_what_the_pages_download(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let (_, opening) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "psychologist"], "letters": 0 }),
        )
        .await;
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let mut browser = app.browser("specialist").await;
    browser.get("/trust-box").await;
    let (status, _) = browser
        .post("/trust-box/phone", &[("trust_phone", "8 (7132) 55-12-34")])
        .await;
    assert_eq!(status, 303);
    let dir = scratch("x").parent().unwrap().to_owned();
    let run = |args: &[&str]| {
        let output = app.senim(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let act = dir.join("act.pdf");
    run(&[
        "export",
        "act",
        "--opening",
        &opening["id"].to_string(),
        "--lang",
        "ru",
        "--out",
        act.to_str().unwrap(),
    ]);
    assert!(pdf_text(&act).0.contains("установили отсутствие писем"));
    let act_docx = dir.join("act.docx");
    run(&[
        "export",
        "act",
        "--opening",
        &opening["id"].to_string(),
        "--out",
        act_docx.to_str().unwrap(),
    ]);
    assert!(docx_text(&act_docx).contains("еш бір хаттың болмауын"));
    let poster = dir.join("poster.pdf");
    run(&[
        "export",
        "poster",
        "--site",
        "https://senim.school.kz",
        "--out",
        poster.to_str().unwrap(),
    ]);
    let (text, pages) = pdf_text(&poster);
    assert_eq!(pages, 1);
    assert!(
        text.contains("8 (7132) 55-12-34") && text.contains("https://senim.school.kz/box/school-a"),
        "{text}"
    );
    let today = senim_domain::time::local_date(app.state.app.now());
    let first_year = senim_app::exports::academic_year_of(today);
    let book = dir.join("book.pdf");
    run(&[
        "export",
        "book",
        "--academic-year",
        &format!("{first_year}-{}", first_year + 1),
        "--out",
        book.to_str().unwrap(),
    ]);
    assert!(pdf_text(&book).0.contains("Қоңырау"));
    let journal = dir.join("journal.xlsx");
    run(&[
        "export",
        "journal",
        "--from",
        "2000-01-01",
        "--to",
        "2100-12-31",
        "--out",
        journal.to_str().unwrap(),
    ]);
    assert!(std::fs::metadata(&journal).unwrap().len() > 1000);
    let refused = app.senim(&[
        "export",
        "act",
        "--opening",
        "999",
        "--out",
        act.to_str().unwrap(),
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no opening 999"));
    let refused = app.senim(&[
        "export",
        "act",
        "--opening",
        &opening["id"].to_string(),
        "--out",
        dir.join("act.txt").to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains(".pdf or a .docx"));
}
both_backends!(
    acts_print_as_pdf_and_docx_in_kazakh_and_russian,
    the_book_and_the_journal_come_out_for_print_and_for_excel,
    the_cli_exports_what_the_pages_download
);
