//! The online Trust Box («Сенім жәшігі»): what a student sends, the receipt code (түбіртек
//! коды) with which she comes back for the answer, and the conversation that follows.
//!
//! Nothing here knows who the student is. A submission is anonymous unless she writes a name
//! or a contact herself; the receipt code is the only key to the conversation.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::appeal::{
    AppealContent, AppealError, Applicant, Category, Channel, MAX_ADDRESS, MAX_NAME, MAX_SUMMARY, Redacted,
};

/// How many digits a receipt code has: 10^16 codes, so that guessing one is hopeless even
/// before the throttle (GlobaLeaks uses 16 digits too).
pub const RECEIPT_DIGITS: usize = 16;

/// A receipt code: shown to the student once, stored only as a slow hash. Its `Debug` never
/// shows the digits.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptCode(String);

impl fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptCode(‹redacted›)")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("receipt_code: a receipt code has {RECEIPT_DIGITS} digits")]
pub struct ReceiptCodeError;

impl ReceiptCode {
    /// A fresh code from random bytes (the caller brings the randomness: the domain does no
    /// I/O). Bytes 250–255 are skipped so that every digit is equally likely; `None` when the
    /// bytes ran out before 16 digits, which the caller answers with more bytes.
    pub fn from_random(bytes: &[u8]) -> Option<ReceiptCode> {
        let digits: String = bytes
            .iter()
            .filter(|byte| **byte < 250)
            .take(RECEIPT_DIGITS)
            .map(|byte| char::from(b'0' + byte % 10))
            .collect();
        (digits.len() == RECEIPT_DIGITS).then_some(ReceiptCode(digits))
    }

    /// Reads a code as a person types it: spaces, dashes and dots between the digits are
    /// ignored; anything else, or a wrong number of digits, is refused.
    pub fn parse(typed: &str) -> Result<ReceiptCode, ReceiptCodeError> {
        let mut digits = String::with_capacity(RECEIPT_DIGITS);
        for c in typed.trim().chars() {
            match c {
                '0'..='9' => digits.push(c),
                // Digits typed on a full-width keyboard are digits too.
                '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                ' ' | '-' | '.' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '–' => {}
                _ => return Err(ReceiptCodeError),
            }
        }
        if digits.len() != RECEIPT_DIGITS {
            return Err(ReceiptCodeError);
        }
        Ok(ReceiptCode(digits))
    }

    /// The bare digits, for hashing.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Groups of four for reading aloud and copying: «4821 0937 5512 0468».
    pub fn grouped(&self) -> String {
        let mut grouped = String::with_capacity(RECEIPT_DIGITS + 3);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                grouped.push(' ');
            }
            grouped.push(c);
        }
        grouped
    }
}

/// How many digits a slip's letter code has. It only links a paper letter to its slip at
/// registration; it opens nothing, so it need not be as long as a receipt code.
pub const LETTER_CODE_DIGITS: usize = 12;

/// The code printed on the letter half of a paper slip, for the commission: typed when the
/// letter is registered, it links the letter to the slip whose stub the child kept. Unlike the
/// receipt code on the stub it cannot open the conversation, so a filed letter gives no one
/// access to the child's answers.
#[derive(Clone, PartialEq, Eq)]
pub struct LetterCode(String);

impl fmt::Debug for LetterCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LetterCode(‹redacted›)")
    }
}

impl LetterCode {
    pub fn from_random(bytes: &[u8]) -> Option<LetterCode> {
        let digits: String = bytes
            .iter()
            .filter(|byte| **byte < 250)
            .take(LETTER_CODE_DIGITS)
            .map(|byte| char::from(b'0' + byte % 10))
            .collect();
        (digits.len() == LETTER_CODE_DIGITS).then_some(LetterCode(digits))
    }

    pub fn parse(typed: &str) -> Result<LetterCode, ReceiptCodeError> {
        let digits: String = typed
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
            .collect();
        if digits.len() != LETTER_CODE_DIGITS || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(ReceiptCodeError);
        }
        Ok(LetterCode(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Three groups of four: «4821 0937 5512».
    pub fn grouped(&self) -> String {
        let mut grouped = String::with_capacity(LETTER_CODE_DIGITS + 2);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                grouped.push(' ');
            }
            grouped.push(c);
        }
        grouped
    }
}

/// The longest follow-up message.
pub const MAX_MESSAGE: usize = MAX_SUMMARY;

/// What a student writes into the online box: the text and, if she wishes, a name and a way
/// to reach her.
#[derive(Clone, Debug)]
pub struct Submission {
    pub text: Redacted<String>,
    pub name: Redacted<String>,
    pub contact: Redacted<String>,
}

impl Submission {
    pub fn new(text: &str, name: &str, contact: &str) -> Submission {
        Submission {
            text: Redacted(text.trim().to_owned()),
            name: Redacted(name.trim().to_owned()),
            contact: Redacted(contact.trim().to_owned()),
        }
    }

