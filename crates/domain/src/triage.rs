//! Urgent-risk triage: a lexicon of terms per category and language, matched on word stems
//! after normalisation, so that a text speaking of suicide, self-harm, sexual abuse or
//! violence is put in front of a person at once with the matched words shown.
//!
//! The matching contract is the lexicon file's (`data/triage-lexicon.toml`): lowercase, ё→е,
//! punctuation to spaces; a second pass with Kazakh letters folded to their Russian
//! look-alikes (and Latin typing transliterated), in the text and in the terms; a piece ending
//! in `*` matches tokens starting with it; the pieces of a term match in order with at most
//! `max_gap` tokens between; a hit overlapping an exclusion of its category is dropped.
//! Negation is deliberately not handled: a false alarm costs a minute, a miss can cost a life.

use serde::{Deserialize, Serialize};

/// The lexicon shipped with Senim.
pub const EMBEDDED: &str = include_str!("../data/triage-lexicon.toml");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    High,
    Medium,
}

impl Severity {
    /// Critical and high hits make an appeal urgent; medium ones are shown, not alarmed.
    pub fn is_urgent(self) -> bool {
        matches!(self, Severity::Critical | Severity::High)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Exact(String),
    Prefix(String),
    /// A word class of the lexicon (`@name`): any of its words.
    AnyOf(Vec<Piece>),
}

impl Piece {
    fn matches(&self, token: &str) -> bool {
        match self {
            Piece::Exact(piece) => token == piece,
            Piece::Prefix(piece) => token.starts_with(piece.as_str()),
            Piece::AnyOf(pieces) => pieces.iter().any(|piece| piece.matches(token)),
        }
    }

    /// A word as the lexicon writes it: `stem*` or a whole word.
    fn word(word: &str, fold: bool) -> Piece {
        let word = if fold { fold_word(word) } else { word.to_owned() };
        match word.strip_suffix('*') {
            Some(stem) => Piece::Prefix(stem.to_owned()),
            None => Piece::Exact(word),
        }
    }
}

/// The word classes of one language (`[class.kk]`): a name and its words, as written.
type Classes = std::collections::BTreeMap<String, Vec<String>>;

/// A term in two spellings: as written, and folded to Russian look-alikes. English terms
/// have no folded spelling: transliterated, «drug*» would meet «другую».
#[derive(Clone, Debug, PartialEq, Eq)]
struct Term {
    text: String,
    plain: Vec<Piece>,
    folded: Vec<Piece>,
}

impl Term {
    /// A term of the lexicon; `@name` stands for any word of the language's class `name`.
    fn new(text: &str, foldable: bool, classes: &Classes) -> Result<Option<Term>, LexiconError> {
        let pieces = |fold: bool| -> Result<Vec<Piece>, LexiconError> {
            let mut pieces = Vec::new();
            for written in text.split_whitespace() {
                if let Some(name) = written.strip_prefix('@') {
                    let words = classes
                        .get(name)
                        .ok_or_else(|| LexiconError::UnknownClass(name.to_owned()))?;
                    let mut any = Vec::new();
                    for word in words {
                        let normalised = normalise(word);
                        let [word] = normalised.split_whitespace().collect::<Vec<_>>()[..] else {
                            return Err(LexiconError::ClassWord(name.to_owned(), word.clone()));
                        };
                        any.push(Piece::word(word, fold));
                    }
                    pieces.push(Piece::AnyOf(any));
                } else {
                    pieces.extend(
                        normalise(written)
                            .split_whitespace()
                            .map(|word| Piece::word(word, fold)),
                    );
                }
            }
            Ok(pieces)
        };
        let plain = pieces(false)?;
        if plain.is_empty() {
            return Ok(None);
        }
        Ok(Some(Term {
            text: text.trim().to_owned(),
            plain,
            folded: if foldable { pieces(true)? } else { Vec::new() },
        }))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Category {
    id: String,
    severity: Severity,
    terms: Vec<Term>,
    exclude: Vec<Term>,
    /// (language, sentence that must flag this category)
    positive: Vec<(String, String)>,
    /// (language, sentence that must not flag this category)
    negative: Vec<(String, String)>,
}

/// The lexicon in force: the embedded file and whatever an administrator added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lexicon {
    max_gap: usize,
    categories: Vec<Category>,
}

/// One matched term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub category: String,
    pub severity: Severity,
    /// The lexicon's term.
    pub term: String,
    /// Where it stands in the text (byte offsets), for highlighting.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LexiconError {
    #[error("the lexicon is not valid TOML in Senim's lexicon format: {0}")]
    Format(String),
    #[error("the lexicon has schema {0}; Senim reads schema 1")]
    Schema(i64),
    #[error("the lexicon names a word class @{0} its language does not define")]
    UnknownClass(String),
    #[error("the word class @{0} has «{1}», which is not one word")]
    ClassWord(String, String),
}

#[derive(Deserialize)]
struct FileFormat {
    schema: i64,
    #[serde(default = "default_gap")]
    max_gap: usize,
    #[serde(default)]
    category: Vec<CategoryFormat>,
    /// Word classes per language: `[class.kk] beat = ["ұр*", "соқ*"]`, named in terms as `@beat`.
    #[serde(default)]
    class: std::collections::BTreeMap<String, Classes>,
}

fn default_gap() -> usize {
    2
}

#[derive(Deserialize)]
struct CategoryFormat {
    id: String,
    severity: Option<Severity>,
    #[serde(flatten)]
    languages: std::collections::BTreeMap<String, toml::Value>,
}

#[derive(Deserialize, Default)]
struct LanguageFormat {
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    positive: Vec<String>,
    #[serde(default)]
    negative: Vec<String>,
}

/// Lowercase, ё→е, every character that is not a letter, a digit or `*` to a space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() || c == '*' {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out
}

