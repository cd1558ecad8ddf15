//! The registration journal's order and its seal.
//!
//! Numbers restart at 1 on 1 January in Kazakhstan, per organisation, with no gaps and no
//! duplicates. On paper the pages are «numbered and bound»; here every entry carries a hash
//! chained to the previous entry of its organisation and year, so an entry altered, removed or
//! reordered behind Senim's back is found by recomputing the chain.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::appeal::{Appeal, Outcome};
use crate::time::local_year;

/// The calendar year whose numbering an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct JournalYear(pub i32);

impl JournalYear {
    /// The year of the registration moment in Kazakhstan time.
    pub fn of_registration(registered_at: DateTime<Utc>) -> JournalYear {
        JournalYear(local_year(registered_at))
    }
}

/// Column a: the sequential number within the organisation's year, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct JournalNumber(pub i64);

impl JournalNumber {
    pub const FIRST: JournalNumber = JournalNumber(1);

    /// The number after the last one given in the same year (1 for the year's first entry).
    pub fn after(last: Option<JournalNumber>) -> JournalNumber {
        match last {
            Some(JournalNumber(last)) => JournalNumber(last + 1),
            None => JournalNumber::FIRST,
        }
    }
}

impl fmt::Display for JournalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where an entry stands in the journal: its year and number. Links between entries (an
/// outcome to its appeal, a correction to what it corrects) are sealed by this, not by a
/// database id, so moving a link to another row breaks the seal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntryRef {
    pub year: JournalYear,
    pub number: JournalNumber,
}

/// A SHA-256 link of the chain.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryHash(pub [u8; 32]);

impl EntryHash {
    /// The link before the first entry of a chain.
    pub const GENESIS: EntryHash = EntryHash([0; 32]);

    pub fn to_hex(self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(text: &str) -> Option<EntryHash> {
        let bytes = hex::decode(text).ok()?;
        Some(EntryHash(bytes.try_into().ok()?))
    }
}

impl fmt::Debug for EntryHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntryHash({})", &self.to_hex()[..12])
    }
}

/// An unambiguous byte encoding of fields: each is tagged and length-prefixed.
struct Canonical(Sha256);

impl Canonical {
    fn new(domain: &str, prev: EntryHash) -> Canonical {
        let mut canonical = Canonical(Sha256::new());
        canonical.bytes(domain.as_bytes());
        canonical.bytes(&prev.0);
        canonical
    }
    fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update((bytes.len() as u64).to_be_bytes());
        self.0.update(bytes);
        self
    }
    fn int(&mut self, value: i64) -> &mut Self {
        self.bytes(&value.to_be_bytes())
    }
    fn text(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }
    fn finish(self) -> EntryHash {
        EntryHash(self.0.finalize().into())
    }
}

/// The hash sealing a journal entry after `prev`. Covers every column the entry was registered
/// with, so a change to any of them breaks the chain. A correction names the entry it corrects
/// by `corrects`.
pub fn entry_hash(prev: EntryHash, appeal: &Appeal, corrects: Option<EntryRef>) -> EntryHash {
    let content = &appeal.content;
    let applicant = content.applicant();
    let mut canonical = Canonical::new("senim-journal-entry-v1", prev);
    canonical
        .int(appeal.organisation_id.0)
        .int(appeal.year.0.into())
        .int(appeal.number.0)
        .int(appeal.registered_at.timestamp())
        .int(appeal.registered_by.0)
        .text(content.channel().code())
        .int(content.received_at().timestamp())
        .int(content.anonymous().into())
        .text(&applicant.full_name)
        .text(&applicant.address)
        .text(&applicant.phone)
        .text(content.summary())
        .text(&content.category().code());
    match &appeal.correction {
        Some(correction) => {
            let corrects = corrects.map_or((0, 0), |entry| (entry.year.0.into(), entry.number.0));
            canonical
                .int(1)
                .int(corrects.0)
                .int(corrects.1)
                .text(&correction.reason)
        }
        None => canonical.int(0),
    };
    canonical.finish()
}

/// The hash sealing an outcome of the entry `appeal` after `prev`, in the chain of the
/// organisation's outcomes.
pub fn outcome_hash(prev: EntryHash, organisation_id: i64, appeal: EntryRef, outcome: &Outcome) -> EntryHash {
    let mut canonical = Canonical::new("senim-outcome-v1", prev);
    canonical
        .int(organisation_id)
        .int(appeal.year.0.into())
        .int(appeal.number.0)
        .int(outcome.recorded_at.timestamp())
        .int(outcome.recorded_by.0)
        .text(&outcome.text);
    canonical.finish()
}

