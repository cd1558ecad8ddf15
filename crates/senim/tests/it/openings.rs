//! Opening the paper Trust Box: acts for an empty box and for letters, letters registered from
//! an opening (one on a slip whose code lets the child read the answer online), the schedule.

use crate::helpers::*;
use serde_json::json;

/// The slips of a sheet: the receipt code on each stub (the child's key) and the letter code
/// on each letter half (the commission's), in order.
fn slips_on(sheet: &str) -> Vec<(String, String)> {
    let between = |open: &str, close: &str| -> Vec<String> {
        sheet
            .split(open)
            .skip(1)
            .filter_map(|rest| rest.split(close).next())
            .map(str::to_owned)
            .collect()
    };
    let receipts = between("<code>", "</code>");
    let letters = between("<span class=\"letter-code\">", "</span>");
    assert_eq!(receipts.len(), letters.len(), "{sheet}");
    receipts.into_iter().zip(letters).collect()
}

async fn user_id(app: &crate::helpers::TestApp, login: &str) -> String {
    app.store.user_by_login(login).await.unwrap().id.0.to_string()
}

async fn an_empty_box_and_a_box_with_three_letters_get_their_acts_and_records(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser.get("/trust-box").await;
    assert_eq!(status, 200);
    assert!(page.contains("келесі ашу мерзімі"), "{page}");
    assert!(page.contains("Жәшік әлі ашылған жоқ"), "{page}");

    // An empty box: the act in the seed's words, signed by the members present.
    let deputy = user_id(&app, "deputy").await;
    let psychologist = user_id(&app, "psychologist").await;
    let (status, location) = browser
        .post(
            "/openings",
            &[
                ("opened_at", ""),
                ("members", &deputy),
                ("members", &psychologist),
                ("letters", "0"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, act) = browser.get(&location).await;
    assert!(
        act.contains(
            "Біз төменде қол қоюшылар «Сенім жәшігін» ашу кезінде еш бір хаттың болмауын анықтадық."
        ),
        "{act}"
    );
    assert!(
        act.contains("АКТ")
            && act.contains("Сынақ мектебі")
            && act.contains("«Сенім жәшігін» ашу кезінде түзілген")
    );
    assert!(
        act.contains("Директордың тәрбие ісі жөніндегі орынбасары:") && act.contains("Педагог-психолог:"),
        "{act}"
    );
    assert!(
        !act.contains("Тіркелмеген хаттар"),
        "nothing waits to be registered"
    );
    let (_, act_ru) = browser.get(&format!("{location}?act=ru")).await;
    assert!(
        act_ru.contains("Мы, нижеподписавшиеся, при вскрытии «Ящика доверия» установили отсутствие писем."),
        "{act_ru}"
    );
    assert!(act_ru.contains("Тестовая школа"));

    // Slips printed before: their codes open nothing until a letter carrying one is registered.
    let (status, sheet) = browser.post("/trust-box/slips", &[("count", "2")]).await;
    assert_eq!(status, 200);
    let slips = slips_on(&sheet);
    assert_eq!(slips.len(), 2, "{sheet}");
    for (receipt, letter) in &slips {
        assert_eq!(receipt.len(), 19, "16 digits in four groups: {receipt}");
        assert_eq!(letter.len(), 14, "12 digits in three groups: {letter}");
        assert!(
            !receipt.starts_with(letter.as_str()),
            "the letter half does not carry the child's key"
        );
    }
    assert!(
        sheet.contains("<svg"),
        "each slip has the QR code of the answer page"
    );
    assert!(sheet.contains("/box/school-a/followup"));
    let anyone = app.api("");
    let (status, _) = anyone
        .post(
            "/api/v1/box/school-a/followup",
            json!({ "receipt_code": slips[0].0 }),
        )
        .await;
    assert_eq!(status, 404);

    // Three letters: one through the page with a slip's code, two through the API.
    let api = app.api(&app.token("specialist").await);
    let (status, opening) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "psychologist", "social"], "letters": 3 }),
        )
        .await;
    assert_eq!(status, 201, "{opening}");
    assert_eq!(opening["letters_waiting"], 3);
    let id = opening["id"].as_i64().unwrap();
    let (status, location) = browser
        .post(
            &format!("/openings/{id}/letters"),
            &[
                ("summary", "Асханадағы тамақ суық"),
                ("category", "access_to_services.essential_needs"),
                ("letter_code", slips[0].1.as_str()),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (status, _) = api
        .post(&format!("/api/v1/openings/{id}/letters"), json!({ "summary": "Үзілісте жоғары сыныптар ақша талап етеді", "category": "violence.bullying" }))
        .await;
    assert_eq!(status, 201);
    // A slip's code serves one letter only.
    let (status, refused) = api
        .post(
            &format!("/api/v1/openings/{id}/letters"),
            json!({ "summary": "Рахмет", "letter_code": slips[0].1 }),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["code"], "slip_unknown");
    let (status, _) = api
        .post(&format!("/api/v1/openings/{id}/letters"), json!({ "summary": "Кітапханаға жаңа кітаптар керек", "applicant": { "full_name": "Әлия Сәрсенова" } }))
        .await;
    assert_eq!(status, 201);
    let (status, refused) = api
        .post(
            &format!("/api/v1/openings/{id}/letters"),
            json!({ "summary": "Төртінші хат" }),
        )
        .await;
    assert_eq!(status, 409, "only the letters found are registered: {refused}");

    let (_, opening) = api.get(&format!("/api/v1/openings/{id}")).await;
    assert_eq!(opening["letters_waiting"], 0);
    assert_eq!(opening["registered"].as_array().unwrap().len(), 3);
    assert_eq!(
        opening["act"]["kk"]["body"][0],
        "Біз төменде қол қоюшылар «Сенім жәшігін» ашу кезінде 3 хат табылғанын анықтадық."
    );
    assert_eq!(
        opening["act"]["ru"]["body"][0],
        "Мы, нижеподписавшиеся, при вскрытии «Ящика доверия» обнаружили 3 письма."
    );
    assert_eq!(
        opening["act"]["kk"]["body"][1],
        "Хаттар өтініштерді тіркеу журналына тіркелді: № 1, 2, 3."
    );
    assert_eq!(opening["act"]["kk"]["signatures"].as_array().unwrap().len(), 3);

    // In the journal: three letters of the paper box, received when the box was opened.
    let (_, journal) = api.get("/api/v1/appeals").await;
    let items = journal["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for item in items {
        assert_eq!(item["channel"], "box_letter");
        assert_eq!(item["received_at"], opening["opened_at"]);
    }
    let signed = items.iter().find(|item| item["anonymous"] == false).unwrap();
    assert_eq!(signed["applicant"]["full_name"], "Әлия Сәрсенова");

    // The child who used the slip reads the answer online, anonymously.
    let first = items
        .iter()
        .find(|item| item["summary"] == "Асханадағы тамақ суық")
        .unwrap();
    assert_eq!(first["category"], "access_to_services.essential_needs");
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{}/replies", first["id"]),
            json!({ "text": "Асхана меңгерушісімен сөйлестік." }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, conversation) = anyone
        .post(
            "/api/v1/box/school-a/followup",
            json!({ "receipt_code": slips[0].0 }),
        )
        .await;
    assert_eq!(status, 200, "{conversation}");
    assert_eq!(conversation["messages"][0]["text"], "Асханадағы тамақ суық");
    assert_eq!(
        conversation["messages"][1]["text"],
        "Асхана меңгерушісімен сөйлестік."
    );
    let (status, _) = anyone
        .post(
            "/api/v1/box/school-a/followup",
            json!({ "receipt_code": slips[1].0 }),
        )
        .await;
    // Nor does a letter code open anything: the filed letter is no key to the answers.
    let (status_letter, _) = anyone
        .post(
            "/api/v1/box/school-a/followup",
            json!({ "receipt_code": slips[0].1 }),
        )
        .await;
    assert_eq!(status_letter, 404);
    assert_eq!(status, 404, "the unused slip still opens nothing");

    let (_, list) = api.get("/api/v1/openings").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["schedule"], "twice_monthly");
    assert_eq!(list["overdue"], false);
}

