//! The minutes («Хаттама») of a meeting of the Trust Box commission, as the school's minutes
//! No. 1 of 11.11.2023: a number that restarts each year, the date, who attended (one person
//! may hold two positions), the agenda, for each item who was heard and what was resolved, the
//! chair and the secretary.

use chrono::{Datelike, NaiveDate};

use crate::appeal::Redacted;
use crate::staff::UserId;

/// The longest text of one field of the minutes.
pub const MAX_TEXT: usize = 4000;

/// One speaker under «Тыңдалды» and what they said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    pub speaker: UserId,
    pub said: Redacted<String>,
}

/// One item of the agenda («Күн тәртібінде»), what was heard («Тыңдалды») and resolved («Қаулы»).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub topic: Redacted<String>,
    pub heard: Vec<Heard>,
    pub resolved: Redacted<String>,
}

/// What the secretary writes down; only valid minutes can be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesDraft {
    pub held_on: NaiveDate,
    pub attendees: Vec<UserId>,
    pub items: Vec<AgendaItem>,
    pub chair: UserId,
    pub secretary: UserId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    #[error("attendees: the minutes name who attended")]
    NoAttendees,
    #[error("items: the minutes have at least one agenda item")]
    NoItems,
    #[error("items[{0}].topic: an agenda item needs its topic")]
    TopicRequired(usize),
    #[error("items[{0}].resolved: an agenda item needs what was resolved")]
    ResolvedRequired(usize),
    #[error("items[{0}].heard: a speaker must be among the attendees")]
    SpeakerNotAttendee(usize),
    #[error("chair: the chair must be among the attendees")]
    ChairNotAttendee,
    #[error("secretary: the secretary must be among the attendees")]
    SecretaryNotAttendee,
    #[error("items: a text is longer than 4000 characters")]
    TooLong,
    #[error("held_on: minutes cannot be recorded before the meeting")]
    InFuture,
}

impl MinutesError {
    /// The field at fault, as forms and the API name it; the message says which item.
    pub fn field(self) -> &'static str {
        match self {
            MinutesError::NoAttendees => "attendees",
            MinutesError::NoItems
            | MinutesError::TooLong
            | MinutesError::TopicRequired(_)
            | MinutesError::ResolvedRequired(_)
            | MinutesError::SpeakerNotAttendee(_) => "items",
            MinutesError::ChairNotAttendee => "chair",
            MinutesError::SecretaryNotAttendee => "secretary",
            MinutesError::InFuture => "held_on",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            MinutesError::NoAttendees => "attendees_required",
            MinutesError::NoItems => "items_required",
            MinutesError::TopicRequired(_) => "topic_required",
            MinutesError::ResolvedRequired(_) => "resolved_required",
            MinutesError::SpeakerNotAttendee(_) => "speaker_not_attendee",
            MinutesError::ChairNotAttendee => "chair_not_attendee",
            MinutesError::SecretaryNotAttendee => "secretary_not_attendee",
            MinutesError::TooLong => "too_long",
            MinutesError::InFuture => "held_in_future",
        }
    }
}

impl MinutesDraft {
    /// Checks the draft as held on a day not after `today`; trims the texts.
    pub fn checked(mut self, today: NaiveDate) -> Result<MinutesDraft, MinutesError> {
        if self.held_on > today {
            return Err(MinutesError::InFuture);
        }
        let mut seen = Vec::new();
        self.attendees.retain(|attendee| {
            let first = !seen.contains(attendee);
            seen.push(*attendee);
            first
        });
        if self.attendees.is_empty() {
            return Err(MinutesError::NoAttendees);
        }
        if self.items.is_empty() {
            return Err(MinutesError::NoItems);
        }
        if !self.attendees.contains(&self.chair) {
            return Err(MinutesError::ChairNotAttendee);
        }
        if !self.attendees.contains(&self.secretary) {
            return Err(MinutesError::SecretaryNotAttendee);
        }
        let too_long = |text: &str| text.chars().count() > MAX_TEXT;
        for (index, item) in self.items.iter_mut().enumerate() {
            let number = index + 1;
            item.topic = Redacted(item.topic.trim().to_owned());
            item.resolved = Redacted(item.resolved.trim().to_owned());
            if item.topic.is_empty() {
                return Err(MinutesError::TopicRequired(number));
            }
            if item.resolved.is_empty() {
                return Err(MinutesError::ResolvedRequired(number));
            }
            if too_long(&item.topic) || too_long(&item.resolved) {
                return Err(MinutesError::TooLong);
            }
            for heard in &mut item.heard {
                if !self.attendees.contains(&heard.speaker) {
                    return Err(MinutesError::SpeakerNotAttendee(number));
                }
                heard.said = Redacted(heard.said.trim().to_owned());
                if too_long(&heard.said) {
                    return Err(MinutesError::TooLong);
                }
            }
        }
        Ok(self)
    }

