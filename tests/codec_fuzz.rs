//! Fuzzing the URL codec: links arrive from anywhere (chat apps, host pages, hand edits), so no
//! input may panic, and every valid state must survive a round trip. 100,000+ cases per run.

#![cfg(not(target_arch = "wasm32"))]

use content::Lang;
use ecuador_explainer::url_state::{resolve, Link, Parsed, View};
use proptest::prelude::*;

const CASES: u32 = 50_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Fragments that look like ours, damaged in every way we can think of.
fn hostile_fragment() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_string()),
        Just("/".to_string()),
        Just("?".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("%".to_string()),
        Just("timeline".to_string()),
        Just("map".to_string()),
        Just("policies".to_string()),
        Just("about".to_string()),
        Just("lang".to_string()),
        Just("dim".to_string()),
        Just("present".to_string()),
        Just("-vs-".to_string()),
        "[a-z0-9-]{0,12}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

fn valid_link() -> impl Strategy<Value = Link> {
    let view = prop_oneof![
        Just(View::Timeline),
        Just(View::Map),
        Just(View::Policies),
        Just(View::About)
    ];
    let id = "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}";
    let lang = prop_oneof![Just(None), Just(Some(Lang::En)), Just(Some(Lang::Es))];
    (
        view,
        proptest::option::of(id),
        lang,
        proptest::option::of(id),
        proptest::bool::ANY,
        0u8..98,
    )
        .prop_map(|(view, item, lang, dim, present, part)| Link {
            view,
            item,
            lang,
            dim,
            present,
            part,
        })
}

/// Links as people and host pages write them, every part well formed but not in our canonical
/// form: an optional `#` and `/`, a view or none, an item or an empty one, and parameters in any
/// order, repeated, with empty pairs and keys we do not know (hosts add their own).
fn well_formed_fragment() -> impl Strategy<Value = String> {
    let id = "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}";
    let prefix = prop_oneof![Just(""), Just("#"), Just("/"), Just("#/")];
    let view = prop_oneof![
        Just("timeline"),
        Just("map"),
        Just("policies"),
        Just("about")
    ];
    let item = prop_oneof![
        Just(String::new()),
        Just("/".to_string()),
        id.prop_map(|id| format!("/{id}")),
    ];
    let path = prop_oneof![
        Just(String::new()),
        (view, item).prop_map(|(view, item)| format!("{view}{item}")),
    ];
    let pair = prop_oneof![
        Just(String::new()),
        Just("lang=en".to_string()),
        Just("lang=es".to_string()),
        Just("present=1".to_string()),
        Just("present=1&part=2".to_string()),
        id.prop_map(|id| format!("dim={id}")),
        "(utm_|x-)[a-z]{1,6}=[A-Za-z0-9%._=?/-]{0,8}",
    ];
    let query = prop_oneof![
        Just(String::new()),
        proptest::collection::vec(pair, 0..6).prop_map(|pairs| format!("?{}", pairs.join("&"))),
    ];
    (prefix, path, query).prop_map(|(prefix, path, query)| format!("{prefix}{path}{query}"))
}

proptest! {
    #![proptest_config(config())]

    // Any string at all: parsing and resolving never panic, and the state they return, the one
    // the app shows, is written as a link that reopens exactly that state, with no notice.
    #[test]
    fn arbitrary_text_never_panics(fragment in "\\PC{0,80}") {
        let data = ecuador_explainer::data::dataset();
        let (state, _) = resolve(Link::parse(&fragment), data);
        prop_assert_eq!(resolve(Link::parse(&state.to_hash()), data), (state, None));
    }

    #[test]
    fn damaged_links_never_panic(fragment in hostile_fragment()) {
        let (state, notice) = resolve(Link::parse(&fragment), ecuador_explainer::data::dataset());
        // A fallback always comes with a reason the reader is told, unless nothing was wrong.
        if matches!(Link::parse(&fragment), Parsed::Invalid { .. }) {
            prop_assert!(notice.is_some());
        }
        let _ = state.to_hash();
    }

    // Every valid link is written and read back unchanged.
    #[test]
    fn valid_links_round_trip(link in valid_link()) {
        prop_assert_eq!(Link::parse(&link.to_hash()), Parsed::Valid(link));
    }

    // Every well-formed link is read as valid, and the state read from it is written in our own
    // form and read back unchanged.
    #[test]
    fn parsed_links_round_trip(fragment in well_formed_fragment()) {
        let parsed = Link::parse(&fragment);
        prop_assert!(
            matches!(parsed, Parsed::Valid(_) | Parsed::Missing),
            "{fragment:?} is well formed, yet read as {parsed:?}"
        );
        if let Parsed::Valid(link) = parsed {
            prop_assert_eq!(Link::parse(&link.to_hash()), Parsed::Valid(link));
        }
    }
}
