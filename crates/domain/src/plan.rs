//! The yearly activity plan («"Сенім телефоны" мен "Сенім жәшігі" бойынша іс-шаралар жоспары»)
//! of an academic year, as the school's plan for 2023–2024: what is done, when, and who answers
//! for it. Timing is structured, so each item is split into the periods it asks for (a week, a
//! half-month, a month, the whole year) and each period is shown done or missed from the work
//! recorded — box openings, minutes, registered calls — or from a mark a person placed with a
//! note.

use chrono::{Datelike, Duration, NaiveDate};

use crate::calendar::WorkingCalendar;
use crate::opening::Schedule;
use crate::staff::Position;

/// An academic year, named by its first calendar year: 2023 for «2023 – 2024».
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AcademicYear(pub i32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("academic_year: YYYY-YYYY, two consecutive years, as 2023-2024")]
pub struct AcademicYearError;

impl AcademicYear {
    /// The academic year a day falls in: September to August.
    pub fn of(day: NaiveDate) -> AcademicYear {
        AcademicYear(if day.month() >= 9 {
            day.year()
        } else {
            day.year() - 1
        })
    }

    /// `2023-2024` (a dash or an en dash, spaces allowed).
    pub fn parse(text: &str) -> Result<AcademicYear, AcademicYearError> {
        let (first, second) = text
            .split_once('-')
            .or_else(|| text.split_once('–'))
            .ok_or(AcademicYearError)?;
        let first: i32 = first.trim().parse().map_err(|_| AcademicYearError)?;
        let second: i32 = second.trim().parse().map_err(|_| AcademicYearError)?;
        if !(2000..=2200).contains(&first) || second != first + 1 {
            return Err(AcademicYearError);
        }
        Ok(AcademicYear(first))
    }

    /// «2023 – 2024», as the school's papers write the year.
    pub fn spaced(self) -> String {
        format!("{} – {}", self.0, self.0 + 1)
    }

    /// The plan covers the school year: 1 September to 31 May.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 9, 1).expect("1 September exists")
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 5, 31).expect("31 May exists")
    }
}

impl std::fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

/// When an item is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timing {
    /// In one month of the year (September for the order).
    InMonth(u32),
    Weekly,
    TwiceMonthly,
    Monthly,
    /// Once, at any time in the year.
    Once,
}

impl Timing {
    pub fn code(self) -> String {
        match self {
            Timing::InMonth(month) => format!("month-{month}"),
            Timing::Weekly => "weekly".into(),
            Timing::TwiceMonthly => "twice_monthly".into(),
            Timing::Monthly => "monthly".into(),
            Timing::Once => "once".into(),
        }
    }

    pub fn parse(code: &str) -> Option<Timing> {
        match code {
            "weekly" => Some(Timing::Weekly),
            "twice_monthly" => Some(Timing::TwiceMonthly),
            "monthly" => Some(Timing::Monthly),
            "once" => Some(Timing::Once),
            _ => {
                let month: u32 = code.strip_prefix("month-")?.parse().ok()?;
                (1..=12).contains(&month).then_some(Timing::InMonth(month))
            }
        }
    }

    /// Every timing a form offers, the months in the school year's order.
    pub fn all() -> Vec<Timing> {
        let mut all = vec![
            Timing::Weekly,
            Timing::TwiceMonthly,
            Timing::Monthly,
            Timing::Once,
        ];
        all.extend([9, 10, 11, 12, 1, 2, 3, 4, 5].map(Timing::InMonth));
        all
    }

    /// The Fluent id of the timing's name; a month's name is `month-N`.
    pub fn message_id(self) -> String {
        match self {
            Timing::InMonth(month) => format!("month-{month}"),
            Timing::Weekly => "timing-weekly".into(),
            Timing::TwiceMonthly => "timing-twice-monthly".into(),
            Timing::Monthly => "timing-monthly".into(),
            Timing::Once => "timing-once".into(),
        }
    }

