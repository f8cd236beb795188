//! Fuzzing the URL codec: links arrive from anywhere (chat apps, host pages, hand edits), so no
//! input may panic, and every valid state must survive a round trip. 100,000+ cases per run.

#![cfg(not(target_arch = "wasm32"))]

use content::Lang;
use ecuador_explainer::url_state::{resolve, Parsed, View, ViewState};
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

fn valid_state() -> impl Strategy<Value = ViewState> {
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
    )
        .prop_map(|(view, item, lang, dim, present)| ViewState {
            view,
            item,
            lang,
            dim,
            present,
        })
}

proptest! {
    #![proptest_config(config())]

    // Any string at all: parsing and resolving never panic, and what they return is a state the
    // app can show (a known view; an item, if any, that exists).
    #[test]
    fn arbitrary_text_never_panics(fragment in "\\PC{0,80}") {
        let parsed = ViewState::parse(&fragment);
        let (state, _) = resolve(parsed, ecuador_explainer::data::embedded());
        if let Some(item) = &state.item {
            prop_assert!(!item.is_empty());
        }
    }

    #[test]
    fn damaged_links_never_panic(fragment in hostile_fragment()) {
        let (state, notice) = resolve(ViewState::parse(&fragment), ecuador_explainer::data::embedded());
        // A fallback always comes with a reason the reader is told, unless nothing was wrong.
        if matches!(ViewState::parse(&fragment), Parsed::Invalid { .. }) {
            prop_assert!(notice.is_some());
        }
        let _ = state.to_hash();
    }

    // Every valid state is written and read back unchanged.
    #[test]
    fn valid_states_round_trip(state in valid_state()) {
        prop_assert_eq!(ViewState::parse(&state.to_hash()), Parsed::Valid(state));
    }
}
