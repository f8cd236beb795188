//! The rules every data file must keep. Each rule adds [`Problem`]s naming the file, the record
//! and the field; `cargo test` fails on any (see `tests/data_files.rs`).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::model::*;
use super::{
    Dataset, Problem, ERAS_FILE, EVENTS_FILE, INDICATORS_FILE, LESSONS_FILE, PLACES_FILE,
    POLICIES_FILE, ROUTES_FILE, SOURCES_FILE, STRINGS_FILE,
};
use crate::i18n::{Lang, Text};

/// Runs every rule. `strings` is the raw strings table, walked so that every text in it is
/// checked for both languages without listing its keys twice.
pub(super) fn check(data: &Dataset, strings: &Value, problems: &mut Vec<Problem>) {
    let mut out = Report { problems };

    let source_ids = ids(
        &mut out,
        SOURCES_FILE,
        "source",
        data.sources.iter().map(|s| s.id.as_str()),
    );
    let place_ids = ids(
        &mut out,
        PLACES_FILE,
        "place",
        data.places.iter().map(|p| p.id.as_str()),
    );
    let event_ids = ids(
        &mut out,
        EVENTS_FILE,
        "event",
        data.events.iter().map(|e| e.id.as_str()),
    );
    let policy_ids = ids(
        &mut out,
        POLICIES_FILE,
        "policy",
        data.policies.iter().map(|p| p.id.as_str()),
    );
    let dimension_ids = ids(
        &mut out,
        POLICIES_FILE,
        "dimension",
        data.dimensions.iter().map(|d| d.id.as_str()),
    );

    for source in data.sources.iter() {
        let record = format!("source `{}`", source.id);
        let at = |field: &str| (SOURCES_FILE, record.as_str(), field.to_string());
        for (field, value) in [("publisher", &source.publisher), ("title", &source.title)] {
            if value.trim().is_empty() {
                out.add(at(field), "is empty");
            }
        }
        if let Some(url) = &source.url {
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                out.add(at("url"), format!("`{url}` is not a web address"));
            }
        }
        let is_seed_file = is_seed_file_name(&source.reference);
        match (source.kind, is_seed_file) {
            (SourceKind::Seed, false) => out.add(
                at("ref"),
                format!(
                    "a seed's ref must be its file name (NNN_hex.txt), not `{}`",
                    source.reference
                ),
            ),
            (SourceKind::External, true) => {
                out.add(at("kind"), "refers to a seed file but is not marked `seed`")
            }
            _ => {}
        }
        if let Some(note) = &source.note {
            out.text(at("note"), note);
        }
    }

    for event in data.events.iter() {
        let record = format!("event `{}`", event.id);
        let at = |field: &str| (EVENTS_FILE, record.as_str(), field.to_string());
        out.text(at("title"), &event.title);
        out.text(at("summary"), &event.summary);
        for (field, text) in [("note", &event.note), ("date_note", &event.date_note)] {
            if let Some(text) = text {
                out.text(at(field), text);
            }
        }
        if event.categories.is_empty() {
            out.add(at("categories"), "needs at least one category");
        }
        if has_duplicates(&event.categories) {
            out.add(at("categories"), "lists a category twice");
        }
        out.sources(at("sources"), &event.sources, &source_ids);
        for place in event.places.iter() {
            if !place_ids.contains(place.as_str()) {
                out.add(at("places"), format!("unknown place `{place}`"));
            }
        }
    }

    for place in data.places.iter() {
        let record = format!("place `{}`", place.id);
        let at = |field: &str| (PLACES_FILE, record.as_str(), field.to_string());
        out.text(at("name"), &place.name);
        out.text(at("role"), &place.role);
        if let Some(note) = &place.note {
            out.text(at("note"), note);
        }
        if !(-90.0..=90.0).contains(&place.lat) {
            out.add(
                at("lat"),
                format!("{} is not a latitude (-90 to 90)", place.lat),
            );
        }
        if !(-180.0..=180.0).contains(&place.lon) {
            out.add(
                at("lon"),
                format!("{} is not a longitude (-180 to 180)", place.lon),
            );
        }
        out.sources(at("sources"), &place.sources, &source_ids);
    }

    for policy in data.policies.iter() {
        let record = format!("policy `{}`", policy.id);
        let at = |field: &str| (POLICIES_FILE, record.as_str(), field.to_string());
        out.text(at("name"), &policy.name);
        out.text(at("verdict"), &policy.verdict);
        out.sources(at("sources"), &policy.sources, &source_ids);
        for (i, figure) in policy.key_figures.iter().enumerate() {
            out.text(at(&format!("key_figures[{i}].label")), &figure.label);
            out.text(at(&format!("key_figures[{i}].value")), &figure.value);
            out.sources(
                at(&format!("key_figures[{i}].sources")),
                &figure.sources,
                &source_ids,
            );
        }
        for (field, series) in [
            ("funding_series", &policy.funding_series),
            ("homicide_series", &policy.homicide_series),
        ] {
            if let Some(id) = series {
                if data.series(id.as_str()).is_none() {
                    out.add(at(field), format!("unknown series `{id}`"));
                }
            }
        }
    }
    for dimension in data.dimensions.iter() {
        let record = format!("dimension `{}`", dimension.id);
        out.text(
            (POLICIES_FILE, record.as_str(), "label".into()),
            &dimension.label,
        );
    }
    let mut seen_cells = HashSet::new();
    for cell in data.cells.iter() {
        let record = format!("cell `{}` × `{}`", cell.policy, cell.dimension);
        let at = |field: &str| (POLICIES_FILE, record.as_str(), field.to_string());
        if !policy_ids.contains(cell.policy.as_str()) {
            out.add(at("policy"), format!("unknown policy `{}`", cell.policy));
        }
        if !dimension_ids.contains(cell.dimension.as_str()) {
            out.add(
                at("dimension"),
                format!("unknown dimension `{}`", cell.dimension),
            );
        }
        if !seen_cells.insert((&cell.policy, &cell.dimension)) {
            out.add(at(""), "appears twice");
        }
        out.text(at("text"), &cell.text);
        if let Some(note) = &cell.note {
            out.text(at("note"), note);
        }
        out.sources(at("sources"), &cell.sources, &source_ids);
    }

    let route_ids = ids(
        &mut out,
        ROUTES_FILE,
        "route",
        data.routes.iter().map(|r| r.id.as_str()),
    );
    // Places and routes share the map's links (#map/<id>), so their ids must not collide.
    for id in route_ids.intersection(&place_ids) {
        let record = format!("route `{id}`");
        out.add(
            (ROUTES_FILE, &record, "id".into()),
            "is also a place id; links to the map would be ambiguous",
        );
    }
    for route in data.routes.iter() {
        let record = format!("route `{}`", route.id);
        let at = |field: &str| (ROUTES_FILE, record.as_str(), field.to_string());
        out.text(at("name"), &route.name);
        out.text(at("summary"), &route.summary);
        for (field, text) in [("volume", &route.volume), ("note", &route.note)] {
            if let Some(text) = text {
                out.text(at(field), text);
            }
        }
        if route.modes.is_empty() {
            out.add(at("modes"), "needs at least one mode");
        }
        if route.path.len() < 2 {
            out.add(
                at("path"),
                "needs at least two places (origin and destination)",
            );
        }
        for place in route.path.iter() {
            if !place_ids.contains(place.as_str()) {
                out.add(at("path"), format!("unknown place `{place}`"));
            }
        }
        if route.path.windows(2).any(|pair| pair[0] == pair[1]) {
            out.add(at("path"), "names the same place twice in a row");
        }
        if let Some(tonnes) = route.tonnes_per_year {
            if !(tonnes.is_finite() && tonnes > 0.0) {
                out.add(
                    at("tonnes_per_year"),
                    format!("{tonnes} is not a positive amount"),
                );
            }
            if route.volume.is_none() {
                out.add(
                    at("volume"),
                    "a route with tonnes_per_year must say in `volume` what the figure is",
                );
            }
        }
        out.sources(at("sources"), &route.sources, &source_ids);
    }

    ids(
        &mut out,
        INDICATORS_FILE,
        "series",
        data.series.iter().map(|s| s.id.as_str()),
    );
    for series in data.series.iter() {
        let record = format!("series `{}`", series.id);
        let at = |field: &str| (INDICATORS_FILE, record.as_str(), field.to_string());
        out.text(at("name"), &series.name);
        out.text(at("unit"), &series.unit);
        if let Some(note) = &series.note {
            out.text(at("note"), note);
        }
        if !place_ids.contains(series.place.as_str()) {
            out.add(at("place"), format!("unknown place `{}`", series.place));
        }
        out.sources(at("sources"), &series.sources, &source_ids);
        if series.points.is_empty() {
            out.add(at("points"), "has no values");
        }
        for (i, point) in series.points.iter().enumerate() {
            let field = format!("points[{i}] ({})", point.year);
            if i > 0 && point.year <= series.points[i - 1].year {
                out.add(at(&field), "years must increase, one value per year");
            }
            if !point.value.is_finite() {
                out.add(at(&field), "the value is not a number");
            }
            if !(1900..=2100).contains(&point.year) {
                out.add(at(&field), "the year is outside 1900–2100");
            }
            if !point.sources.is_empty() {
                out.sources(at(&format!("{field}.sources")), &point.sources, &source_ids);
            }
            if let Some(note) = &point.note {
                out.text(at(&format!("{field}.note")), note);
            }
        }
    }

    ids(
        &mut out,
        ERAS_FILE,
        "era",
        data.eras.iter().map(|e| e.id.as_str()),
    );
    for era in data.eras.iter() {
        let record = format!("era `{}`", era.id);
        let at = |field: &str| (ERAS_FILE, record.as_str(), field.to_string());
        out.text(at("name"), &era.name);
        if let Some(note) = &era.note {
            out.text(at("note"), note);
        }
        if let Some(end) = &era.end {
            if end.start.first_day() <= era.start.last().last_day() {
                out.add(
                    at("end"),
                    format!("{end} is not after the start, {}", era.start),
                );
            }
        }
        out.sources(at("sources"), &era.sources, &source_ids);
    }

    ids(
        &mut out,
        LESSONS_FILE,
        "lesson",
        data.lessons.iter().map(|l| l.id.as_str()),
    );
    for lesson in data.lessons.iter() {
        let record = format!("lesson `{}`", lesson.id);
        let at = |field: &str| (LESSONS_FILE, record.as_str(), field.to_string());
        out.text(at("title"), &lesson.title);
        out.text(at("summary"), &lesson.summary);
        out.text(at("evidence"), &lesson.evidence);
        if let Some(note) = &lesson.note {
            out.text(at("note"), note);
        }
        for id in lesson.policies.iter() {
            if !policy_ids.contains(id.as_str()) {
                out.add(at("policies"), format!("unknown policy `{id}`"));
            }
        }
        for id in lesson.dimensions.iter() {
            if !dimension_ids.contains(id.as_str()) {
                out.add(at("dimensions"), format!("unknown dimension `{id}`"));
            }
        }
        for id in lesson.events.iter() {
            if !event_ids.contains(id.as_str()) {
                out.add(at("events"), format!("unknown event `{id}`"));
            }
        }
        out.sources(at("sources"), &lesson.sources, &source_ids);
    }

    check_strings(&mut out, strings, "");
}