/// Kazakh letters as their Russian look-alikes, and Latin typing as Cyrillic, so that
/// «олгим келеди» and «olgim keledi» meet «өлгім келеді».
fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let pair: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let digraph = match pair.as_str() {
            "sh" => Some('ш'),
            "ch" => Some('ч'),
            "zh" => Some('ж'),
            "ya" => Some('я'),
            "yu" => Some('ю'),
            "kh" => Some('х'),
            "ts" => Some('ц'),
            _ => None,
        };
        if let Some(c) = digraph {
            out.push(c);
            i += 2;
            continue;
        }
        let c = match chars[i] {
            'ә' | 'ä' | 'a' => 'а',
            'ғ' | 'ğ' | 'g' => 'г',
            'қ' | 'q' | 'k' => 'к',
            'ң' | 'ñ' | 'n' => 'н',
            'ө' | 'ö' | 'o' => 'о',
            'ұ' | 'ү' | 'ü' | 'ū' | 'u' | 'w' => 'у',
            'һ' | 'h' => 'х',
            'і' | 'ı' | 'i' | 'й' => 'и',
            'b' => 'б',
            'c' | 's' => 'с',
            'd' => 'д',
            'e' => 'е',
            'f' => 'ф',
            'j' => 'ж',
            'l' => 'л',
            'm' => 'м',
            'p' => 'п',
            'r' => 'р',
            'ş' => 'ш',
            't' => 'т',
            'v' => 'в',
            'y' => 'ы',
            'z' => 'з',
            other => other,
        };
        out.push(c);
        i += 1;
    }
    out
}

/// A word of the text: where it stands, as written (normalised) and folded.
struct Token {
    plain: String,
    folded: String,
    start: usize,
    end: usize,
}

fn tokenise(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric();
        match (start, in_word) {
            (None, true) => start = Some(index),
            (Some(from), false) => {
                let word = &text[from..index];
                let plain = normalise(word).trim().to_owned();
                tokens.push(Token {
                    folded: fold_word(&plain),
                    plain,
                    start: from,
                    end: index,
                });
                start = None;
            }
            _ => {}
        }
    }
    tokens
}

fn word(token: &Token, folded: bool) -> &str {
    if folded { &token.folded } else { &token.plain }
}

/// The last token of a match of `pieces` that continues after token `at`, if any.
fn extend(tokens: &[Token], pieces: &[Piece], at: usize, folded: bool, max_gap: usize) -> Option<usize> {
    let Some((piece, rest)) = pieces.split_first() else {
        return Some(at);
    };
    (at + 1..tokens.len().min(at + 2 + max_gap))
        .filter(|next| piece.matches(word(&tokens[*next], folded)))
        .find_map(|next| extend(tokens, rest, next, folded, max_gap))
}

