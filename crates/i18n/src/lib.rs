//! Senim's languages: Kazakh (the default), Russian and English, as Project Fluent messages
//! embedded in the binary. Fluent's Unicode isolation marks are off: the text goes into HTML,
//! documents and e-mail, where they would only show as stray characters.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "kk",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's own name, as the language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Kk => langid!("kk"),
            Lang::Ru => langid!("ru"),
            Lang::En => langid!("en"),
        }
    }

    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(&self.langid(), id)
    }

    /// The message `id` with arguments.
    pub fn t_args(self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.as_str()),
                    Arg::Number(number) => FluentValue::from(*number),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.langid(), id, &args)
    }
}

/// An argument of a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}
impl From<i64> for Arg {
    fn from(number: i64) -> Arg {
        Arg::Number(number)
    }
}

/// The raw Fluent sources of each language (every file of its folder), for checks that every
/// language has every message.
pub fn sources() -> [(Lang, &'static str); 3] {
    [
        (
            Lang::Kk,
            concat!(
                include_str!("../locales/kk/main.ftl"),
                "\n",
                include_str!("../locales/kk/categories.ftl")
            ),
        ),
        (
            Lang::Ru,
            concat!(
                include_str!("../locales/ru/main.ftl"),
                "\n",
                include_str!("../locales/ru/categories.ftl")
            ),
        ),
        (
            Lang::En,
            concat!(
                include_str!("../locales/en/main.ftl"),
                "\n",
                include_str!("../locales/en/categories.ftl")
            ),
        ),
    ]
}

/// The ids of the messages in a Fluent source.
pub fn message_ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_language_has_every_message() {
        let sets: Vec<(Lang, BTreeSet<&str>)> = sources()
            .into_iter()
            .map(|(lang, source)| (lang, message_ids(source).into_iter().collect()))
            .collect();
        let all: BTreeSet<&str> = sets.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
        for (lang, ids) in &sets {
            let missing: Vec<_> = all.difference(ids).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        }
        assert!(all.len() > 50);
    }

    #[test]
    fn no_message_is_defined_twice() {
        for (lang, source) in sources() {
            let ids = message_ids(source);
            let unique: BTreeSet<_> = ids.iter().collect();
            assert_eq!(ids.len(), unique.len(), "{} repeats an id", lang.code());
        }
    }

    #[test]
    fn kazakh_messages_use_no_latin_words() {
        let (_, source) = sources()[0];
        for line in source.lines().filter(|line| !line.starts_with('#')) {
            let text = if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                line.split_once('=').map_or("", |(_, text)| text)
            } else {
                line
            };
            // Placeables `{ $name }` and variant keys `[one]` are code, not words.
            let text: String = strip_brackets(&strip_placeables(text));
            assert!(
                !text.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letters in a Kazakh message: {line}"
            );
        }
    }

    fn strip_brackets(text: &str) -> String {
        let mut inside = false;
        text.chars()
            .filter(|c| {
                match c {
                    '[' => inside = true,
                    ']' => {
                        inside = false;
                        return false;
                    }
                    _ => {}
                }
                !inside
            })
            .collect()
    }

    fn strip_placeables(text: &str) -> String {
        let mut depth = 0;
        text.chars()
            .filter(|c| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0 && *c != '}'
            })
            .collect()
    }

    #[test]
    fn messages_have_no_isolation_marks_and_take_arguments() {
        let text = Lang::Ru.t_args("journal-count", &[("count", Arg::Number(3))]);
        assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'), "{text}");
        assert!(text.contains('3'), "{text}");
        assert_eq!(Lang::Kk.t("app-name"), "Сенім");
    }
}