    /// The year whose numbering the minutes take: the year of the meeting.
    pub fn year(&self) -> i32 {
        self.held_on.year()
    }
}

/// What happened since the last meeting (or since the year began), in numbers only: the
/// agenda Senim proposes is written from these, never from a child's text or name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SinceLastMeeting {
    pub openings: u32,
    pub letters: u32,
    pub appeals: u32,
    pub urgent: u32,
    pub overdue: u32,
}

/// An item Senim proposes for the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposedItem {
    /// The box's openings and the letters found — the seed's «Сенім жәшігіне түскен хаттарды
    /// талқылау», proposed even when the box was empty.
    Letters { openings: u32, letters: u32 },
    /// The appeals registered, how many urgent.
    Appeals { appeals: u32, urgent: u32 },
    /// Forwardings past their deadline.
    Overdue { overdue: u32 },
}

/// The agenda proposed from the record: the letters always, the appeals when there were any,
/// overdue forwardings when there are any.
pub fn proposed_agenda(facts: SinceLastMeeting) -> Vec<ProposedItem> {
    let mut items = vec![ProposedItem::Letters {
        openings: facts.openings,
        letters: facts.letters,
    }];
    if facts.appeals > 0 {
        items.push(ProposedItem::Appeals {
            appeals: facts.appeals,
            urgent: facts.urgent,
        });
    }
    if facts.overdue > 0 {
        items.push(ProposedItem::Overdue {
            overdue: facts.overdue,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The minutes No. 1 of 11.11.2023: the deputy director (also the psychologist) chairs,
    /// the social pedagogue is the secretary, the psychologist is heard.
    fn seed() -> MinutesDraft {
        MinutesDraft {
            held_on: day(2023, 11, 11),
            attendees: vec![UserId(1), UserId(2)],
            items: vec![AgendaItem {
                topic: Redacted(" Сенім жәшігіне түскен хаттарды талқылау. ".into()),
                heard: vec![Heard {
                    speaker: UserId(1),
                    said: Redacted("Қараша айының 11-і күні сенім жәшігін ашқанын, жәшікке еш қандай хат түспегенін айтты.".into()),
                }],
                resolved: Redacted("Сенім жәшігі айына екі рет ашылып, хаттар бойынша жұмыстар атқарылсын.".into()),
            }],
            chair: UserId(1),
            secretary: UserId(2),
        }
    }

    #[test]
    fn the_seeds_minutes_are_valid_and_numbered_in_their_year() {
        let minutes = seed().checked(day(2026, 11, 25)).unwrap();
        assert_eq!(minutes.year(), 2023);
        assert_eq!(
            minutes.items[0].topic.as_str(),
            "Сенім жәшігіне түскен хаттарды талқылау."
        );
    }

    #[test]
    fn speakers_chair_and_secretary_must_have_attended() {
        let today = day(2026, 11, 25);
        let mut draft = seed();
        draft.items[0].heard[0].speaker = UserId(3);
        let error = draft.checked(today).unwrap_err();
        assert_eq!(error, MinutesError::SpeakerNotAttendee(1));
        assert_eq!(error.field(), "items");
        assert!(error.to_string().starts_with("items[1].heard"));
        let mut draft = seed();
        draft.chair = UserId(3);
        assert_eq!(draft.checked(today), Err(MinutesError::ChairNotAttendee));
        let mut draft = seed();
        draft.secretary = UserId(3);
        assert_eq!(draft.checked(today), Err(MinutesError::SecretaryNotAttendee));
        let mut draft = seed();
        draft.items[0].resolved = Redacted("  ".into());
        assert_eq!(draft.checked(today), Err(MinutesError::ResolvedRequired(1)));
        let mut draft = seed();
        draft.items.clear();
        assert_eq!(draft.checked(today), Err(MinutesError::NoItems));
        assert_eq!(seed().checked(day(2023, 11, 10)), Err(MinutesError::InFuture));
    }

    #[test]
    fn the_proposed_agenda_speaks_of_the_letters_always_and_of_the_rest_when_there_is_any() {
        assert_eq!(
            proposed_agenda(SinceLastMeeting::default()),
            vec![ProposedItem::Letters {
                openings: 0,
                letters: 0
            }]
        );
        let facts = SinceLastMeeting {
            openings: 2,
            letters: 3,
            appeals: 5,
            urgent: 1,
            overdue: 2,
        };
        assert_eq!(
            proposed_agenda(facts),
            vec![
                ProposedItem::Letters {
                    openings: 2,
                    letters: 3
                },
                ProposedItem::Appeals {
                    appeals: 5,
                    urgent: 1
                },
                ProposedItem::Overdue { overdue: 2 },
            ]
        );
    }
}
