//! Watching an appeal as the pages show it: one item of the monitoring list and of «My day»,
//! and the appeal page's section with its deadline, duties, responsible person and extensions.

use senim_app::watch::{Watch, WatchItem, duty_message_id};
use senim_app::wording::date_text;
use senim_domain::deadline::{DeadlineRule, DeadlineStatus, due_date};
use senim_domain::watch::WatchedAppeal;
use senim_i18n::{Arg, Lang};
use senim_store::{AppealRecord, User};

use crate::AppState;
use crate::error::AppError;
use crate::view::Choice;

/// One thing to be done, as a row of the monitoring list or of «My day».
pub struct ItemView {
    pub appeal_id: i64,
    pub appeal_label: String,
    pub duty: String,
    /// The rule in full, for those who check it.
    pub rule: String,
    pub organisation: Option<String>,
    pub due: String,
    pub status_code: &'static str,
    pub status: String,
    pub responsible: String,
    /// Where on the appeal page the item is.
    pub anchor: String,
}

pub fn status_text(status: DeadlineStatus, lang: Lang) -> String {
    lang.t(match status {
        DeadlineStatus::Overdue => "deadline-overdue",
        DeadlineStatus::DueSoon => "deadline-due-soon",
        DeadlineStatus::OnTime => "deadline-on-time",
    })
}

impl ItemView {
    pub fn new(item: &WatchItem, watch: &Watch, lang: Lang) -> ItemView {
        let responsible = item
            .responsible
            .and_then(|id| watch.registrars.iter().find(|user| user.id == id))
            .map_or_else(|| lang.t("monitoring-nobody"), |user| user.full_name.clone());
        ItemView {
            appeal_id: item.appeal.0,
            appeal_label: appeal_label(item.entry.year.0, item.entry.number.0, lang),
            duty: lang.t(duty_message_id(item)),
            rule: lang.t(item.rule.message_id()),
            organisation: item
                .forwarding
                .as_ref()
                .map(|forwarding| forwarding.executing_organisation.name_in(lang.code()).to_owned()),
            due: date_text(item.due),
            status_code: item.status.code(),
            status: status_text(item.status, lang),
            responsible,
            anchor: match &item.forwarding {
                Some(forwarding) => format!("forwarding-{}", forwarding.id.0),
                None => "watch".to_owned(),
            },
        }
    }
}

/// When (and, where known, how) the applicant was told.
pub fn notice_recorded(
    lang: Lang,
    day: chrono::NaiveDate,
    channel: Option<senim_domain::watch::NoticeChannel>,
) -> String {
    match channel {
        Some(channel) => lang.t_args(
            "notice-recorded",
            &[
                ("date", Arg::Text(date_text(day))),
                ("channel", Arg::Text(lang.t(channel.message_id()))),
            ],
        ),
        None => lang.t_args("notice-recorded-day", &[("date", Arg::Text(date_text(day)))]),
    }
}

pub fn appeal_label(year: i32, number: i64, lang: Lang) -> String {
    lang.t_args(
        "appeal-title",
        &[
            ("number", Arg::Number(number)),
            ("year", Arg::Text(year.to_string())),
        ],
    )
}

/// The appeal page's section: where the appeal stands and what can be done about it.
#[derive(Default)]
pub struct WatchSection {
    pub answered: bool,
    pub forwarded: bool,
    pub anonymous: bool,
    /// The school's own date of consideration and where it stands.
    pub due: String,
    pub due_status_code: &'static str,
    pub due_status: String,
    pub duties: Vec<ItemView>,
    pub responsible: String,
    /// Those the appeal can be given to.
    pub registrars: Vec<Choice>,
    pub assignments: Vec<String>,
    pub extensions: Vec<ExtensionView>,
    /// The latest extension waits for the applicant to be told.
    pub can_record_told: bool,
    /// The ways a notice can reach the applicant.
    pub channels: Vec<Choice>,
    /// The rule of extensions, with the latest date one may reach.
    pub extend_hint: String,
    pub limit_input: String,
    pub today_input: String,
    pub outside_competence: bool,
    pub error: Option<String>,
    /// The extension form as it was sent, when it was refused: nothing typed is lost.
    pub typed: TypedExtension,
}

/// An extension form's fields as typed.
#[derive(Default)]
pub struct TypedExtension {
    pub due_on: String,
    pub reason: String,
    pub decided_on: String,
    pub told_on: String,
}