/// The token ranges where `term` matches, in one spelling.
fn spans(tokens: &[Token], pieces: &[Piece], folded: bool, max_gap: usize) -> Vec<(usize, usize)> {
    let Some((first, rest)) = pieces.split_first() else {
        return Vec::new();
    };
    (0..tokens.len())
        .filter(|start| first.matches(word(&tokens[*start], folded)))
        .filter_map(|start| extend(tokens, rest, start, folded, max_gap).map(|end| (start, end)))
        .collect()
}

impl Lexicon {
    pub fn embedded() -> Lexicon {
        Lexicon::parse(EMBEDDED).expect("the embedded lexicon is valid; a test checks it")
    }

    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let file: FileFormat =
            toml::from_str(text).map_err(|error| LexiconError::Format(error.message().to_owned()))?;
        if file.schema != 1 {
            return Err(LexiconError::Schema(file.schema));
        }
        let mut categories = Vec::new();
        for category in file.category {
            let mut parsed = Category {
                id: category.id,
                severity: category.severity.unwrap_or(Severity::High),
                terms: Vec::new(),
                exclude: Vec::new(),
                positive: Vec::new(),
                negative: Vec::new(),
            };
            for (language, value) in category.languages {
                let Ok(words) = value.try_into::<LanguageFormat>() else {
                    continue;
                };
                let classes = file.class.get(&language).cloned().unwrap_or_default();
                let foldable = language != "en";
                for term in &words.terms {
                    parsed.terms.extend(Term::new(term, foldable, &classes)?);
                }
                for term in &words.exclude {
                    parsed.exclude.extend(Term::new(term, foldable, &classes)?);
                }
                parsed
                    .positive
                    .extend(words.positive.into_iter().map(|s| (language.clone(), s)));
                parsed
                    .negative
                    .extend(words.negative.into_iter().map(|s| (language.clone(), s)));
            }
            categories.push(parsed);
        }
        Ok(Lexicon {
            max_gap: file.max_gap,
            categories,
        })
    }

    /// This lexicon with the terms of `more` added (an administrator's additions).
    pub fn extended_with(mut self, more: Lexicon) -> Lexicon {
        for added in more.categories {
            match self.categories.iter_mut().find(|c| c.id == added.id) {
                Some(category) => {
                    category.terms.extend(added.terms);
                    category.exclude.extend(added.exclude);
                }
                None => self.categories.push(added),
            }
        }
        self
    }

    /// Every term that matches `text`, once per category and place, most severe first.
    pub fn triage(&self, text: &str) -> Vec<Hit> {
        let tokens = tokenise(text);
        let mut hits: Vec<Hit> = Vec::new();
        for category in &self.categories {
            let excluded: Vec<(usize, usize)> = category
                .exclude
                .iter()
                .flat_map(|term| {
                    let mut found = spans(&tokens, &term.plain, false, self.max_gap);
                    found.extend(spans(&tokens, &term.folded, true, self.max_gap));
                    found
                })
                .collect();
            for term in &category.terms {
                let mut found = spans(&tokens, &term.plain, false, self.max_gap);
                found.extend(spans(&tokens, &term.folded, true, self.max_gap));
                for (first, last) in found {
                    let overlaps = excluded.iter().any(|(from, to)| first <= *to && *from <= last);
                    let (start, end) = (tokens[first].start, tokens[last].end);
                    let known = hits
                        .iter()
                        .any(|hit| hit.category == category.id && hit.start == start && hit.end == end);
                    if !overlaps && !known {
                        hits.push(Hit {
                            category: category.id.clone(),
                            severity: category.severity,
                            term: term.text.clone(),
                            start,
                            end,
                        });
                    }
                }
            }
        }
        hits.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.start.cmp(&b.start)));
        hits
    }

    /// The lexicon's own test sentences: (category, language, sentence, must flag).
    pub fn examples(&self) -> Vec<(&str, &str, &str, bool)> {
        self.categories
            .iter()
            .flat_map(|category| {
                let positive = category
                    .positive
                    .iter()
                    .map(move |(l, s)| (category.id.as_str(), l.as_str(), s.as_str(), true));
                let negative = category
                    .negative
                    .iter()
                    .map(move |(l, s)| (category.id.as_str(), l.as_str(), s.as_str(), false));
                positive.chain(negative)
            })
            .collect()
    }
}

/// Whether any hit makes the text urgent.
pub fn is_urgent(hits: &[Hit]) -> bool {
    hits.iter().any(|hit| hit.severity.is_urgent())
}