/// Where a chain first stops holding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainBreak {
    /// The entry with this number does not match its seal: its row was changed.
    Altered { number: JournalNumber },
    /// The entry does not follow the one before it: an entry was removed or reordered.
    Unlinked { number: JournalNumber },
    /// Numbering skips from the previous number to this one.
    Gap { number: JournalNumber },
    /// The counter says more entries were registered than the journal holds.
    Truncated { last_registered: JournalNumber },
    /// The counter's number or chain head does not match the journal's last entry.
    CounterMismatch { last_entry: JournalNumber },
    /// The journal has entries but its counter is gone.
    CounterMissing,
}

/// What the counter of a chain says: the last number handed out and the chain's head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainCounter {
    pub last_number: JournalNumber,
    pub head: EntryHash,
}

/// One stored entry as read back: its number, the seals stored beside it, and the hash
/// recomputed from its stored columns (`None` when a column could not even be read).
pub struct StoredLink {
    pub number: JournalNumber,
    pub stored_prev: EntryHash,
    pub stored_hash: EntryHash,
    pub recomputed: Option<EntryHash>,
}

/// Checks one chain, entries in number order, against its counter.
pub fn verify_year(
    links: impl IntoIterator<Item = StoredLink>,
    counter: Option<ChainCounter>,
) -> Result<usize, ChainBreak> {
    let mut expected_prev = EntryHash::GENESIS;
    let mut last_number = None;
    let mut count = 0;
    for link in links {
        if link.number != JournalNumber::after(last_number) {
            return Err(ChainBreak::Gap { number: link.number });
        }
        if link.recomputed != Some(link.stored_hash) {
            return Err(ChainBreak::Altered { number: link.number });
        }
        if link.stored_prev != expected_prev {
            return Err(ChainBreak::Unlinked { number: link.number });
        }
        expected_prev = link.stored_hash;
        last_number = Some(link.number);
        count += 1;
    }
    match (counter, last_number) {
        (None, None) => Ok(0),
        (None, Some(_)) => Err(ChainBreak::CounterMissing),
        (Some(counter), last) if Some(counter.last_number) > last => Err(ChainBreak::Truncated {
            last_registered: counter.last_number,
        }),
        (Some(counter), Some(last)) if counter.last_number != last || counter.head != expected_prev => {
            Err(ChainBreak::CounterMismatch { last_entry: last })
        }
        _ => Ok(count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::appeal::{AppealContent, AppealId, Applicant, Category, Channel};
    use crate::organisation::OrganisationId;
    use crate::staff::UserId;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn numbering_restarts_on_new_year_in_kazakhstan_not_in_utc() {
        // 2025-01-01 00:10 in Almaty is still 2024 in UTC.
        assert_eq!(
            JournalYear::of_registration(utc(2024, 12, 31, 19, 10)),
            JournalYear(2025)
        );
        assert_eq!(
            JournalYear::of_registration(utc(2024, 12, 31, 18, 50)),
            JournalYear(2024)
        );
        assert_eq!(JournalNumber::after(None), JournalNumber(1));
        assert_eq!(JournalNumber::after(Some(JournalNumber(41))), JournalNumber(42));
    }

    fn appeal(number: i64, summary: &str) -> Appeal {
        let at = utc(2025, 2, 3, 5, 0);
        let content = AppealContent::new(
            Channel::BoxLetter,
            at,
            true,
            Applicant::default(),
            summary,
            Category::of(crate::appeal::Topic::PeerRelationships),
            at,
        )
        .unwrap();
        Appeal {
            id: AppealId(number),
            organisation_id: OrganisationId(1),
            year: JournalYear(2025),
            number: JournalNumber(number),
            registered_at: at,
            registered_by: UserId(1),
            content,
            correction: None,
            prev_hash: EntryHash::GENESIS,
            entry_hash: EntryHash::GENESIS,
        }
    }

    /// Seals `summaries` into a chain and returns the links as storage would hold them.
    fn sealed(summaries: &[&str]) -> Vec<(Appeal, StoredLink)> {
        let mut prev = EntryHash::GENESIS;
        let mut chain = Vec::new();
        for (i, summary) in summaries.iter().enumerate() {
            let mut entry = appeal(i as i64 + 1, summary);
            entry.prev_hash = prev;
            entry.entry_hash = entry_hash(prev, &entry, None);
            prev = entry.entry_hash;
            let link = StoredLink {
                number: entry.number,
                stored_prev: entry.prev_hash,
                stored_hash: entry.entry_hash,
                recomputed: Some(entry.entry_hash),
            };
            chain.push((entry, link));
        }
        chain
    }

    /// The counter as registration left it after `chain`.
    fn counter_of(chain: &[(Appeal, StoredLink)]) -> ChainCounter {
        let (last, _) = chain.last().unwrap();
        ChainCounter {
            last_number: last.number,
            head: last.entry_hash,
        }
    }

    fn recheck(chain: Vec<(Appeal, StoredLink)>, counter: ChainCounter) -> Result<usize, ChainBreak> {
        let links = chain.into_iter().map(|(entry, link)| StoredLink {
            recomputed: Some(entry_hash(link.stored_prev, &entry, None)),
            ..link
        });
        verify_year(links, Some(counter))
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        assert_eq!(recheck(chain, counter), Ok(3));
        assert_eq!(verify_year(Vec::new(), None), Ok(0));
    }

    fn rewritten(entry: &Appeal, summary: &str) -> AppealContent {
        AppealContent::from_storage(
            Channel::BoxLetter,
            entry.content.received_at(),
            true,
            Applicant::default(),
            summary.into(),
            Category::of(crate::appeal::Topic::PeerRelationships),
        )
    }

    #[test]
    fn a_changed_summary_is_found_at_its_entry() {
        let mut chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        chain[1].0.content = rewritten(&chain[1].0, "changed");
        assert_eq!(
            recheck(chain, counter),
            Err(ChainBreak::Altered {
                number: JournalNumber(2)
            })
        );
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        chain.remove(2);
        assert_eq!(
            recheck(chain, counter),
            Err(ChainBreak::Truncated {
                last_registered: JournalNumber(3)
            })
        );
        let mut chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        chain.remove(1);
        assert_eq!(
            recheck(chain, counter),
            Err(ChainBreak::Gap {
                number: JournalNumber(3)
            })
        );
    }

    #[test]
    fn a_removed_last_entry_is_found_even_when_the_counter_is_wound_back() {
        let mut chain = sealed(&["a", "b", "c"]);
        let head = counter_of(&chain).head;
        chain.remove(2);
        let wound_back = ChainCounter {
            last_number: JournalNumber(2),
            head,
        };
        assert_eq!(
            recheck(chain, wound_back),
            Err(ChainBreak::CounterMismatch {
                last_entry: JournalNumber(2)
            })
        );
        let chain = sealed(&["a"]);
        let links: Vec<StoredLink> = chain.into_iter().map(|(_, link)| link).collect();
        assert_eq!(verify_year(links, None), Err(ChainBreak::CounterMissing));
    }

    #[test]
    fn an_entry_resealed_without_its_successors_breaks_the_link() {
        let mut chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        // Someone rewrites entry 2 and recomputes its own seal, but cannot fix entry 3's link.
        chain[1].0.content = rewritten(&chain[1].0, "forged");
        chain[1].1.stored_hash = entry_hash(chain[1].1.stored_prev, &chain[1].0, None);
        assert_eq!(
            recheck(chain, counter),
            Err(ChainBreak::Unlinked {
                number: JournalNumber(3)
            })
        );
    }

    #[test]
    fn an_unreadable_row_counts_as_altered() {
        let chain = sealed(&["a"]);
        let counter = counter_of(&chain);
        let mut links: Vec<StoredLink> = chain.into_iter().map(|(_, link)| link).collect();
        links[0].recomputed = None;
        assert_eq!(
            verify_year(links, Some(counter)),
            Err(ChainBreak::Altered {
                number: JournalNumber(1)
            })
        );
    }

    #[test]
    fn links_to_other_entries_are_sealed_by_year_and_number() {
        let mut entry = appeal(2, "b");
        entry.correction = Some(crate::appeal::Correction::new(AppealId(1), "арнасы қате").unwrap());
        let first = EntryRef {
            year: JournalYear(2025),
            number: JournalNumber(1),
        };
        let other = EntryRef {
            year: JournalYear(2024),
            number: JournalNumber(1),
        };
        assert_ne!(
            entry_hash(EntryHash::GENESIS, &entry, Some(first)),
            entry_hash(EntryHash::GENESIS, &entry, Some(other))
        );
        let outcome = Outcome::new(AppealId(1), "шешілді", utc(2025, 2, 4, 5, 0), UserId(1)).unwrap();
        assert_ne!(
            outcome_hash(EntryHash::GENESIS, 1, first, &outcome),
            outcome_hash(EntryHash::GENESIS, 1, other, &outcome)
        );
    }
}
