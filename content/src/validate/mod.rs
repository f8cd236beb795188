//! The rules every data file must keep, one module per file. Each rule adds [`Problem`]s naming
//! the file, the record and the field; the build and `cargo test` fail on any.

mod eras;
mod events;
mod indicators;
mod lede;
mod ledger;
mod lessons;
mod places;
mod policies;
mod routes;
mod sources;
mod story;
mod strings;

use std::collections::{HashMap, HashSet};

use toml::Value;

use crate::lang::{Lang, Text};
use crate::load::Problem;
use crate::model::{Figure, Lede, SourceId};
use crate::{is_valid_id, Dataset};

/// The ids of every kind of record, checked once (kebab-case, unique) and shared by the rules
/// that follow references.
pub(crate) struct Known<'a> {
    pub sources: HashSet<&'a str>,
    pub places: HashSet<&'a str>,
    pub events: HashSet<&'a str>,
    pub policies: HashSet<&'a str>,
    pub dimensions: HashSet<&'a str>,
    pub routes: HashSet<&'a str>,
}

/// Runs every rule. `lede` is `data.lede` when `data/lede.toml` could be read (`None` when it
/// could not, already reported). `strings` is the raw strings table, walked so that every text in
/// it is checked for both languages without listing its keys twice.
pub(crate) fn check(
    data: &Dataset,
    figures: &[Figure],
    lede: Option<&Lede>,
    strings: &Value,
    problems: &mut Vec<Problem>,
) {
    let mut out = Report { problems };
    let o = &mut out;
    let known = Known {
        sources: ids(
            o,
            "sources",
            "source",
            data.sources.iter().map(|s| s.id.as_str()),
        ),
        places: ids(
            o,
            "places",
            "place",
            data.places.iter().map(|p| p.id.as_str()),
        ),
        events: ids(
            o,
            "events",
            "event",
            data.events.iter().map(|e| e.id.as_str()),
        ),
        policies: ids(
            o,
            "policies",
            "policy",
            data.policies.iter().map(|p| p.id.as_str()),
        ),
        dimensions: ids(
            o,
            "policies",
            "dimension",
            data.dimensions.iter().map(|d| d.id.as_str()),
        ),
        routes: ids(
            o,
            "routes",
            "route",
            data.routes.iter().map(|r| r.id.as_str()),
        ),
    };
    ids(
        o,
        "indicators",
        "series",
        data.series.iter().map(|s| s.id.as_str()),
    );
    ids(o, "eras", "era", data.eras.iter().map(|e| e.id.as_str()));
    ids(o, "story", "step", data.story.iter().map(|s| s.id.as_str()));
    ids(
        o,
        "lessons",
        "lesson",
        data.lessons.iter().map(|l| l.id.as_str()),
    );

    sources::check(data, o);
    events::check(data, &known, o);
    places::check(data, &known, o);
    policies::check(data, &known, o);
    routes::check(data, &known, o);
    indicators::check(data, &known, o);
    eras::check(data, &known, o);
    lessons::check(data, &known, o);
    ledger::check(data, figures, &known, o);
    if let Some(lede) = lede {
        lede::check(data, lede, &known, o);
    }
    story::check(data, &known, o);
    strings::check(o, strings, "");
}

pub(crate) struct Report<'a> {
    problems: &'a mut Vec<Problem>,
}

/// Where a problem is: the file, the record, the field.
type At<'a> = (&'a str, &'a str, String);

impl Report<'_> {
    fn add(&mut self, (file, record, field): At<'_>, message: impl Into<String>) {
        self.problems
            .push(Problem::new(file, record, &field, message));
    }

    /// Both languages present.
    fn text(&mut self, (file, record, field): At<'_>, text: &Text) {
        for lang in text.missing() {
            let field = format!("{field}.{}", lang.code());
            let language = match lang {
                Lang::En => "English",
                Lang::Es => "Spanish",
            };
            self.add(
                (file, record, field),
                format!("the {language} text is missing"),
            );
        }
    }

    /// At least one source, each one known.
    fn sources(&mut self, at: At<'_>, cited: &[SourceId], known: &HashSet<&str>) {
        if cited.is_empty() {
            self.add(at, "cites no source (every fact needs at least one)");
            return;
        }
        for id in cited {
            if !known.contains(id.as_str()) {
                self.add(at.clone(), format!("unknown source `{id}`"));
            }
        }
        if has_duplicates(cited) {
            self.add(at, "cites a source twice");
        }
    }
}

/// Checks ids are kebab-case and unique; returns the set of ids.
fn ids<'a>(
    out: &mut Report<'_>,
    stem: &str,
    kind: &str,
    all: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let file = crate::load::file_name(stem);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in all {
        let record = format!("{kind} `{id}`");
        if !is_valid_id(id) {
            out.add(
                (&file, &record, "id".into()),
                "ids are kebab-case: lowercase ASCII letters and digits joined by single hyphens, at most 64 characters",
            );
        }
        let count = seen.entry(id).or_default();
        *count += 1;
        if *count == 2 {
            out.add(
                (&file, &record, "id".into()),
                "is used by more than one record",
            );
        }
    }
    seen.into_keys().collect()
}

fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a))
}

/// No reader-facing text in a data file names a seed document by its file name
/// (`004_1519c7f3fb1f70c6.txt`): readers see the publisher, title and date. Only a seed's own
/// `ref` holds it. `root` is the parsed file.
pub(crate) fn seed_file_names(stem: &str, root: &Value, problems: &mut Vec<Problem>) {
    seed_file_names_in(stem, "", root, problems);
}

/// The same rule for a file's one record held as a table (`[lede]`): `value` is that table and
/// problems name it as `record`.
pub(crate) fn seed_file_names_in(
    stem: &str,
    record: &str,
    value: &Value,
    problems: &mut Vec<Problem>,
) {
    /// `record` is "source `x`" inside a record with an id; `field` the path inside it.
    fn walk(file: &str, record: &str, field: &str, value: &Value, problems: &mut Vec<Problem>) {
        match value {
            Value::String(text) if !matches!(field, "ref" | "url") && names_a_seed_file(text) => {
                problems.push(Problem::new(
                    file,
                    record,
                    field,
                    "names a seed file: show readers its publisher, title and date instead",
                ));
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    match item.get("id").and_then(Value::as_str) {
                        Some(id) => walk(file, &format!("{field} `{id}`"), "", item, problems),
                        None => walk(file, record, &format!("{field}[{i}]"), item, problems),
                    }
                }
            }
            Value::Table(table) => {
                for (key, item) in table {
                    let field = if field.is_empty() {
                        key.clone()
                    } else {
                        format!("{field}.{key}")
                    };
                    walk(file, record, &field, item, problems);
                }
            }
            _ => {}
        }
    }
    walk(&crate::load::file_name(stem), record, "", value, problems);
}

/// Holds `NNN_` and sixteen lowercase hex digits, as the seed files are named.
pub(crate) fn names_a_seed_file(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(19)).any(|i| {
        bytes[i..i + 3].iter().all(u8::is_ascii_digit)
            && bytes[i + 3] == b'_'
            && bytes[i + 4..i + 20]
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    })
}
