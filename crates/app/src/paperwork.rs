//! The commission's paperwork written from the work already recorded: the facts of appeals in
//! a stretch of days (numbers and codes only), the monthly analysis's generated text, the
//! agenda proposed for the next minutes, the minutes and the yearly plan as documents, and the
//! plan's progress. The pages, the API and the CLI all come through here.

use chrono::{Datelike, Duration, NaiveDate};
use senim_documents::{Minutes, MinutesItem, PlanDocument, PlanRow, Signatory};
use senim_domain::analysis::{AppealFacts, Figures, Month};
use senim_domain::calendar::WorkingCalendar;
use senim_domain::minutes::{ProposedItem, SinceLastMeeting, proposed_agenda};
use senim_domain::plan::{AcademicYear, Activity, Mark, Period, PlanItem, Record, progress};
use senim_domain::{AppealId, Channel, JournalYear, OrganisationId, Position};
use senim_i18n::{Arg, Lang};
use senim_store::{MinutesRecord, PlanItemRecord, Store, StoreError};

use crate::exports::institution;

/// What the analysis and the agenda may know of each appeal received from `from` to `to`
/// (Kazakhstan dates, inclusive), with its day: codes and flags, forwardings as they stand
/// `today`. `lang` names the executing organisations.
pub async fn appeal_facts(
    store: &Store,
    organisation_id: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, AppealFacts)>, StoreError> {
    // The appeals received in the period, with the entries their corrections link them to
    // (registered later, perhaps the next year). Codes and flags only: nothing is opened.
    let moment = |day: NaiveDate| {
        senim_domain::time::from_local(day.and_hms_opt(0, 0, 0).expect("midnight is a time"))
            .ok_or(StoreError::Corrupt("date"))
    };
    let (entries, forwardings) = store
        .entry_codes(
            organisation_id,
            moment(from)?,
            moment(to + chrono::Duration::days(1))?,
        )
        .await?;
    // A correction is a new entry of the same appeal: the appeal stands on its latest entry,
    // which takes over the forwardings and the outcome of the entries it corrects.
    let links: Vec<(AppealId, Option<AppealId>)> =
        entries.iter().map(|entry| (entry.id, entry.corrects)).collect();
    let standing_of = senim_domain::watch::standing_entries(&links);
    let standing = |id: AppealId| standing_of.get(&id).copied().unwrap_or(id);
    let mut records_of: std::collections::HashMap<AppealId, Vec<senim_store::ForwardingCodes>> =
        std::collections::HashMap::new();
    for record in forwardings {
        records_of
            .entry(standing(record.appeal_id))
            .or_default()
            .push(record);
    }
    let answered: std::collections::HashSet<AppealId> = entries
        .iter()
        .filter(|entry| entry.answered)
        .map(|entry| standing(entry.id))
        .collect();
    // The framework's statistics recorded on any entry of an appeal, the latest entry's first.
    let mut statistics: std::collections::HashMap<AppealId, (AppealId, &senim_store::EntryCodes)> =
        std::collections::HashMap::new();
    for entry in &entries {
        if entry.contact_type.is_some() || entry.age.is_some() || entry.gender.is_some() {
            let appeal = standing(entry.id);
            match statistics.get(&appeal) {
                Some((latest, _)) if *latest > entry.id => {}
                _ => {
                    statistics.insert(appeal, (entry.id, entry));
                }
            }
        }
    }
    let mut facts = Vec::new();
    for entry in &entries {
        if standing(entry.id) != entry.id {
            continue;
        }
        let day = senim_domain::time::local_date(entry.received_at);
        if day < from || day > to {
            continue;
        }
        let records = records_of.remove(&entry.id).unwrap_or_default();
        let live: Vec<&senim_store::ForwardingCodes> =
            records.iter().filter(|record| !record.withdrawn).collect();
        facts.push((
            day,
            AppealFacts {
                channel: entry.channel,
                topic: entry.category.topic(),
                anonymous: entry.anonymous,
                urgent: entry.urgent,
                forwarded_to: live
                    .iter()
                    .map(|record| record.name_in(lang.code()).to_owned())
                    .collect(),
                answered_on_time: live
                    .iter()
                    .any(|record| record.answered_on.is_some_and(|on| on <= record.due_on)),
                overdue: live.iter().any(|record| match record.answered_on {
                    Some(on) => on > record.due_on,
                    None => record.due_on < today,
                }),
                has_outcome: answered.contains(&entry.id),
                category: entry.category,
                contact_type: statistics.get(&entry.id).and_then(|(_, with)| with.contact_type),
                age: statistics.get(&entry.id).and_then(|(_, with)| with.age),
                gender: statistics.get(&entry.id).and_then(|(_, with)| with.gender),
            },
        ));
    }
    Ok(facts)
}

