//! A forwarding as the pages show it: on the appeal page (column е and the form to forward)
//! and in the telephonogram's text.

use chrono::NaiveDate;
use senim_app::wording::date_text;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::deadline::{DeadlineRule, due_date};
use senim_domain::forwarding::{DeliveryState, FORWARDING_RULES, ForwardingChannel, ForwardingError};
use senim_domain::time::format_local;
use senim_i18n::{Arg, Lang};
use senim_store::{AppealRecord, ForwardingEvent, ForwardingRecord, User};

use crate::AppState;
use crate::error::AppError;
use crate::view::Choice;

pub fn forwarding_error_message(error: ForwardingError, lang: Lang) -> String {
    lang.t(error.message_id())
}

/// One forwarding as the appeal page, column е and the monitoring list show it.
pub struct ForwardingView {
    pub id: i64,
    pub appeal_label: String,
    pub organisation: String,
    pub channel: String,
    pub by_voice_or_fax: bool,
    pub sent: String,
    pub sent_by: String,
    pub rule: String,
    pub due: String,
    pub due_input: String,
    pub status_code: &'static str,
    pub status: String,
    pub open: bool,
    pub received: Option<String>,
    pub answer: Option<String>,
    pub withdrawn: Option<String>,
    pub history: Vec<String>,
    /// For an e-mail: whether the letter went out, or why not yet.
    pub delivery: Option<String>,
    /// The address an e-mail letter was written for.
    pub letter_to: Option<String>,
    /// The letter was refused and may be sent again (e.g. after the address is corrected).
    pub can_resend: bool,
    /// When and how the applicant was told of the forwarding, once they were.
    pub notice: Option<String>,
}

impl ForwardingView {
    pub fn new(
        record: &ForwardingRecord,
        events: &[ForwardingEvent],
        lang: Lang,
        calendar: &WorkingCalendar,
        today: NaiveDate,
    ) -> ForwardingView {
        let open = record.is_open();
        let (status_code, status) = senim_app::wording::forwarding_status(record, lang, calendar, today);
        let history = events
            .iter()
            .filter(|event| event.forwarding_id == record.id)
            .map(|event| {
                let what = lang.t(&event.kind.message_id());
                let due = event
                    .due_on
                    .map(|d| format!(" — {}", date_text(d)))
                    .unwrap_or_default();
                let detail = event
                    .detail
                    .as_ref()
                    .map(|d| format!(": {}", d.as_str()))
                    .unwrap_or_default();
                format!(
                    "{} {what}{due} ({}){detail}",
                    format_local(event.happened_at),
                    event.by_name
                )
            })
            .collect();
        ForwardingView {
            id: record.id.0,
            appeal_label: lang.t_args(
                "appeal-title",
                &[
                    ("number", Arg::Number(record.appeal_number.0)),
                    ("year", Arg::Text(record.appeal_year.0.to_string())),
                ],
            ),
            organisation: record.executing_organisation.name_in(lang.code()).to_owned(),
            channel: lang.t(record.channel.message_id()),
            by_voice_or_fax: record.channel != ForwardingChannel::Email,
            sent: format_local(record.sent_at),
            sent_by: record.sent_by_name.clone(),
            rule: lang.t(record.rule.message_id()),
            due: date_text(record.due_on),
            due_input: record.due_on.format("%Y-%m-%d").to_string(),
            status_code,
            status,
            open,
            received: record
                .received
                .as_ref()
                .map(|(name, at)| format!("{name}, {}", format_local(*at))),
            answer: record.answer.as_ref().map(|(text, _)| text.0.clone()),
            withdrawn: record.withdrawn.as_ref().map(|(reason, _)| reason.0.clone()),
            history,
            delivery: delivery_text(record, lang),
            letter_to: record.letter_email.clone().filter(|address| !address.is_empty()),
            can_resend: record.delivery.state == DeliveryState::Failed && open,
            notice: None,
        }
    }
}

/// A delivery failure's code in words.
fn delivery_reason(code: Option<&str>, lang: Lang) -> String {
    lang.t(match code {
        Some("connection") => "delivery-error-connection",
        Some("transient") => "delivery-error-transient",
        Some("permanent") => "delivery-error-permanent",
        Some("bad_recipient") => "delivery-error-bad-recipient",
        _ => "delivery-error-other",
    })
}

