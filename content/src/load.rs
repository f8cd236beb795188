//! The one loader: `data/*.toml` → a checked [`Dataset`]. `build.rs` calls [`load_dir`] (and the
//! build fails on any problem); the tests call [`Files::load`] with one file swapped for a broken
//! fixture.

use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Value;

use crate::{validate, Dataset, Figure, Lede};

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

/// The data files, by stem, in the order they are read. A problem names `data/<stem>.toml`.
pub const FILES: [&str; 12] = [
    "sources",
    "events",
    "places",
    "policies",
    "routes",
    "indicators",
    "eras",
    "lessons",
    "strings",
    "ledger",
    "lede",
    "story",
];

/// `data/<stem>.toml`, as problems name the file.
pub fn file_name(stem: &str) -> String {
    format!("data/{stem}.toml")
}

/// The TOML text of each data file.
#[derive(Clone, Debug, Default)]
pub struct Files {
    texts: Vec<(&'static str, String)>,
}

impl Files {
    /// Reads every data file from `dir`. A file that cannot be read is a problem, not a panic.
    pub fn read_dir(dir: &Path) -> Result<Files, Vec<Problem>> {
        let mut files = Files::default();
        let mut problems = Vec::new();
        for stem in FILES {
            let path = dir.join(format!("{stem}.toml"));
            match std::fs::read_to_string(&path) {
                Ok(text) => files.texts.push((stem, text)),
                Err(e) => problems.push(Problem::new(
                    &file_name(stem),
                    "",
                    "",
                    format!("cannot be read from {}: {e}", path.display()),
                )),
            }
        }
        if problems.is_empty() {
            Ok(files)
        } else {
            Err(problems)
        }
    }

    /// Replaces one file's text (tests feed broken fixtures this way).
    pub fn set(&mut self, stem: &str, text: impl Into<String>) {
        let text = text.into();
        match self.texts.iter_mut().find(|(name, _)| *name == stem) {
            Some(entry) => entry.1 = text,
            None => panic!("no data file `{stem}` (expected one of {FILES:?})"),
        }
    }

    fn text(&self, stem: &str) -> &str {
        self.texts
            .iter()
            .find(|(name, _)| *name == stem)
            .map_or("", |(_, text)| text)
    }

    /// Reads and checks the files; returns every problem found, not just the first.
    pub fn load(&self) -> Result<Dataset, Vec<Problem>> {
        let mut problems = Vec::new();
        let p = &mut problems;
        let mut root =
            |stem: &str, sections: &[&str]| parse_root(stem, self.text(stem), sections, p);
        let sources = root("sources", &["source"]);
        let events = root("events", &["event"]);
        let places = root("places", &["place"]);
        let policies = root("policies", &["policy", "dimension", "cell"]);
        let routes = root("routes", &["route"]);
        let indicators = root("indicators", &["series"]);
        let eras = root("eras", &["era"]);
        let lessons = root("lessons", &["lesson"]);
        let strings = root("strings", &[]);
        let ledger = root("ledger", &["figure"]);
        let lede = root("lede", &["lede"]);
        let story = root("story", &["step"]);
        for (stem, root) in [
            ("sources", &sources),
            ("events", &events),
            ("places", &places),
            ("policies", &policies),
            ("routes", &routes),
            ("indicators", &indicators),
            ("eras", &eras),
            ("lessons", &lessons),
            ("strings", &strings),
            ("ledger", &ledger),
            ("story", &story),
        ] {
            validate::seed_file_names(stem, root, p);
        }
        if let Some(table) = lede.get("lede") {
            validate::seed_file_names_in("lede", "lede", table, p);
        }
        let lede = single::<Lede>("lede", &lede, "lede", p);
        let lede_read = lede.is_some();
        let mut data = Dataset {
            sources: records("sources", &sources, "source", p).into(),
            events: records("events", &events, "event", p).into(),
            places: records("places", &places, "place", p).into(),
            policies: records("policies", &policies, "policy", p).into(),
            dimensions: records("policies", &policies, "dimension", p).into(),
            cells: records("policies", &policies, "cell", p).into(),
            routes: records("routes", &routes, "route", p).into(),
            series: records("indicators", &indicators, "series", p).into(),
            eras: records("eras", &eras, "era", p).into(),
            lessons: records("lessons", &lessons, "lesson", p).into(),
            lede: lede.unwrap_or_default(),
            story: records("story", &story, "step", p).into(),
            strings: table("strings", &strings, p).unwrap_or_default(),
        };
        data.events
            .to_mut()
            .sort_by(|a, b| a.date.chronological(&b.date));
        let figures = records::<Figure>("ledger", &ledger, "figure", &mut problems);
        let lede = lede_read.then_some(&data.lede);
        validate::check(&data, &figures, lede, &strings, &mut problems);
        if problems.is_empty() {
            Ok(data)
        } else {
            Err(problems)
        }
    }
}

/// Reads and checks the data files in `dir`.
pub fn load_dir(dir: &Path) -> Result<Dataset, Vec<Problem>> {
    Files::read_dir(dir)?.load()
}

/// Reads the array of records under `key` (`[[event]]`), one record at a time so that one bad
/// record does not hide the others.
fn records<T: DeserializeOwned>(
    stem: &str,
    root: &Value,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let file = file_name(stem);
    let Some(table) = root.as_table() else {
        return Vec::new(); // unreadable file, already reported
    };
    let Some(items) = table.get(key).and_then(Value::as_array) else {
        let message = format!("no `[[{key}]]` records found");
        problems.push(Problem::new(&file, "", "", message));
        return Vec::new();
    };
    let mut records = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let name = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("{key} `{id}`"),
            None => format!("{key} #{}", index + 1),
        };
        match serde_path_to_error::deserialize::<_, T>(item.clone()) {
            Ok(record) => records.push(record),
            Err(error) => problems.push(Problem::new(
                &file,
                &name,
                &field_path(error.path()),
                error.inner().message(),
            )),
        }
    }
    records
}