/// The analysis's text as Senim writes it from the figures of the month, the previous month
/// and the same month a year before: numbers only, paragraphs separated by blank lines.
pub fn generated_analysis(month: Month, figures: &[Figures; 3], lang: Lang) -> String {
    let [now, previous, year_ago] = figures;
    let n = |value: u32| Arg::Number(i64::from(value));
    let month_name = format!("{} {}", lang.t(&format!("month-{}", month.month)), month.year);
    let mut paragraphs = vec![lang.t_args(
        "analysis-generated-total",
        &[
            ("month", Arg::from(month_name)),
            ("total", n(now.total)),
            ("previous", n(previous.total)),
            ("year_ago", n(year_ago.total)),
        ],
    )];
    if now.total > 0 {
        let channels: Vec<String> = Channel::ALL
            .into_iter()
            .filter_map(|channel| {
                let count = now.by_channel.get(channel.code()).copied().unwrap_or(0);
                (count > 0).then(|| format!("{} — {count}", lang.t(channel.message_id())))
            })
            .collect();
        paragraphs.push(format!(
            "{} {}",
            lang.t_args(
                "analysis-generated-kinds",
                &[("anonymous", n(now.anonymous)), ("urgent", n(now.urgent))],
            ),
            lang.t_args(
                "analysis-generated-channels",
                &[("channels", Arg::from(channels.join(", ")))],
            )
        ));
        paragraphs.push(lang.t_args(
            "analysis-generated-forwarded",
            &[
                ("forwarded", n(now.forwarded)),
                ("on_time", n(now.answered_on_time)),
                ("overdue", n(now.overdue)),
            ],
        ));
    }
    paragraphs.push(lang.t_args(
        "analysis-generated-openings",
        &[
            ("held", n(now.box_openings_held)),
            ("scheduled", n(now.box_openings_scheduled)),
        ],
    ));
    paragraphs.join("\n\n")
}

/// An agenda item proposed for the form: the topic and what the speaker may say.
pub struct ProposedText {
    pub topic: String,
    pub said: String,
}

