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
///
/// Written and read as `{ en, es }` (both optional in the data files). The app's data files carry
/// one language each (`crate::wire`): while one is written, [`Text`] writes the other as empty;
/// while a second language's file is read, each text is completed from the first file's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: Str,
    pub es: Str,
}

/// How texts are written and read as a whole file goes by (see [`crate::wire`]).
pub(crate) enum Pass {
    /// As they are.
    Plain,
    /// Writing: only this language; the other is written empty.
    Keep(Lang),
    /// Reading: every text read is kept, in order.
    Record(Vec<Text>),
    /// Reading: each text read takes what it lacks from the next of these.
    Complete(std::vec::IntoIter<Text>, usize),
}

thread_local! {
    static PASS: std::cell::RefCell<Pass> = const { std::cell::RefCell::new(Pass::Plain) };
}

/// Runs `work` with texts written or read as `pass` says, and returns what the pass gathered.
pub(crate) fn with_pass<T>(pass: Pass, work: impl FnOnce() -> T) -> (T, Pass) {
    PASS.with(|p| *p.borrow_mut() = pass);
    let out = work();
    let pass = PASS.with(|p| std::mem::replace(&mut *p.borrow_mut(), Pass::Plain));
    (out, pass)
}

/// The fields as the files spell them.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Text", deny_unknown_fields)]
struct Fields {
    #[serde(default)]
    en: Str,
    #[serde(default)]
    es: Str,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keep = PASS.with(|p| match &*p.borrow() {
            Pass::Keep(lang) => Some(*lang),
            _ => None,
        });
        let field = |lang: Lang, text: &Str| match keep {
            Some(keep) if keep != lang => Str::Borrowed(""),
            _ => text.clone(),
        };
        Fields {
            en: field(Lang::En, &self.en),
            es: field(Lang::Es, &self.es),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        let Fields { en, es } = Fields::deserialize(deserializer)?;
        let mut text = Text { en, es };
        PASS.with(|p| match &mut *p.borrow_mut() {
            Pass::Plain | Pass::Keep(_) => {}
            Pass::Record(texts) => texts.push(text.clone()),
            Pass::Complete(first, missing) => match first.next() {
                Some(first) => {
                    if text.en.is_empty() {
                        text.en = first.en;
                    }
                    if text.es.is_empty() {
                        text.es = first.es;
                    }
                }
                None => *missing += 1,
            },
        });
        Ok(text)
    }
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
