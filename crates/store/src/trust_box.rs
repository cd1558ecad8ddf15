//! The online Trust Box: submissions kept in the inbox by the school's system account until a
//! specialist registers them, receipt codes kept only as keyed argon2id hashes, paper slips
//! waiting for their letter, and the sealed conversation between the student and the staff.

use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Utc};
use senim_domain::inbox::InboxKind;
use senim_domain::triage::Screening;
use senim_domain::trust_box::{Author, LetterCode, ReceiptCode, Submission};
use senim_domain::{AppealId, OrganisationId, Position, Redacted, UserId};
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError, from_unix, unix};

/// One message of a conversation, opened.
#[derive(Clone, Debug)]
pub struct BoxMessage {
    pub author: Author,
    pub text: Redacted<String>,
    pub at: DateTime<Utc>,
    /// The member of staff who answered (never shown to the student).
    pub staff_name: Option<String>,
}

/// Where a conversation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConversationState {
    /// The message waits in the inbox; the child may add to it.
    Waiting,
    /// Registered: the appeal it became.
    Registered(AppealId),
    /// Read and recorded as not an appeal: nothing more can be added; a new message is a new
    /// sending.
    Closed,
}

/// The conversation a receipt code opens: the child's first text and every message since.
#[derive(Clone, Debug)]
pub struct Conversation {
    pub state: ConversationState,
    pub messages: Vec<BoxMessage>,
}

impl Conversation {
    pub fn appeal_id(&self) -> Option<AppealId> {
        match self.state {
            ConversationState::Registered(appeal_id) => Some(appeal_id),
            _ => None,
        }
    }
}

/// What a receipt code points at.
#[derive(Clone, Copy, Debug)]
struct Receipt {
    appeal_id: Option<AppealId>,
    inbox_item_id: Option<i64>,
}

/// Where a student's message went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Into the conversation of this appeal.
    Appeal(AppealId),
    /// Beside the letter still waiting in the inbox.
    Waiting(i64),
}

/// Receipt hashes cost about 19 MiB and tens of milliseconds each: they pass the same gate as
/// passwords, so together they stay bounded.
use crate::users::HASHING;

/// A message is bound to where it was written: the appeal, or the inbox item it was written
/// beside before registration (it keeps that binding once the item is registered).
fn message_aad(organisation_id: OrganisationId, place: Place, author: Author, at: i64) -> String {
    match place {
        Place::Appeal(appeal_id) => format!(
            "box_messages/{}/{}/{}/{at}",
            organisation_id.0,
            appeal_id.0,
            author.code()
        ),
        Place::Inbox(item) => format!(
            "box_messages/{}/inbox/{item}/{}/{at}",
            organisation_id.0,
            author.code()
        ),
    }
}

#[derive(Clone, Copy, Debug)]
enum Place {
    Appeal(AppealId),
    Inbox(i64),
}

/// The school's login for its online box: not a login anyone can sign in with.
fn box_login(organisation_id: OrganisationId) -> String {
    format!("~online-box-{}", organisation_id.0)
}

impl Store {
    /// The receipt code's hash: argon2id with the key-derived secret and a salt of the school,
    /// so the same code at two schools hashes apart and a lookup is one indexed equality.
    pub async fn receipt_hash(
        &self,
        organisation_id: OrganisationId,
        code: &ReceiptCode,
    ) -> Result<String, StoreError> {
        self.code_hash(organisation_id, "receipt", code.digits().to_owned())
            .await
    }

    /// A slip's letter code, hashed like a receipt code but apart from receipt codes.
    async fn letter_hash(
        &self,
        organisation_id: OrganisationId,
        code: &LetterCode,
    ) -> Result<String, StoreError> {
        self.code_hash(organisation_id, "letter", code.digits().to_owned())
            .await
    }