/// The agenda Senim proposes for minutes held on `held_on`: the work since the day after the
/// last meeting (or since the academic year began), in numbers; the forwardings overdue on
/// the meeting's day, whenever their appeals came in. Also says since which day it counted.
pub async fn proposed_minutes(
    store: &Store,
    organisation_id: OrganisationId,
    held_on: NaiveDate,
    lang: Lang,
) -> Result<(String, Vec<ProposedText>), StoreError> {
    let mut last = None;
    for year in [held_on.year() - 1, held_on.year()] {
        for minutes in store.minutes_of_year(organisation_id, year).await? {
            if minutes.held_on < held_on {
                last = last.max(Some(minutes.held_on));
            }
        }
    }
    let from = match last {
        Some(day) => day + Duration::days(1),
        None => AcademicYear::of(held_on).first_day(),
    };
    let since = from.format("%d.%m.%Y").to_string();
    let mut facts = SinceLastMeeting::default();
    for opening in store.openings(organisation_id).await? {
        let day = senim_domain::time::local_date(opening.opened_at);
        if day >= from && day <= held_on {
            facts.openings += 1;
            facts.letters += opening.letters;
        }
    }
    for (_, appeal) in appeal_facts(store, organisation_id, from, held_on, lang, held_on).await? {
        facts.appeals += 1;
        facts.urgent += u32::from(appeal.urgent);
    }
    // Overdue on the meeting's day: forwardings past their deadline and not answered or
    // withdrawn by then, whenever their appeal came in.
    let end_of_meeting_day =
        senim_domain::time::from_local((held_on + Duration::days(1)).and_time(chrono::NaiveTime::MIN));
    for year in held_on.year() - 2..=held_on.year() {
        for records in store
            .forwardings_of_year(organisation_id, JournalYear(year))
            .await?
            .values()
        {
            for record in records {
                let sent = end_of_meeting_day.is_none_or(|end| record.sent_at < end);
                let answered = record.answer.as_ref().is_some_and(|(_, on)| *on <= held_on);
                let withdrawn = record
                    .withdrawn
                    .as_ref()
                    .is_some_and(|(_, at)| senim_domain::time::local_date(*at) <= held_on);
                if sent && record.due_on < held_on && !answered && !withdrawn {
                    facts.overdue += 1;
                }
            }
        }
    }
    let since_arg = || Arg::from(since.clone());
    let n = |value: u32| Arg::Number(i64::from(value));
    let items = proposed_agenda(facts)
        .into_iter()
        .map(|item| match item {
            ProposedItem::Letters { openings, letters } => ProposedText {
                topic: lang.t("minutes-proposed-letters-topic"),
                said: lang.t_args(
                    "minutes-proposed-letters-said",
                    &[
                        ("since", since_arg()),
                        ("openings", n(openings)),
                        ("letters", n(letters)),
                    ],
                ),
            },
            ProposedItem::Appeals { appeals, urgent } => ProposedText {
                topic: lang.t("minutes-proposed-appeals-topic"),
                said: lang.t_args(
                    "minutes-proposed-appeals-said",
                    &[("appeals", n(appeals)), ("urgent", n(urgent))],
                ),
            },
            ProposedItem::Overdue { overdue } => ProposedText {
                topic: lang.t("minutes-proposed-overdue-topic"),
                said: lang.t_args("minutes-proposed-overdue-said", &[("overdue", n(overdue))]),
            },
        })
        .collect();
    Ok((since, items))
}

/// Minutes as a document in `lang` (kk or ru).
pub async fn minutes_document(
    store: &Store,
    organisation_id: OrganisationId,
    minutes: &MinutesRecord,
    lang: Lang,
) -> Result<Minutes, StoreError> {
    let school = store.organisation(organisation_id).await?;
    let lang = senim_documents::document_lang(lang);
    let attendees: Vec<Signatory> = minutes
        .attendees
        .iter()
        .map(|attendee| Signatory {
            full_name: attendee.full_name.clone(),
            positions: attendee.positions.clone(),
        })
        .collect();
    let items = minutes
        .items
        .iter()
        .map(|item| MinutesItem {
            topic: item.topic.as_str().to_owned(),
            heard: item
                .heard
                .iter()
                .map(|heard| {
                    (
                        minutes.name_of(heard.speaker).to_owned(),
                        heard.said.as_str().to_owned(),
                    )
                })
                .collect(),
            resolved: item.resolved.as_str().to_owned(),
        })
        .collect();
    Ok(Minutes::new(
        &institution(&school, lang),
        minutes.held_on,
        minutes.number,
        &attendees,
        items,
        minutes.name_of(minutes.chair),
        minutes.name_of(minutes.secretary),
        lang,
    ))
}