fn delivery_text(record: &ForwardingRecord, lang: Lang) -> Option<String> {
    let delivery = &record.delivery;
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(format_local).unwrap_or_default();
    match delivery.state {
        DeliveryState::Sent => {
            Some(lang.t_args("delivery-sent", &[("at", Arg::Text(when(delivery.delivered_at)))]))
        }
        DeliveryState::Pending => Some(lang.t("delivery-pending")),
        DeliveryState::Retrying => Some(lang.t_args(
            "delivery-retrying",
            &[
                ("attempts", Arg::Number(delivery.attempts)),
                ("next", Arg::Text(when(delivery.next_attempt_at))),
                (
                    "reason",
                    Arg::Text(delivery_reason(delivery.error.as_deref(), lang)),
                ),
            ],
        )),
        DeliveryState::Failed => Some(lang.t_args(
            "delivery-failed",
            &[(
                "reason",
                Arg::Text(delivery_reason(delivery.error.as_deref(), lang)),
            )],
        )),
        DeliveryState::Cancelled => Some(lang.t("delivery-cancelled")),
        DeliveryState::None | DeliveryState::Sending => None,
    }
}

/// A rule and the date it proposes for this appeal.
pub struct Proposal {
    pub code: &'static str,
    pub label: String,
    pub date: String,
    pub selected: bool,
}

/// Column е of the appeal page: its forwardings and the form to forward it.
pub struct ForwardingSection {
    pub forwardings: Vec<ForwardingView>,
    pub directory: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub proposals: Vec<Proposal>,
    pub receipt_day: String,
    /// When the school itself must forward: outside its competence, or a crime against a child.
    pub act_deadlines: Vec<Proposal>,
    pub error: Option<String>,
}

impl ForwardingSection {
    pub async fn load(
        state: &AppState,
        user: &User,
        record: &AppealRecord,
        lang: Lang,
        error: Option<ForwardingError>,
    ) -> Result<ForwardingSection, AppError> {
        let appeal = &record.row.appeal;
        let (forwardings, events) = state
            .app
            .store
            .forwardings_of_appeal(user.organisation_id, appeal.id)
            .await?;
        let directory = state.app.store.directory(user.organisation_id).await?;
        let calendar = &state.app.calendar;
        let received_at = appeal.content.received_at();
        let today = state.app.clock.today();
        let notices = state.app.store.forwarding_notices(user.organisation_id).await?;
        Ok(ForwardingSection {
            forwardings: forwardings
                .iter()
                .map(|record| {
                    let mut view = ForwardingView::new(record, &events, lang, calendar, today);
                    view.notice = notices.get(&record.id).map(|(day, channel)| {
                        crate::view::watch::notice_recorded(lang, *day, Some(*channel))
                    });
                    view
                })
                .collect(),
            directory: directory
                .iter()
                .map(|entry| Choice {
                    value: entry.id.0.to_string(),
                    label: entry.name_in(lang.code()).to_owned(),
                    selected: false,
                })
                .collect(),
            channels: ForwardingChannel::ALL
                .into_iter()
                .map(|channel| Choice {
                    value: channel.code().to_owned(),
                    label: lang.t(channel.message_id()),
                    selected: channel == ForwardingChannel::Telephonogram,
                })
                .collect(),
            proposals: FORWARDING_RULES
                .into_iter()
                .map(|rule| Proposal {
                    code: rule.code(),
                    label: lang.t(rule.message_id()),
                    date: date_text(due_date(calendar, rule, received_at, None)),
                    selected: rule == DeadlineRule::Consideration,
                })
                .collect(),
            receipt_day: date_text(calendar.receipt_day(received_at)),
            act_deadlines: [
                DeadlineRule::ForwardOutsideCompetence,
                DeadlineRule::ForwardAtOnce,
            ]
            .into_iter()
            .map(|rule| Proposal {
                code: rule.code(),
                label: lang.t(rule.message_id()),
                date: date_text(due_date(calendar, rule, received_at, None)),
                selected: false,
            })
            .collect(),
            error: error.map(|error| forwarding_error_message(error, lang)),
        })
    }
}