    /// The periods of the academic year the timing asks for, in order, leaving out those
    /// without a working day (a first "week" that is only 1 September's Sunday, the New Year
    /// holidays): nothing can be asked of staff then. A month outside the school year (June to
    /// August) has no period.
    pub fn periods(self, year: AcademicYear, calendar: &WorkingCalendar) -> Vec<Period> {
        self.calendar_periods(year)
            .into_iter()
            .filter(|period| period.days().any(|day| calendar.is_working_day(day)))
            .collect()
    }

    /// Every period of the academic year the timing asks for, working days or not.
    fn calendar_periods(self, year: AcademicYear) -> Vec<Period> {
        let (first, last) = (year.first_day(), year.last_day());
        let clip = |start: NaiveDate, end: NaiveDate| Period {
            start: start.max(first),
            end: end.min(last),
        };
        let months = || {
            (0..9).map(move |offset| {
                let month0 = 8 + offset; // September is month index 8 of the first year
                let (y, m) = (year.0 + month0 / 12, (month0 % 12) as u32 + 1);
                let start = NaiveDate::from_ymd_opt(y, m, 1).expect("a month's first day");
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                }
                .expect("the next month's first day");
                (start, next - Duration::days(1))
            })
        };
        match self {
            Timing::Once => vec![Period {
                start: first,
                end: last,
            }],
            Timing::Monthly => months().map(|(start, end)| clip(start, end)).collect(),
            Timing::InMonth(month) => months()
                .filter(|(start, _)| start.month() == month)
                .map(|(start, end)| clip(start, end))
                .collect(),
            Timing::TwiceMonthly => months()
                .flat_map(|(start, end)| {
                    let middle = start + Duration::days(14);
                    [clip(start, middle), clip(middle + Duration::days(1), end)]
                })
                .collect(),
            Timing::Weekly => {
                let mut monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
                let mut weeks = Vec::new();
                while monday <= last {
                    weeks.push(clip(monday, monday + Duration::days(6)));
                    monday += Duration::days(7);
                }
                weeks
            }
        }
    }
}

/// A stretch of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.start.iter_days().take_while(move |day| *day <= self.end)
    }
}

/// The seed plan's items, each with the work that shows it was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StandardActivity {
    /// «"Сенім телефоны" мен "Сенім жәшігі" жұмысын ұйымдастыру.»
    Organise,
    /// «… бойынша бұйрық шығару.»
    Order,
    /// «… ақпаратты сыныптарға беру.»
    InformClasses,
    /// «"Сенім жәшігіне" түскен хаттармен жұмыс жасау.»
    Letters,
    /// «"Сенім телефоны" түскен қоңыраулармен жұмыс және тіркеу.»
    Calls,
    /// «"Сенім жәшігін" ашқанда АКТ толтыру.»
    Act,
    /// «… түскен мәліметтерді директор жанындағы кеңесте қарау.»
    Council,
}

impl StandardActivity {
    pub const ALL: [StandardActivity; 7] = [
        StandardActivity::Organise,
        StandardActivity::Order,
        StandardActivity::InformClasses,
        StandardActivity::Letters,
        StandardActivity::Calls,
        StandardActivity::Act,
        StandardActivity::Council,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StandardActivity::Organise => "organise",
            StandardActivity::Order => "order",
            StandardActivity::InformClasses => "inform_classes",
            StandardActivity::Letters => "letters",
            StandardActivity::Calls => "calls",
            StandardActivity::Act => "act",
            StandardActivity::Council => "council",
        }
    }

    pub fn parse(code: &str) -> Option<StandardActivity> {
        StandardActivity::ALL
            .into_iter()
            .find(|activity| activity.code() == code)
    }

    /// The Fluent id of the item's wording.
    pub fn message_id(self) -> &'static str {
        match self {
            StandardActivity::Organise => "plan-activity-organise",
            StandardActivity::Order => "plan-activity-order",
            StandardActivity::InformClasses => "plan-activity-inform-classes",
            StandardActivity::Letters => "plan-activity-letters",
            StandardActivity::Calls => "plan-activity-calls",
            StandardActivity::Act => "plan-activity-act",
            StandardActivity::Council => "plan-activity-council",
        }
    }

    pub fn evidence(self) -> Evidence {
        match self {
            StandardActivity::Letters | StandardActivity::Act => Evidence::Openings,
            StandardActivity::Calls => Evidence::Calls,
            StandardActivity::Council => Evidence::Minutes,
            StandardActivity::Organise | StandardActivity::Order | StandardActivity::InformClasses => {
                Evidence::Manual
            }
        }
    }
}

