//! The shipped data must load with no problem, and each rule of the validation must catch the
//! mistake it exists for, with a message naming the file, the record and the field.

use ecuador_explainer::data::{Dataset, Files};

/// The shipped `data/` files, read from disk as TOML the way `build.rs` reads them.
struct Shipped {
    sources: String,
    events: String,
    places: String,
    policies: String,
    strings: String,
}

fn toml_to_json(name: &str, text: &str) -> String {
    let value: serde_json::Value =
        toml::from_str(text).unwrap_or_else(|e| panic!("{name} is not valid TOML: {e}"));
    value.to_string()
}

fn read(name: &str) -> String {
    let path = format!("{}/data/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    toml_to_json(name, &std::fs::read_to_string(&path).expect("data file"))
}

impl Shipped {
    fn load() -> Shipped {
        Shipped {
            sources: read("sources"),
            events: read("events"),
            places: read("places"),
            policies: read("policies"),
            strings: read("strings"),
        }
    }

    fn files(&self) -> Files<'_> {
        Files {
            sources: &self.sources,
            events: &self.events,
            places: &self.places,
            policies: &self.policies,
            strings: &self.strings,
        }
    }
}

/// Loads the shipped data with one file replaced by a fixture (TOML text) and returns the
/// problem messages.
fn problems_with(file: &str, fixture_toml: &str) -> Vec<String> {
    let mut shipped = Shipped::load();
    let json = toml_to_json(file, fixture_toml);
    match file {
        "sources" => shipped.sources = json,
        "events" => shipped.events = json,
        "places" => shipped.places = json,
        "policies" => shipped.policies = json,
        "strings" => shipped.strings = json,
        other => panic!("no data file {other}"),
    }
    match Dataset::from_files(&shipped.files()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn assert_reports(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p == expected),
        "expected the problem\n  {expected}\ngot:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn shipped_data_has_no_problems() {
    if let Err(problems) = Dataset::from_files(&Shipped::load().files()) {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{} problem(s) in data/:\n{}", list.len(), list.join("\n"));
    }
}

// The app embeds build.rs's JSON; it must be the same data the TOML files hold.
#[test]
fn embedded_data_matches_the_files_on_disk() {
    let embedded = Dataset::embedded().expect("embedded data loads");
    let on_disk = Dataset::from_files(&Shipped::load().files()).expect("files load");
    assert_eq!(embedded, on_disk);
}

#[test]
fn events_are_served_in_chronological_order() {
    let data = Dataset::embedded().expect("embedded data loads");
    for pair in data.events.windows(2) {
        assert_ne!(
            pair[0].date.chronological(&pair[1].date),
            std::cmp::Ordering::Greater,
            "{} should come after {}",
            pair[0].id,
            pair[1].id
        );
    }
}

// Each broken fixture below breaks one rule; the test checks the exact message a content editor
// would read.
#[test]
fn unknown_source_is_named_with_file_record_and_field() {
    let problems = problems_with("events", &fixture("events-unknown-source.toml"));
    assert_reports(
        &problems,
        "data/events.toml: event `broken-event`: sources: unknown source `e999`",
    );
}

#[test]
fn missing_spanish_text_is_reported() {
    let problems = problems_with("events", &fixture("events-missing-spanish.toml"));
    assert_reports(
        &problems,
        "data/events.toml: event `no-spanish`: summary.es: the Spanish text is missing",
    );
}

#[test]
fn impossible_date_is_reported() {
    let problems = problems_with("events", &fixture("events-bad-date.toml"));
    assert_reports(
        &problems,
        "data/events.toml: event `bad-date`: date: `2023-02-29`: month 2 of 2023 has days 1 to 28, not 29",
    );
}

#[test]
fn backwards_range_is_reported() {
    let problems = problems_with("events", &fixture("events-backwards-range.toml"));
    assert!(
        problems.iter().any(|p| p.starts_with("data/events.toml: event `backwards`: date: ")
            && p.contains("a range must end after it starts")),
        "{problems:?}"
    );
}

#[test]
fn uncited_record_is_reported() {
    let problems = problems_with("places", &fixture("places-no-source-bad-coords.toml"));
    assert_reports(
        &problems,
        "data/places.toml: place `nowhere`: sources: cites no source (every fact needs at least one)",
    );
    assert_reports(
        &problems,
        "data/places.toml: place `nowhere`: lat: 123.4 is not a latitude (-90 to 90)",
    );
}

#[test]
fn duplicate_and_malformed_ids_are_reported() {
    let problems = problems_with("events", &fixture("events-bad-ids.toml"));
    assert_reports(
        &problems,
        "data/events.toml: event `twice`: id: is used by more than one record",
    );
    assert!(
        problems.iter().any(|p| p.starts_with("data/events.toml: event `Not_Kebab`: id: ids are kebab-case")),
        "{problems:?}"
    );
}

#[test]
fn unknown_place_and_field_typos_are_reported() {
    let problems = problems_with("events", &fixture("events-unknown-place-and-typo.toml"));
    assert_reports(
        &problems,
        "data/events.toml: event `lost`: places: unknown place `atlantis`",
    );
    assert!(
        problems.iter().any(|p| p.starts_with("data/events.toml: event `typo`: summry: unknown field `summry`")),
        "{problems:?}"
    );
}

#[test]
fn policy_cells_must_point_at_known_rows_and_columns() {
    let problems = problems_with("policies", &fixture("policies-bad-cell.toml"));
    assert_reports(
        &problems,
        "data/policies.toml: cell `plan-ecuador` × `years`: policy: unknown policy `plan-ecuador`",
    );
}

#[test]
fn strings_missing_a_language_are_reported() {
    let mut strings = std::fs::read_to_string(format!("{}/data/strings.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    strings = strings.replace("view_map.es = \"Mapa de rutas\"\n", "");
    let problems = problems_with("strings", &strings);
    assert_reports(&problems, "data/strings.toml: view_map.es: is missing or empty");
}

#[test]
fn strings_unknown_key_is_reported() {
    let mut strings = std::fs::read_to_string(format!("{}/data/strings.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    strings = strings.replacen("app_title.en", "app_titel.en = \"x\"\napp_title.en", 1);
    let problems = problems_with("strings", &strings);
    assert!(
        problems.iter().any(|p| p.starts_with("data/strings.toml: app_titel: unknown field `app_titel`")),
        "{problems:?}"
    );
}