/// What the urgent-risk screen decided about a text, before anything is written: the store
/// keeps it in the same transaction as the appeal it belongs to.
#[derive(Clone, PartialEq, Eq)]
pub struct Screening {
    pub hits: Vec<Hit>,
    pub urgent: bool,
}

impl Screening {
    /// Screens an appeal's summary: every hit with its place in the summary.
    pub fn of_summary(lexicon: &Lexicon, summary: &str) -> Screening {
        let hits = lexicon.triage(summary);
        let urgent = is_urgent(&hits);
        Screening { hits, urgent }
    }

    /// Screens a later message of an appeal (a follow-up in the online box). The places belong
    /// to the message, not to the appeal's summary: the words found are kept and the places
    /// dropped, so nothing marks the wrong part of the summary.
    pub fn of_message(lexicon: &Lexicon, message: &str) -> Screening {
        let hits: Vec<Hit> = lexicon
            .triage(message)
            .into_iter()
            .map(|mut hit| {
                if let Some(words) = message.get(hit.start..hit.end) {
                    hit.term = words.to_owned();
                }
                hit.start = 0;
                hit.end = 0;
                hit
            })
            .collect();
        let urgent = is_urgent(&hits);
        Screening { hits, urgent }
    }
}

/// The languages a term is written in.
pub const TERM_LANGUAGES: [&str; 3] = ["kk", "ru", "en"];
/// The longest term a person may add.
pub const MAX_TERM: usize = 80;

/// A term a member of staff adds to a category of the lexicon from a page, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermAddition {
    pub category: String,
    pub language: String,
    pub term: String,
}

/// Why a term cannot be added as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TermError {
    #[error("category: one of the lexicon's categories")]
    UnknownCategory,
    #[error("language: kk, ru or en")]
    UnknownLanguage,
    #[error(
        "term: at least four letters for a single word, three for a phrase, each word at least two before any '*'"
    )]
    TooShort,
    #[error("term: at most {MAX_TERM} characters")]
    TooLong,
    #[error("term: it would flag ordinary messages too")]
    TooCommon,
}

impl TermError {
    pub fn field(self) -> &'static str {
        match self {
            TermError::UnknownCategory => "category",
            TermError::UnknownLanguage => "language",
            TermError::TooShort | TermError::TooLong | TermError::TooCommon => "term",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TermError::UnknownCategory => "unknown_category",
            TermError::UnknownLanguage => "unknown_language",
            TermError::TooShort => "too_short",
            TermError::TooLong => "too_long",
            TermError::TooCommon => "too_common",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            TermError::UnknownCategory => "error-term-category",
            TermError::UnknownLanguage => "error-term-language",
            TermError::TooShort => "error-term-short",
            TermError::TooLong => "error-term-long",
            TermError::TooCommon => "error-term-common",
        }
    }
}

impl Lexicon {
    /// The categories' ids, in the lexicon's order.
    pub fn category_ids(&self) -> Vec<&str> {
        self.categories
            .iter()
            .map(|category| category.id.as_str())
            .collect()
    }

    /// Whether a category's hits make an appeal urgent.
    pub fn is_urgent_category(&self, id: &str) -> bool {
        self.categories
            .iter()
            .any(|category| category.id == id && category.severity.is_urgent())
    }

    /// Checks a term to add to one of this lexicon's categories. A term only adds what is
    /// flagged; so that one typed term cannot flag every message, each of its words keeps at
    /// least two letters before a `*`.
    pub fn term_addition(
        &self,
        category: &str,
        language: &str,
        term: &str,
    ) -> Result<TermAddition, TermError> {
        if !self.categories.iter().any(|known| known.id == category) {
            return Err(TermError::UnknownCategory);
        }
        if !TERM_LANGUAGES.contains(&language) {
            return Err(TermError::UnknownLanguage);
        }
        // `@name` names a word class in the shipped lexicon; typed on a page it is a sign.
        let term = term.replace('@', " ");
        let term = term.trim();
        if term.chars().count() > MAX_TERM {
            return Err(TermError::TooLong);
        }
        let normalised = normalise(term);
        let words: Vec<&str> = normalised.split_whitespace().collect();
        let letters: usize = words
            .iter()
            .map(|word| word.trim_end_matches('*').chars().count())
            .sum();
        if words.is_empty()
            || letters < 3
            || (words.len() == 1 && letters < 4)
            || words.iter().any(|word| {
                let stem = word.trim_end_matches('*');
                stem.chars().count() < 2 || stem.contains('*')
            })
        {
            return Err(TermError::TooShort);
        }
        let addition = TermAddition {
            category: category.to_owned(),
            language: language.to_owned(),
            term: term.to_owned(),
        };
        // A word every message has («және», «что», "the") would flag every school's appeals:
        // a term that alone flags more than two of the measured harmless sentences is refused.
        if harmless_matches(&addition) > MAX_HARMLESS_MATCHES {
            return Err(TermError::TooCommon);
        }
        Ok(addition)
    }
}

