//! The explainer's content: every record it shows, typed, with the ids, dates and bilingual text
//! they are made of. No Leptos, no browser: the app, `build.rs`, the post-build tool and the tests
//! all use this one crate.
//!
//! With the `load` feature: the one loader that reads `data/*.toml` into a [`Dataset`]
//! ([`load`]), the rules that check it, one module per data file ([`validate`]), the code generator
//! that compiles the map's land into the app ([`codegen`]), and the CSV/JSON downloads
//! ([`export`]). A problem names the file, the record, the field and what is wrong, e.g.
//! ``data/events.toml: event `tc-television-raid`: sources: unknown source `e999` ``.

pub mod citation;
pub mod date;
pub mod format;
pub mod lang;
pub mod model;
pub mod strings;
pub mod wire;

#[cfg(feature = "load")]
pub mod codegen;
#[cfg(feature = "load")]
pub mod export;
#[cfg(feature = "load")]
pub mod load;
#[cfg(feature = "load")]
pub mod validate;

pub use date::{DateSpec, DateStyle, Point, Precision};
pub use lang::{Lang, Str, Text};
pub use model::*;
pub use strings::Strings;

/// Everything the explainer shows.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dataset {
    pub sources: List<Source>,
    /// In chronological order.
    pub events: List<Event>,
    pub places: List<Place>,
    pub policies: List<Policy>,
    pub dimensions: List<Dimension>,
    pub cells: List<Cell>,
    pub routes: List<Route>,
    pub series: List<Series>,
    pub eras: List<Era>,
    pub lessons: List<Lesson>,
    /// The story in brief, above the views.
    pub lede: Lede,
    /// The story mode's steps, in order.
    pub story: List<StoryStep>,
    pub strings: Strings,
}

impl Dataset {
    /// The events, oldest first (by the first day each date can mean); events on the same day
    /// keep the file's order.
    pub fn events_in_date_order(&self) -> Vec<&Event> {
        let mut order: Vec<&Event> = self.events.iter().collect();
        order.sort_by_key(|event| event.date.start.first_day());
        order
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id.as_str() == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id.as_str() == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id.as_str() == id)
    }

    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id.as_str() == id)
    }

    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id.as_str() == id)
    }

    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id.as_str() == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id.as_str() == id)
    }

    pub fn step(&self, id: &str) -> Option<&StoryStep> {
        self.story.iter().find(|s| s.id.as_str() == id)
    }

    /// The events that happened at a place, in chronological order.
    pub fn events_at<'a>(&'a self, place: &'a PlaceId) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |e| e.places.contains(place))
    }

    /// What the sources say about a policy on a dimension.
    pub fn cell(&self, policy: &PolicyId, dimension: &DimensionId) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| &c.policy == policy && &c.dimension == dimension)
    }
}

/// Ids are kebab-case: lowercase ASCII letters and digits joined by single hyphens, at most 64
/// characters (links carry them, so they must be safe in a URL as they are).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        for good in ["guayaquil", "e01b", "plan-colombia", "a-1-b"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "Guayaquil",
            "plan_colombia",
            "-a",
            "a-",
            "a--b",
            "ñ",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
