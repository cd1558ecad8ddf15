//! The outbox: forwarding letters by e-mail, sent and retried with back-off so that nothing
//! is lost while the SMTP server is down, and each person's digest of their day (urgent appeals
//! not handed over, what is overdue, due this week, to be forwarded, nobody's) at 9:00 on working
//! days. Digests carry numbers and deadlines only.

use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use senim_domain::OrganisationId;
use senim_domain::forwarding::ForwardingId;
use senim_domain::time::{format_local, local};
use senim_i18n::{Arg, Lang};
use senim_mail::MailError;
use senim_store::{AlertAbout, StoreError};

use crate::App;

/// When the daily digest goes out, Kazakhstan time.
pub const DIGEST_AT: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");
/// The longest wait between two attempts at a letter.
const LONGEST_WAIT: Duration = Duration::from_secs(3600);

/// Runs until the server stops: wakes when a letter is queued, or every interval.
pub async fn run(app: App) {
    if let Err(error) = app.store.requeue_interrupted_alerts().await {
        tracing::warn!(%error, "could not requeue interrupted alerts");
    }
    match app.store.requeue_interrupted_deliveries().await {
        Ok(0) => {}
        Ok(count) => tracing::warn!(count, "letters interrupted by the last stop are queued again"),
        Err(error) => tracing::warn!(%error, "could not requeue interrupted letters"),
    }
    loop {
        let now = app.now();
        if let Err(error) = deliver_due(&app, now).await {
            tracing::warn!(%error, "the outbox could not send letters");
        }
        if let Err(error) = send_alerts(&app, now).await {
            tracing::warn!(%error, "the outbox could not send urgent alerts");
        }
        if let Err(error) = send_digests(&app, now).await {
            tracing::warn!(%error, "the outbox could not send digests");
        }
        tokio::select! {
            () = app.outbox.notified() => {}
            () = tokio::time::sleep(app.outbox_settings.interval) => {}
        }
    }
}

/// What one pass of the outbox sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub letters: usize,
    pub alerts: usize,
    pub digests: usize,
    /// Requests to the school's heads to confirm an account.
    pub confirmation_requests: usize,
}

/// One pass of the outbox at `now`: the letters, alerts and digests due. The server runs it
/// in a loop (`run`); tests run it themselves at the moment they choose.
pub async fn send_due(app: &App, now: DateTime<Utc>) -> Result<Sent, StoreError> {
    Ok(Sent {
        letters: deliver_due(app, now).await?,
        alerts: send_alerts(app, now).await?,
        digests: send_digests(app, now).await?,
        confirmation_requests: send_confirmation_requests(app, now).await?,
    })
}

/// Tells the school's director and deputy director (those with an address) of each account
/// that waits for their confirmation: its login and positions, nothing about any appeal. Each
/// account is told of once; a request that could not go out for a while is tried again.
pub async fn send_confirmation_requests(app: &App, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let Some(mailer) = &app.mailer else { return Ok(0) };
    let mut sent = 0;
    for account in app.store.confirmation_requests_due().await? {
        let heads: Vec<_> = app
            .store
            .users(account.organisation_id)
            .await?
            .into_iter()
            .filter(|user| user.permissions().confirm_readers && !user.email.is_empty())
            .collect();
        // With no head to write to, the request waits (the journal's head shows it) until one
        // gives an address.
        if heads.is_empty() || !app.store.claim_confirmation_request(account.id, now).await? {
            continue;
        }
        let mut retry = false;
        for head in heads {
            let lang = Lang::parse(&head.locale).unwrap_or_default();
            let positions = crate::wording::positions_text(lang, &account.positions);
            let subject = lang.t("confirmation-request-subject");
            let body = lang.t_args(
                "confirmation-request-body",
                &[
                    ("login", Arg::Text(account.login.clone())),
                    ("positions", Arg::Text(positions)),
                ],
            );
            match mailer.send(&head.email, &head.full_name, &subject, &body).await {
                Ok(()) => {
                    sent += 1;
                    tracing::info!(
                        account = account.id.0,
                        to = head.id.0,
                        "confirmation request sent"
                    );
                }
                Err(error) => {
                    retry |= error.is_retryable();
                    tracing::warn!(account = account.id.0, to = head.id.0, %error, "confirmation request not sent");
                }
            }
        }
        if retry {
            app.store.release_confirmation_request(account.id).await?;
        }
    }
    Ok(sent)
}

/// The wait before attempt `attempts + 1`: the first wait, doubled each time, at most an hour.
pub fn backoff(first: Duration, attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.clamp(0, 16)).unwrap_or(16);
    first
        .saturating_mul(2u32.saturating_pow(doublings))
        .min(LONGEST_WAIT)
}

/// When to try again after `result`: never after a refusal for good, else after the wait.
fn next_attempt(
    app: &App,
    result: &Result<(), MailError>,
    attempts: i64,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    match result {
        Err(error) if !error.is_retryable() => None,
        _ => chrono::Duration::from_std(backoff(app.outbox_settings.retry_after, attempts))
            .ok()
            .map(|wait| now + wait),
    }
}