struct Report<'a> {
    problems: &'a mut Vec<Problem>,
}

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
    file: &str,
    kind: &str,
    all: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in all {
        let record = format!("{kind} `{id}`");
        if !is_kebab_case(id) {
            out.add(
                (file, &record, "id".into()),
                "ids are kebab-case: lowercase ASCII letters and digits joined by single hyphens, at most 64 characters",
            );
        }
        let count = seen.entry(id).or_default();
        *count += 1;
        if *count == 2 {
            out.add(
                (file, &record, "id".into()),
                "is used by more than one record",
            );
        }
    }
    seen.into_keys().collect()
}

/// Every object in the strings file that holds `en`/`es` texts must hold both; month lists
/// must have twelve names in each language.
fn check_strings(out: &mut Report<'_>, value: &Value, path: &str) {
    let Some(object) = value.as_object() else {
        return;
    };
    let is_text = object.contains_key("en") || object.contains_key("es");
    if is_text {
        for code in ["en", "es"] {
            let field = if path.is_empty() {
                code.to_string()
            } else {
                format!("{path}.{code}")
            };
            match object.get(code) {
                Some(Value::String(text)) if !text.trim().is_empty() => {}
                Some(Value::Array(list)) if path == "months" => {
                    if list.len() != 12
                        || list
                            .iter()
                            .any(|m| m.as_str().is_none_or(|m| m.trim().is_empty()))
                    {
                        out.add((STRINGS_FILE, "", field), "needs twelve month names");
                    }
                }
                _ => out.add((STRINGS_FILE, "", field), "is missing or empty"),
            }
        }
        return;
    }
    for (key, child) in object {
        let child_path = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        check_strings(out, child, &child_path);
    }
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `004_1519c7f3fb1f70c6.txt`: three digits, an underscore, sixteen hex digits.
fn is_seed_file_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".txt") else {
        return false;
    };
    let Some((number, hash)) = stem.split_once('_') else {
        return false;
    };
    number.len() == 3
        && number.bytes().all(|b| b.is_ascii_digit())
        && hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        for good in ["guayaquil", "e01b", "plan-colombia", "a-1-b"] {
            assert!(is_kebab_case(good), "{good}");
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
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }

    #[test]
    fn seed_file_names() {
        assert!(is_seed_file_name("004_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("E08"));
        assert!(!is_seed_file_name("4_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("004_1519C7F3FB1F70C6.txt"));
    }
}