/// The work recorded in an academic year that shows plan items done: openings, minutes and
/// calls (to the Trust Phone or its answering machine), by Kazakhstan date.
pub async fn plan_record(
    store: &Store,
    organisation_id: OrganisationId,
    year: AcademicYear,
) -> Result<Record, StoreError> {
    let (first, last) = (year.first_day(), year.last_day());
    let within = |day: &NaiveDate| *day >= first && *day <= last;
    let openings = store
        .openings(organisation_id)
        .await?
        .iter()
        .map(|opening| senim_domain::time::local_date(opening.opened_at))
        .filter(within)
        .collect();
    let mut minutes = Vec::new();
    for calendar_year in [year.0, year.0 + 1] {
        minutes.extend(
            store
                .minutes_of_year(organisation_id, calendar_year)
                .await?
                .iter()
                .map(|minutes| minutes.held_on)
                .filter(within),
        );
    }
    let midnight = |day: NaiveDate| senim_domain::time::from_local(day.and_time(chrono::NaiveTime::MIN));
    let (Some(from), Some(until)) = (midnight(first), midnight(last + Duration::days(1))) else {
        return Err(StoreError::Corrupt("academic year"));
    };
    let calls = store
        .received_moments(
            organisation_id,
            &[Channel::Phone, Channel::Voicemail],
            from,
            until,
        )
        .await?
        .into_iter()
        .map(senim_domain::time::local_date)
        .collect();
    Ok(Record {
        openings,
        minutes,
        calls,
    })
}

/// An item's wording in `lang`.
pub fn activity_text(item: &PlanItem, lang: Lang) -> String {
    match &item.activity {
        Activity::Standard(activity) => lang.t(activity.message_id()),
        Activity::Custom(wording) => wording.clone(),
    }
}

