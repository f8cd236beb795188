//! The embedded dataset: `data/*.toml` files, converted to JSON at build time (`build.rs`), read
//! here into typed records and checked. A problem names the file, the record, the field and what
//! is wrong, e.g. ``data/events.toml: event `tc-television-raid`: sources: unknown source `e999` ``.

pub mod date;
pub mod model;
pub mod strings;
mod validate;

pub use validate::is_kebab_case as is_valid_id;

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
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

/// The JSON text of each data file (as `build.rs` writes it), with the file name to report.
#[derive(Clone, Copy, Debug)]
pub struct Files<'a> {
    pub sources: &'a str,
    pub events: &'a str,
    pub places: &'a str,
    pub policies: &'a str,
    pub strings: &'a str,
}

impl Files<'static> {
    /// The data compiled into the app.
    pub fn embedded() -> Files<'static> {
        Files {
            sources: include_str!(concat!(env!("OUT_DIR"), "/data/sources.json")),
            events: include_str!(concat!(env!("OUT_DIR"), "/data/events.json")),
            places: include_str!(concat!(env!("OUT_DIR"), "/data/places.json")),
            policies: include_str!(concat!(env!("OUT_DIR"), "/data/policies.json")),
            strings: include_str!(concat!(env!("OUT_DIR"), "/data/strings.json")),
        }
    }
}

pub const SOURCES_FILE: &str = "data/sources.toml";
pub const EVENTS_FILE: &str = "data/events.toml";
pub const PLACES_FILE: &str = "data/places.toml";
pub const POLICIES_FILE: &str = "data/policies.toml";
pub const STRINGS_FILE: &str = "data/strings.toml";

/// Everything the explainer shows, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    /// In chronological order.
    pub events: Vec<Event>,
    pub places: Vec<Place>,
    pub policies: Vec<Policy>,
    pub dimensions: Vec<Dimension>,
    pub cells: Vec<Cell>,
    pub strings: Strings,
}

impl Dataset {
    /// Reads the data compiled into the app, without the checks: `cargo test` has run them on
    /// these very files (see `tests/data_files.rs`), and leaving them out of the app keeps the
    /// checking code, and its precise error paths, out of every reader's download.
    pub fn embedded() -> Result<Dataset, String> {
        Dataset::from_files_unchecked(&Files::embedded())
    }

    /// Reads data files straight into records; the first error ends the reading.
    pub fn from_files_unchecked(files: &Files<'_>) -> Result<Dataset, String> {
        #[derive(Deserialize)]
        struct SourcesFile {
            source: Vec<Source>,
        }
        #[derive(Deserialize)]
        struct EventsFile {
            event: Vec<Event>,
        }
        #[derive(Deserialize)]
        struct PlacesFile {
            place: Vec<Place>,
        }
        #[derive(Deserialize)]
        struct PoliciesFile {
            policy: Vec<Policy>,
            dimension: Vec<Dimension>,
            cell: Vec<Cell>,
        }
        fn parse<T: DeserializeOwned>(file: &str, json: &str) -> Result<T, String> {
            serde_json::from_str(json).map_err(|e| format!("{file}: {e}"))
        }
        let policies: PoliciesFile = parse(POLICIES_FILE, files.policies)?;
        let mut data = Dataset {
            sources: parse::<SourcesFile>(SOURCES_FILE, files.sources)?.source,
            events: parse::<EventsFile>(EVENTS_FILE, files.events)?.event,
            places: parse::<PlacesFile>(PLACES_FILE, files.places)?.place,
            policies: policies.policy,
            dimensions: policies.dimension,
            cells: policies.cell,
            strings: parse(STRINGS_FILE, files.strings)?,
        };
        data.events.sort_by(|a, b| a.date.chronological(&b.date));
        Ok(data)
    }

    /// Reads and checks data files; returns every problem found, not just the first.
    pub fn from_files(files: &Files<'_>) -> Result<Dataset, Vec<Problem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let sources = parse_root(SOURCES_FILE, files.sources, &["source"], p);
        let events = parse_root(EVENTS_FILE, files.events, &["event"], p);
        let places = parse_root(PLACES_FILE, files.places, &["place"], p);
        let policies = parse_root(POLICIES_FILE, files.policies, &["policy", "dimension", "cell"], p);
        let strings = parse_root(STRINGS_FILE, files.strings, &[], p);
        let mut data = Dataset {
            sources: read_records(SOURCES_FILE, &sources, "source", p),
            events: read_records(EVENTS_FILE, &events, "event", p),
            places: read_records(PLACES_FILE, &places, "place", p),
            policies: read_records(POLICIES_FILE, &policies, "policy", p),
            dimensions: read_records(POLICIES_FILE, &policies, "dimension", p),
            cells: read_records(POLICIES_FILE, &policies, "cell", p),
            strings: read_table(STRINGS_FILE, &strings, p).unwrap_or_default(),
        };
        data.events.sort_by(|a, b| a.date.chronological(&b.date));
        validate::check(&data, &strings, &mut problems);
        if problems.is_empty() {
            Ok(data)
        } else {
            Err(problems)
        }
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
        problems.push(Problem::new(file, "", "", format!("no `[[{key}]]` records found")));
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

fn read_table<T: DeserializeOwned>(file: &str, root: &Value, problems: &mut Vec<Problem>) -> Option<T> {
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
            problems.push(Problem::new(file, "", "", format!("cannot be read: {error}")));
            Value::Null
        }
    }
}
