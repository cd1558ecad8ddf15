//! What the official documents show, loaded from the store: the pages' downloads and the CLI's
//! `senim export` both come through here, and the documents crate lays them out.

use chrono::{Datelike, NaiveDate};
use senim_documents::{Act, Book, BookEntry, JournalExport, JournalRow, Poster, Signatory};
use senim_domain::calendar::WorkingCalendar;
use senim_domain::time::{format_local, local};
use senim_domain::{JournalYear, Organisation, OrganisationId};
use senim_i18n::{Arg, Lang};
use senim_store::{OpeningId, Store, StoreError};

use crate::wording::ForwardedCell;

/// The school's name in the document's language.
/// The school's name as a document in `lang` heads it: Russian documents fall back to the
/// Kazakh name when the school has no Russian one (`Organisation::name_in`).
pub fn institution(school: &Organisation, lang: Lang) -> String {
    school.name_in(lang.code()).to_owned()
}

/// The act of an opening of the school.
pub async fn act(
    store: &Store,
    organisation_id: OrganisationId,
    id: OpeningId,
    lang: Lang,
) -> Result<Act, StoreError> {
    let school = store.organisation(organisation_id).await?;
    let opening = store.opening(organisation_id, id).await?;
    Ok(act_of(&school, &opening, lang))
}

/// The act of an opening already loaded.
pub fn act_of(school: &Organisation, opening: &senim_store::Opening, lang: Lang) -> Act {
    let registered: Vec<i64> = opening.registered.iter().map(|letter| letter.number.0).collect();
    let signatories: Vec<Signatory> = opening
        .members
        .iter()
        .map(|member| Signatory {
            full_name: member.full_name.clone(),
            positions: member.positions.clone(),
        })
        .collect();
    let lang = senim_documents::document_lang(lang);
    Act::new(
        &institution(school, lang),
        opening.opened_at,
        opening.letters,
        &registered,
        &signatories,
        lang,
    )
}

/// The poster of the school, pointing at its online box at `site`.
pub async fn poster(
    store: &Store,
    organisation_id: OrganisationId,
    site: &str,
    lang: Lang,
) -> Result<Poster, StoreError> {
    let school = store.organisation(organisation_id).await?;
    let lang = senim_documents::document_lang(lang);
    Ok(Poster {
        institution: institution(&school, lang),
        trust_phone: school.trust_phone.clone(),
        box_url: format!("{site}/box/{}", school.slug.as_str()),
        hours: school.phone_hours,
        lang,
    })
}

