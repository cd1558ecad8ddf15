//! How Senim words what it shows in more than one place — a page, a document, an e-mail: a
//! category's name, a date, where a forwarding stands.

use chrono::NaiveDate;
use senim_domain::Category;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::deadline::DeadlineStatus;
use senim_i18n::{Arg, Lang};
use senim_store::ForwardingRecord;

/// A category's name: «Зорлық-зомбылық › Буллинг».
pub fn category_name(lang: Lang, category: Category) -> String {
    let topic = lang.t(&Category::of(category.topic()).message_id());
    match category.sub() {
        Some(_) => format!("{topic} › {}", lang.t(&category.message_id())),
        None => topic,
    }
}

/// A person's positions in words, as the staff pages and the heads' e-mails list them.
pub fn positions_text(lang: Lang, positions: &senim_domain::Positions) -> String {
    positions
        .as_slice()
        .iter()
        .map(|position| lang.t(position.message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A date as the papers write it: `dd.mm.yyyy`.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

pub fn deadline_status_label(status: DeadlineStatus, lang: Lang) -> String {
    lang.t(match status {
        DeadlineStatus::Overdue => "deadline-overdue",
        DeadlineStatus::DueSoon => "deadline-due-soon",
        DeadlineStatus::OnTime => "deadline-on-time",
    })
}

/// Where a forwarding stands, as a code (`answered`, `withdrawn`, `overdue`, `due_soon`,
/// `on_time`) and in words.
pub fn forwarding_status(
    record: &ForwardingRecord,
    lang: Lang,
    calendar: &WorkingCalendar,
    today: NaiveDate,
) -> (&'static str, String) {
    if let Some((_, on)) = &record.answer {
        (
            "answered",
            lang.t_args("forwarding-answered-on", &[("date", Arg::Text(date_text(*on)))]),
        )
    } else if record.withdrawn.is_some() {
        ("withdrawn", lang.t("forwarding-withdrawn"))
    } else {
        let status = DeadlineStatus::of(calendar, record.due_on, today);
        (status.code(), deadline_status_label(status, lang))
    }
}

/// A forwarding as column е of the journal shows it: the body, the deadline, where it stands.
pub struct ForwardedCell {
    pub organisation: String,
    pub due: String,
    pub status_code: &'static str,
    pub status: String,
}

impl ForwardedCell {
    pub fn new(
        record: &ForwardingRecord,
        lang: Lang,
        calendar: &WorkingCalendar,
        today: NaiveDate,
    ) -> ForwardedCell {
        let (status_code, status) = forwarding_status(record, lang, calendar, today);
        ForwardedCell {
            organisation: record.executing_organisation.name_in(lang.code()).to_owned(),
            due: date_text(record.due_on),
            status_code,
            status,
        }
    }
}
