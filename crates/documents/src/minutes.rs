//! The minutes of a commission meeting («Хаттама»), laid out as the school's minutes No. 1 of
//! 11.11.2023: the institution and the meeting, the date, «Хаттама №N», who attended under
//! their positions, the agenda, then for each item «Тыңдалды» and «Қаулы», and the chair's and
//! the secretary's signatures.

use chrono::NaiveDate;
use senim_i18n::{Arg, Lang};

use crate::act::{Signatory, position_lines};
use crate::docx::Writer;
use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// An agenda item as the minutes print it: speakers by name.
#[derive(Clone, Debug)]
pub struct MinutesItem {
    pub topic: String,
    /// The speaker's name and what they said.
    pub heard: Vec<(String, String)>,
    pub resolved: String,
}

/// The minutes' text, ready to show or print.
#[derive(Clone, Debug)]
pub struct Minutes {
    pub lang: Lang,
    pub institution: String,
    pub heading: String,
    pub date: String,
    pub title: String,
    pub attendees_label: String,
    /// Position and name, one line each; a member with two positions is listed under each.
    pub attendees: Vec<(String, String)>,
    pub agenda_label: String,
    pub heard_label: String,
    pub resolved_label: String,
    pub items: Vec<MinutesItem>,
    pub signatures: Vec<(String, String)>,
}

impl Minutes {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        institution: &str,
        held_on: NaiveDate,
        number: i64,
        attendees: &[Signatory],
        items: Vec<MinutesItem>,
        chair: &str,
        secretary: &str,
        lang: Lang,
    ) -> Minutes {
        use chrono::Datelike;
        let lang = document_lang(lang);
        Minutes {
            lang,
            institution: institution.to_owned(),
            // The month as each language writes it there: «Қараша айындағы», «за ноябрь».
            heading: lang.t_args(
                "minutes-heading",
                &[("month", Arg::Number(i64::from(held_on.month())))],
            ),
            date: lang.t_args(
                "minutes-date",
                &[("date", Arg::from(held_on.format("%d.%m.%Y").to_string()))],
            ),
            title: lang.t_args("minutes-number", &[("number", Arg::Number(number))]),
            attendees_label: lang.t("minutes-attendees"),
            attendees: position_lines(attendees, lang),
            agenda_label: lang.t("minutes-agenda"),
            heard_label: lang.t("minutes-heard"),
            resolved_label: lang.t("minutes-resolved"),
            items,
            signatures: vec![
                (lang.t("minutes-chair"), chair.to_owned()),
                (lang.t("minutes-secretary"), secretary.to_owned()),
            ],
        }
    }

    fn json(&self) -> String {
        let pairs = |pairs: &[(String, String)]| {
            pairs
                .iter()
                .map(|(first, second)| serde_json::json!([first, second]))
                .collect::<Vec<_>>()
        };
        serde_json::json!({
            "lang": self.lang.code(),
            "institution": self.institution,
            "heading": self.heading,
            "date": self.date,
            "title": self.title,
            "attendees_label": self.attendees_label,
            "attendees": pairs(&self.attendees),
            "agenda_label": self.agenda_label,
            "heard_label": self.heard_label,
            "resolved_label": self.resolved_label,
            "items": self.items.iter().map(|item| serde_json::json!({
                "topic": item.topic,
                "heard": pairs(&item.heard),
                "resolved": item.resolved,
            })).collect::<Vec<_>>(),
            "signatures": pairs(&self.signatures),
        })
        .to_string()
    }

    pub fn pdf(&self, today: NaiveDate) -> Result<Vec<u8>, DocumentError> {
        render(Template::Minutes, &self.json(), Vec::new(), today)
    }

    /// The minutes as a Word document, in the same order and wording.
    pub fn docx(&self) -> Result<Vec<u8>, DocumentError> {
        let mut docx = Writer::new();
        docx.centred(&self.institution, true);
        docx.centred(&self.heading, false);
        docx.blank();
        docx.line(&self.date, false);
        docx.centred(&self.title, true);
        docx.blank();
        docx.line(&self.attendees_label, true);
        for (position, name) in &self.attendees {
            docx.line(&format!("{position}: {name}"), false);
        }
        docx.blank();
        docx.line(&self.agenda_label, true);
        for (index, item) in self.items.iter().enumerate() {
            docx.line(&format!("{}. {}", index + 1, item.topic), false);
        }
        for (index, item) in self.items.iter().enumerate() {
            docx.blank();
            if self.items.len() > 1 {
                docx.line(&format!("{}. {}", index + 1, item.topic), true);
            }
            if !item.heard.is_empty() {
                docx.line(&self.heard_label, true);
                for (speaker, said) in &item.heard {
                    docx.indented(&format!("{speaker}: {said}"));
                }
            }
            docx.line(&self.resolved_label, true);
            docx.indented(&item.resolved);
        }
        docx.blank();
        docx.signatures(&self.signatures);
        docx.finish()
    }
}