    /// The appeal it becomes: channel «online Trust Box», received now, anonymous unless a
    /// name or a contact was given. A contact that reads as a phone number goes to the phone
    /// field, anything else (an e-mail, a messenger name) to the address.
    pub fn appeal(&self, now: DateTime<Utc>) -> Result<AppealContent, AppealError> {
        let contact = self.contact.as_str();
        let looks_like_phone = !contact.is_empty()
            && contact
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | ' '));
        let (address, phone) = if looks_like_phone {
            ("", contact)
        } else {
            (contact, "")
        };
        if !looks_like_phone && contact.chars().count() > MAX_ADDRESS {
            return Err(AppealError::TooLong {
                field: "contact",
                limit: MAX_ADDRESS,
            });
        }
        if self.name.chars().count() > MAX_NAME {
            return Err(AppealError::TooLong {
                field: "name",
                limit: MAX_NAME,
            });
        }
        let applicant = Applicant::new(&self.name, address, phone);
        let anonymous = applicant.is_empty();
        AppealContent::new(
            Channel::OnlineBox,
            now,
            anonymous,
            applicant,
            &self.text,
            Category::UNSPECIFIED,
            now,
        )
        .map_err(|error| match error {
            AppealError::TooLong {
                field: "summary",
                limit,
            } => AppealError::TooLong { field: "text", limit },
            other => other,
        })
    }
}

/// A follow-up message's text, checked like a submission's.
pub fn message_text(text: &str) -> Result<String, AppealError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppealError::SummaryRequired);
    }
    if text.chars().count() > MAX_MESSAGE {
        return Err(AppealError::TooLong {
            field: "text",
            limit: MAX_MESSAGE,
        });
    }
    Ok(text.to_owned())
}

/// Who wrote a message of the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Author {
    Student,
    Staff,
}

impl Author {
    pub fn code(self) -> &'static str {
        match self {
            Author::Student => "student",
            Author::Staff => "staff",
        }
    }

    pub fn parse(code: &str) -> Option<Author> {
        match code {
            "student" => Some(Author::Student),
            "staff" => Some(Author::Staff),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 6, 0, 0).unwrap()
    }

    #[test]
    fn a_code_has_sixteen_uniform_digits_and_reads_in_groups_of_four() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        let code = ReceiptCode::from_random(&bytes).unwrap();
        assert_eq!(code.digits(), "0123456789012345");
        assert_eq!(code.grouped(), "0123 4567 8901 2345");
        // Bytes that would favour 0–5 are skipped.
        let code = ReceiptCode::from_random(&[[250u8, 251, 255].as_slice(), &[7; 16]].concat()).unwrap();
        assert_eq!(code.digits(), "7777777777777777");
        assert_eq!(ReceiptCode::from_random(&[255; 64]), None);
    }

    #[test]
    fn a_typed_code_may_carry_spaces_and_dashes_but_nothing_else() {
        let code = ReceiptCode::parse(" 4821-0937 5512.0468 ").unwrap();
        assert_eq!(code.digits(), "4821093755120468");
        assert_eq!(ReceiptCode::parse("４８２１ 0937 5512 0468").unwrap(), code);
        assert_eq!(ReceiptCode::parse("4821 0937 5512 046"), Err(ReceiptCodeError));
        assert_eq!(ReceiptCode::parse("4821 0937 5512 04681"), Err(ReceiptCodeError));
        assert_eq!(ReceiptCode::parse("4821 0937 5512 046a"), Err(ReceiptCodeError));
        assert_eq!(ReceiptCode::parse(""), Err(ReceiptCodeError));
    }

    #[test]
    fn a_letter_code_has_twelve_digits_and_is_not_a_receipt_code() {
        let code = LetterCode::from_random(&[3u8; 20]).unwrap();
        assert_eq!(code.grouped(), "3333 3333 3333");
        assert_eq!(LetterCode::parse("3333-3333-3333"), Ok(code));
        assert_eq!(LetterCode::parse("3333 3333 3333 3333"), Err(ReceiptCodeError));
        assert!(ReceiptCode::parse("3333 3333 3333").is_err());
    }

    #[test]
    fn a_code_never_shows_in_debug_output() {
        let code = ReceiptCode::parse("4821 0937 5512 0468").unwrap();
        assert!(!format!("{code:?}").contains("4821"));
    }

    #[test]
    fn a_submission_is_anonymous_unless_the_student_names_herself() {
        let appeal = Submission::new("Мені сыныптастарым мазақтайды", "", "")
            .appeal(now())
            .unwrap();
        assert!(appeal.anonymous());
        assert_eq!(appeal.channel(), Channel::OnlineBox);
        assert_eq!(appeal.received_at(), now());
        let named = Submission::new("Көмек керек", "Аружан", "+7 701 555 12 12")
            .appeal(now())
            .unwrap();
        assert!(!named.anonymous());
        assert_eq!(named.applicant().phone.as_str(), "+7 701 555 12 12");
        let by_mail = Submission::new("Көмек керек", "", "aruzhan@example.kz")
            .appeal(now())
            .unwrap();
        assert!(!by_mail.anonymous());
        assert_eq!(by_mail.applicant().address.as_str(), "aruzhan@example.kz");
    }

    #[test]
    fn an_empty_or_overlong_text_is_refused_naming_the_field() {
        let error = Submission::new("   ", "", "").appeal(now()).unwrap_err();
        assert_eq!(error, AppealError::SummaryRequired);
        let long = "ә".repeat(MAX_SUMMARY + 1);
        let error = Submission::new(&long, "", "").appeal(now()).unwrap_err();
        assert_eq!(error.field(), "text");
        assert_eq!(message_text(" "), Err(AppealError::SummaryRequired));
        assert_eq!(message_text(" рахмет "), Ok("рахмет".to_owned()));
    }
}