/// What an item says is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    Standard(StandardActivity),
    /// The school's own wording; shown as written in every language.
    Custom(String),
}

impl Activity {
    pub fn evidence(&self) -> Evidence {
        match self {
            Activity::Standard(activity) => activity.evidence(),
            Activity::Custom(_) => Evidence::Manual,
        }
    }
}

/// The recorded work that shows a period done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Evidence {
    /// A box opening (and its act) in the period.
    Openings,
    /// Minutes of a meeting held in the period.
    Minutes,
    /// A Trust Phone call registered in the period.
    Calls,
    /// Only a person's mark with a note.
    Manual,
}

impl Evidence {
    pub fn code(self) -> &'static str {
        match self {
            Evidence::Openings => "openings",
            Evidence::Minutes => "minutes",
            Evidence::Calls => "calls",
            Evidence::Manual => "manual",
        }
    }
}

/// The longest wording of an item or note.
pub const MAX_TEXT: usize = 500;

/// One row of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub activity: Activity,
    pub timing: Timing,
    /// Who answers for it, in the seed's order («ДТІЖО, педагог-психолог, әлеуметтік педагог»).
    pub responsible: Vec<Position>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("activity: an item needs its wording, at most 500 characters")]
    Activity,
    #[error("responsible: at least one position answers for an item")]
    Responsible,
    #[error("timing: a month of the school year (September to May)")]
    Timing,
    #[error("note: a mark needs a note of what was done, at most 500 characters")]
    Note,
    #[error("period: not a period of this item in the plan's year")]
    Period,
    #[error("period: a period that has not begun cannot be marked done")]
    FuturePeriod,
}

impl PlanError {
    /// A stable code for integrations.
    pub fn code(self) -> &'static str {
        match self {
            PlanError::Activity => "invalid_activity",
            PlanError::Responsible => "responsible_required",
            PlanError::Timing => "invalid_timing",
            PlanError::Note => "note_required",
            PlanError::Period => "invalid_period",
            PlanError::FuturePeriod => "period_not_begun",
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            PlanError::Activity => "activity",
            PlanError::Responsible => "responsible",
            PlanError::Timing => "timing",
            PlanError::Note => "note",
            PlanError::Period | PlanError::FuturePeriod => "period",
        }
    }
}

impl PlanItem {
    /// Checks an item: its wording, a month in the school year, who answers for it (never the
    /// system administrator).
    pub fn checked(mut self) -> Result<PlanItem, PlanError> {
        if let Activity::Custom(text) = &self.activity {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > MAX_TEXT {
                return Err(PlanError::Activity);
            }
            self.activity = Activity::Custom(text.to_owned());
        }
        if let Timing::InMonth(month) = self.timing
            && (6..=8).contains(&month)
        {
            return Err(PlanError::Timing);
        }
        self.responsible.sort_by_key(|position| position.paper_rank());
        self.responsible.dedup();
        self.responsible
            .retain(|position| *position != Position::Administrator);
        if self.responsible.is_empty() {
            return Err(PlanError::Responsible);
        }
        Ok(self)
    }
}

/// The plan a school starts a year from: the seed's seven items, with the box's letters and
/// acts as often as the school's box schedule opens it (the seed's plan said weekly; its
/// minutes of 11.11.2023 resolved twice a month).
pub fn default_plan_for(schedule: Schedule) -> Vec<PlanItem> {
    let mut plan = default_plan();
    for item in &mut plan {
        if matches!(
            item.activity,
            Activity::Standard(StandardActivity::Letters | StandardActivity::Act)
        ) {
            item.timing = match schedule {
                Schedule::Weekly => Timing::Weekly,
                Schedule::TwiceMonthly => Timing::TwiceMonthly,
                Schedule::Monthly => Timing::Monthly,
            };
        }
    }
    plan
}