    async fn code_hash(
        &self,
        organisation_id: OrganisationId,
        purpose: &'static str,
        digits: String,
    ) -> Result<String, StoreError> {
        let failed = |error: String| StoreError::PasswordHash(error);
        let permit = HASHING.enter().await?;
        let pepper = self.receipt_pepper.clone();
        tokio::task::spawn_blocking(move || {
            // Held until the hash is done, even when the request is dropped meanwhile.
            let _permit = permit;
            let salt = Sha256::new()
                .chain_update(b"senim/code-salt\0")
                .chain_update(purpose.as_bytes())
                .chain_update(organisation_id.0.to_be_bytes())
                .chain_update(pepper.as_slice())
                .finalize();
            let params = Params::new(19 * 1024, 2, 1, Some(32)).map_err(|error| failed(error.to_string()))?;
            let argon2 =
                Argon2::new_with_secret(pepper.as_slice(), Algorithm::Argon2id, Version::V0x13, params)
                    .map_err(|error| failed(error.to_string()))?;
            let mut out = [0u8; 32];
            argon2
                .hash_password_into(digits.as_bytes(), &salt[..16], &mut out)
                .map_err(|error| failed(error.to_string()))?;
            Ok(hex::encode(out))
        })
        .await
        .map_err(|error| failed(error.to_string()))?
    }

    /// The school's system account that registers what the online box receives.
    async fn box_account(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        now: DateTime<Utc>,
    ) -> Result<UserId, StoreError> {
        let login = box_login(organisation_id);
        sqlx::query(
            "INSERT INTO users (organisation_id, login, full_name, positions, password_hash, locale, \
             must_change_password, active, created_at, email, system_account) \
             VALUES ($1, $2, $3, $4, '!', 'kk', 0, 0, $5, '', 1) ON CONFLICT (login) DO NOTHING",
        )
        .bind(organisation_id.0)
        .bind(&login)
        .bind("Сенім жәшігі (онлайн)")
        .bind(Position::ResponsibleSpecialist.code())
        .bind(unix(now))
        .execute(&mut **tx)
        .await?;
        let row = sqlx::query("SELECT id FROM users WHERE login = $1 AND system_account = 1")
            .bind(&login)
            .fetch_one(&mut **tx)
            .await?;
        Ok(UserId(row.try_get("id")?))
    }

