//! Dates and numbers as readers of each language write them. Plain functions of a language, so
//! they are tested here without a browser; the views call them with the reader's language.

use crate::date::{DateSpec, DateStyle, Precision};
use crate::lang::{Lang, Text};
use crate::strings::Strings;

/// "13 July 2000" / "13 de julio de 2000", at the precision the date has.
pub fn date(date: &DateSpec, strings: &Strings, lang: Lang) -> String {
    let style = match lang {
        Lang::En => DateStyle::English,
        Lang::Es => DateStyle::Spanish,
    };
    date.format(strings.months.get(lang), style)
}

/// What the precision of a date means, in words ("month known").
pub fn precision<'a>(date: &DateSpec, strings: &'a Strings) -> &'a Text {
    match date.precision() {
        Precision::Day => &strings.precision_day,
        Precision::Month => &strings.precision_month,
        Precision::Year => &strings.precision_year,
        Precision::Range => &strings.precision_range,
    }
}

/// "46.5" / "46,5".
pub fn number(value: f64, lang: Lang) -> String {
    let text = format!("{value}");
    match lang {
        Lang::En => text,
        Lang::Es => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn strings() -> Strings {
        let mut strings = Strings::default();
        strings.months.en = crate::date::MONTHS_EN
            .iter()
            .map(|m| Cow::Borrowed(*m))
            .collect::<Vec<_>>()
            .into();
        strings.months.es = crate::date::MONTHS_EN
            .iter()
            .map(|m| Cow::Owned(m.to_lowercase()))
            .collect::<Vec<_>>()
            .into();
        strings.precision_month = Text {
            en: Cow::Borrowed("month known"),
            es: Cow::Borrowed("mes conocido"),
        };
        strings
    }

    // Readers of Spanish write a decimal comma; a figure must never read as a thousands group.
    #[test]
    fn numbers_use_each_languages_decimal_mark() {
        assert_eq!(number(46.5, Lang::En), "46.5");
        assert_eq!(number(46.5, Lang::Es), "46,5");
        assert_eq!(number(7878.0, Lang::Es), "7878");
    }

    // The precision is part of the fact: "September 1999" is never "1 September 1999".
    #[test]
    fn dates_keep_their_precision_in_both_languages() {
        let s = strings();
        let july = DateSpec::parse("2000-07-13").unwrap();
        assert_eq!(date(&july, &s, Lang::En), "13 July 2000");
        assert!(date(&july, &s, Lang::Es).starts_with("13 de "));
        let month = DateSpec::parse("1999-09").unwrap();
        assert_eq!(date(&month, &s, Lang::En), "September 1999");
        assert_eq!(precision(&month, &s).get(Lang::Es), "mes conocido");
    }
}