/// Every entry registered from `from` to `to` (inclusive, Kazakhstan dates), in the journal's
/// order: by year, then number.
async fn rows_between(
    store: &Store,
    organisation_id: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(senim_store::JournalRow, Vec<senim_store::ForwardingRecord>)>, StoreError> {
    let mut rows = Vec::new();
    for year in from.year()..=to.year() {
        let mut forwardings = store
            .forwardings_of_year(organisation_id, JournalYear(year))
            .await?;
        for row in store.journal(organisation_id, JournalYear(year)).await? {
            let day = senim_domain::time::local_date(row.appeal.registered_at);
            if day >= from && day <= to {
                let records = forwardings.remove(&row.appeal.id).unwrap_or_default();
                rows.push((row, records));
            }
        }
    }
    rows.sort_by_key(|(row, _)| (row.appeal.year.0, row.appeal.number.0));
    Ok(rows)
}

fn applicant_text(row: &senim_store::JournalRow) -> String {
    let applicant = row.appeal.content.applicant();
    [
        applicant.full_name.as_str(),
        applicant.address.as_str(),
        applicant.phone.as_str(),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The registration book of the academic year that starts in September of `first_year`.
pub async fn book(
    store: &Store,
    calendar: &WorkingCalendar,
    organisation_id: OrganisationId,
    first_year: i32,
    lang: Lang,
    today: NaiveDate,
) -> Result<Book, StoreError> {
    let lang = senim_documents::document_lang(lang);
    let school = store.organisation(organisation_id).await?;
    let from = NaiveDate::from_ymd_opt(first_year, 9, 1).ok_or(StoreError::NotFound)?;
    let to = NaiveDate::from_ymd_opt(first_year + 1, 8, 31).ok_or(StoreError::NotFound)?;
    let entries = rows_between(store, organisation_id, from, to)
        .await?
        .into_iter()
        .map(|(row, forwardings)| {
            let entry_label = |year: JournalYear, number: senim_domain::JournalNumber| {
                format!("№ {} ({})", number.0, year.0)
            };
            BookEntry {
                year: row.appeal.year.0,
                number: row.appeal.number.0,
                received: format_local(row.appeal.content.received_at()),
                applicant: applicant_text(&row),
                summary: row.appeal.content.summary().to_owned(),
                forwarded: forwardings
                    .iter()
                    .map(|record| {
                        let cell = ForwardedCell::new(record, lang, calendar, today);
                        format!("{} — {}", cell.organisation, cell.due)
                    })
                    .collect(),
                outcome: row
                    .latest_outcome
                    .as_ref()
                    .map(|outcome| outcome.text.0.clone())
                    .unwrap_or_default(),
                urgent: row.triage.as_ref().is_some_and(|triage| triage.is_open_alarm()),
                corrects: row.corrects.map(|(year, number)| entry_label(year, number)),
                corrected_by: row
                    .corrected_by
                    .iter()
                    .map(|(year, number)| entry_label(*year, *number))
                    .collect(),
            }
        })
        .collect::<Vec<BookEntry>>();
    // The journal's fingerprint after the book's last entry of each calendar year in it.
    let mut fingerprints = Vec::new();
    for year in [first_year, first_year + 1] {
        if let Some(last) = entries
            .iter()
            .filter(|entry| entry.year == year)
            .map(|entry| entry.number)
            .max()
            && let Some(fingerprint) = store
                .journal_fingerprint_at(
                    organisation_id,
                    JournalYear(year),
                    senim_domain::JournalNumber(last),
                )
                .await?
        {
            fingerprints.push((year, last, fingerprint.to_string()));
        }
    }
    Ok(Book {
        institution: institution(&school, lang),
        academic_year: first_year,
        lang,
        entries,
        fingerprints,
    })
}

/// The journal from `from` to `to` as a workbook.
pub async fn journal(
    store: &Store,
    calendar: &WorkingCalendar,
    organisation_id: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
    today: NaiveDate,
) -> Result<JournalExport, StoreError> {
    let rows = rows_between(store, organisation_id, from, to)
        .await?
        .into_iter()
        .map(|(row, forwardings)| {
            let cells: Vec<ForwardedCell> = forwardings
                .iter()
                .map(|record| ForwardedCell::new(record, lang, calendar, today))
                .collect();
            let status = if row.latest_outcome.is_some() {
                lang.t("xlsx-status-closed")
            } else if let Some(cell) = cells.iter().find(|cell| cell.status_code == "overdue") {
                cell.status.clone()
            } else if cells.is_empty() {
                lang.t("xlsx-status-open")
            } else {
                lang.t("xlsx-status-forwarded")
            };
            let content = &row.appeal.content;
            JournalRow {
                year: row.appeal.year.0,
                number: row.appeal.number.0,
                received: local(content.received_at()).naive_local(),
                applicant: applicant_text(&row),
                summary: content.summary().to_owned(),
                forwarded: cells
                    .iter()
                    .map(|cell| format!("{} — {}", cell.organisation, cell.due))
                    .collect::<Vec<_>>()
                    .join("\n"),
                outcome: row
                    .latest_outcome
                    .as_ref()
                    .map(|outcome| outcome.text.0.clone())
                    .unwrap_or_default(),
                channel: lang.t(content.channel().message_id()),
                category: crate::wording::category_name(lang, content.category()),
                urgent: row.triage.as_ref().is_some_and(|triage| triage.is_open_alarm()),
                status,
            }
        })
        .collect();
    Ok(JournalExport { lang, rows })
}

/// A file name for a download: ASCII, no spaces.
pub fn file_name(stem: &str, extension: &str) -> String {
    format!("{stem}.{extension}")
}

/// The `Content-Disposition` of a download.
pub fn attachment(name: &str) -> String {
    format!("attachment; filename=\"{name}\"")
}

/// The academic year a date falls in: September to August.
pub fn academic_year_of(day: NaiveDate) -> i32 {
    senim_domain::plan::AcademicYear::of(day).0
}

/// «2025 – 2026», for choices on a page.
pub fn academic_year_label(first_year: i32, lang: Lang) -> String {
    lang.t_args(
        "book-academic-year",
        &[(
            "years",
            Arg::from(senim_domain::plan::AcademicYear(first_year).spaced()),
        )],
    )
}

/// The figures of each of `months` for the monthly analysis: appeals received in it
/// (Kazakhstan dates), their forwardings as they stand `today`, the box openings held and
/// scheduled. The journal is read once for all of them.
pub async fn months_figures(
    store: &Store,
    calendar: &WorkingCalendar,
    organisation_id: OrganisationId,
    months: &[senim_domain::analysis::Month],
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<senim_domain::analysis::Figures>, StoreError> {
    use senim_domain::analysis::{figures, openings_scheduled};
    // Each month read on its own: the months compared need not be next to each other (a year
    // before), and the months between are not read.
    let mut facts = Vec::new();
    for month in months {
        facts.push(
            crate::paperwork::appeal_facts(
                store,
                organisation_id,
                month.first_day(),
                month.last_day(),
                lang,
                today,
            )
            .await?,
        );
    }
    let mut calls = Vec::new();
    for month in months {
        let (from, until) = month.span();
        let of_month = store.calls(organisation_id, from, until).await?;
        calls.push(of_month.into_iter().map(|record| record.call).collect::<Vec<_>>());
    }
    let openings = store.openings(organisation_id).await?;
    let schedule = store.box_schedule(organisation_id).await?;
    Ok(months
        .iter()
        .zip(facts)
        .zip(calls)
        .map(|((month, facts), calls)| {
            let of_month: Vec<_> = facts.into_iter().map(|(_, facts)| facts).collect();
            let held = openings
                .iter()
                .filter(|opening| month.contains(senim_domain::time::local_date(opening.opened_at)))
                .count();
            let mut figures = figures(
                &of_month,
                u32::try_from(held).unwrap_or(u32::MAX),
                openings_scheduled(schedule, *month, calendar),
            );
            figures.count_calls(&calls);
            figures
        })
        .collect())
}

/// A horizontal bar chart as inline SVG: one bar per label, scaled to the largest value.
pub fn bar_chart(bars: &[(String, u32)], title: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let max = bars.iter().map(|(_, value)| *value).max().unwrap_or(0).max(1);
    let row = 26;
    let height = row * bars.len() + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 {height}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
        escape(title)
    );
    for (index, (label, value)) in bars.iter().enumerate() {
        let y = index * row + 5;
        let width = 360 * *value / max;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" font-family=\"Noto Sans\">{}</text>",
            y + 14,
            escape(label)
        ));
        // A bar of no width is no bar (and an SVG reader warns about it).
        if width > 0 {
            svg.push_str(&format!(
                "<rect x=\"250\" y=\"{y}\" width=\"{width}\" height=\"18\" fill=\"#2b6cb0\"/>"
            ));
        }
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-family=\"Noto Sans\">{}</text>",
            255 + width,
            y + 14,
            value
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The monthly analysis of a month: its figures beside the previous month and the same month
/// a year before, as lines for the page and the documents, and the charts by channel and by
/// category.
pub async fn monthly_analysis(
    store: &Store,
    calendar: &WorkingCalendar,
    organisation_id: OrganisationId,
    month: senim_domain::analysis::Month,
    lang: Lang,
    today: NaiveDate,
) -> Result<AnalysisOfMonth, StoreError> {
    use senim_documents::{AnalysisLine, Chart};
    use senim_domain::analysis::Figures;
    use senim_domain::{Channel, Topic};
    let months = [month, month.previous(), month.a_year_before()];
    let figures = months_figures(store, calendar, organisation_id, &months, lang, today).await?;
    let line = |id: &str, value: fn(&Figures) -> u32| AnalysisLine {
        label: lang.t(id),
        values: Some([value(&figures[0]), value(&figures[1]), value(&figures[2])]),
        hidden: [false; 3],
    };
    let sub_line = |label: String, value: &dyn Fn(&Figures) -> u32| AnalysisLine {
        label: format!("— {label}"),
        values: Some([value(&figures[0]), value(&figures[1]), value(&figures[2])]),
        hidden: [false; 3],
    };
    let heading = |id: &str| AnalysisLine {
        label: lang.t(id),
        values: None,
        hidden: [false; 3],
    };
    let topic_name = |topic: Topic| lang.t(&format!("category-{}", topic.code().replace('_', "-")));
    let mut lines = vec![line("analysis-total", |f| f.total)];
    for channel in Channel::ALL {
        lines.push(sub_line(lang.t(channel.message_id()), &|f: &Figures| {
            f.by_channel.get(channel.code()).copied().unwrap_or(0)
        }));
    }
    // The categories any of the three months had, in the framework's order.
    let count_of = |f: &Figures, topic: Topic| f.by_topic.get(topic.code()).copied().unwrap_or(0);
    let topics: Vec<Topic> = Topic::ALL
        .into_iter()
        .filter(|topic| figures.iter().any(|f| count_of(f, *topic) > 0))
        .collect();
    if !topics.is_empty() {
        lines.push(heading("analysis-by-category"));
        for topic in &topics {
            lines.push(sub_line(topic_name(*topic), &|f: &Figures| count_of(f, *topic)));
        }
    }
    // Sub-categories any of the three months had.
    let mut subcategories: Vec<&String> = figures.iter().flat_map(|f| f.by_subcategory.keys()).collect();
    subcategories.sort();
    subcategories.dedup();
    if !subcategories.is_empty() {
        lines.push(heading("analysis-by-subcategory"));
        for code in subcategories {
            let label = senim_domain::Category::parse(code)
                .map_or_else(|_| code.clone(), |category| lang.t(&category.message_id()));
            lines.push(sub_line(label, &|f: &Figures| {
                f.by_subcategory.get(code).copied().unwrap_or(0)
            }));
        }
    }
    // The framework's statistics, where staff recorded any; a child's age band and gender
    // hide counts small enough to point at a child.
    type Breakdown = fn(&Figures) -> &std::collections::BTreeMap<&'static str, u32>;
    /// A breakdown's title, its counts, its values' codes and names, and whether small counts
    /// are hidden.
    type Table = (&'static str, Breakdown, Vec<(&'static str, String)>, bool);
    let breakdowns: [Table; 3] = [
        (
            "analysis-by-contact-type",
            |f| &f.by_contact_type,
            senim_domain::classification::ContactType::ALL
                .iter()
                .map(|value| (value.code(), lang.t(&value.message_id())))
                .collect(),
            false,
        ),
        (
            "analysis-by-age",
            |f| &f.by_age_band,
            senim_domain::analysis::AGE_BANDS
                .iter()
                .map(|(band, _, _)| {
                    (
                        *band,
                        lang.t_args("analysis-age-band", &[("band", Arg::from(*band))]),
                    )
                })
                .collect(),
            true,
        ),
        (
            "analysis-by-gender",
            |f| &f.by_gender,
            senim_domain::classification::Gender::ALL
                .iter()
                .map(|value| (value.code(), lang.t(&value.message_id())))
                .collect(),
            true,
        ),
    ];
    for (title, breakdown, values, small_cells_hidden) in breakdowns {
        let recorded = |f: &Figures| {
            breakdown(f)
                .iter()
                .any(|(code, count)| *code != senim_domain::analysis::NOT_RECORDED && *count > 0)
        };
        if !figures.iter().any(recorded) {
            continue;
        }
        lines.push(heading(title));
        let mut rows: Vec<(String, [u32; 3])> = values
            .iter()
            .map(|(code, label)| {
                (
                    label.clone(),
                    [0, 1, 2].map(|month| breakdown(&figures[month]).get(code).copied().unwrap_or(0)),
                )
            })
            .collect();
        rows.push((
            lang.t("field-not-recorded"),
            [0, 1, 2].map(|month| {
                breakdown(&figures[month])
                    .get(senim_domain::analysis::NOT_RECORDED)
                    .copied()
                    .unwrap_or(0)
            }),
        ));
        // Which cells each month hides: the domain decides, by code, for every place alike.
        let hidden_of: Vec<std::collections::BTreeMap<&'static str, bool>> = (0..3)
            .map(|month| {
                if small_cells_hidden {
                    senim_domain::analysis::hidden_codes(breakdown(&figures[month]))
                } else {
                    std::collections::BTreeMap::new()
                }
            })
            .collect();
        let codes: Vec<&'static str> = values
            .iter()
            .map(|(code, _)| *code)
            .chain(std::iter::once(senim_domain::analysis::NOT_RECORDED))
            .collect();
        let hidden: Vec<[bool; 3]> = codes
            .iter()
            .map(|code| [0, 1, 2].map(|month| hidden_of[month].get(code).copied().unwrap_or(false)))
            .collect();
        for ((label, values), hidden) in rows.into_iter().zip(hidden) {
            // A row of zeros says nothing, unless a zero stands hidden among hidden counts.
            if values.iter().all(|value| *value == 0) && !hidden.contains(&true) {
                continue;
            }
            lines.push(AnalysisLine {
                label: format!("— {label}"),
                values: Some(values),
                hidden,
            });
        }
    }
    lines.extend([
        line("analysis-anonymous", |f| f.anonymous),
        line("analysis-urgent", |f| f.urgent),
        line("analysis-forwarded", |f| f.forwarded),
    ]);
    // To whom they were forwarded, by the executing organisation's name.
    let mut receivers: Vec<&String> = figures.iter().flat_map(|f| f.forwarded_to.keys()).collect();
    receivers.sort();
    receivers.dedup();
    for receiver in receivers {
        lines.push(sub_line(receiver.clone(), &|f: &Figures| {
            f.forwarded_to.get(receiver).copied().unwrap_or(0)
        }));
    }
    lines.extend([
        line("analysis-answered-on-time", |f| f.answered_on_time),
        line("analysis-overdue", |f| f.overdue),
        line("analysis-with-outcome", |f| f.with_outcome),
        line("analysis-openings-held", |f| f.box_openings_held),
        line("analysis-openings-scheduled", |f| f.box_openings_scheduled),
        // The Trust Phone's call log: every call taken, and those that were not appeals by
        // kind — counted apart from the appeals above, with no journal number.
        line("analysis-calls", |f| f.calls),
        line("analysis-calls-not-appeals", Figures::calls_not_appeals_total),
    ]);
    for kind in senim_domain::classification::ContactType::not_appeals() {
        let count = |f: &Figures| f.calls_not_appeals.get(kind.code()).copied().unwrap_or(0);
        if figures.iter().any(|f| count(f) > 0) {
            lines.push(sub_line(lang.t(&kind.message_id()), &count));
        }
    }
    let by_channel: Vec<(String, u32)> = Channel::ALL
        .into_iter()
        .map(|channel| {
            (
                lang.t(channel.message_id()),
                figures[0].by_channel.get(channel.code()).copied().unwrap_or(0),
            )
        })
        .collect();
    let mut charts = vec![Chart {
        title: lang.t("analysis-by-channel"),
        svg: bar_chart(&by_channel, &lang.t("analysis-by-channel")),
    }];
    let by_topic: Vec<(String, u32)> = Topic::ALL
        .into_iter()
        .filter(|topic| count_of(&figures[0], *topic) > 0)
        .map(|topic| (topic_name(topic), count_of(&figures[0], topic)))
        .collect();
    if !by_topic.is_empty() {
        charts.push(Chart {
            title: lang.t("analysis-by-category"),
            svg: bar_chart(&by_topic, &lang.t("analysis-by-category")),
        });
    }
    let school = store.organisation(organisation_id).await?;
    let report = store.analysis_report(organisation_id, month).await?;
    let figures: [Figures; 3] = figures.try_into().map_err(|_| StoreError::Corrupt("analysis"))?;
    let document_lang = senim_documents::document_lang(lang);
    // The director's document carries the text as submitted, never a draft; before any
    // submission, the text Senim writes from the figures.
    let text = match report.as_ref().and_then(|report| report.submitted.as_ref()) {
        Some(submitted) if document_lang == Lang::Ru => submitted.text_ru.clone(),
        Some(submitted) => submitted.text_kk.clone(),
        None => crate::paperwork::generated_analysis(month, &figures, document_lang),
    };
    // The journal's fingerprint as it stands: the paper anchor `senim verify` compares.
    let fingerprint = store
        .journal_fingerprint(organisation_id, JournalYear(month.year))
        .await?
        .map(|(number, fingerprint)| {
            document_lang.t_args(
                "book-fingerprint",
                &[
                    ("year", Arg::from(month.year.to_string())),
                    ("number", Arg::Number(number.0)),
                    ("fingerprint", Arg::from(fingerprint.to_string())),
                ],
            )
        })
        .unwrap_or_default();
    let hidden_any = lines.iter().any(|line| line.hidden.contains(&true));
    let document = senim_documents::MonthlyAnalysis {
        institution: institution(&school, lang),
        title: format!("{} — {month}", lang.t("analysis-title")),
        columns: months.map(|month| month.to_string()),
        lines,
        charts,
        text,
        text_title: lang.t("analysis-text-title"),
        lang,
        fingerprint,
        hidden_note: if hidden_any {
            lang.t("analysis-hidden-note")
        } else {
            String::new()
        },
    };
    Ok(AnalysisOfMonth {
        document,
        figures,
        report,
    })
}

/// A month's analysis: the document, the three months' figures it shows, the text as written.
pub struct AnalysisOfMonth {
    pub document: senim_documents::MonthlyAnalysis,
    pub figures: [senim_domain::analysis::Figures; 3],
    pub report: Option<senim_store::AnalysisReport>,
}