/// Sends every letter due by `now`; returns how many went out. Without an SMTP server the
/// letters wait in the queue, no attempt counted. One letter's trouble never holds up the rest.
pub async fn deliver_due(app: &App, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let Some(mailer) = &app.mailer else { return Ok(0) };
    let mut sent = 0;
    for (organisation_id, id) in app.store.due_deliveries(now).await? {
        if !app.store.claim_delivery(organisation_id, id).await? {
            continue;
        }
        let (result, attempts) = match deliver(app, mailer, organisation_id, id).await {
            Ok(outcome) => outcome,
            Err(error) => {
                tracing::warn!(forwarding = id.0, %error, "forwarding letter could not be prepared");
                (Err(MailError::Build), 0)
            }
        };
        let retry_at = next_attempt(app, &result, attempts, now);
        let recorded = result.as_ref().map(|_| ()).map_err(MailError::code);
        app.store
            .record_delivery(organisation_id, id, recorded, retry_at, true, app.now())
            .await?;
        match result {
            Ok(()) => {
                sent += 1;
                tracing::info!(forwarding = id.0, "forwarding letter sent");
            }
            Err(error) => tracing::warn!(forwarding = id.0, %error, "forwarding letter not sent"),
        }
    }
    Ok(sent)
}

/// Builds and sends one forwarding letter.
async fn deliver(
    app: &App,
    mailer: &senim_mail::Mailer,
    organisation_id: OrganisationId,
    id: ForwardingId,
) -> Result<(Result<(), MailError>, i64), StoreError> {
    let forwarding = app.store.forwarding(organisation_id, id).await?;
    let record = app.store.appeal(organisation_id, forwarding.appeal_id).await?;
    let school = app.store.organisation(organisation_id).await?;
    let lang = Lang::parse(forwarding.letter_language.code()).unwrap_or_default();
    let appeal = &record.row.appeal;
    let applicant = appeal.content.applicant();
    let applicant_lines = if forwarding.include_applicant && !appeal.content.anonymous() {
        lang.t_args(
            "letter-applicant",
            &[
                ("name", Arg::Text(applicant.full_name.0.clone())),
                ("address", Arg::Text(applicant.address.0.clone())),
                ("phone", Arg::Text(applicant.phone.0.clone())),
            ],
        )
    } else {
        String::new()
    };
    let subject = lang.t_args(
        "letter-subject",
        &[
            ("number", Arg::Number(appeal.number.0)),
            ("year", Arg::Text(appeal.year.0.to_string())),
        ],
    );
    let body = lang.t_args(
        "letter-body",
        &[
            (
                "organisation",
                Arg::Text(forwarding.executing_organisation.name_in(lang.code()).to_owned()),
            ),
            ("school", Arg::Text(school.name_in(lang.code()).to_owned())),
            ("number", Arg::Number(appeal.number.0)),
            ("year", Arg::Text(appeal.year.0.to_string())),
            ("received", Arg::Text(format_local(appeal.content.received_at()))),
            ("summary", Arg::Text(appeal.content.summary().to_owned())),
            ("applicant", Arg::Text(applicant_lines)),
            ("due", Arg::Text(forwarding.due_on.format("%d.%m.%Y").to_string())),
            ("sender", Arg::Text(forwarding.sent_by_name.clone())),
        ],
    );
    let to = &forwarding.executing_organisation;
    // The address the letter was written for, not whatever the directory says now.
    let address = forwarding.letter_email.as_deref().unwrap_or(&to.email);
    let result = mailer
        .send(address, to.name_in(lang.code()), &subject, &body)
        .await;
    Ok((result, forwarding.delivery.attempts))
}

/// Sends the alerts of urgent appeals: the number and a request to sign in, never the text.
pub async fn send_alerts(app: &App, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let Some(mailer) = &app.mailer else { return Ok(0) };
    let mut sent = 0;
    for alert in app.store.due_alerts(now).await? {
        if !app.store.claim_alert(&alert).await? {
            continue;
        }
        let lang = Lang::parse(&alert.locale).unwrap_or_default();
        let (subject, body) = match alert.about {
            AlertAbout::Appeal { year, number, .. } => {
                let args = [
                    ("number", Arg::Number(number.0)),
                    ("year", Arg::Text(year.0.to_string())),
                ];
                (
                    lang.t_args("alert-subject", &args),
                    lang.t_args("alert-body", &args),
                )
            }
            AlertAbout::Inbox(_) => (lang.t("alert-inbox-subject"), lang.t("alert-inbox-body")),
        };
        let result = mailer.send(&alert.email, &alert.full_name, &subject, &body).await;
        let retry_at = next_attempt(app, &result, alert.attempts, now);
        app.store
            .record_alert(&alert, result.is_ok(), retry_at, app.now())
            .await?;
        match result {
            Ok(()) => {
                sent += 1;
                tracing::info!(about = ?alert.about, user = alert.user_id.0, "urgent alert sent");
            }
            Err(error) => tracing::warn!(about = ?alert.about, %error, "urgent alert not sent"),
        }
    }
    Ok(sent)
}