pub struct ExtensionView {
    pub line: String,
    pub reason: String,
    pub told: String,
}

impl WatchSection {
    pub async fn load(
        state: &AppState,
        user: &User,
        record: &AppealRecord,
        lang: Lang,
    ) -> Result<WatchSection, AppError> {
        let app = &state.app;
        let today = app.clock.today();
        let entry = record.row.appeal.id;
        let watch = app.watch_of(user.organisation_id, &[entry], today).await?;
        let appeal: WatchedAppeal = match watch.appeal_of(entry) {
            Some(appeal) => appeal.clone(),
            None => app.standing_appeal(user.organisation_id, entry).await?,
        };
        let assignments = app
            .store
            .assignments(user.organisation_id, &appeal.entries)
            .await?
            .iter()
            .map(|record| {
                lang.t_args(
                    "watch-assigned-line",
                    &[
                        (
                            "date",
                            Arg::Text(senim_domain::time::format_local(record.assigned_at)),
                        ),
                        ("name", Arg::Text(record.user_name.clone())),
                        ("by", Arg::Text(record.assigned_by_name.clone())),
                    ],
                )
            })
            .collect();
        let extension_records = app
            .store
            .extensions(user.organisation_id, &appeal.entries)
            .await?;
        let can_record_told = !appeal.anonymous
            && !appeal.answered
            && extension_records
                .last()
                .is_some_and(|record| record.extension.told_on.is_none());
        let extensions = extension_records
            .iter()
            .map(|record| ExtensionView {
                line: lang.t_args(
                    "watch-extension-line",
                    &[
                        ("date", Arg::Text(date_text(record.extension.decided_on))),
                        ("due", Arg::Text(date_text(record.extension.due_on))),
                        ("by", Arg::Text(record.recorded_by_name.clone())),
                    ],
                ),
                reason: record.reason.0.clone(),
                told: match record.extension.told_on {
                    Some(day) => notice_recorded(lang, day, record.told_channel),
                    None if appeal.anonymous => String::new(),
                    None => lang.t("watch-not-told"),
                },
            })
            .collect();
        // A forwarded appeal is due when its forwarding is.
        let forwarding_due = watch
            .items_of(appeal.id)
            .filter(|item| item.forwarding.is_some())
            .map(|item| item.due)
            .min();
        let due = forwarding_due.unwrap_or_else(|| appeal.consideration_due(&app.calendar));
        let status = DeadlineStatus::of(&app.calendar, due, today);
        let responsible = watch
            .registrars
            .iter()
            .find(|candidate| candidate.id == appeal.responsible);
        let limit = due_date(
            &app.calendar,
            DeadlineRule::ExtensionLimit,
            appeal.received_at,
            None,
        );
        Ok(WatchSection {
            answered: appeal.answered,
            forwarded: appeal.forwarded,
            anonymous: appeal.anonymous,
            due: date_text(due),
            due_status_code: status.code(),
            due_status: status_text(status, lang),
            duties: watch
                .items_of(appeal.id)
                .filter(|item| item.forwarding.is_none())
                .map(|item| ItemView::new(item, &watch, lang))
                .collect(),
            responsible: responsible
                .map_or_else(|| lang.t("monitoring-nobody"), |user| user.full_name.clone()),
            registrars: watch
                .registrars
                .iter()
                .map(|candidate| Choice {
                    value: candidate.id.0.to_string(),
                    label: candidate.full_name.clone(),
                    selected: candidate.id == appeal.responsible,
                })
                .collect(),
            assignments,
            extensions,
            can_record_told,
            channels: senim_domain::watch::NoticeChannel::ALL
                .into_iter()
                .map(|channel| Choice {
                    value: channel.code().to_owned(),
                    label: lang.t(channel.message_id()),
                    selected: channel == senim_domain::watch::NoticeChannel::Hand,
                })
                .collect(),
            extend_hint: lang.t_args("watch-extend-hint", &[("limit", Arg::Text(date_text(limit)))]),
            limit_input: limit.format("%Y-%m-%d").to_string(),
            today_input: today.format("%Y-%m-%d").to_string(),
            outside_competence: appeal.outside_competence,
            error: None,
            typed: TypedExtension {
                decided_on: today.format("%Y-%m-%d").to_string(),
                ..TypedExtension::default()
            },
        })
    }
}
