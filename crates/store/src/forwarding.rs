//! The directory of executing organisations and the forwardings of appeals to them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::deadline::DeadlineRule;
use senim_domain::forwarding::{
    ChosenDeadline, DEFAULT_DIRECTORY, DeliveryState, ExecutingOrganisation, ExecutingOrganisationId,
    ForwardingChannel, ForwardingEventKind, ForwardingId, LetterLanguage,
};
use senim_domain::{AppealId, JournalNumber, JournalYear, OrganisationId, Redacted, UserId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, from_unix, unix};

/// A forwarding as the appeal page and the monitoring list show it.
#[derive(Clone, Debug)]
pub struct ForwardingRecord {
    pub id: ForwardingId,
    pub appeal_id: AppealId,
    pub appeal_year: JournalYear,
    pub appeal_number: JournalNumber,
    pub executing_organisation: ExecutingOrganisation,
    pub channel: ForwardingChannel,
    pub sent_at: DateTime<Utc>,
    pub sent_by: UserId,
    pub sent_by_name: String,
    pub rule: DeadlineRule,
    pub due_on: NaiveDate,
    /// Who took the telephonogram or fax at the organisation, and when.
    pub received: Option<(String, DateTime<Utc>)>,
    pub answer: Option<(Redacted<String>, NaiveDate)>,
    pub withdrawn: Option<(Redacted<String>, DateTime<Utc>)>,
    /// Whether the letter includes the applicant's details (only when the specialist says so).
    pub include_applicant: bool,
    pub letter_language: LetterLanguage,
    /// The address an e-mail forwarding's letter was written for: a later change in the
    /// directory does not redirect it (only a resend after a refusal takes the new one).
    pub letter_email: Option<String>,
    pub delivery: Delivery,
}

/// A change of a directory entry's e-mail address, kept with who made it and when.
#[derive(Clone, Debug)]
pub struct EmailChange {
    pub entry: ExecutingOrganisationId,
    pub at: DateTime<Utc>,
    pub by_name: String,
    pub old: String,
    pub new: String,
}

/// Where an e-mail forwarding's letter stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub state: DeliveryState,
    pub attempts: i64,
    /// What kind of failure the last attempt met; never the message or the server's words.
    pub error: Option<String>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
}

/// What a new forwarding says.
pub struct NewForwarding<'a> {
    pub appeal_id: AppealId,
    pub executing_organisation_id: ExecutingOrganisationId,
    pub channel: ForwardingChannel,
    pub deadline: &'a ChosenDeadline,
    pub include_applicant: bool,
    pub letter_language: LetterLanguage,
}

impl ForwardingRecord {
    /// Still waiting for the organisation's answer.
    pub fn is_open(&self) -> bool {
        self.answer.is_none() && self.withdrawn.is_none()
    }
}

/// A change in a forwarding's history.
#[derive(Clone, Debug)]
pub struct ForwardingEvent {
    pub forwarding_id: ForwardingId,
    pub happened_at: DateTime<Utc>,
    pub by_name: String,
    pub kind: ForwardingEventKind,
    pub due_on: Option<NaiveDate>,
    pub detail: Option<Redacted<String>>,
}

/// The contact fields of a directory entry, as entered.
pub struct DirectoryEntry<'a> {
    pub name_kk: &'a str,
    pub name_ru: &'a str,
    pub email: &'a str,
    pub fax: &'a str,
    pub phone: &'a str,
    pub address: &'a str,
}

