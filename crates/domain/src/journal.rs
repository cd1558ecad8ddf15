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
pub(crate) struct Canonical(Sha256);

impl Canonical {
    pub(crate) fn new(domain: &str, prev: EntryHash) -> Canonical {
        let mut canonical = Canonical(Sha256::new());
        canonical.bytes(domain.as_bytes());
        canonical.bytes(&prev.0);
        canonical
    }
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update((bytes.len() as u64).to_be_bytes());
        self.0.update(bytes);
        self
    }
    pub(crate) fn int(&mut self, value: i64) -> &mut Self {
        self.bytes(&value.to_be_bytes())
    }
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }
    pub(crate) fn finish(self) -> EntryHash {
        EntryHash(self.0.finalize().into())
    }
}

/// Which chain a head belongs to: a school's journal of one year, its outcomes, its audit
/// trail. Sealed into the head's seal, so a seal cannot be moved to another chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainId {
    Journal { organisation_id: i64, year: JournalYear },
    Outcomes { organisation_id: i64 },
    Audit { organisation_id: i64 },
}

impl ChainId {
    fn parts(self) -> (&'static str, i64, i64) {
        match self {
            ChainId::Journal {
                organisation_id,
                year,
            } => ("journal", organisation_id, year.0.into()),
            ChainId::Outcomes { organisation_id } => ("outcomes", organisation_id, 0),
            ChainId::Audit { organisation_id } => ("audit", organisation_id, 0),
        }
    }
}

/// The secret that seals where each chain stands, derived from the server's key file and
/// never stored in the database. Anyone who can write the database can rewrite a row and
/// recompute every hash after it; without this key they cannot seal the new head, so
/// `senim verify` finds the rewrite.
#[derive(Clone)]
pub struct ChainKey([u8; 32]);

impl fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ChainKey(‹secret›)")
    }
}

impl ChainKey {
    pub fn new(secret: [u8; 32]) -> ChainKey {
        ChainKey(secret)
    }

    /// The seal of a chain standing at entry `number` whose hash is `hash` (HMAC-SHA256).
    pub fn seal(&self, chain: ChainId, number: JournalNumber, hash: EntryHash) -> EntryHash {
        let (kind, organisation_id, year) = chain.parts();
        let mut message = Vec::with_capacity(96);
        for part in [
            kind.as_bytes(),
            &organisation_id.to_be_bytes(),
            &year.to_be_bytes(),
            &number.0.to_be_bytes(),
            &hash.0,
        ] {
            message.extend_from_slice(&(part.len() as u64).to_be_bytes());
            message.extend_from_slice(part);
        }
        EntryHash(hmac_sha256(&self.0, b"senim-chain-seal-v1", &message))
    }

    /// The seal of a chain's head as its counter holds it.
    pub fn seal_head(&self, chain: ChainId, counter: &ChainCounter) -> EntryHash {
        self.seal(chain, counter.last_number, counter.head)
    }

    /// The short fingerprint a paper prints of a chain standing at `number`: the first six
    /// bytes of its seal, so only the key's holder can make or check one.
    pub fn fingerprint(&self, chain: ChainId, number: JournalNumber, hash: EntryHash) -> Fingerprint {
        let seal = self.seal(chain, number, hash);
        Fingerprint(seal.0[..6].try_into().expect("a seal has 32 bytes"))
    }
}

/// A chain's short fingerprint, written `A1B2-C3D4-E5F6`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint([u8; 6]);

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = hex::encode_upper(self.0);
        write!(f, "{}-{}-{}", &hex[..4], &hex[4..8], &hex[8..])
    }
}

/// HMAC-SHA256 (RFC 2104) of `domain` and `message` under `key`.
pub fn hmac_sha256(key: &[u8; 32], domain: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let mut inner = Sha256::new();
    inner.update(pad(0x36));
    inner.update(domain);
    inner.update(message);
    let inner: [u8; 32] = inner.finalize().into();
    let mut outer = Sha256::new();
    outer.update(pad(0x5c));
    outer.update(inner);
    outer.finalize().into()
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
    /// Every entry follows the one before it, but the head does not carry the key's seal:
    /// rows were rewritten and their hashes recomputed by someone without the key.
    SealBroken,
}

/// What the counter of a chain says: the last number handed out and the chain's head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainCounter {
    pub last_number: JournalNumber,
    pub head: EntryHash,
    /// The head's seal by the chain key (`None` when the row has none).
    pub seal: Option<EntryHash>,
}

/// One stored entry as read back: its number, the seals stored beside it, and the hash
/// recomputed from its stored columns (`None` when a column could not even be read).
#[derive(Clone)]
pub struct StoredLink {
    pub number: JournalNumber,
    pub stored_prev: EntryHash,
    pub stored_hash: EntryHash,
    pub recomputed: Option<EntryHash>,
}

