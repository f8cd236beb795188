//! The embedded dataset: `data/*.toml` files, converted to JSON at build time (`build.rs`), read
//! here into typed records and checked. A problem names the file, the record, the field and what
//! is wrong, e.g. ``data/events.toml: event `tc-television-raid`: sources: unknown source `e999` ``.

pub mod date;
pub mod export;
pub mod model;
pub mod strings;
mod validate;

pub use validate::is_kebab_case as is_valid_id;

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use date::{DateSpec, DateStyle, Point, Precision};
pub use model::*;
pub use strings::Strings;

/// One thing wrong with the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The record, as "event `some-id`" or "event #3" when it has no usable id.
    pub record: String,
    /// The field's path inside the record (`title.es`, `sources`), empty for whole-record problems.
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, record: &str, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            record: record.to_string(),
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        for part in [&self.record, &self.field] {
            if !part.is_empty() {
                write!(f, ": {part}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// The JSON text of each data file, for [`Dataset::from_files`] (tests convert the TOML files).
#[derive(Clone, Copy, Debug)]
pub struct Files<'a> {
    pub sources: &'a str,
    pub events: &'a str,
    pub places: &'a str,
    pub policies: &'a str,
    pub routes: &'a str,
    pub indicators: &'a str,
    pub eras: &'a str,
    pub lessons: &'a str,
    pub strings: &'a str,
}

pub const SOURCES_FILE: &str = "data/sources.toml";
pub const EVENTS_FILE: &str = "data/events.toml";
pub const PLACES_FILE: &str = "data/places.toml";
pub const POLICIES_FILE: &str = "data/policies.toml";
pub const ROUTES_FILE: &str = "data/routes.toml";
pub const INDICATORS_FILE: &str = "data/indicators.toml";
pub const ERAS_FILE: &str = "data/eras.toml";
pub const LESSONS_FILE: &str = "data/lessons.toml";
pub const STRINGS_FILE: &str = "data/strings.toml";

/// Everything the explainer shows, checked.
#[derive(Clone, Debug, Default, PartialEq)]
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
    pub strings: Strings,
}

/// The dataset compiled into the app as static values by `build.rs` (from the same `data/`
/// files): nothing to parse at start-up and no parser in the download.
mod compiled {
    #![allow(clippy::all)]
    use std::borrow::Cow;

    use super::strings::*;
    use super::*;
    use crate::i18n::Text;

    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

impl Dataset {
    /// The data compiled into the app. It is unchecked at run time: `cargo test` checks these
    /// very values (see `tests/data_files.rs`), which keeps the checks out of every download.
    pub fn embedded() -> &'static Dataset {
        &compiled::DATASET
    }

    /// Reads and checks data files; returns every problem found, not just the first.
    pub fn from_files(files: &Files<'_>) -> Result<Dataset, Vec<Problem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let sources = parse_root(SOURCES_FILE, files.sources, &["source"], p);
        let events = parse_root(EVENTS_FILE, files.events, &["event"], p);
        let places = parse_root(PLACES_FILE, files.places, &["place"], p);
        let policies = parse_root(
            POLICIES_FILE,
            files.policies,
            &["policy", "dimension", "cell"],
            p,
        );
        let routes = parse_root(ROUTES_FILE, files.routes, &["route"], p);
        let indicators = parse_root(INDICATORS_FILE, files.indicators, &["series"], p);
        let eras = parse_root(ERAS_FILE, files.eras, &["era"], p);
        let lessons = parse_root(LESSONS_FILE, files.lessons, &["lesson"], p);
        let strings = parse_root(STRINGS_FILE, files.strings, &[], p);
        let mut data = Dataset {
            sources: read_records(SOURCES_FILE, &sources, "source", p).into(),
            events: read_records(EVENTS_FILE, &events, "event", p).into(),
            places: read_records(PLACES_FILE, &places, "place", p).into(),
            policies: read_records(POLICIES_FILE, &policies, "policy", p).into(),
            dimensions: read_records(POLICIES_FILE, &policies, "dimension", p).into(),
            cells: read_records(POLICIES_FILE, &policies, "cell", p).into(),
            routes: read_records(ROUTES_FILE, &routes, "route", p).into(),
            series: read_records(INDICATORS_FILE, &indicators, "series", p).into(),
            eras: read_records(ERAS_FILE, &eras, "era", p).into(),
            lessons: read_records(LESSONS_FILE, &lessons, "lesson", p).into(),
            strings: read_table(STRINGS_FILE, &strings, p).unwrap_or_default(),
        };
        data.events
            .to_mut()
            .sort_by(|a, b| a.date.chronological(&b.date));
        validate::check(&data, &strings, &mut problems);
        if problems.is_empty() {
            Ok(data)
        } else {
            Err(problems)
        }
    }

    /// Indices into `events`, oldest first (by the first day each date can mean); events on the
    /// same day keep the file's order.
    pub fn events_in_date_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.events.len()).collect();
        order.sort_by_key(|&i| self.events[i].date.start.first_day());
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

/// Reads the array of records under `key` (`[[event]]` in TOML), one record at a time so that
/// one bad record does not hide the others.
fn read_records<T: DeserializeOwned>(
    file: &str,
    root: &Value,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    if root.is_null() {
        return Vec::new(); // unreadable file, already reported
    }
    let Some(items) = root.get(key).and_then(Value::as_array) else {
        problems.push(Problem::new(
            file,
            "",
            "",
            format!("no `[[{key}]]` records found"),
        ));
        return Vec::new();
    };
    let mut records = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let name = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("{key} `{id}`"),
            None => format!("{key} #{}", index + 1),
        };
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(record) => records.push(record),
            Err(error) => problems.push(Problem::new(
                file,
                &name,
                &field_path(error.path()),
                error.inner().to_string(),
            )),
        }
    }
    records
}

fn read_table<T: DeserializeOwned>(
    file: &str,
    root: &Value,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    if root.is_null() {
        return None;
    }
    match serde_path_to_error::deserialize::<_, T>(root) {
        Ok(table) => Some(table),
        Err(error) => {
            let field = field_path(error.path());
            problems.push(Problem::new(file, "", &field, error.inner().to_string()));
            None
        }
    }
}

fn field_path(path: &serde_path_to_error::Path) -> String {
    let path = path.to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// Parses a file's JSON and reports top-level keys other than `allowed` (an empty list allows
/// any, for files that are one table). Returns `Value::Null` when the file cannot be read.
fn parse_root(file: &str, json: &str, allowed: &[&str], problems: &mut Vec<Problem>) -> Value {
    match serde_json::from_str::<Value>(json) {
        Ok(root) => {
            if let (false, Some(object)) = (allowed.is_empty(), root.as_object()) {
                for key in object.keys().filter(|k| !allowed.contains(&k.as_str())) {
                    let expected = allowed.join("`, `");
                    let message = format!("unknown section `{key}` (expected `{expected}`)");
                    problems.push(Problem::new(file, "", "", message));
                }
            }
            root
        }
        Err(error) => {
            problems.push(Problem::new(
                file,
                "",
                "",
                format!("cannot be read: {error}"),
            ));
            Value::Null
        }
    }
}
