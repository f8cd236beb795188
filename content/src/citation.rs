//! How readers see a source: a short citation ("Angelo, War on the Rocks, Feb 2024") that opens
//! the full entry ("Paul J. Angelo, “A ‘Plan Ecuador’ is Needed…”. War on the Rocks, February
//! 2024."). Plain functions of a language, testable without a browser. Never an internal key or
//! a file name.

use crate::date::Point;
use crate::lang::Lang;
use crate::model::Source;
use crate::strings::Strings;

/// "Angelo, War on the Rocks, Feb 2024"; "Berg and Bledsoe, CSIS, 2024"; "El Universo, s. f.".
pub fn short_citation(source: &Source, strings: &Strings, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let surnames: Vec<&str> = source.authors.iter().map(|a| surname(a)).collect();
    match surnames.as_slice() {
        [] => {}
        [one] => parts.push((*one).to_string()),
        [a, b] => parts.push(format!("{a} {} {b}", strings.label_and.get(lang))),
        [first, ..] => parts.push(format!("{first} et al.")),
    }
    match (&source.publisher_short, &source.publisher) {
        (Some(short), _) => parts.push(short.to_string()),
        (None, Some(publisher)) => parts.push(publisher.to_string()),
        (None, None) if surnames.is_empty() => parts.push(what(source, lang, 48)),
        (None, None) => {}
    }
    parts.push(match &source.date {
        Some(date) => {
            let months = strings.months.get(lang);
            match date.start {
                Point::Year(year) => year.to_string(),
                Point::Month(year, month) | Point::Day(year, month, _) => {
                    let name = months
                        .get(usize::from(month) - 1)
                        .map_or("", |m| m.as_ref());
                    format!("{} {year}", name.chars().take(3).collect::<String>())
                }
            }
        }
        None => strings.label_undated.get(lang).to_string(),
    });
    parts.join(", ")
}

/// The full entry: authors, “Title” (or the description, unquoted), publisher, date, and "No
/// public copy found." where there is no address.
pub fn full_citation(source: &Source, strings: &Strings, lang: Lang) -> String {
    let mut out = String::new();
    if !source.authors.is_empty() {
        out.push_str(&join_names(&source.authors, strings.label_and.get(lang)));
        out.push_str(", ");
    }
    match &source.title {
        Some(title) => {
            out.push('“');
            out.push_str(title);
            out.push_str("”. ");
        }
        None => {
            out.push_str(&what(source, lang, usize::MAX));
            out.push_str(". ");
        }
    }
    if let Some(publisher) = &source.publisher {
        out.push_str(publisher);
        out.push_str(", ");
    }
    match &source.date {
        Some(date) => {
            if source.date_approximate {
                out.push_str(strings.label_approximate.get(lang));
                out.push(' ');
            }
            out.push_str(&crate::format::date(date, strings, lang));
        }
        None => out.push_str(strings.label_undated.get(lang)),
    }
    out.push('.');
    if source.url.is_none() {
        out.push(' ');
        out.push_str(strings.label_no_public_copy.get(lang));
    }
    out
}

