//! `data/ledger.toml`, the fact-check ledger: every number in an event's English summary is
//! backed by a figure that names the event's own source for it and says where that source says
//! so. The next editor re-checks a figure from here.

use std::collections::HashMap;

use super::{Known, Report};
use crate::model::Figure;
use crate::Dataset;

const FILE: &str = "data/ledger.toml";

pub(super) fn check(data: &Dataset, figures: &[Figure], known: &Known<'_>, out: &mut Report<'_>) {
    let mut numbers_by_event: HashMap<&str, Vec<&str>> = HashMap::new();
    for (i, figure) in figures.iter().enumerate() {
        let record = format!("figure #{} (`{}`)", i + 1, figure.event);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        if !known.events.contains(figure.event.as_str()) {
            out.add(at("event"), format!("unknown event `{}`", figure.event));
            continue;
        }
        let Some(event) = data.event(figure.event.as_str()) else {
            continue;
        };
        if !event.summary.en.contains(figure.value.as_ref()) {
            out.add(
                at("value"),
                format!(
                    "`{}` is not written in the event's summary.en",
                    figure.value
                ),
            );
        }
        if figure.sources.is_empty() {
            out.add(at("sources"), "names no source");
        }
        for source in figure.sources.iter() {
            if !event.sources.contains(source) {
                out.add(
                    at("sources"),
                    format!("`{source}` is not one of the event's sources"),
                );
            }
        }
        let says = figure.says.trim();
        if says.is_empty() {
            out.add(at("says"), "is empty: say where the source says it");
        } else if says.to_ascii_uppercase().starts_with("UNVERIFIED") {
            out.add(
                at("says"),
                "marks the figure unverified: support it, or take it out of the summary",
            );
        }
        numbers_by_event
            .entry(event.id.as_str())
            .or_default()
            .extend(numbers(&figure.value));
    }
    for event in data.events.iter() {
        let covered = numbers_by_event.get(event.id.as_str());
        for number in numbers(&event.summary.en) {
            if !covered.is_some_and(|list| list.contains(&number)) {
                let record = format!("event `{}`", event.id);
                out.add(
                    (FILE, &record, String::new()),
                    format!("the figure `{number}` in its summary.en has no [[figure]] saying which source supports it"),
                );
            }
        }
    }
}

/// Every number in a text: maximal runs of digits, with `,` or `.` between digits ("7,878",
/// "7.5", the "60" of "UH-60").
pub(crate) fn numbers(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        out.push(&text[start..i]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn numbers_are_runs_of_digits_with_separators_inside() {
        assert_eq!(
            numbers("$7.5bn: 18 UH-60 and 7,878 homicides, 50%. In 2024."),
            ["7.5", "18", "60", "7,878", "50", "2024"]
        );
        assert_eq!(numbers("no figures, 1."), ["1"]);
        assert!(numbers("none").is_empty());
    }
}