/// The seed's plan for 2023–2024 as written: seven items, September for the first two,
/// weekly for the rest, all under the deputy director, the psychologist and the social
/// pedagogue.
pub fn default_plan() -> Vec<PlanItem> {
    StandardActivity::ALL
        .into_iter()
        .map(|activity| PlanItem {
            activity: Activity::Standard(activity),
            timing: match activity {
                StandardActivity::Organise | StandardActivity::Order => Timing::InMonth(9),
                _ => Timing::Weekly,
            },
            responsible: vec![
                Position::DeputyDirector,
                Position::Psychologist,
                Position::SocialPedagogue,
            ],
        })
        .collect()
}

/// The days on which the recorded work happened (Kazakhstan dates).
#[derive(Clone, Debug, Default)]
pub struct Record {
    pub openings: Vec<NaiveDate>,
    pub minutes: Vec<NaiveDate>,
    pub calls: Vec<NaiveDate>,
}

impl Record {
    fn days(&self, evidence: Evidence) -> &[NaiveDate] {
        match evidence {
            Evidence::Openings => &self.openings,
            Evidence::Minutes => &self.minutes,
            Evidence::Calls => &self.calls,
            Evidence::Manual => &[],
        }
    }
}

/// How a period of an item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// The record shows the work in the period.
    Done,
    /// A person marked it done, with a note.
    Marked,
    /// The period is over and nothing shows the work.
    Missed,
    /// The period is over and nothing came in to work on (no call to register).
    Quiet,
    /// The period runs today and nothing shows the work yet.
    Current,
    /// The period has not begun.
    Upcoming,
}

impl Mark {
    pub fn code(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::Marked => "marked",
            Mark::Missed => "missed",
            Mark::Quiet => "quiet",
            Mark::Current => "current",
            Mark::Upcoming => "upcoming",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(self, Mark::Done | Mark::Marked)
    }
}

/// Each period of an item and how it stands `today`; `marked` are the starts of the periods a
/// person marked done.
pub fn progress(
    item: &PlanItem,
    year: AcademicYear,
    calendar: &WorkingCalendar,
    record: &Record,
    marked: &[NaiveDate],
    today: NaiveDate,
) -> Vec<(Period, Mark)> {
    let evidence = item.activity.evidence();
    let days = record.days(evidence);
    item.timing
        .periods(year, calendar)
        .into_iter()
        .map(|period| {
            let mark = if days.iter().any(|day| period.contains(*day)) {
                Mark::Done
            } else if marked.contains(&period.start) {
                Mark::Marked
            } else if period.end < today && evidence == Evidence::Calls {
                // A week without a call is no failure of the staff.
                Mark::Quiet
            } else if period.end < today {
                Mark::Missed
            } else if period.start <= today {
                Mark::Current
            } else {
                Mark::Upcoming
            };
            (period, mark)
        })
        .collect()
}