async fn an_opening_needs_two_members_of_the_school_and_a_past_moment(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    let (status, refused) = api
        .post("/api/v1/openings", json!({ "members": ["deputy"], "letters": 0 }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "too_few_members");
    let (status, refused) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "b-psychologist"], "letters": 0 }),
        )
        .await;
    assert_eq!(status, 422, "another school's staff do not sign");
    assert_eq!(refused["code"], "unknown_member");
    let (status, refused) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "admin"], "letters": 0 }),
        )
        .await;
    assert_eq!(status, 422, "the administrator is no commission member");
    assert_eq!(refused["code"], "unknown_member");
    app.senim_ok(&[
        "user",
        "add",
        "--school",
        "school-a",
        "--login",
        "fresh.psy",
        "--full-name",
        "Жаңа Психолог",
        "--position",
        "psychologist",
    ]);
    let (status, refused) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "fresh.psy"], "letters": 0 }),
        )
        .await;
    assert_eq!(status, 422, "nor an account the heads have not confirmed");
    assert_eq!(refused["code"], "unknown_member");
    let (status, refused) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": -1 }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "letters");
    let (status, refused) = api
        .post("/api/v1/openings", json!({ "members": ["deputy", "social"], "letters": 0, "opened_at": "2099-01-01T10:00:00+05:00" }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "opened_in_future");
    let (status, _) = app
        .api(&app.token("director").await)
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": 0 }),
        )
        .await;
    assert_eq!(
        status, 403,
        "the director reads the acts but does not record them"
    );
    let mut browser = app.browser("social").await;
    browser.get("/openings/new").await;
    let (status, page) = browser.post("/openings", &[("letters", "0")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("кемінде екі комиссия мүшесін"), "{page}");
    let (status, _) = app
        .api(&app.token("b-specialist").await)
        .get("/api/v1/openings/1")
        .await;
    assert_eq!(status, 404, "another school's act is not found");
}

async fn a_missed_opening_is_flagged_on_the_journal(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let long_ago = app.state.app.now() - chrono::Duration::days(70);
    let opened_at = long_ago
        .with_timezone(&senim_domain::time::KAZAKHSTAN)
        .to_rfc3339();
    let (status, _) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "social"], "letters": 0, "opened_at": opened_at }),
        )
        .await;
    assert_eq!(status, 201);
    let (_, list) = api.get("/api/v1/openings").await;
    assert_eq!(list["overdue"], true, "{list}");
    let mut browser = app.browser("director").await;
    let (_, journal) = browser.get("/journal").await;
    assert!(journal.contains("ашу мерзімі өткен"), "{journal}");
    // A monthly schedule set by the commission is kept.
    let mut specialist = app.browser("specialist").await;
    specialist.get("/trust-box").await;
    let (status, _) = specialist
        .post("/trust-box/schedule", &[("schedule", "monthly")])
        .await;
    assert_eq!(status, 303);
    let (_, list) = api.get("/api/v1/openings").await;
    assert_eq!(list["schedule"], "monthly");
}
both_backends!(
    an_empty_box_and_a_box_with_three_letters_get_their_acts_and_records,
    an_opening_needs_two_members_of_the_school_and_a_past_moment,
    a_missed_opening_is_flagged_on_the_journal
);