/// Sends each member of staff who reads appeals, once a working day from 9:00, the numbers of
/// their day (as the «My day» page shows it) when there is something in it; returns how many
/// digests went out.
pub async fn send_digests(app: &App, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let Some(mailer) = &app.mailer else { return Ok(0) };
    let wall_clock = local(now);
    let today = wall_clock.date_naive();
    if !app.calendar.is_working_day(today) || wall_clock.time() < DIGEST_AT {
        return Ok(0);
    }
    let day = today.format("%Y-%m-%d").to_string();
    let mut watches: std::collections::HashMap<OrganisationId, crate::watch::Watch> = Default::default();
    let mut sent = 0;
    for user in app.store.users_with_email().await? {
        if !user.permissions().read_appeals || app.store.digest_sent(user.id, &day).await? {
            continue;
        }
        let watch = match watches.entry(user.organisation_id) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert(app.watch_on(user.organisation_id, today).await?)
            }
        };
        let my_day = app.day_of(&user, watch, today).await?;
        if my_day.is_empty() {
            continue;
        }
        let lang = Lang::parse(&user.locale).unwrap_or_default();
        let (subject, body) = digest_text(&my_day, lang);
        // Claimed before sending, so two passes or two servers never send it twice.
        if !app.store.mark_digest_sent(user.id, &day, app.now()).await? {
            continue;
        }
        match mailer.send(&user.email, &user.full_name, &subject, &body).await {
            Ok(()) => {
                sent += 1;
                tracing::info!(user = user.id.0, "digest sent");
            }
            Err(error) if error.is_retryable() => {
                app.store.release_digest(user.id, &day).await?;
                tracing::warn!(user = user.id.0, %error, "digest not sent; it is tried again");
            }
            Err(error) => tracing::warn!(user = user.id.0, %error, "digest refused; not tried again today"),
        }
    }
    Ok(sent)
}

/// The digest of a person's day: numbers, duties and deadlines only, never a text or a name.
pub fn digest_text(day: &crate::watch::MyDay, lang: Lang) -> (String, String) {
    let line = |item: &crate::watch::WatchItem| {
        lang.t_args(
            "digest-line",
            &[
                ("number", Arg::Number(item.entry.number.0)),
                ("year", Arg::Text(item.entry.year.0.to_string())),
                ("due", Arg::Text(item.due.format("%d.%m.%Y").to_string())),
                ("duty", Arg::Text(lang.t(crate::watch::duty_message_id(item)))),
            ],
        )
    };
    let subject = lang.t_args(
        "digest-subject",
        &[
            ("urgent", Arg::Number(day.urgent.len() as i64)),
            ("overdue", Arg::Number(day.overdue.len() as i64)),
            (
                "this_week",
                Arg::Number((day.to_forward.len() + day.this_week.len()) as i64),
            ),
            ("waiting", Arg::Number(day.waiting() as i64)),
        ],
    );
    let mut body = String::new();
    for (heading, items) in [
        ("day-urgent", &day.urgent),
        ("day-overdue", &day.overdue),
        ("day-to-forward", &day.to_forward),
        ("day-this-week", &day.this_week),
    ] {
        if !items.is_empty() {
            body.push_str(&format!("{}:\n", lang.t(heading)));
            for item in items {
                body.push_str(&format!("  {}\n", line(item)));
            }
            body.push('\n');
        }
    }
    if !day.unassigned.is_empty() {
        body.push_str(&format!("{}:\n", lang.t("day-unassigned")));
        for appeal in &day.unassigned {
            body.push_str(&format!(
                "  {}\n",
                lang.t_args(
                    "digest-appeal",
                    &[
                        ("number", Arg::Number(appeal.number.0)),
                        ("year", Arg::Text(appeal.year.0.to_string())),
                    ],
                )
            ));
        }
        body.push('\n');
    }
    if day.voicemails_waiting > 0 {
        body.push_str(&lang.t_args(
            "day-voicemails-waiting",
            &[
                ("count", Arg::Number(day.voicemails_waiting as i64)),
                ("late", Arg::Number(day.voicemails_late as i64)),
            ],
        ));
        body.push_str("\n\n");
    }
    if day.letters_waiting > 0 {
        body.push_str(&lang.t_args(
            "digest-letters-waiting",
            &[("count", Arg::Number(day.letters_waiting as i64))],
        ));
        body.push_str("\n\n");
    }
    if day.box_waiting > 0 {
        body.push_str(&lang.t_args(
            "digest-box-waiting",
            &[("count", Arg::Number(day.box_waiting as i64))],
        ));
        body.push_str("\n\n");
    }
    body.push_str(&lang.t("digest-footer"));
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_an_hour() {
        let first = Duration::from_secs(60);
        assert_eq!(backoff(first, 0), Duration::from_secs(60));
        assert_eq!(backoff(first, 1), Duration::from_secs(120));
        assert_eq!(backoff(first, 3), Duration::from_secs(480));
        assert_eq!(backoff(first, 10), LONGEST_WAIT);
        assert_eq!(backoff(first, 1_000), LONGEST_WAIT);
    }
}