macro_rules! forwarding_columns {
    () => {
        "forwardings.id, forwardings.appeal_id, forwardings.channel, forwardings.sent_at, forwardings.sent_by, \
         forwardings.deadline_rule, forwardings.due_on, forwardings.received_by, forwardings.received_at, \
         forwardings.answer, forwardings.answered_on, forwardings.withdrawn_reason, forwardings.withdrawn_at, \
         executing_organisations.id AS executing_organisation_id, executing_organisations.name_kk, \
         executing_organisations.name_ru, executing_organisations.email, executing_organisations.fax, \
         executing_organisations.phone, executing_organisations.address, users.full_name AS sent_by_name, \
         forwardings.include_applicant, forwardings.letter_language, forwardings.delivery_state, \
         forwardings.delivery_attempts, forwardings.delivery_error, forwardings.next_attempt_at, \
         forwardings.delivered_at, forwardings.letter_email, \
         appeals.year AS appeal_year, appeals.number AS appeal_number \
         FROM forwardings \
         JOIN executing_organisations ON executing_organisations.id = forwardings.executing_organisation_id \
         JOIN users ON users.id = forwardings.sent_by \
         JOIN appeals ON appeals.id = forwardings.appeal_id "
    };
}

pub(crate) fn date_from(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::Corrupt("date"))
}

fn forwarding_aad(organisation_id: OrganisationId, forwarding_id: i64, field: &str) -> String {
    format!("forwardings/{}/{forwarding_id}/{field}", organisation_id.0)
}

fn event_aad(organisation_id: OrganisationId, forwarding_id: i64, happened_at: i64, kind: &str) -> String {
    format!(
        "forwarding_events/{}/{forwarding_id}/{happened_at}/{kind}",
        organisation_id.0
    )
}

fn directory_entry_from_row(row: &AnyRow, id_column: &str) -> Result<ExecutingOrganisation, StoreError> {
    Ok(ExecutingOrganisation {
        id: ExecutingOrganisationId(row.try_get(id_column)?),
        name_kk: row.try_get("name_kk")?,
        name_ru: row.try_get("name_ru")?,
        email: row.try_get("email")?,
        fax: row.try_get("fax")?,
        phone: row.try_get("phone")?,
        address: row.try_get("address")?,
    })
}

impl Store {
    fn forwarding_from_row(
        &self,
        organisation_id: OrganisationId,
        row: &AnyRow,
    ) -> Result<ForwardingRecord, StoreError> {
        let id: i64 = row.try_get("id")?;
        let open = |column: &str| -> Result<Option<Redacted<String>>, StoreError> {
            let sealed: Option<Vec<u8>> = row.try_get(column)?;
            sealed
                .map(|sealed| {
                    self.cipher
                        .open(&forwarding_aad(organisation_id, id, column), &sealed)
                        .map(Redacted)
                })
                .transpose()
        };
        let channel: String = row.try_get("channel")?;
        let rule: String = row.try_get("deadline_rule")?;
        let received = match (
            row.try_get::<Option<String>, _>("received_by")?,
            row.try_get::<Option<i64>, _>("received_at")?,
        ) {
            (Some(name), Some(at)) => Some((name, from_unix(at)?)),
            _ => None,
        };
        let answer = match (open("answer")?, row.try_get::<Option<String>, _>("answered_on")?) {
            (Some(text), Some(on)) => Some((text, date_from(&on)?)),
            _ => None,
        };
        let withdrawn = match (
            open("withdrawn_reason")?,
            row.try_get::<Option<i64>, _>("withdrawn_at")?,
        ) {
            (Some(reason), Some(at)) => Some((reason, from_unix(at)?)),
            _ => None,
        };
        Ok(ForwardingRecord {
            id: ForwardingId(id),
            appeal_id: AppealId(row.try_get("appeal_id")?),
            appeal_year: JournalYear(
                i32::try_from(row.try_get::<i64, _>("appeal_year")?)
                    .map_err(|_| StoreError::Corrupt("year"))?,
            ),
            appeal_number: JournalNumber(row.try_get("appeal_number")?),
            executing_organisation: directory_entry_from_row(row, "executing_organisation_id")?,
            channel: ForwardingChannel::parse(&channel).map_err(|_| StoreError::Corrupt("channel"))?,
            sent_at: from_unix(row.try_get("sent_at")?)?,
            sent_by: UserId(row.try_get("sent_by")?),
            sent_by_name: row.try_get("sent_by_name")?,
            rule: DeadlineRule::parse(&rule).ok_or(StoreError::Corrupt("deadline rule"))?,
            due_on: date_from(&row.try_get::<String, _>("due_on")?)?,
            received,
            answer,
            withdrawn,
            include_applicant: row.try_get::<i64, _>("include_applicant")? != 0,
            letter_language: LetterLanguage::parse(&row.try_get::<String, _>("letter_language")?)
                .ok_or(StoreError::Corrupt("letter language"))?,
            letter_email: row.try_get("letter_email")?,
            delivery: Delivery {
                state: DeliveryState::parse(&row.try_get::<String, _>("delivery_state")?)
                    .ok_or(StoreError::Corrupt("delivery state"))?,
                attempts: row.try_get("delivery_attempts")?,
                error: row.try_get("delivery_error")?,
                next_attempt_at: row
                    .try_get::<Option<i64>, _>("next_attempt_at")?
                    .map(from_unix)
                    .transpose()?,
                delivered_at: row
                    .try_get::<Option<i64>, _>("delivered_at")?
                    .map(from_unix)
                    .transpose()?,
            },
        })
    }

