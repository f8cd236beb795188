//! The shipped data must load with no problem, and each rule of the validation must catch the
//! mistake it exists for, with a message naming the file, the record and the field.

use std::path::Path;

use content::load::{load_dir, Files};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../data"))
}

fn shipped() -> Files {
    Files::read_dir(data_dir()).unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// Loads the shipped data with one file replaced by a fixture (TOML text) and returns the
/// problem messages.
fn problems_with(file: &str, fixture_toml: &str) -> Vec<String> {
    let mut files = shipped();
    files.set(file, fixture_toml);
    match files.load() {
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
    if let Err(problems) = load_dir(data_dir()) {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{} problem(s) in data/:\n{}", list.len(), list.join("\n"));
    }
}

#[test]
fn events_are_served_in_chronological_order() {
    let data = load_dir(data_dir()).expect("data loads");
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
        problems.iter().any(
            |p| p.starts_with("data/events.toml: event `backwards`: date: ")
                && p.contains("a range must end after it starts")
        ),
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
        problems
            .iter()
            .any(|p| p.starts_with("data/events.toml: event `Not_Kebab`: id: ids are kebab-case")),
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
        problems.iter().any(
            |p| p.starts_with("data/events.toml: event `typo`: summry: unknown field `summry`")
        ),
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
    let mut strings = std::fs::read_to_string(data_dir().join("strings.toml")).unwrap();
    strings = strings.replace("view_map.es = \"Mapa de rutas\"\n", "");
    let problems = problems_with("strings", &strings);
    assert_reports(
        &problems,
        "data/strings.toml: view_map.es: is missing or empty",
    );
}

#[test]
fn strings_unknown_key_is_reported() {
    let mut strings = std::fs::read_to_string(data_dir().join("strings.toml")).unwrap();
    strings = strings.replacen("app_title.en", "app_titel.en = \"x\"\napp_title.en", 1);
    let problems = problems_with("strings", &strings);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("data/strings.toml: app_titel: unknown field `app_titel`")),
        "{problems:?}"
    );
}

#[test]
fn routes_need_known_places_in_order() {
    let problems = problems_with("routes", &fixture("routes-bad-path.toml"));
    assert_reports(
        &problems,
        "data/routes.toml: route `to-nowhere`: path: unknown place `atlantis`",
    );
    assert_reports(
        &problems,
        "data/routes.toml: route `too-short`: path: needs at least two places (origin and destination)",
    );
}

#[test]
fn indicator_years_must_increase() {
    let problems = problems_with("indicators", &fixture("indicators-bad-years.toml"));
    assert_reports(
        &problems,
        "data/indicators.toml: series `homicides`: points[2] (2020): years must increase, one value per year",
    );
}

#[test]
fn eras_must_end_after_they_start() {
    let problems = problems_with("eras", &fixture("eras-backwards.toml"));
    assert_reports(
        &problems,
        "data/eras.toml: era `backwards`: end: 2010 is not after the start, 2015",
    );
}

#[test]
fn lessons_must_point_at_known_events_and_rows() {
    let problems = problems_with("lessons", &fixture("lessons-bad-links.toml"));
    assert_reports(
        &problems,
        "data/lessons.toml: lesson `dangling`: events: unknown event `no-such-event`",
    );
    assert_reports(
        &problems,
        "data/lessons.toml: lesson `dangling`: dimensions: unknown dimension `vibes`",
    );
}

#[test]
fn sources_readers_cannot_follow_are_reported() {
    let sources = std::fs::read_to_string(data_dir().join("sources.toml")).unwrap();
    let problems = problems_with(
        "sources",
        &format!("{sources}\n{}", fixture("sources-unfollowable.toml")),
    );
    for expected in [
        "data/sources.toml: source `pseudo-title-on-a-mirror`: title: `[Report on something]` is a description in brackets, not a title: move it to `description` (both languages)",
        "data/sources.toml: source `pseudo-title-on-a-mirror`: url: `http://www.liquisearch.com/plan_colombia/financing` is a search-engine, cache or mirror address (`liquisearch.com`): cite the original page",
        "data/sources.toml: source `address-but-none`: url: `https://example.org/found-after-all` is given but `checked` says no public copy was found",
        "data/sources.toml: source `address-but-none`: description.es: the Spanish text is missing",
        "data/sources.toml: source `no-address`: url: is missing: give the public address, or set `checked = \"none\"`",
        "data/sources.toml: source `same-address`: url: `https://example.org/found-after-all` is also the address of source `address-but-none`",
        "data/sources.toml: source `same-address`: note.en: names a seed file: show readers its publisher, title and date instead",
    ] {
        assert_reports(&problems, expected);
    }
}

#[test]
fn figures_without_a_ledger_entry_are_reported() {
    let problems = problems_with("ledger", &fixture("ledger-gaps.toml"));
    for expected in [
        "data/ledger.toml: figure #1 (`plan-colombia-announced`): value: `$9bn` is not written in the event's summary.en",
        "data/ledger.toml: figure #1 (`plan-colombia-announced`): sources: `e01` is not one of the event's sources",
        "data/ledger.toml: figure #1 (`plan-colombia-announced`): says: marks the figure unverified: support it, or take it out of the summary",
        "data/ledger.toml: event `plan-colombia-announced`: the figure `7.5` in its summary.en has no [[figure]] saying which source supports it",
    ] {
        assert_reports(&problems, expected);
    }
}

