//! The two languages the explainer speaks, and bilingual text.
//!
//! Every sentence a reader sees comes from `data/` as a [`Text`] with an English and a Spanish
//! version; code picks one with [`Text::get`]. Nothing here holds words of its own.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Text as the dataset holds it: borrowed from the binary in the app (the data is compiled in as
/// static values), owned when read from files in tests.
pub type Str = Cow<'static, str>;

/// A language the explainer is written in. Both are first-class: neither is a translation layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag, as used in `<html lang>` and in links (`?lang=es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses a tag from a link exactly (`en`, `es`); anything else is not a language of ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// Picks the reader's language from a browser preference such as `es-EC` or `en-GB`.
    /// Spanish for any Spanish variant, English otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }
}

/// A piece of text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub en: Str,
    #[serde(default)]
    pub es: Str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }

    /// The languages this text is missing (empty or whitespace only).
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&lang| self.get(lang).trim().is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards against a Spanish-speaking reader in Ecuador being served English by default.
    #[test]
    fn browser_tags_pick_spanish_for_every_spanish_variant() {
        for tag in ["es", "es-EC", "ES-419", "es_MX"] {
            assert_eq!(Lang::from_browser(tag), Lang::Es, "{tag}");
        }
        for tag in ["en-US", "fr", "", "-"] {
            assert_eq!(Lang::from_browser(tag), Lang::En, "{tag}");
        }
    }

    #[test]
    fn codes_round_trip_and_reject_lookalikes() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        for bad in ["EN", "es-EC", "", "e"] {
            assert_eq!(Lang::from_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn missing_reports_blank_languages() {
        let text = Text {
            en: Cow::Borrowed("Hello"),
            es: Cow::Borrowed("  "),
        };
        assert_eq!(text.missing(), vec![Lang::Es]);
    }
}