    /// Gives a school the default directory if it has none yet.
    pub(crate) async fn seed_directory(
        &self,
        organisation_id: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let existing: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM executing_organisations WHERE organisation_id = $1")
                .bind(organisation_id.0)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?;
        if existing > 0 {
            return Ok(());
        }
        for (name_kk, name_ru, phone) in DEFAULT_DIRECTORY {
            let entry = DirectoryEntry {
                name_kk,
                name_ru,
                email: "",
                fax: "",
                phone,
                address: "",
            };
            self.add_executing_organisation(organisation_id, &entry, now)
                .await?;
        }
        Ok(())
    }

    /// Every school gets the default directory once (schools made before it existed too).
    pub(crate) async fn seed_directories(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let rows = sqlx::query(
            "SELECT id FROM organisations WHERE id NOT IN (SELECT organisation_id FROM executing_organisations)",
        )
        .fetch_all(&self.pool)
        .await?;
        for row in &rows {
            self.seed_directory(OrganisationId(row.try_get("id")?), now)
                .await?;
        }
        Ok(())
    }

    pub async fn directory(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<ExecutingOrganisation>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name_kk, name_ru, email, fax, phone, address FROM executing_organisations \
             WHERE organisation_id = $1 ORDER BY id",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| directory_entry_from_row(row, "id"))
            .collect()
    }