/// How many of the evaluation set's harmless sentences a term added from a page may flag.
pub const MAX_HARMLESS_MATCHES: usize = 2;

/// How many of the evaluation set's harmless sentences `addition` alone flags.
fn harmless_matches(addition: &TermAddition) -> usize {
    let (Ok(alone), Ok(set)) = (
        Lexicon::parse(&addition.file()),
        toml::from_str::<EvaluationFile>(EVALUATION_SET),
    ) else {
        return usize::MAX;
    };
    set.sentence
        .iter()
        .filter(|sentence| !sentence.urgent && !alone.triage(&sentence.text).is_empty())
        .count()
}

impl TermAddition {
    /// The addition as a lexicon file of its own, in the format of [`EMBEDDED`].
    pub fn file(&self) -> String {
        // An added term is plain: a `@` (typed before classes existed) names no class.
        format!(
            "schema = 1\n[[category]]\nid = {}\n[category.{}]\nterms = [{}]\n",
            toml::Value::String(self.category.clone()),
            self.language,
            toml::Value::String(self.term.replace('@', " ")),
        )
    }
}

/// A message's words may stand in its hits: `Debug` shows only how many there are.
impl std::fmt::Debug for Screening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Screening")
            .field("hits", &self.hits.len())
            .field("urgent", &self.urgent)
            .finish()
    }
}

/// The labelled sentences Senim measures its screen against (`data/triage-eval.toml`):
/// crisis messages and harmless look-alikes in kk, ru and en, written apart from the lexicon.
pub const EVALUATION_SET: &str = include_str!("../data/triage-eval.toml");

#[derive(Deserialize)]
struct EvaluationFile {
    sentence: Vec<LabelledSentence>,
}

#[derive(Deserialize)]
struct LabelledSentence {
    lang: String,
    urgent: bool,
    text: String,
}

/// Counts of one language (or all): urgent sentences flagged (true positives), urgent ones
/// missed, harmless ones flagged (false alarms), harmless ones left alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    pub flagged_urgent: u32,
    pub missed_urgent: u32,
    pub false_alarms: u32,
    pub left_alone: u32,
}

impl Confusion {
    fn count(&mut self, urgent: bool, flagged: bool) {
        match (urgent, flagged) {
            (true, true) => self.flagged_urgent += 1,
            (true, false) => self.missed_urgent += 1,
            (false, true) => self.false_alarms += 1,
            (false, false) => self.left_alone += 1,
        }
    }

    pub fn sentences(&self) -> u32 {
        self.flagged_urgent + self.missed_urgent + self.false_alarms + self.left_alone
    }

    /// The share of urgent sentences flagged.
    pub fn recall(&self) -> f64 {
        ratio(self.flagged_urgent, self.flagged_urgent + self.missed_urgent)
    }

    /// The share of flagged sentences that were urgent.
    pub fn precision(&self) -> f64 {
        ratio(self.flagged_urgent, self.flagged_urgent + self.false_alarms)
    }
}

fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        1.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// The screen measured on a labelled set: per language and in all, with the development half's
/// sentences it got wrong (for whoever improves the lexicon).
///
/// The set is split in two by position: whoever improves the lexicon looks only at the
/// sentences at odd positions (1st, 3rd, …) — the development half; the sentences at even
/// positions are held out, and their figures are the honest estimate of how the screen does
/// on text nobody tuned it to.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    pub by_language: std::collections::BTreeMap<String, Confusion>,
    pub total: Confusion,
    pub development: Confusion,
    pub held_out: Confusion,
    pub missed: Vec<String>,
    pub false_alarms: Vec<String>,
}