/// The title, else the description, shortened to `max` characters.
fn what(source: &Source, lang: Lang, max: usize) -> String {
    let text = match (&source.title, &source.description) {
        (Some(title), _) => title.to_string(),
        (None, Some(description)) => description.get(lang).trim_end_matches('.').to_string(),
        (None, None) => String::new(),
    };
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The family name as a citation shows it: the last word of the name ("Paul J. Angelo" →
/// "Angelo").
fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// "A", "A and B", "A, B and C" ("y" in Spanish).
fn join_names(names: &[crate::lang::Str], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|n| n.as_ref()).collect();
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::lang::Text;
    use crate::model::{Checked, SourceId, SourceKind};
    use crate::DateSpec;

    fn strings() -> Strings {
        let text = |en: &'static str, es: &'static str| Text {
            en: Cow::Borrowed(en),
            es: Cow::Borrowed(es),
        };
        let mut strings = Strings {
            label_and: text("and", "y"),
            label_undated: text("undated", "sin fecha"),
            label_approximate: text("about", "aprox."),
            label_no_public_copy: text("No public copy found.", "No se halló una copia pública."),
            ..Strings::default()
        };
        let months = |names: [&'static str; 12]| -> Cow<'static, [Cow<'static, str>]> {
            names
                .iter()
                .map(|m| Cow::Borrowed(*m))
                .collect::<Vec<_>>()
                .into()
        };
        strings.months.en = months(crate::date::MONTHS_EN);
        strings.months.es = months([
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]);
        strings
    }

    fn source(authors: &[&'static str], publisher: Option<&'static str>) -> Source {
        Source {
            id: SourceId(Cow::Borrowed("s")),
            kind: SourceKind::External,
            reference: Cow::Borrowed("004_1519c7f3fb1f70c6.txt"),
            publisher: publisher.map(Cow::Borrowed),
            publisher_short: None,
            authors: authors
                .iter()
                .map(|a| Cow::Borrowed(*a))
                .collect::<Vec<_>>()
                .into(),
            title: Some(Cow::Borrowed("A “Plan Ecuador” is Needed")),
            description: None,
            date: Some(DateSpec::parse("2024-02").unwrap()),
            date_approximate: false,
            url: Some(Cow::Borrowed("https://warontherocks.com/2024/02/x/")),
            checked: Checked::Read,
            note: None,
        }
    }

    // Readers must see who, where and when: never a key or a file name.
    #[test]
    fn short_citations_name_author_publisher_and_date() {
        let s = strings();
        let angelo = source(&["Paul J. Angelo"], Some("War on the Rocks"));
        assert_eq!(
            short_citation(&angelo, &s, Lang::En),
            "Angelo, War on the Rocks, Feb 2024"
        );
        assert_eq!(
            short_citation(&angelo, &s, Lang::Es),
            "Angelo, War on the Rocks, feb 2024"
        );
        let mut csis = source(
            &["Ryan C. Berg", "Rubi Bledsoe"],
            Some("Center for Strategic and International Studies (CSIS)"),
        );
        csis.publisher_short = Some(Cow::Borrowed("CSIS"));
        csis.date = Some(DateSpec::parse("2024").unwrap());
        assert_eq!(
            short_citation(&csis, &s, Lang::Es),
            "Berg y Bledsoe, CSIS, 2024"
        );
        let mut three = source(&["A One", "B Two", "C Three"], Some("Outlet"));
        three.date = None;
        assert_eq!(
            short_citation(&three, &s, Lang::En),
            "One et al., Outlet, undated"
        );
        assert!(!short_citation(&angelo, &s, Lang::En).contains("004_"));
    }

    // A description is not a title: no quotation marks, and a missing address is said plainly.
    #[test]
    fn full_citations_quote_titles_only_and_say_when_no_copy_exists() {
        let s = strings();
        let angelo = source(&["Paul J. Angelo"], Some("War on the Rocks"));
        assert_eq!(
            full_citation(&angelo, &s, Lang::En),
            "Paul J. Angelo, “A “Plan Ecuador” is Needed”. War on the Rocks, February 2024."
        );
        let mut lost = source(&["Ana Pérez", "Luis Díaz", "Eva Mora"], None);
        lost.title = None;
        lost.description = Some(Text {
            en: Cow::Borrowed("Report on a prison riot."),
            es: Cow::Borrowed("Nota sobre un motín."),
        });
        lost.url = None;
        lost.checked = Checked::None;
        assert_eq!(
            full_citation(&lost, &s, Lang::Es),
            "Ana Pérez, Luis Díaz y Eva Mora, Nota sobre un motín. febrero de 2024. No se halló una copia pública."
        );
        assert_eq!(
            short_citation(&lost, &s, Lang::En),
            "Pérez et al., Feb 2024"
        );
    }
}