/// Checks one chain, entries in number order, against its counter and the counter's seal.
pub fn verify_year(
    links: impl IntoIterator<Item = StoredLink>,
    counter: Option<ChainCounter>,
    key: &ChainKey,
    chain: ChainId,
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
        (Some(counter), _) if counter.seal != Some(key.seal_head(chain, &counter)) => {
            Err(ChainBreak::SealBroken)
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
    fn key() -> ChainKey {
        ChainKey::new([7; 32])
    }

    const CHAIN: ChainId = ChainId::Journal {
        organisation_id: 1,
        year: JournalYear(2025),
    };

    fn counter_of(chain: &[(Appeal, StoredLink)]) -> ChainCounter {
        let (last, _) = chain.last().unwrap();
        sealed_counter(last.number, last.entry_hash)
    }

    fn sealed_counter(last_number: JournalNumber, head: EntryHash) -> ChainCounter {
        let mut counter = ChainCounter {
            last_number,
            head,
            seal: None,
        };
        counter.seal = Some(key().seal_head(CHAIN, &counter));
        counter
    }

    fn verify(links: Vec<StoredLink>, counter: Option<ChainCounter>) -> Result<usize, ChainBreak> {
        verify_year(links, counter, &key(), CHAIN)
    }

    fn recheck(chain: Vec<(Appeal, StoredLink)>, counter: ChainCounter) -> Result<usize, ChainBreak> {
        let links = chain
            .into_iter()
            .map(|(entry, link)| StoredLink {
                recomputed: Some(entry_hash(link.stored_prev, &entry, None)),
                ..link
            })
            .collect();
        verify(links, Some(counter))
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        assert_eq!(recheck(chain, counter), Ok(3));
        assert_eq!(verify(Vec::new(), None), Ok(0));
    }

    #[test]
    fn a_chain_rewritten_and_rehashed_without_the_key_is_found_by_its_seal() {
        let mut chain = sealed(&["a", "b", "c"]);
        let counter = counter_of(&chain);
        // A database writer changes entry 2 and recomputes every hash after it, and the head.
        chain[1].0.content = rewritten(&chain[1].0, "forged");
        let mut prev = chain[0].1.stored_hash;
        for (entry, link) in chain.iter_mut().skip(1) {
            link.stored_prev = prev;
            link.stored_hash = entry_hash(prev, entry, None);
            prev = link.stored_hash;
        }
        let forged = ChainCounter {
            head: prev,
            ..counter
        };
        let again = |chain: &Vec<(Appeal, StoredLink)>| chain.to_vec();
        assert_eq!(recheck(again(&chain), forged), Err(ChainBreak::SealBroken));
        // Sealing it needs the key; another key's seal does not hold either.
        let mut other = forged;
        other.seal = Some(ChainKey::new([8; 32]).seal_head(CHAIN, &forged));
        assert_eq!(recheck(again(&chain), other), Err(ChainBreak::SealBroken));
        let unsealed = ChainCounter { seal: None, ..forged };
        assert_eq!(recheck(again(&chain), unsealed), Err(ChainBreak::SealBroken));
        let resealed = sealed_counter(forged.last_number, forged.head);
        assert_eq!(recheck(chain, resealed), Ok(3));
    }

    #[test]
    fn a_seal_belongs_to_its_chain_and_a_fingerprint_reads_in_groups() {
        let counter = sealed_counter(JournalNumber(3), EntryHash([1; 32]));
        let other_year = ChainId::Journal {
            organisation_id: 1,
            year: JournalYear(2024),
        };
        assert_ne!(key().seal_head(other_year, &counter), counter.seal.unwrap());
        assert_ne!(
            key().seal_head(ChainId::Outcomes { organisation_id: 1 }, &counter),
            counter.seal.unwrap()
        );
        let fingerprint = key()
            .fingerprint(CHAIN, JournalNumber(3), EntryHash([1; 32]))
            .to_string();
        assert_eq!(fingerprint.len(), 14);
        assert_eq!(fingerprint.matches('-').count(), 2);
        assert!(
            fingerprint
                .chars()
                .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        );
        assert_ne!(
            fingerprint,
            key()
                .fingerprint(CHAIN, JournalNumber(2), EntryHash([1; 32]))
                .to_string()
        );
    }

    #[test]
    fn hmac_matches_rfc_4231() {
        // RFC 4231 test case 2 has a short key; HMAC pads any key under 64 bytes with zeros,
        // so "Jefe" padded to 32 bytes gives the same MAC.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        assert_eq!(
            hex::encode(hmac_sha256(&key, b"what do ya want ", b"for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
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
        let wound_back = sealed_counter(JournalNumber(2), head);
        assert_eq!(
            recheck(chain, wound_back),
            Err(ChainBreak::CounterMismatch {
                last_entry: JournalNumber(2)
            })
        );
        let chain = sealed(&["a"]);
        let links: Vec<StoredLink> = chain.into_iter().map(|(_, link)| link).collect();
        assert_eq!(verify(links, None), Err(ChainBreak::CounterMissing));
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
            verify(links, Some(counter)),
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