/// Runs the lexicon over a labelled set in the format of [`EVALUATION_SET`].
pub fn evaluate(lexicon: &Lexicon, set: &str) -> Result<Evaluation, LexiconError> {
    let file: EvaluationFile =
        toml::from_str(set).map_err(|error| LexiconError::Format(error.message().to_owned()))?;
    let mut evaluation = Evaluation::default();
    for (index, sentence) in file.sentence.into_iter().enumerate() {
        let flagged = is_urgent(&lexicon.triage(&sentence.text));
        evaluation.total.count(sentence.urgent, flagged);
        if index.is_multiple_of(2) {
            evaluation.development.count(sentence.urgent, flagged);
        } else {
            evaluation.held_out.count(sentence.urgent, flagged);
        }
        evaluation
            .by_language
            .entry(sentence.lang.clone())
            .or_default()
            .count(sentence.urgent, flagged);
        // Only the development half's mistakes are shown: reading the held-out half's would
        // tune the lexicon to it.
        let development = index.is_multiple_of(2);
        match (sentence.urgent, flagged) {
            _ if !development => {}
            (true, false) => evaluation
                .missed
                .push(format!("{}: {}", sentence.lang, sentence.text)),
            (false, true) => evaluation
                .false_alarms
                .push(format!("{}: {}", sentence.lang, sentence.text)),
            _ => {}
        }
    }
    Ok(evaluation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories_of(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let mut ids: Vec<String> = lexicon.triage(text).into_iter().map(|hit| hit.category).collect();
        ids.dedup();
        ids
    }

    #[test]
    fn recall_and_precision_on_the_evaluation_set_hold() {
        let evaluation = evaluate(&Lexicon::embedded(), EVALUATION_SET).unwrap();
        let total = &evaluation.total;
        assert!(total.sentences() >= 674, "{}", total.sentences());
        // The figures of docs/BENCHMARKS.md. A change of the lexicon or of the matching that
        // moves them must move them there too; a fall in recall is a regression.
        let expected = Confusion {
            flagged_urgent: 311,
            missed_urgent: 26,
            false_alarms: 6,
            left_alone: 331,
        };
        assert_eq!(
            total, &expected,
            "missed: {:#?}\nfalse alarms: {:#?}",
            evaluation.missed, evaluation.false_alarms
        );
        // The held-out half, which the lexicon was not improved on.
        let held_out = Confusion {
            flagged_urgent: 142,
            missed_urgent: 26,
            false_alarms: 6,
            left_alone: 163,
        };
        assert_eq!(evaluation.held_out, held_out);
    }

    #[test]
    fn a_term_added_from_a_page_is_checked_and_screens_at_once() {
        let lexicon = Lexicon::embedded();
        assert!(!is_urgent(&lexicon.triage("короче я самоликвидируюсь")));
        assert_eq!(
            lexicon.term_addition("suicide", "ru", "в*"),
            Err(TermError::TooShort),
            "a one-letter stem would flag almost everything"
        );
        assert_eq!(
            lexicon.term_addition("suicide", "ru", " * "),
            Err(TermError::TooShort)
        );
        assert_eq!(
            lexicon.term_addition("weather", "ru", "самоликвид*"),
            Err(TermError::UnknownCategory)
        );
        assert_eq!(
            lexicon.term_addition("suicide", "de", "самоликвид*"),
            Err(TermError::UnknownLanguage)
        );
        assert_eq!(
            lexicon.term_addition("suicide", "ru", "что"),
            Err(TermError::TooShort),
            "a word of three letters is too short on its own"
        );
        for everyday in ["меня", "можно", "about"] {
            assert_eq!(
                lexicon.term_addition("suicide", "ru", everyday),
                Err(TermError::TooCommon),
                "{everyday} would flag every school's appeals"
            );
        }
        let addition = lexicon.term_addition("suicide", "ru", "самоликвид*").unwrap();
        let extended = lexicon.extended_with(Lexicon::parse(&addition.file()).unwrap());
        assert!(is_urgent(&extended.triage("короче я самоликвидируюсь")));
        // Quotes and backslashes stay inside the term.
        let odd = Lexicon::embedded()
            .term_addition("bullying", "kk", "\"мазақ\" \\ts")
            .unwrap();
        assert!(Lexicon::parse(&odd.file()).is_ok(), "{}", odd.file());
    }

    #[test]
    fn the_lexicons_own_sentences_are_flagged_or_left_alone() {
        let lexicon = Lexicon::embedded();
        let examples = lexicon.examples();
        assert!(examples.len() > 60, "{}", examples.len());
        let mut failures = Vec::new();
        for (category, language, sentence, must_flag) in examples {
            let flagged = categories_of(&lexicon, sentence).iter().any(|id| id == category);
            if flagged != must_flag {
                failures.push(format!(
                    "{category}/{language}: {sentence} (expected {must_flag})"
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn suffixes_keyboards_and_spellings_still_match() {
        let lexicon = Lexicon::embedded();
        for text in [
            "өлгім келіп тұр",
            "Мен өлгім келеді",
            "олгим келеди",
            "olgim keledi",
            "Я убью себя",
            "убить себя хочу",
            "покончу с собой",
            "ПОКОНЧУ С СОБОЙ!!!",
            "I want to die",
        ] {
            let hits = lexicon.triage(text);
            assert!(
                hits.iter().any(|hit| hit.category == "suicide"),
                "{text}: {hits:?}"
            );
            assert!(is_urgent(&hits), "{text}");
        }
    }

    #[test]
    fn everyday_words_that_share_letters_are_not_alarms() {
        let lexicon = Lexicon::embedded();
        for text in [
            "Атам былтыр дүниеден озды.",
            "Надо убить время до урока.",
            "Жүрегім қатты соғады, емтиханнан қорқамын.",
            "Асханада тамақ суық.",
            "I'm dying to see the new film.",
            "Кітапханада қазақ тіліндегі кітаптар аз.",
        ] {
            let hits = lexicon.triage(text);
            assert!(!is_urgent(&hits), "{text}: {hits:?}");
        }
        // English terms are not transliterated: «drug*» does not meet «другую».
        let hits = lexicon.triage("Просит перевод в другую комнату, друг поможет.");
        assert!(hits.is_empty(), "{hits:?}");
    }

    #[test]
    fn a_hit_says_where_it_stands_in_the_text() {
        let lexicon = Lexicon::embedded();
        let text = "Сәлем. Мен өлгім келеді, көмектесіңіз.";
        let hit = lexicon
            .triage(text)
            .into_iter()
            .find(|hit| hit.category == "suicide")
            .unwrap();
        assert_eq!(&text[hit.start..hit.end], "өлгім келеді");
    }

    #[test]
    fn an_administrator_adds_regional_words() {
        let added = Lexicon::parse(
            "schema = 1\n[[category]]\nid = \"suicide\"\n[category.ru]\nterms = [\"самоликвидируюсь\"]\n",
        )
        .unwrap();
        let lexicon = Lexicon::embedded().extended_with(added);
        assert!(is_urgent(&lexicon.triage("короче я самоликвидируюсь")));
        assert!(!is_urgent(
            &Lexicon::embedded().triage("короче я самоликвидируюсь")
        ));
        assert_eq!(Lexicon::parse("schema = 3"), Err(LexiconError::Schema(3)));
    }

    #[test]
    fn a_word_class_meets_a_kind_in_every_person_and_order() {
        let file = |terms: &str, class: &str| {
            format!(
                "schema = 1\n[class.kk]\n{class}\n[[category]]\nid = \"physical_violence\"\n[category.kk]\nterms = [{terms}]\n"
            )
        };
        let lexicon = Lexicon::parse(&file(
            "\"@who @beat\"",
            "who = [\"мені\", \"бізді\"]\nbeat = [\"ұрад*\", \"соқты\"]",
        ))
        .unwrap();
        assert!(is_urgent(&lexicon.triage("Әкем бізді кеше соқты.")));
        assert!(is_urgent(&lexicon.triage("Ол мені күнде ұрады.")));
        assert!(
            is_urgent(&lexicon.triage("akem meni uradi")),
            "folded and typed in Latin"
        );
        assert!(
            !is_urgent(&lexicon.triage("Сағат соқты да, мені оятты.")),
            "class words keep their order"
        );
        assert_eq!(
            Lexicon::parse(&file("\"@who @kick\"", "who = [\"мені\"]")),
            Err(LexiconError::UnknownClass("kick".into()))
        );
        assert_eq!(
            Lexicon::parse(&file("\"@who\"", "who = [\"мені ғой\"]")),
            Err(LexiconError::ClassWord("who".into(), "мені ғой".into())),
            "a class word is one word"
        );
        // The shipped lexicon's classes meet the verb of beating in its persons and tenses.
        let embedded = Lexicon::embedded();
        for text in [
            "Өгей әкем інімді белбеумен сабайды.",
            "Ағам мені кеше тепкілеп тастады.",
            "My stepdad is beating my mom right now.",
        ] {
            assert!(is_urgent(&embedded.triage(text)), "{text}");
        }
    }
}