/// Who answers for an item, in the short forms plans use («ДТІЖО, Педагог-психолог, …»).
pub fn responsible_text(item: &PlanItem, lang: Lang) -> String {
    item.responsible
        .iter()
        .map(|position| lang.t(position.short_message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A period as people write it: «04.09 – 10.09», or one date for a single day.
pub fn period_text(period: Period) -> String {
    if period.start == period.end {
        period.start.format("%d.%m").to_string()
    } else {
        format!(
            "{} – {}",
            period.start.format("%d.%m"),
            period.end.format("%d.%m")
        )
    }
}

/// Each item of a plan with its periods and marks as they stand `today`.
pub fn plan_progress(
    items: &[PlanItemRecord],
    year: AcademicYear,
    calendar: &WorkingCalendar,
    record: &Record,
    today: NaiveDate,
) -> Vec<Vec<(Period, Mark)>> {
    items
        .iter()
        .map(|item| {
            let marked: Vec<NaiveDate> = item.marks.iter().map(|mark| mark.period_start).collect();
            progress(&item.item, year, calendar, record, &marked, today)
        })
        .collect()
}

/// «3 of 5 periods done» — of the periods done or over (a period still running counts once it
/// is done; a week without a call is not asked for) — and for documents (`list_missed`) the
/// missed periods by their first day: «missed: 04.09, 11.09».
pub fn progress_text(marks: &[(Period, Mark)], lang: Lang, list_missed: bool) -> String {
    let due: Vec<&(Period, Mark)> = marks
        .iter()
        .filter(|(_, mark)| mark.is_done() || *mark == Mark::Missed)
        .collect();
    if due.is_empty() {
        let quiet = marks.iter().any(|(_, mark)| *mark == Mark::Quiet);
        let running = marks.iter().any(|(_, mark)| *mark == Mark::Current);
        return lang.t(if quiet {
            "plan-progress-quiet"
        } else if running {
            "plan-progress-running"
        } else {
            "plan-progress-not-begun"
        });
    }
    let done = due.iter().filter(|(_, mark)| mark.is_done()).count();
    let mut text = lang.t_args(
        "plan-progress",
        &[
            ("done", Arg::Number(i64::try_from(done).unwrap_or(0))),
            ("due", Arg::Number(i64::try_from(due.len()).unwrap_or(0))),
        ],
    );
    let missed: Vec<String> = due
        .iter()
        .filter(|(_, mark)| *mark == Mark::Missed)
        .map(|(period, _)| period.start.format("%d.%m").to_string())
        .collect();
    if list_missed && !missed.is_empty() {
        text.push('\n');
        text.push_str(&lang.t_args(
            "plan-progress-missed",
            &[("periods", Arg::from(missed.join(", ")))],
        ));
    }
    text
}

/// The plan of a year as a document in `lang` (kk or ru), with how each item stands `today`,
/// signed by the school's psychologists.
pub async fn plan_document(
    store: &Store,
    calendar: &WorkingCalendar,
    organisation_id: OrganisationId,
    year: AcademicYear,
    lang: Lang,
    today: NaiveDate,
) -> Result<PlanDocument, StoreError> {
    let lang = senim_documents::document_lang(lang);
    let school = store.organisation(organisation_id).await?;
    let items = store.plan(organisation_id, year).await?;
    let record = plan_record(store, organisation_id, year).await?;
    let progress = plan_progress(&items, year, calendar, &record, today);
    let rows = items
        .iter()
        .zip(&progress)
        .map(|(item, marks)| PlanRow {
            activity: activity_text(&item.item, lang),
            timing: lang.t(&item.item.timing.message_id()),
            responsible: responsible_text(&item.item, lang),
            progress: progress_text(marks, lang, true),
        })
        .collect();
    let signatures = store
        .users(organisation_id)
        .await?
        .into_iter()
        .filter(|user| user.positions.as_slice().contains(&Position::Psychologist))
        .map(|user| (lang.t(Position::Psychologist.message_id()), user.full_name))
        .collect();
    Ok(PlanDocument {
        lang,
        institution: institution(&school, lang),
        title: lang.t_args("plan-title", &[("years", Arg::from(year.spaced()))]),
        columns: [
            lang.t("plan-col-number"),
            lang.t("plan-col-activity"),
            lang.t("plan-col-timing"),
            lang.t("plan-col-responsible"),
            lang.t("plan-col-progress"),
        ],
        rows,
        legend: lang.t_args(
            "plan-legend",
            &[("date", Arg::from(today.format("%d.%m.%Y").to_string()))],
        ),
        signatures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(month: u32, day: u32) -> Period {
        let start = NaiveDate::from_ymd_opt(2024, month, day).unwrap();
        Period {
            start,
            end: start + Duration::days(6),
        }
    }

    #[test]
    fn progress_counts_done_of_the_periods_done_or_over_and_lists_the_missed() {
        let marks = [
            (period(9, 2), Mark::Done),
            (period(9, 9), Mark::Missed),
            (period(9, 16), Mark::Marked),
            (period(9, 23), Mark::Current),
            (period(9, 30), Mark::Upcoming),
        ];
        assert_eq!(
            progress_text(&marks, Lang::Ru, true),
            "выполнено 2 из 3 периодов\nНе выполнено: 09.09"
        );
        assert_eq!(
            progress_text(&marks[..1], Lang::Ru, false),
            "выполнено 1 из 1 периода"
        );
        assert_eq!(progress_text(&marks, Lang::En, false), "2 of 3 periods done");
        let quiet = [(period(9, 2), Mark::Quiet), (period(9, 9), Mark::Upcoming)];
        assert_eq!(
            progress_text(&quiet, Lang::En, true),
            "No calls came in — nothing was missed"
        );
        assert_eq!(
            progress_text(&[(period(9, 2), Mark::Upcoming)], Lang::En, true),
            "No period has begun yet"
        );
        assert_eq!(
            progress_text(&[(period(9, 2), Mark::Current)], Lang::En, true),
            "The first period is under way"
        );
    }
}