/// The one record under `key` in a file that holds a single table (`[lede]`); problems name the
/// record by its key.
fn single<T: DeserializeOwned>(
    stem: &str,
    root: &Value,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let file = file_name(stem);
    let table = root.as_table()?; // unreadable file, already reported
    let Some(item) = table.get(key) else {
        let message = format!("no `[{key}]` table found");
        problems.push(Problem::new(&file, "", "", message));
        return None;
    };
    match serde_path_to_error::deserialize::<_, T>(item.clone()) {
        Ok(record) => Some(record),
        Err(error) => {
            let field = field_path(error.path());
            problems.push(Problem::new(&file, key, &field, error.inner().message()));
            None
        }
    }
}

/// A file that is one table (the interface's words).
fn table<T: DeserializeOwned>(stem: &str, root: &Value, problems: &mut Vec<Problem>) -> Option<T> {
    if !root.is_table() {
        return None;
    }
    match serde_path_to_error::deserialize::<_, T>(root.clone()) {
        Ok(table) => Some(table),
        Err(error) => {
            let field = field_path(error.path());
            let message = error.inner().message();
            problems.push(Problem::new(&file_name(stem), "", &field, message));
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

/// Parses a file and reports top-level keys other than `sections` (an empty list allows any, for
/// files that are one table). Returns a non-table value when the file cannot be read.
fn parse_root(stem: &str, text: &str, sections: &[&str], problems: &mut Vec<Problem>) -> Value {
    let file = file_name(stem);
    match text.parse::<toml::Table>() {
        Ok(root) => {
            if !sections.is_empty() {
                for key in root.keys().filter(|k| !sections.contains(&k.as_str())) {
                    let expected = sections.join("`, `");
                    let message = format!("unknown section `{key}` (expected `{expected}`)");
                    problems.push(Problem::new(&file, "", "", message));
                }
            }
            Value::Table(root)
        }
        Err(error) => {
            let message = format!("is not valid TOML: {}", error.to_string().trim());
            problems.push(Problem::new(&file, "", "", message));
            Value::Boolean(false)
        }
    }
}

/// The repository's own `data/`, loaded and checked (for tests beside the code).
#[cfg(test)]
pub(crate) fn shipped() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    load_dir(&dir).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("data/ has problems:\n{}", list.join("\n"))
    })
}
