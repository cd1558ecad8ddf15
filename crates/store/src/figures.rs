//! What the month's figures read: the codes, flags and moments of the period's entries and of
//! their forwardings — no text is opened (only the child's age and gender, sealed together),
//! and only the period's rows are read, so a month's analysis costs what reading that month's
//! rows costs, whatever the journal's size.

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::classification::{ContactType, Gender};
use senim_domain::{AppealId, Category, Channel, OrganisationId};
use sqlx::Row;

use crate::forwarding::date_from;
use crate::watch::{placeholders, school_query};
use crate::{Store, StoreError, from_unix, unix};

/// One journal entry as the figures see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryCodes {
    pub id: AppealId,
    pub corrects: Option<AppealId>,
    pub channel: Channel,
    pub category: Category,
    pub anonymous: bool,
    pub received_at: DateTime<Utc>,
    /// The screen found it urgent (cleared or not: it was received as urgent).
    pub urgent: bool,
    /// An outcome is recorded in column f.
    pub answered: bool,
    /// The framework's statistics, when recorded (age and gender opened from their seal).
    pub contact_type: Option<ContactType>,
    pub age: Option<u8>,
    pub gender: Option<Gender>,
}

/// One forwarding as the figures see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForwardingCodes {
    pub appeal_id: AppealId,
    pub name_kk: String,
    pub name_ru: String,
    pub due_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub withdrawn: bool,
}

impl ForwardingCodes {
    /// The executing organisation's name in a language (Russian when it has one).
    pub fn name_in(&self, language: &str) -> &str {
        if language == "ru" && !self.name_ru.is_empty() {
            &self.name_ru
        } else {
            &self.name_kk
        }
    }
}

/// The framework's statistics of one appeal: contact type, age, gender.
type Statistics = (Option<ContactType>, Option<u8>, Option<Gender>);

/// The entries, urgent ones, answered ones and forwardings of one scope of a school's appeals,
/// as raw rows; `scope` is a condition on `a` (the appeals) over `$2, …`.
struct Scoped {
    entries: Vec<sqlx::any::AnyRow>,
    urgent: std::collections::HashSet<i64>,
    answered: std::collections::HashSet<i64>,
    forwardings: Vec<sqlx::any::AnyRow>,
    classifications: Vec<sqlx::any::AnyRow>,
}

async fn scoped(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    organisation_id: OrganisationId,
    scope: &str,
    binds: &[i64],
) -> Result<Scoped, StoreError> {
    let read = |sql: String| school_query(sql, organisation_id, binds);
    let entries = read(format!(
        "SELECT a.id, a.corrects_id, a.channel, a.category, a.anonymous, a.received_at FROM appeals a \
         WHERE a.organisation_id = $1 AND {scope} ORDER BY a.id"
    ))
    .fetch_all(&mut **tx)
    .await?;
    let mut sets = Vec::new();
    for (table, condition) in [("appeal_triage", " AND t.urgent = 1"), ("appeal_outcomes", "")] {
        let mut set = std::collections::HashSet::new();
        for row in read(format!(
            "SELECT t.appeal_id FROM {table} t JOIN appeals a ON a.id = t.appeal_id \
             WHERE a.organisation_id = $1 AND {scope}{condition}"
        ))
        .fetch_all(&mut **tx)
        .await?
        {
            set.insert(row.try_get::<i64, _>("appeal_id")?);
        }
        sets.push(set);
    }
    let forwardings = read(format!(
        "SELECT f.appeal_id, f.due_on, f.answered_on, f.withdrawn_at, e.name_kk, e.name_ru \
         FROM forwardings f JOIN appeals a ON a.id = f.appeal_id \
         JOIN executing_organisations e ON e.id = f.executing_organisation_id \
         WHERE a.organisation_id = $1 AND {scope} ORDER BY f.id"
    ))
    .fetch_all(&mut **tx)
    .await?;
    let classifications = read(format!(
        "SELECT c.appeal_id, c.contact_type, c.child FROM appeal_classification c \
         JOIN appeals a ON a.id = c.appeal_id WHERE a.organisation_id = $1 AND {scope}"
    ))
    .fetch_all(&mut **tx)
    .await?;
    let answered = sets.pop().unwrap_or_default();
    let urgent = sets.pop().unwrap_or_default();
    Ok(Scoped {
        entries,
        urgent,
        answered,
        forwardings,
        classifications,
    })
}

