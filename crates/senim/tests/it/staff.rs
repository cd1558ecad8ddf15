//! Changing the school's accounts on the staff page: positions (a new reading position waits
//! for the heads again), the e-mail address, a new one-time password, and the rule that the
//! school always keeps a head who can confirm readers.

use crate::helpers::*;

async fn id_of(app: &TestApp, login: &str) -> i64 {
    app.store.user_by_login_any(login).await.unwrap().unwrap().id.0
}

fn one_time_password(page: &str) -> String {
    page.split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the page shows the new password")
        .to_owned()
}

async fn a_new_reading_position_waits_for_the_heads_and_one_taken_away_does_not(app: TestApp) {
    app.school("school-a", "").await;
    let mut admin = app.browser("admin").await;
    let mut psychologist = app.browser("psychologist").await;
    let token = app.token("psychologist").await;
    let id = id_of(&app, "psychologist").await;
    let (status, page) = admin.get(&format!("/staff/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Лауазымдарды сақтау"), "{page}");
    let (status, location) = admin
        .post(
            &format!("/staff/{id}/positions"),
            &[
                ("position", "psychologist"),
                ("second_position", "social_pedagogue"),
            ],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, "/staff?done=positions"));
    assert_eq!(
        psychologist.get("/journal").await.0,
        403,
        "she waits for the heads again"
    );
    let (status, error) = app.api(&token).get("/api/v1/appeals").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (401, Some("awaiting_confirmation"))
    );
    let mut director = app.browser("director").await;
    assert_eq!(director.post(&format!("/staff/{id}/confirm"), &[]).await.0, 303);
    assert_eq!(psychologist.get("/journal").await.0, 200);
    // Taking the second position away needs nobody's word.
    let (status, _) = director
        .post(
            &format!("/staff/{id}/positions"),
            &[("position", "psychologist"), ("second_position", "")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(psychologist.get("/journal").await.0, 200);
    // Nonsense is refused on the page, and saying nothing new changes nothing.
    let (status, page) = admin
        .post(
            &format!("/staff/{id}/positions"),
            &[("position", "administrator"), ("second_position", "psychologist")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("role=\"alert\""), "{page}");
    let (status, _) = admin
        .post(&format!("/staff/{id}/positions"), &[("position", "psychologist")])
        .await;
    assert_eq!(status, 422);
    assert_eq!(app.audit_count("account_changed").await, 2);
}

async fn the_e_mail_address_is_changed_and_checked(app: TestApp) {
    app.school("school-a", "").await;
    let mut deputy = app.browser("deputy").await;
    let id = id_of(&app, "specialist").await;
    let (status, _) = deputy
        .post(&format!("/staff/{id}/email"), &[("email", "not an address")])
        .await;
    assert_eq!(status, 422);
    let (status, location) = deputy
        .post(&format!("/staff/{id}/email"), &[("email", "aigul@school.test")])
        .await;
    assert_eq!((status, location.as_str()), (303, "/staff?done=email"));
    let user = app.store.user_by_login("specialist").await.unwrap();
    assert_eq!(user.email, "aigul@school.test");
    let (_, page) = deputy.get("/staff?done=email").await;
    assert!(page.contains("Электрондық пошта мекенжайы сақталды."), "{page}");
}

async fn a_new_one_time_password_stops_the_old_one_and_only_a_head_gives_it_to_a_reader(app: TestApp) {
    app.school("school-a", "").await;
    let mut admin = app.browser("admin").await;
    let mut specialist = app.browser("specialist").await;
    let token = app.token("specialist").await;
    let id = id_of(&app, "specialist").await;
    // Whoever sees the password could open the account: not the administrator's to give.
    let (status, page) = admin.post(&format!("/staff/{id}/password"), &[]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("тек директор немесе директор орынбасары береді"),
        "{page}"
    );
    assert_eq!(specialist.get("/journal").await.0, 200, "nothing changed");
    let mut director = app.browser("director").await;
    let (status, page) = director.post(&format!("/staff/{id}/password"), &[]).await;
    assert_eq!(status, 200);
    let password = one_time_password(&page);
    assert!(password.len() >= 12);
    // Her open page and her token stop; the old password opens nothing.
    assert_eq!(specialist.get("/journal").await.0, 303);
    assert_eq!(app.api(&token).get("/api/v1/appeals").await.0, 401);
    let mut elsewhere = Browser::new(&app.base);
    assert_eq!(
        elsewhere
            .sign_in("specialist", &password_of("specialist"))
            .await
            .0,
        401
    );
    // With the new one she chooses her own, and reads as before.
    let mut again = Browser::new(&app.base);
    assert_eq!(again.sign_in("specialist", &password).await.0, 303);
    let own = "quiet-stone-morning-42";
    let (status, page) = again
        .post(
            "/account/password",
            &[("current", &password), ("new", own), ("repeat", own)],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(again.get("/journal").await.0, 200);
    // The administrator gives one to an account that reads nothing: another administrator.
    app.senim_ok(&[
        "user",
        "add",
        "--school",
        "school-a",
        "--login",
        "admin2",
        "--full-name",
        "Екінші Әкімші",
        "--position",
        "administrator",
    ]);
    let second = id_of(&app, "admin2").await;
    assert_eq!(admin.post(&format!("/staff/{second}/password"), &[]).await.0, 200);
    // Nobody changes their own account here.
    let own_id = id_of(&app, "director").await;
    assert_eq!(director.get(&format!("/staff/{own_id}")).await.0, 404);
    assert_eq!(
        director.post(&format!("/staff/{own_id}/password"), &[]).await.0,
        422
    );
    assert_eq!(app.audit_count("password_reset").await, 2);
}

async fn the_school_keeps_a_head_who_can_confirm_readers(app: TestApp) {
    app.school("school-a", "").await;
    let mut director = app.browser("director").await;
    let deputy = id_of(&app, "deputy").await;
    assert_eq!(
        director.post(&format!("/staff/{deputy}/deactivate"), &[]).await.0,
        303
    );
    let mut admin = app.browser("admin").await;
    let head = id_of(&app, "director").await;
    let (status, page) = admin.post(&format!("/staff/{head}/deactivate"), &[]).await;
    assert_eq!(status, 422);
    assert!(page.contains("басқа басшыны растаңыз"), "{page}");
    let (status, _) = admin.post(&format!("/staff/{head}/password"), &[]).await;
    assert_eq!(
        status, 422,
        "a reset by the administrator would leave her waiting"
    );
    let (status, _) = admin
        .post(
            &format!("/staff/{head}/positions"),
            &[("position", "psychologist")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, error) = app
        .api(&app.token("admin").await)
        .post(&format!("/api/v1/staff/{head}/deactivate"), serde_json::json!({}))
        .await;
    assert_eq!((status, error["code"].as_str()), (422, Some("last_head")));
    // A director who forgot her password gets a new one from whoever holds the server.
    let printed = app.senim_ok(&["user", "reset-password", "--login", "director"]);
    let password = printed
        .lines()
        .find_map(|line| line.strip_prefix("one-time password of director: "))
        .unwrap()
        .to_owned();
    assert_eq!(
        director.get("/journal").await.0,
        303,
        "her old browser is signed out"
    );
    let mut again = Browser::new(&app.base);
    assert_eq!(again.sign_in("director", &password).await.0, 303);
    let own = "tulip-spring-river-2026";
    let (status, page) = again
        .post(
            "/account/password",
            &[("current", &password), ("new", own), ("repeat", own)],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(again.get("/journal").await.0, 200, "still confirmed");
}

both_backends!(
    a_new_reading_position_waits_for_the_heads_and_one_taken_away_does_not,
    the_e_mail_address_is_changed_and_checked,
    a_new_one_time_password_stops_the_old_one_and_only_a_head_gives_it_to_a_reader,
    the_school_keeps_a_head_who_can_confirm_readers,
);