/// Checks that a person may mark `period_start` of an item done on `today`: a period of the
/// item that has begun, and a note saying what was done.
pub fn check_mark(
    item: &PlanItem,
    year: AcademicYear,
    calendar: &WorkingCalendar,
    period_start: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<Period, PlanError> {
    let note = note.trim();
    if note.is_empty() || note.chars().count() > MAX_TEXT {
        return Err(PlanError::Note);
    }
    let period = item
        .timing
        .periods(year, calendar)
        .into_iter()
        .find(|period| period.start == period_start)
        .ok_or(PlanError::Period)?;
    if period.start > today {
        return Err(PlanError::FuturePeriod);
    }
    Ok(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::embedded()
    }

    #[test]
    fn academic_years_read_and_print_as_the_plan_names_them() {
        assert_eq!(AcademicYear::parse("2023-2024"), Ok(AcademicYear(2023)));
        assert_eq!(AcademicYear::parse("2023 – 2024"), Ok(AcademicYear(2023)));
        assert_eq!(AcademicYear::parse("2023-2025"), Err(AcademicYearError));
        assert_eq!(AcademicYear::parse("2023"), Err(AcademicYearError));
        assert_eq!(AcademicYear(2023).to_string(), "2023-2024");
        assert_eq!(AcademicYear(2023).spaced(), "2023 – 2024");
        assert_eq!(AcademicYear::of(day(2024, 5, 31)), AcademicYear(2023));
        assert_eq!(AcademicYear::of(day(2024, 9, 1)), AcademicYear(2024));
    }

    #[test]
    fn weeks_run_monday_to_sunday_within_the_school_year() {
        let weeks = Timing::Weekly.periods(AcademicYear(2023), &calendar());
        // 1 September 2023 was a Friday: the first week is its last three days.
        assert_eq!(
            weeks[0],
            Period {
                start: day(2023, 9, 1),
                end: day(2023, 9, 3)
            }
        );
        assert_eq!(
            weeks[1],
            Period {
                start: day(2023, 9, 4),
                end: day(2023, 9, 10)
            }
        );
        // 31 May 2024 was a Friday: the last week ends there.
        assert_eq!(
            weeks.last().unwrap(),
            &Period {
                start: day(2024, 5, 27),
                end: day(2024, 5, 31)
            }
        );
        assert_eq!(weeks.len(), 40);
        let halves = Timing::TwiceMonthly.periods(AcademicYear(2023), &calendar());
        assert_eq!(halves.len(), 18);
        assert_eq!(
            halves[3],
            Period {
                start: day(2023, 10, 16),
                end: day(2023, 10, 31)
            }
        );
        assert_eq!(Timing::Monthly.periods(AcademicYear(2023), &calendar()).len(), 9);
        assert_eq!(
            Timing::InMonth(9).periods(AcademicYear(2023), &calendar()),
            vec![Period {
                start: day(2023, 9, 1),
                end: day(2023, 9, 30)
            }]
        );
        assert_eq!(
            Timing::InMonth(1).periods(AcademicYear(2023), &calendar()),
            vec![Period {
                start: day(2024, 1, 1),
                end: day(2024, 1, 31)
            }]
        );
        assert!(
            Timing::InMonth(7)
                .periods(AcademicYear(2023), &calendar())
                .is_empty()
        );
        for timing in Timing::all() {
            assert_eq!(Timing::parse(&timing.code()), Some(timing));
        }
    }

    #[test]
    fn a_week_without_an_opening_is_missed_and_one_with_an_opening_done() {
        let plan = default_plan();
        let letters = &plan[3];
        assert_eq!(letters.activity, Activity::Standard(StandardActivity::Letters));
        let record = Record {
            openings: vec![day(2023, 10, 27)],
            ..Record::default()
        };
        let today = day(2023, 11, 8);
        let marks = progress(letters, AcademicYear(2023), &calendar(), &record, &[], today);
        let mark_of = |d: NaiveDate| marks.iter().find(|(period, _)| period.contains(d)).unwrap().1;
        assert_eq!(mark_of(day(2023, 10, 27)), Mark::Done);
        assert_eq!(mark_of(day(2023, 10, 30)), Mark::Missed);
        assert_eq!(mark_of(today), Mark::Current);
        assert_eq!(mark_of(day(2023, 11, 20)), Mark::Upcoming);
        // The act follows the same openings; the council follows minutes, not openings.
        let council = progress(&plan[6], AcademicYear(2023), &calendar(), &record, &[], today);
        assert!(council.iter().all(|(_, mark)| *mark != Mark::Done));
    }

    #[test]
    fn a_manual_mark_needs_a_begun_period_of_the_item_and_a_note() {
        let order = &default_plan()[1];
        let year = AcademicYear(2023);
        let today = day(2023, 9, 20);
        assert_eq!(
            check_mark(
                order,
                year,
                &calendar(),
                day(2023, 9, 1),
                "Бұйрық №45, 01.09.2023",
                today
            ),
            Ok(Period {
                start: day(2023, 9, 1),
                end: day(2023, 9, 30)
            })
        );
        assert_eq!(
            check_mark(order, year, &calendar(), day(2023, 9, 1), "  ", today),
            Err(PlanError::Note)
        );
        assert_eq!(
            check_mark(order, year, &calendar(), day(2023, 9, 4), "note", today),
            Err(PlanError::Period)
        );
        let weekly = &default_plan()[2];
        assert_eq!(
            check_mark(weekly, year, &calendar(), day(2023, 9, 25), "note", today),
            Err(PlanError::FuturePeriod)
        );
        let marks = progress(
            order,
            year,
            &calendar(),
            &Record::default(),
            &[day(2023, 9, 1)],
            day(2023, 10, 2),
        );
        assert_eq!(
            marks,
            vec![(
                Period {
                    start: day(2023, 9, 1),
                    end: day(2023, 9, 30)
                },
                Mark::Marked
            )]
        );
    }

    #[test]
    fn items_are_checked() {
        let item = |activity: Activity, timing, responsible: Vec<Position>| {
            PlanItem {
                activity,
                timing,
                responsible,
            }
            .checked()
        };
        assert_eq!(
            item(
                Activity::Custom(" ".into()),
                Timing::Weekly,
                vec![Position::Psychologist]
            ),
            Err(PlanError::Activity)
        );
        assert_eq!(
            item(
                Activity::Custom("Сынып сағаты".into()),
                Timing::InMonth(7),
                vec![Position::Psychologist]
            ),
            Err(PlanError::Timing)
        );
        assert_eq!(
            item(
                Activity::Custom("Сынып сағаты".into()),
                Timing::Monthly,
                vec![Position::Administrator]
            ),
            Err(PlanError::Responsible)
        );
        let checked = item(
            Activity::Custom(" Сынып сағаты ".into()),
            Timing::Monthly,
            vec![Position::SocialPedagogue, Position::DeputyDirector],
        )
        .unwrap();
        assert_eq!(checked.activity, Activity::Custom("Сынып сағаты".into()));
        assert_eq!(
            checked.responsible,
            vec![Position::DeputyDirector, Position::SocialPedagogue]
        );
    }

    #[test]
    fn a_period_without_a_working_day_asks_nothing() {
        // 1 September 2024 was a Sunday: the school year's first week starts on the 2nd.
        let weeks = Timing::Weekly.periods(AcademicYear(2024), &calendar());
        assert_eq!(weeks[0].start, day(2024, 9, 2));
    }

    #[test]
    fn a_week_without_a_call_is_quiet_not_missed() {
        let calls = &default_plan()[4];
        let record = Record {
            calls: vec![day(2024, 10, 9)],
            ..Record::default()
        };
        let marks = progress(
            calls,
            AcademicYear(2024),
            &calendar(),
            &record,
            &[],
            day(2024, 10, 30),
        );
        let mark_of = |d: NaiveDate| marks.iter().find(|(period, _)| period.contains(d)).unwrap().1;
        assert_eq!(mark_of(day(2024, 10, 9)), Mark::Done);
        assert_eq!(mark_of(day(2024, 10, 16)), Mark::Quiet);
        assert!(!Mark::Quiet.is_done());
    }

    #[test]
    fn a_new_plan_opens_the_box_as_the_schedule_does() {
        let plan = default_plan_for(Schedule::TwiceMonthly);
        assert_eq!(plan[3].timing, Timing::TwiceMonthly);
        assert_eq!(plan[5].timing, Timing::TwiceMonthly);
        assert_eq!(
            plan[2].timing,
            Timing::Weekly,
            "informing the classes stays weekly"
        );
        assert_eq!(
            default_plan()[3].timing,
            Timing::Weekly,
            "the seed's plan as written"
        );
    }
}