    pub async fn add_executing_organisation(
        &self,
        organisation_id: OrganisationId,
        entry: &DirectoryEntry<'_>,
        now: DateTime<Utc>,
    ) -> Result<ExecutingOrganisationId, StoreError> {
        let row = sqlx::query(
            "INSERT INTO executing_organisations (organisation_id, name_kk, name_ru, email, fax, phone, address, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(entry.name_kk.trim())
        .bind(entry.name_ru.trim())
        .bind(entry.email.trim())
        .bind(entry.fax.trim())
        .bind(entry.phone.trim())
        .bind(entry.address.trim())
        .bind(unix(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(ExecutingOrganisationId(row.try_get("id")?))
    }

    /// Changes a directory entry; a change of its e-mail address is kept in the entry's
    /// history with `by` and the moment, and recorded in the audit, in the same transaction.
    /// Letters already written keep the address they were written for.
    pub async fn update_executing_organisation(
        &self,
        organisation_id: OrganisationId,
        id: ExecutingOrganisationId,
        entry: &DirectoryEntry<'_>,
        by: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let old: String =
            sqlx::query("SELECT email FROM executing_organisations WHERE id = $1 AND organisation_id = $2")
                .bind(id.0)
                .bind(organisation_id.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?
                .try_get("email")?;
        sqlx::query(
            "UPDATE executing_organisations SET name_kk = $1, name_ru = $2, email = $3, fax = $4, phone = $5, \
             address = $6, updated_at = $7 WHERE id = $8 AND organisation_id = $9",
        )
        .bind(entry.name_kk.trim())
        .bind(entry.name_ru.trim())
        .bind(entry.email.trim())
        .bind(entry.fax.trim())
        .bind(entry.phone.trim())
        .bind(entry.address.trim())
        .bind(unix(now))
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if old != entry.email.trim() {
            sqlx::query(
                "INSERT INTO directory_email_changes (organisation_id, executing_organisation_id, changed_at, \
                 changed_by, old_email, new_email) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(organisation_id.0)
            .bind(id.0)
            .bind(unix(now))
            .bind(by.0)
            .bind(&old)
            .bind(entry.email.trim())
            .execute(&mut *tx)
            .await?;
            crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every change of an e-mail address in the school's directory, oldest first.
    pub async fn directory_email_changes(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<EmailChange>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.executing_organisation_id, c.changed_at, users.full_name, c.old_email, c.new_email \
             FROM directory_email_changes c JOIN users ON users.id = c.changed_by \
             WHERE c.organisation_id = $1 ORDER BY c.changed_at, c.id",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(EmailChange {
                    entry: ExecutingOrganisationId(row.try_get("executing_organisation_id")?),
                    at: from_unix(row.try_get("changed_at")?)?,
                    by_name: row.try_get("full_name")?,
                    old: row.try_get("old_email")?,
                    new: row.try_get("new_email")?,
                })
            })
            .collect()
    }

    /// Appends to a forwarding's history. Private, called with the row's fields in order.
    #[allow(clippy::too_many_arguments)]
    async fn add_event(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        forwarding_id: i64,
        by: UserId,
        now: DateTime<Utc>,
        kind: ForwardingEventKind,
        due_on: Option<NaiveDate>,
        detail: Option<&str>,
    ) -> Result<(), StoreError> {
        let kind = kind.code();
        let at = unix(now);
        let detail = detail
            .map(|detail| {
                self.cipher
                    .seal(&event_aad(organisation_id, forwarding_id, at, kind), detail)
            })
            .transpose()?;
        sqlx::query(
            "INSERT INTO forwarding_events (organisation_id, forwarding_id, happened_at, by_user, kind, due_on, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(organisation_id.0)
        .bind(forwarding_id)
        .bind(at)
        .bind(by.0)
        .bind(kind)
        .bind(due_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(detail)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Records that the appeal was forwarded. The appeal and the organisation must be the
    /// school's own (`NotFound` otherwise). A forwarding by e-mail waits for the sender.
    pub async fn forward(
        &self,
        organisation_id: OrganisationId,
        new: NewForwarding<'_>,
        sent_by: UserId,
        now: DateTime<Utc>,
    ) -> Result<ForwardingId, StoreError> {
        let NewForwarding {
            appeal_id,
            executing_organisation_id,
            channel,
            deadline,
            include_applicant,
            letter_language,
        } = new;
        let mut tx = self.pool.begin().await?;
        let owned = sqlx::query(
            "SELECT appeals.id, e.email FROM appeals JOIN executing_organisations e ON e.organisation_id = appeals.organisation_id \
             WHERE appeals.id = $1 AND appeals.organisation_id = $2 AND e.id = $3",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .bind(executing_organisation_id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(owned) = owned else {
            return Err(StoreError::NotFound);
        };
        // The letter goes to the address it is written for, whatever the directory says later.
        let letter_email: Option<String> = if channel == ForwardingChannel::Email {
            Some(owned.try_get("email")?)
        } else {
            None
        };
        let due_on = deadline.due.format("%Y-%m-%d").to_string();
        let row = sqlx::query(
            "INSERT INTO forwardings (organisation_id, appeal_id, executing_organisation_id, channel, sent_at, sent_by, \
             deadline_rule, due_on, include_applicant, letter_language, delivery_state, next_attempt_at, letter_email) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(appeal_id.0)
        .bind(executing_organisation_id.0)
        .bind(channel.code())
        .bind(unix(now))
        .bind(sent_by.0)
        .bind(deadline.rule.code())
        .bind(&due_on)
        .bind(i64::from(include_applicant))
        .bind(letter_language.code())
        .bind(if channel == ForwardingChannel::Email { "pending" } else { "none" })
        .bind((channel == ForwardingChannel::Email).then(|| unix(now)))
        .bind(letter_email)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        let reason = deadline.reason.as_ref().map(|reason| reason.as_str());
        self.add_event(
            &mut tx,
            organisation_id,
            id,
            sent_by,
            now,
            ForwardingEventKind::Forwarded,
            Some(deadline.due),
            reason,
        )
        .await?;
        tx.commit().await?;
        Ok(ForwardingId(id))
    }

    pub async fn forwarding(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
    ) -> Result<ForwardingRecord, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            forwarding_columns!(),
            "WHERE forwardings.id = $1 AND forwardings.organisation_id = $2"
        ))
        .bind(id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        self.forwarding_from_row(organisation_id, &row)
    }

    /// The forwardings of one appeal, oldest first, with their history.
    pub async fn forwardings_of_appeal(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<(Vec<ForwardingRecord>, Vec<ForwardingEvent>), StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            forwarding_columns!(),
            "WHERE forwardings.appeal_id = $1 AND forwardings.organisation_id = $2 ORDER BY forwardings.id"
        ))
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        let forwardings = rows
            .iter()
            .map(|row| self.forwarding_from_row(organisation_id, row))
            .collect::<Result<Vec<_>, _>>()?;
        let event_rows = sqlx::query(
            "SELECT forwarding_events.forwarding_id, forwarding_events.happened_at, forwarding_events.kind, \
             forwarding_events.due_on, forwarding_events.detail, users.full_name FROM forwarding_events \
             JOIN forwardings ON forwardings.id = forwarding_events.forwarding_id \
             JOIN users ON users.id = forwarding_events.by_user \
             WHERE forwardings.appeal_id = $1 AND forwarding_events.organisation_id = $2 ORDER BY forwarding_events.id",
        )
        .bind(appeal_id.0)
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut events = Vec::with_capacity(event_rows.len());
        for row in &event_rows {
            let forwarding_id: i64 = row.try_get("forwarding_id")?;
            let happened_at: i64 = row.try_get("happened_at")?;
            let kind: String = row.try_get("kind")?;
            let sealed: Option<Vec<u8>> = row.try_get("detail")?;
            let detail = sealed
                .map(|sealed| {
                    self.cipher
                        .open(
                            &event_aad(organisation_id, forwarding_id, happened_at, &kind),
                            &sealed,
                        )
                        .map(Redacted)
                })
                .transpose()?;
            events.push(ForwardingEvent {
                forwarding_id: ForwardingId(forwarding_id),
                happened_at: from_unix(happened_at)?,
                by_name: row.try_get("full_name")?,
                due_on: row
                    .try_get::<Option<String>, _>("due_on")?
                    .map(|d| date_from(&d))
                    .transpose()?,
                kind: ForwardingEventKind::parse(&kind).ok_or(StoreError::Corrupt("forwarding event"))?,
                detail,
            });
        }
        Ok((forwardings, events))
    }

    /// The forwardings of a year's appeals, for column е of the journal.
    pub async fn forwardings_of_year(
        &self,
        organisation_id: OrganisationId,
        year: JournalYear,
    ) -> Result<HashMap<AppealId, Vec<ForwardingRecord>>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            forwarding_columns!(),
            "WHERE forwardings.organisation_id = $1 AND appeals.year = $2 ORDER BY forwardings.id"
        ))
        .bind(organisation_id.0)
        .bind(i64::from(year.0))
        .fetch_all(&self.pool)
        .await?;
        let mut by_appeal: HashMap<AppealId, Vec<ForwardingRecord>> = HashMap::new();
        for row in &rows {
            let record = self.forwarding_from_row(organisation_id, row)?;
            by_appeal.entry(record.appeal_id).or_default().push(record);
        }
        Ok(by_appeal)
    }

    /// Every forwarding still waiting for an answer, earliest deadline first.
    pub async fn open_forwardings(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<ForwardingRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            forwarding_columns!(),
            "WHERE forwardings.organisation_id = $1 AND forwardings.answered_on IS NULL \
             AND forwardings.withdrawn_at IS NULL ORDER BY forwardings.due_on, forwardings.id"
        ))
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| self.forwarding_from_row(organisation_id, row))
            .collect()
    }

    /// Whether the school has a forwarding with this id (to tell "closed" from "not found").
    async fn forwarding_exists(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        id: ForwardingId,
    ) -> Result<(), StoreError> {
        sqlx::query("SELECT id FROM forwardings WHERE id = $1 AND organisation_id = $2")
            .bind(id.0)
            .bind(organisation_id.0)
            .fetch_optional(&mut **tx)
            .await?
            .map(|_| ())
            .ok_or(StoreError::NotFound)
    }

    /// Applies `update` (whose `$1`, `$2` are the id and the school) to a forwarding that is
    /// still open. The update is the transaction's first statement, so it takes the row (and
    /// SQLite's write lock) before anything is read: two changes at once cannot both apply.
    /// Returns the appeal's id, or `None` when the forwarding was already closed.
    async fn update_open(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        id: ForwardingId,
        update: sqlx::query::Query<'_, Any, sqlx::any::AnyArguments>,
    ) -> Result<Option<AppealId>, StoreError> {
        match update.fetch_optional(&mut **tx).await? {
            Some(row) => Ok(Some(AppealId(row.try_get("appeal_id")?))),
            None => {
                self.forwarding_exists(tx, organisation_id, id).await?;
                Ok(None)
            }
        }
    }

    /// Moves an open forwarding's deadline; the reason stays in its history.
    pub async fn change_deadline(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        deadline: &ChosenDeadline,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(
            "UPDATE forwardings SET deadline_rule = $3, due_on = $4 WHERE id = $1 AND organisation_id = $2 \
             AND answered_on IS NULL AND withdrawn_at IS NULL RETURNING appeal_id",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .bind(deadline.rule.code())
        .bind(deadline.due.format("%Y-%m-%d").to_string());
        if self
            .update_open(&mut tx, organisation_id, id, update)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        let reason = deadline.reason.as_ref().map(|reason| reason.as_str());
        self.add_event(
            &mut tx,
            organisation_id,
            id.0,
            by,
            now,
            ForwardingEventKind::DeadlineChanged,
            Some(deadline.due),
            reason,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records who took a telephonogram or fax at the organisation, and when.
    pub async fn record_received(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        received_by: &str,
        received_at: DateTime<Utc>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(
            "UPDATE forwardings SET received_by = $3, received_at = $4 WHERE id = $1 AND organisation_id = $2 \
             AND answered_on IS NULL AND withdrawn_at IS NULL RETURNING appeal_id",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .bind(received_by.trim())
        .bind(unix(received_at));
        if self
            .update_open(&mut tx, organisation_id, id, update)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        self.add_event(
            &mut tx,
            organisation_id,
            id.0,
            by,
            now,
            ForwardingEventKind::Received,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The organisation's answer closes the forwarding and becomes the appeal's outcome
    /// (column f), in one transaction. Returns false when the forwarding was already closed.
    pub async fn record_answer(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        answer: &str,
        answered_on: NaiveDate,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(
            "UPDATE forwardings SET answer = $3, answered_on = $4, \
             delivery_state = CASE WHEN delivery_state IN ('pending', 'retrying') THEN 'cancelled' ELSE delivery_state END \
             WHERE id = $1 AND organisation_id = $2 AND answered_on IS NULL AND withdrawn_at IS NULL RETURNING appeal_id",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .bind(self.cipher.seal(&forwarding_aad(organisation_id, id.0, "answer"), answer)?)
        .bind(answered_on.format("%Y-%m-%d").to_string());
        let Some(appeal_id) = self.update_open(&mut tx, organisation_id, id, update).await? else {
            return Ok(false);
        };
        self.add_event(
            &mut tx,
            organisation_id,
            id.0,
            by,
            now,
            ForwardingEventKind::Answered,
            None,
            None,
        )
        .await?;
        let outcome = senim_domain::Outcome::new(appeal_id, answer, now, by)
            .map_err(|_| StoreError::Corrupt("answer"))?;
        self.insert_outcome(&mut tx, organisation_id, outcome).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Withdraws a forwarding made in error; it stays, marked withdrawn, with the reason, and
    /// a letter not yet sent is not sent.
    pub async fn withdraw_forwarding(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        reason: &str,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(
            "UPDATE forwardings SET withdrawn_reason = $3, withdrawn_at = $4, \
             delivery_state = CASE WHEN delivery_state IN ('pending', 'retrying') THEN 'cancelled' ELSE delivery_state END \
             WHERE id = $1 AND organisation_id = $2 AND answered_on IS NULL AND withdrawn_at IS NULL RETURNING appeal_id",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .bind(self.cipher.seal(&forwarding_aad(organisation_id, id.0, "withdrawn_reason"), reason)?)
        .bind(unix(now));
        if self
            .update_open(&mut tx, organisation_id, id, update)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        self.add_event(
            &mut tx,
            organisation_id,
            id.0,
            by,
            now,
            ForwardingEventKind::Withdrawn,
            None,
            Some(reason),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// E-mail forwardings whose letter is due to be sent (again) by `now`, across schools.
    pub async fn due_deliveries(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(OrganisationId, ForwardingId)>, StoreError> {
        let rows = sqlx::query(
            "SELECT organisation_id, id FROM forwardings WHERE delivery_state IN ('pending', 'retrying') \
             AND next_attempt_at <= $1 AND withdrawn_at IS NULL ORDER BY next_attempt_at, id",
        )
        .bind(unix(now))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    OrganisationId(row.try_get("organisation_id")?),
                    ForwardingId(row.try_get("id")?),
                ))
            })
            .collect()
    }

    /// Takes a due letter for sending; false when another sender took it, or it was
    /// withdrawn or answered meanwhile. A letter is sent at most once per claim.
    pub async fn claim_delivery(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE forwardings SET delivery_state = 'sending' WHERE id = $1 AND organisation_id = $2 \
             AND delivery_state IN ('pending', 'retrying') AND withdrawn_at IS NULL AND answered_on IS NULL",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Letters a stopped server left half-sent go back to the queue at start (they may go
    /// out twice, never not at all).
    pub async fn requeue_interrupted_deliveries(&self) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE forwardings SET delivery_state = 'retrying' WHERE delivery_state = 'sending'",
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Records the attempt at a claimed letter: sent; to be retried at `retry_at`; waiting
    /// for an SMTP server (`attempted` false: no attempt counted); or refused for good.
    /// `error` is the failure's code, never the message or the server's words.
    pub async fn record_delivery(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        result: Result<(), &str>,
        retry_at: Option<DateTime<Utc>>,
        attempted: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (state, error) = match result {
            Ok(()) => ("sent", None),
            Err(error) if !attempted => ("pending", Some(error)),
            Err(error) if retry_at.is_some() => ("retrying", Some(error)),
            Err(error) => ("failed", Some(error)),
        };
        sqlx::query(
            "UPDATE forwardings SET delivery_state = $1, delivery_attempts = delivery_attempts + $2, \
             delivery_error = $3, next_attempt_at = $4, delivered_at = $5 \
             WHERE id = $6 AND organisation_id = $7 AND delivery_state = 'sending'",
        )
        .bind(state)
        .bind(i64::from(attempted))
        .bind(error)
        .bind(retry_at.map(unix))
        .bind(result.is_ok().then(|| unix(now)))
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Puts a refused letter back in the queue, e.g. after its address was corrected.
    pub async fn resend(
        &self,
        organisation_id: OrganisationId,
        id: ForwardingId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE forwardings SET delivery_state = 'pending', next_attempt_at = $1, \
             letter_email = (SELECT email FROM executing_organisations WHERE executing_organisations.id = forwardings.executing_organisation_id) \
             WHERE id = $2 AND organisation_id = $3 AND delivery_state = 'failed' AND withdrawn_at IS NULL AND answered_on IS NULL",
        )
        .bind(unix(now))
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