    /// Keeps a submission to the online box in the inbox, with the hash of its receipt code
    /// and, when the screen found it urgent, the staff's alerts, in one transaction; returns
    /// the item's id. `Err(ReceiptTaken)` in the unthinkable case that the code is already in
    /// use: the caller draws another.
    pub async fn submit_online(
        &self,
        organisation_id: OrganisationId,
        submission: &Submission,
        code: &ReceiptCode,
        urgent: bool,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let code_hash = self.receipt_hash(organisation_id, code).await?;
        let kind = InboxKind::OnlineBox.code();
        let external_id = crate::random_token(16);
        let seal = |field: &str, text: &str| {
            self.cipher.seal_optional(
                &crate::inbox::aad(organisation_id, kind, &external_id, field),
                text,
            )
        };
        let mut tx = self.pool.begin().await?;
        let account = self.box_account(&mut tx, organisation_id, now).await?;
        let row = sqlx::query(
            "INSERT INTO inbox_items (organisation_id, kind, external_id, arrived_at, letter, sender_name, \
             sender_contact, urgent, received_at, received_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4, $9) RETURNING id",
        )
        .bind(organisation_id.0)
        .bind(kind)
        .bind(&external_id)
        .bind(unix(now))
        .bind(seal("letter", submission.text.as_str())?)
        .bind(seal("sender_name", submission.name.as_str())?)
        .bind(seal("sender_contact", submission.contact.as_str())?)
        .bind(i64::from(urgent))
        .bind(account.0)
        .fetch_one(&mut *tx)
        .await?;
        let item: i64 = row.try_get("id")?;
        sqlx::query(
            "INSERT INTO receipts (organisation_id, code_hash, inbox_item_id, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation_id.0)
        .bind(&code_hash)
        .bind(item)
        .bind(unix(now))
        .execute(&mut *tx)
        .await
        .map_err(|error| {
            if StoreError::is_unique_violation(&error) {
                StoreError::ReceiptTaken
            } else {
                error.into()
            }
        })?;
        if urgent {
            Self::queue_urgent_alerts(&mut tx, organisation_id, crate::alerts::Subject::Inbox(item), now)
                .await?;
        }
        tx.commit().await?;
        Ok(item)
    }

    /// Keeps the hashes of a sheet of paper slips (each a receipt code for the stub and a
    /// letter code for the letter); returns the sheet's number.
    pub async fn create_slips(
        &self,
        organisation_id: OrganisationId,
        slips: &[(ReceiptCode, LetterCode)],
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let mut hashes = Vec::with_capacity(slips.len());
        for (receipt, letter) in slips {
            hashes.push((
                self.receipt_hash(organisation_id, receipt).await?,
                self.letter_hash(organisation_id, letter).await?,
            ));
        }
        let mut tx = self.pool.begin().await?;
        // Writing first takes the school's row lock (PostgreSQL) or the write lock (SQLite), so
        // two sheets printed at once get different numbers.
        sqlx::query("UPDATE organisations SET slug = slug WHERE id = $1")
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        let row = sqlx::query(
            "SELECT COALESCE(MAX(slip_sheet), 0) AS last FROM receipts WHERE organisation_id = $1",
        )
        .bind(organisation_id.0)
        .fetch_one(&mut *tx)
        .await?;
        let sheet = row.try_get::<i64, _>("last")? + 1;
        for (receipt_hash, letter_hash) in hashes {
            sqlx::query(
                "INSERT INTO receipts (organisation_id, code_hash, letter_hash, slip_sheet, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(organisation_id.0)
            .bind(receipt_hash)
            .bind(letter_hash)
            .bind(sheet)
            .bind(unix(now))
            .execute(&mut *tx)
            .await
            .map_err(|error| {
                if StoreError::is_unique_violation(&error) {
                    StoreError::ReceiptTaken
                } else {
                    error.into()
                }
            })?;
        }
        tx.commit().await?;
        Ok(sheet)
    }

    /// The hash a slip's letter code is kept under, computed before a transaction opens.
    pub(crate) async fn slip_letter_hash(
        &self,
        organisation_id: OrganisationId,
        code: &LetterCode,
    ) -> Result<String, StoreError> {
        self.letter_hash(organisation_id, code).await
    }

    /// Links the slip whose letter code was typed to the letter registered with it, inside the
    /// registering transaction. `SlipUnknown` when no unused slip of the school has this code.
    pub(crate) async fn link_slip(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        letter_hash: &str,
        appeal_id: AppealId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE receipts SET appeal_id = $1, linked_at = $2 \
             WHERE organisation_id = $3 AND letter_hash = $4 AND appeal_id IS NULL",
        )
        .bind(appeal_id.0)
        .bind(unix(now))
        .bind(organisation_id.0)
        .bind(letter_hash)
        .execute(&mut **tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::SlipUnknown);
        }
        Ok(())
    }