#[test]
fn lede_rules_are_reported() {
    let broken = fixture("lede-broken.toml");
    let problems = problems_with("lede", &broken);
    let expected = [
        "data/lede.toml: lede: text.en: holds the digits `2021`, `79`: the lede's one number is its figure, which is sourced through its series",
        "data/lede.toml: lede: text.es: has 81 words (at most 80)",
        "data/lede.toml: lede: sources: unknown source `e999`",
        "data/lede.toml: lede: figure.label.es: the Spanish text is missing",
        "data/lede.toml: lede: figure.label.en: names a seed file: show readers its publisher, title and date instead",
        "data/lede.toml: lede: figure.to: 2018 is not after figure.from, 2025",
        "data/lede.toml: lede: figure.from: the 2025 value of series `ecuador-homicide-rate` is computed for this dataset, not published: choose a year with a published value",
        "data/lede.toml: lede: figure.to: series `ecuador-homicide-rate` has no value for 2018",
    ];
    for expected in expected {
        assert_reports(&problems, expected);
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");

    let unknown_series = broken.replace("\"ecuador-homicide-rate\"", "\"no-such-series\"");
    assert_reports(
        &problems_with("lede", &unknown_series),
        "data/lede.toml: lede: figure.series: unknown series `no-such-series`",
    );

    assert_eq!(
        problems_with("lede", "# nothing here\n"),
        ["data/lede.toml: no `[lede]` table found"]
    );

    let typo = broken.replace("label.en", "lable.en");
    let problems = problems_with("lede", &typo);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("data/lede.toml: lede: figure.lable: unknown field `lable`")),
        "{problems:?}"
    );
}

// Guards against the lede's number drifting from the series it claims to come from.
#[test]
fn shipped_lede_figure_reads_published_values() {
    let data = load_dir(data_dir()).expect("data loads");
    let (from, to) = data
        .lede
        .figure
        .points(&data)
        .expect("both years have values");
    assert!(!from.computed && !to.computed);
    assert_eq!(data.lede.figure.values(&data), Some((from.value, to.value)));
    assert!(!data.lede.figure.sources(&data).is_empty());
}

#[test]
fn story_rules_are_reported() {
    let broken = fixture("story-broken.toml");
    let problems = problems_with("story", &broken);
    let expected = [
        "data/story.toml: step `broken-refs`: title.es: the Spanish text is missing",
        "data/story.toml: step `broken-refs`: text.es: has 81 words (at most 80)",
        "data/story.toml: step `broken-refs`: sources: unknown source `e999`",
        "data/story.toml: step `broken-refs`: events: unknown event `no-such-event`",
        "data/story.toml: step `broken-refs`: places: unknown place `atlantis`",
        "data/story.toml: step `broken-refs`: routes: unknown route `no-such-route`",
        "data/story.toml: step `Bad_Step`: id: ids are kebab-case: lowercase ASCII letters and digits joined by single hyphens, at most 64 characters",
        "data/story.toml: step `Bad_Step`: sources: cites no source (every fact needs at least one)",
        "data/story.toml: step `Bad_Step`: policies: names one programme (a comparison needs two, or none)",
        "data/story.toml: step `Bad_Step`: dimension: unknown dimension `no-such-row`",
        "data/story.toml: step `Bad_Step`: dimension: a compared row needs two programmes in `policies`",
        "data/story.toml: step `Bad_Step`: series: needs `until`, the last year drawn",
        "data/story.toml: step `Bad_Step`: view: opens a view with nothing to show: it needs a place or a route",
        "data/story.toml: step `twice`: id: is used by more than one record",
        "data/story.toml: step `twice`: events: lists the same event twice",
        "data/story.toml: step `twice`: until: needs a `series` to draw",
        "data/story.toml: step `twice`: view: opens a view with nothing to show: it needs two programmes in `policies`",
        "data/story.toml: step `twice`: until: series `ecuador-homicide-rate` has no value in or before 1990",
    ];
    for expected in expected {
        assert_reports(&problems, expected);
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");

    // A field the step does not have, a view that does not exist, and a seed file named to readers.
    let typo = broken
        .replace(
            "routes = [\"no-such-route\"]",
            "rutes = [\"no-such-route\"]",
        )
        .replace("view = \"map\"", "view = \"chart\"")
        .replace(
            "title.en = \"Twice again\"",
            "title.en = \"See 004_1519c7f3fb1f70c6.txt\"",
        );
    let problems = problems_with("story", &typo);
    for prefix in [
        "data/story.toml: step `broken-refs`: rutes: unknown field `rutes`",
        "data/story.toml: step `Bad_Step`: view: unknown variant `chart`",
        "data/story.toml: step `twice`: title.en: names a seed file",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(prefix)),
            "expected a problem starting\n  {prefix}\ngot:\n  {}",
            problems.join("\n  ")
        );
    }

    assert_eq!(
        problems_with("story", "# nothing here\n"),
        ["data/story.toml: no `[[step]]` records found"]
    );
}

// Guards against a story too short or too long to walk, and against a step that opens an empty
// view: the shipped story has 8 to 12 steps, each with its paragraph's sources.
#[test]
fn shipped_story_has_eight_to_twelve_sourced_steps() {
    let data = load_dir(data_dir()).expect("data loads");
    assert!((8..=12).contains(&data.story.len()), "{}", data.story.len());
    for step in data.story.iter() {
        assert!(!step.sources.is_empty(), "{}", step.id);
        assert!(
            !step.events.is_empty() || !step.routes.is_empty(),
            "{}",
            step.id
        );
    }
}
