//! What every page shows around its content: the language, the signed-in person's name and
//! menu, the language switch, and the CSRF token its forms carry.

pub mod commission;
pub mod forwarding;
pub mod watch;

use senim_domain::{AppealError, Category, Channel, Position, Topic};
use senim_i18n::{Arg, Lang};

use crate::context::Context;

pub use senim_app::wording::positions_text;

pub struct Chrome {
    pub lang: Lang,
    pub csrf: String,
    pub user_name: Option<String>,
    pub can_read: bool,
    pub can_register: bool,
    pub can_manage: bool,
    pub can_manage_staff: bool,
    pub can_audit: bool,
    /// Where the language switch returns to.
    pub back: String,
}

impl Chrome {
    pub fn new(context: &Context, back: &str) -> Chrome {
        let permissions = context.user().map(|user| user.permissions()).unwrap_or_default();
        Chrome {
            lang: context.lang,
            csrf: context.csrf.clone(),
            user_name: context.user().map(|user| user.full_name.clone()),
            can_read: permissions.read_appeals,
            can_register: permissions.register_appeals,
            can_manage: permissions.manage_accounts,
            can_manage_staff: permissions.manage_staff,
            can_audit: permissions.read_audit,
            back: back.to_owned(),
        }
    }

    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Lang::ALL
            .into_iter()
            .map(|lang| (lang.code(), lang.native_name(), lang == self.lang))
            .collect()
    }
}

/// A choice in a `<select>`: value, label, selected.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub fn channel_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    Channel::ALL
        .into_iter()
        .map(|channel| Choice {
            value: channel.code().to_owned(),
            label: lang.t(channel.message_id()),
            selected: channel.code() == selected,
        })
        .collect()
}

/// The categories as `<optgroup>`s: each topic, then the topic alone and its sub-categories.
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

pub fn category_choices(lang: Lang, selected: &str) -> Vec<ChoiceGroup> {
    Topic::ALL
        .into_iter()
        .map(|topic| {
            let whole = Category::of(topic);
            let choices = std::iter::once(whole)
                .chain(
                    topic
                        .subcategories()
                        .iter()
                        .filter_map(|sub| Category::with_sub(topic, sub).ok()),
                )
                .map(|category| Choice {
                    value: category.code(),
                    label: if category.sub().is_some() {
                        lang.t(&category.message_id())
                    } else {
                        lang.t_args(
                            "category-topic-only",
                            &[("topic", lang.t(&whole.message_id()).into())],
                        )
                    },
                    selected: category.code() == selected,
                })
                .collect();
            ChoiceGroup {
                label: lang.t(&whole.message_id()),
                choices,
            }
        })
        .collect()
}

pub use senim_app::wording::category_name;

pub fn position_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    Position::ALL
        .into_iter()
        .map(|position| Choice {
            value: position.code().to_owned(),
            label: lang.t(position.message_id()),
            selected: position.code() == selected,
        })
        .collect()
}

pub fn language_choices(selected: &str) -> Vec<Choice> {
    Lang::ALL
        .into_iter()
        .map(|lang| Choice {
            value: lang.code().to_owned(),
            label: lang.native_name().to_owned(),
            selected: lang.code() == selected,
        })
        .collect()
}

/// The journal's column letters as the regulation names them (а–е in Kazakh and Russian).
pub fn column_letters(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["a", "b", "c", "d", "e", "f"],
        Lang::Kk | Lang::Ru => ["а", "б", "в", "г", "д", "е"],
    }
}

/// An appeal's refused field in words.
pub fn appeal_error_message(error: AppealError, lang: Lang) -> String {
    match error {
        AppealError::TooLong { limit, .. } => {
            lang.t_args(error.message_id(), &[("limit", Arg::Number(limit as i64))])
        }
        error => lang.t(error.message_id()),
    }
}