    /// What a receipt code points at, if anything.
    async fn receipt_of_code(
        &self,
        organisation_id: OrganisationId,
        code: &ReceiptCode,
    ) -> Result<Option<Receipt>, StoreError> {
        let code_hash = self.receipt_hash(organisation_id, code).await?;
        let row = sqlx::query(
            "SELECT appeal_id, inbox_item_id FROM receipts WHERE organisation_id = $1 AND code_hash = $2 \
             AND (appeal_id IS NOT NULL OR inbox_item_id IS NOT NULL)",
        )
        .bind(organisation_id.0)
        .bind(code_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(Receipt {
                appeal_id: row.try_get::<Option<i64>, _>("appeal_id")?.map(AppealId),
                inbox_item_id: row.try_get("inbox_item_id")?,
            })
        })
        .transpose()
    }

    /// The conversation a code opens; `None` for a code that opens nothing (unknown, another
    /// school's, or a slip whose letter is not registered yet).
    pub async fn conversation_by_code(
        &self,
        organisation_id: OrganisationId,
        code: &ReceiptCode,
    ) -> Result<Option<Conversation>, StoreError> {
        match self.receipt_of_code(organisation_id, code).await? {
            Some(Receipt {
                appeal_id: Some(appeal_id),
                ..
            }) => self.conversation(organisation_id, appeal_id).await,
            Some(Receipt {
                appeal_id: None,
                inbox_item_id: Some(item),
            }) => self.waiting_conversation(organisation_id, item).await.map(Some),
            _ => Ok(None),
        }
    }

    /// The conversation of a letter not registered: waiting in the inbox, or closed.
    async fn waiting_conversation(
        &self,
        organisation_id: OrganisationId,
        item: i64,
    ) -> Result<Conversation, StoreError> {
        let (first, handled) = self.letter_of(organisation_id, item).await?;
        let mut messages = vec![first];
        messages.extend(self.messages_of(organisation_id, None, Some(item)).await?);
        Ok(Conversation {
            state: if handled {
                ConversationState::Closed
            } else {
                ConversationState::Waiting
            },
            messages,
        })
    }

    /// The child's letter an inbox item keeps, as the first message, and whether the item was
    /// handled.
    async fn letter_of(
        &self,
        organisation_id: OrganisationId,
        item: i64,
    ) -> Result<(BoxMessage, bool), StoreError> {
        let row = sqlx::query(
            "SELECT external_id, arrived_at, letter, handled_at FROM inbox_items \
             WHERE id = $1 AND organisation_id = $2 AND kind = $3",
        )
        .bind(item)
        .bind(organisation_id.0)
        .bind(InboxKind::OnlineBox.code())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let external_id: String = row.try_get("external_id")?;
        let sealed: Option<Vec<u8>> = row.try_get("letter")?;
        let text = self.cipher.open_optional(
            &crate::inbox::aad(
                organisation_id,
                InboxKind::OnlineBox.code(),
                &external_id,
                "letter",
            ),
            sealed.as_deref(),
        )?;
        let message = BoxMessage {
            author: Author::Student,
            text: Redacted(text),
            at: from_unix(row.try_get("arrived_at")?)?,
            staff_name: None,
        };
        Ok((message, row.try_get::<Option<i64>, _>("handled_at")?.is_some()))
    }

    /// What was written beside a letter while it waited in the inbox, in the order written.
    pub async fn messages_beside(
        &self,
        organisation_id: OrganisationId,
        item: i64,
    ) -> Result<Vec<BoxMessage>, StoreError> {
        self.messages_of(organisation_id, None, Some(item)).await
    }

    /// The messages written at an appeal or beside an inbox item (or both, for an item
    /// registered), in the order written.
    async fn messages_of(
        &self,
        organisation_id: OrganisationId,
        appeal_id: Option<AppealId>,
        item: Option<i64>,
    ) -> Result<Vec<BoxMessage>, StoreError> {
        let rows = sqlx::query(
            "SELECT box_messages.appeal_id, box_messages.inbox_item_id, box_messages.author, box_messages.body, \
             box_messages.created_at, users.full_name \
             FROM box_messages LEFT JOIN users ON users.id = box_messages.user_id \
             WHERE box_messages.organisation_id = $1 AND (box_messages.appeal_id = $2 OR box_messages.inbox_item_id = $3) \
             ORDER BY box_messages.id",
        )
        .bind(organisation_id.0)
        .bind(appeal_id.map(|appeal| appeal.0))
        .bind(item)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| self.message_from_row(organisation_id, row))
            .collect()
    }

    /// The school's appeals with a receipt code whose conversation waits for the staff: no
    /// message yet, or the student's is the last.
    pub async fn awaiting_answer(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<std::collections::HashSet<AppealId>, StoreError> {
        let rows = sqlx::query(
            "SELECT receipts.appeal_id FROM receipts \
             LEFT JOIN box_messages ON box_messages.id = \
               (SELECT MAX(last.id) FROM box_messages last WHERE last.appeal_id = receipts.appeal_id) \
             WHERE receipts.organisation_id = $1 AND receipts.appeal_id IS NOT NULL \
             AND (box_messages.id IS NULL OR box_messages.author = 'student')",
        )
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok(AppealId(row.try_get("appeal_id")?)))
            .collect()
    }

    /// Whether the appeal can be answered online: it has a receipt code.
    pub async fn has_receipt(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<bool, StoreError> {
        let row =
            sqlx::query("SELECT COUNT(*) AS n FROM receipts WHERE organisation_id = $1 AND appeal_id = $2")
                .bind(organisation_id.0)
                .bind(appeal_id.0)
                .fetch_one(&self.pool)
                .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// The appeal whose receipt code opens the conversation of `appeal_id`: itself, or — for
    /// a correction — the entry it corrects (a correction is a new entry; the child's code
    /// stays with the first one). `None` when there is no receipt code in the chain.
    pub async fn receipt_holder(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<Option<AppealId>, StoreError> {
        let mut current = appeal_id;
        // Chains of corrections are short; the bound only guards against a damaged table.
        for _ in 0..64 {
            if self.has_receipt(organisation_id, current).await? {
                return Ok(Some(current));
            }
            let row = sqlx::query("SELECT corrects_id FROM appeals WHERE id = $1 AND organisation_id = $2")
                .bind(current.0)
                .bind(organisation_id.0)
                .fetch_optional(&self.pool)
                .await?;
            match row.and_then(|row| row.try_get::<Option<i64>, _>("corrects_id").ok().flatten()) {
                Some(corrected) => current = AppealId(corrected),
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The conversation of an appeal with a receipt code (or of a correction of one): the
    /// child's first text (her letter when it waited in the inbox, else the appeal's own
    /// text), then the messages. `None` when there is no receipt code.
    pub async fn conversation(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
    ) -> Result<Option<Conversation>, StoreError> {
        let Some(appeal_id) = self.receipt_holder(organisation_id, appeal_id).await? else {
            return Ok(None);
        };
        let row =
            sqlx::query("SELECT inbox_item_id FROM receipts WHERE organisation_id = $1 AND appeal_id = $2")
                .bind(organisation_id.0)
                .bind(appeal_id.0)
                .fetch_one(&self.pool)
                .await?;
        let item: Option<i64> = row.try_get("inbox_item_id")?;
        let first = match item {
            Some(item) => self.letter_of(organisation_id, item).await?.0,
            None => {
                let record = self.appeal(organisation_id, appeal_id).await?;
                let first = &record.row.appeal;
                BoxMessage {
                    author: Author::Student,
                    text: Redacted(first.content.summary().to_owned()),
                    at: first.content.received_at(),
                    staff_name: None,
                }
            }
        };
        let mut messages = vec![first];
        messages.extend(self.messages_of(organisation_id, Some(appeal_id), item).await?);
        Ok(Some(Conversation {
            state: ConversationState::Registered(appeal_id),
            messages,
        }))
    }

    fn message_from_row(
        &self,
        organisation_id: OrganisationId,
        row: &AnyRow,
    ) -> Result<BoxMessage, StoreError> {
        let author: String = row.try_get("author")?;
        let author = Author::parse(&author).ok_or(StoreError::Corrupt("message author"))?;
        let at: i64 = row.try_get("created_at")?;
        let body: Vec<u8> = row.try_get("body")?;
        let place = match row.try_get::<Option<i64>, _>("inbox_item_id")? {
            Some(item) => Place::Inbox(item),
            None => Place::Appeal(AppealId(
                row.try_get::<Option<i64>, _>("appeal_id")?
                    .ok_or(StoreError::Corrupt("message's place"))?,
            )),
        };
        let text = self
            .cipher
            .open(&message_aad(organisation_id, place, author, at), &body)?;
        Ok(BoxMessage {
            author,
            text: Redacted(text),
            at: from_unix(at)?,
            staff_name: match author {
                Author::Staff => row.try_get::<Option<String>, _>("full_name")?,
                Author::Student => None,
            },
        })
    }

    /// Adds the student's message to the conversation the code opens: at the appeal, or
    /// beside her letter while it waits in the inbox (an urgent one marks the item urgent and
    /// alerts the staff). `None` when the code opens nothing or the conversation is closed.
    pub async fn add_student_message(
        &self,
        organisation_id: OrganisationId,
        code: &ReceiptCode,
        text: &str,
        screening: &Screening,
        now: DateTime<Utc>,
    ) -> Result<Option<Written>, StoreError> {
        let Some(receipt) = self.receipt_of_code(organisation_id, code).await? else {
            return Ok(None);
        };
        let mut tx = self.pool.begin().await?;
        let written = match receipt {
            Receipt {
                appeal_id: Some(appeal_id),
                ..
            } => {
                self.insert_message(
                    &mut tx,
                    organisation_id,
                    Place::Appeal(appeal_id),
                    Author::Student,
                    None,
                    text,
                    now,
                )
                .await?;
                if self
                    .raise_triage_in(&mut tx, organisation_id, appeal_id, screening, now)
                    .await?
                {
                    tracing::warn!(appeal = appeal_id.0, "urgent message in a conversation");
                }
                Written::Appeal(appeal_id)
            }
            Receipt {
                inbox_item_id: Some(item),
                ..
            } => {
                let waiting = sqlx::query(
                    "SELECT id FROM inbox_items WHERE id = $1 AND organisation_id = $2 AND handled_at IS NULL",
                )
                .bind(item)
                .bind(organisation_id.0)
                .fetch_optional(&mut *tx)
                .await?;
                if waiting.is_none() {
                    return Ok(None);
                }
                self.insert_message(
                    &mut tx,
                    organisation_id,
                    Place::Inbox(item),
                    Author::Student,
                    None,
                    text,
                    now,
                )
                .await?;
                if screening.urgent {
                    sqlx::query("UPDATE inbox_items SET urgent = 1 WHERE id = $1")
                        .bind(item)
                        .execute(&mut *tx)
                        .await?;
                    Self::queue_urgent_alerts(
                        &mut tx,
                        organisation_id,
                        crate::alerts::Subject::Inbox(item),
                        now,
                    )
                    .await?;
                    tracing::warn!(item, "urgent message beside a waiting letter");
                }
                Written::Waiting(item)
            }
            _ => return Ok(None),
        };
        tx.commit().await?;
        Ok(Some(written))
    }

    /// A member of staff answers in the conversation of an appeal with a receipt code.
    /// `NotFound` for an appeal without one (or of another school).
    pub async fn add_staff_reply(
        &self,
        organisation_id: OrganisationId,
        appeal_id: AppealId,
        by: UserId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let Some(holder) = self.receipt_holder(organisation_id, appeal_id).await? else {
            return Err(StoreError::NotFound);
        };
        let mut tx = self.pool.begin().await?;
        self.insert_message(
            &mut tx,
            organisation_id,
            Place::Appeal(holder),
            Author::Staff,
            Some(by),
            text,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn insert_message(
        &self,
        tx: &mut Transaction<'static, Any>,
        organisation_id: OrganisationId,
        place: Place,
        author: Author,
        by: Option<UserId>,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = unix(now);
        let (appeal_id, item) = match place {
            Place::Appeal(appeal_id) => (Some(appeal_id.0), None),
            Place::Inbox(item) => (None, Some(item)),
        };
        sqlx::query(
            "INSERT INTO box_messages (organisation_id, appeal_id, inbox_item_id, author, user_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(organisation_id.0)
        .bind(appeal_id)
        .bind(item)
        .bind(author.code())
        .bind(by.map(|user| user.0))
        .bind(
            self.cipher
                .seal(&message_aad(organisation_id, place, author, at), text)?,
        )
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}