impl Store {
    /// The codes of the school's appeals received from `from` up to (not including) `until`,
    /// with every entry linked to them by corrections, and of their forwardings — in one read
    /// snapshot, the period's rows only.
    pub async fn entry_codes(
        &self,
        organisation_id: OrganisationId,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<(Vec<EntryCodes>, Vec<ForwardingCodes>), StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut parts = vec![
            scoped(
                &mut tx,
                organisation_id,
                "a.received_at >= $2 AND a.received_at < $3",
                &[unix(from), unix(until)],
            )
            .await?,
        ];
        // Corrections are few: every link of the school, to reach the entries of the period's
        // appeals that were received (or corrected to be received) outside it.
        let links: Vec<(i64, i64)> = sqlx::query(
            "SELECT id, corrects_id FROM appeals WHERE organisation_id = $1 AND corrects_id IS NOT NULL",
        )
        .bind(organisation_id.0)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("corrects_id")?)))
        .collect::<Result<_, StoreError>>()?;
        let mut known: std::collections::HashSet<i64> = parts[0]
            .entries
            .iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<_, _>>()?;
        let mut extra: std::collections::BTreeSet<i64> = std::collections::BTreeSet::new();
        loop {
            let before = extra.len();
            for (id, corrects) in &links {
                let linked = known.contains(id)
                    || extra.contains(id)
                    || known.contains(corrects)
                    || extra.contains(corrects);
                if linked {
                    for end in [id, corrects] {
                        if !known.contains(end) {
                            extra.insert(*end);
                        }
                    }
                }
            }
            if extra.len() == before {
                break;
            }
        }
        if !extra.is_empty() {
            let ids: Vec<i64> = extra.iter().copied().collect();
            let scope = format!("a.id IN ({})", placeholders(ids.len()));
            parts.push(scoped(&mut tx, organisation_id, &scope, &ids).await?);
            known.extend(ids);
        }
        tx.commit().await?;
        let mut entries = Vec::new();
        let mut forwardings = Vec::new();
        for part in parts {
            // The framework's statistics by appeal: contact type, and age and gender opened.
            let corrupt = || StoreError::Corrupt("classification");
            let mut statistics: std::collections::HashMap<i64, Statistics> = std::collections::HashMap::new();
            for row in &part.classifications {
                let id: i64 = row.try_get("appeal_id")?;
                let contact_type = row
                    .try_get::<Option<String>, _>("contact_type")?
                    .map(|code| ContactType::parse(&code).ok_or_else(corrupt))
                    .transpose()?;
                let sealed: Vec<u8> = row.try_get("child")?;
                let child = self.cipher.open(
                    &crate::classification::child_aad(organisation_id, AppealId(id)),
                    &sealed,
                )?;
                let (age, gender) = child.split_once('|').ok_or_else(corrupt)?;
                let age = if age.is_empty() {
                    None
                } else {
                    Some(age.parse::<u8>().map_err(|_| corrupt())?)
                };
                let gender = if gender.is_empty() {
                    None
                } else {
                    Some(Gender::parse(gender).ok_or_else(corrupt)?)
                };
                statistics.insert(id, (contact_type, age, gender));
            }
            for row in &part.entries {
                let id: i64 = row.try_get("id")?;
                let channel: String = row.try_get("channel")?;
                let category: String = row.try_get("category")?;
                entries.push(EntryCodes {
                    id: AppealId(id),
                    corrects: row.try_get::<Option<i64>, _>("corrects_id")?.map(AppealId),
                    channel: Channel::parse(&channel).map_err(|_| StoreError::Corrupt("channel"))?,
                    category: Category::parse(&category).map_err(|_| StoreError::Corrupt("category"))?,
                    anonymous: row.try_get::<i64, _>("anonymous")? != 0,
                    received_at: from_unix(row.try_get("received_at")?)?,
                    urgent: part.urgent.contains(&id),
                    answered: part.answered.contains(&id),
                    contact_type: statistics.get(&id).and_then(|(contact, _, _)| *contact),
                    age: statistics.get(&id).and_then(|(_, age, _)| *age),
                    gender: statistics.get(&id).and_then(|(_, _, gender)| *gender),
                });
            }
            for row in &part.forwardings {
                let answered_on: Option<String> = row.try_get("answered_on")?;
                forwardings.push(ForwardingCodes {
                    appeal_id: AppealId(row.try_get("appeal_id")?),
                    name_kk: row.try_get("name_kk")?,
                    name_ru: row.try_get("name_ru")?,
                    due_on: date_from(&row.try_get::<String, _>("due_on")?)?,
                    answered_on: answered_on.as_deref().map(date_from).transpose()?,
                    withdrawn: row.try_get::<Option<i64>, _>("withdrawn_at")?.is_some(),
                });
            }
        }
        Ok((entries, forwardings))
    }
}
