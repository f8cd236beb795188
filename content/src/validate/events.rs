//! `data/events.toml`: both languages, categories, known places and sources.

use super::{has_duplicates, Known, Report};
use crate::Dataset;

const FILE: &str = "data/events.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for event in data.events.iter() {
        let record = format!("event `{}`", event.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("title"), &event.title);
        out.text(at("summary"), &event.summary);
        for (field, text) in [
            ("note", &event.note),
            ("date_note", &event.date_note),
            ("short", &event.short),
        ] {
            if let Some(text) = text {
                out.text(at(field), text);
            }
        }
        match &event.short {
            None if event.priority == crate::Priority::Core => {
                out.add(at("short"), "a core event needs a short label for the axis");
            }
            Some(short) => {
                for lang in crate::Lang::ALL {
                    let length = short.get(lang).chars().count();
                    if length > crate::Event::SHORT_MAX {
                        out.add(
                            at(&format!("short.{}", lang.code())),
                            format!(
                                "is {length} characters; at most {} fit on the axis",
                                crate::Event::SHORT_MAX
                            ),
                        );
                    }
                }
            }
            None => {}
        }
        if event.categories.is_empty() {
            out.add(at("categories"), "needs at least one category");
        }
        if has_duplicates(&event.categories) {
            out.add(at("categories"), "lists a category twice");
        }
        out.sources(at("sources"), &event.sources, &known.sources);
        for place in event.places.iter() {
            if !known.places.contains(place.as_str()) {
                out.add(at("places"), format!("unknown place `{place}`"));
            }
        }
    }
}
