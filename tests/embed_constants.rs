//! The host page's script (`static/embed.js`, plain JavaScript, shipped as is) and the embed's
//! Rust side must agree on the message types, the height bounds and the iframe's marker
//! attribute; nothing else ties them. This reads embed.js as text and compares what it uses with
//! the constants in `ecuador_explainer::embed`, so changing either side alone fails here.

#![cfg(not(target_arch = "wasm32"))]

use ecuador_explainer::embed::{
    self, EmbedOptions, CMD_NAVIGATE, CMD_REQUEST_HEIGHT, MAX_HEIGHT, MIN_HEIGHT, MSG_HEIGHT,
    MSG_STATE,
};
use ecuador_explainer::url_state::MAX_LEN;

fn embed_js() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/embed.js");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The number in `var NAME = <digits>;`.
fn js_number(js: &str, name: &str) -> u64 {
    let declaration = format!("var {name} = ");
    let start = js
        .find(&declaration)
        .unwrap_or_else(|| panic!("embed.js declares no `{declaration}…;`"))
        + declaration.len();
    let digits = &js[start..js[start..].find(';').map_or(js.len(), |end| start + end)];
    digits
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("embed.js: {name} = {digits:?} is not a whole number: {e}"))
}

/// Every string literal in embed.js (single or double quoted) that starts with `prefix`.
fn literals_starting_with(js: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    for quote in ['\'', '"'] {
        let open = format!("{quote}{prefix}");
        let mut rest = js;
        while let Some(at) = rest.find(&open) {
            let body = &rest[at + 1..];
            let end = body
                .find(quote)
                .unwrap_or_else(|| panic!("embed.js: unterminated string {body:.40}…"));
            found.push(body[..end].to_string());
            rest = &body[end + 1..];
        }
    }
    found
}

#[test]
fn message_types_match() {
    let js = embed_js();
    let ours = [MSG_HEIGHT, MSG_STATE, CMD_NAVIGATE, CMD_REQUEST_HEIGHT];
    let used = literals_starting_with(&js, "ecuador-explainer:");
    // Every type embed.js names is one the Rust side knows…
    for literal in &used {
        assert!(
            ours.contains(&literal.as_str()),
            "embed.js uses {literal:?}, which is none of the Rust constants {ours:?}"
        );
    }
    // …and each one the host script needs is there, in its role: it accepts height and state
    // messages, fires the state event under the same name, and asks embeds for their height.
    // It also forwards a page's `ecuador-explainer:navigate` event to the embed as that command.
    for needed in [
        format!("data.type !== '{MSG_HEIGHT}'"),
        format!("data.type !== '{MSG_STATE}'"),
        format!("data.type === '{MSG_HEIGHT}'"),
        format!("new CustomEvent('{MSG_STATE}'"),
        format!("{{ type: '{CMD_REQUEST_HEIGHT}' }}"),
        format!("{{ type: '{CMD_NAVIGATE}', hash: hash }}"),
    ] {
        assert!(js.contains(&needed), "embed.js should contain `{needed}`");
    }
}

#[test]
fn height_bounds_match() {
    let js = embed_js();
    assert_eq!(js_number(&js, "MIN_HEIGHT"), u64::from(MIN_HEIGHT));
    assert_eq!(js_number(&js, "MAX_HEIGHT"), u64::from(MAX_HEIGHT));
    // Inclusive on both ends, as the embed clamps its heights to MIN_HEIGHT..=MAX_HEIGHT.
    assert!(
        js.contains("height < MIN_HEIGHT || height > MAX_HEIGHT"),
        "embed.js should reject only heights outside MIN_HEIGHT..=MAX_HEIGHT"
    );
}

// embed.js caps the deep links it relays at MAX_HASH; the embed never reads a link longer than
// the codec's MAX_LEN (there is no embed-specific constant on the Rust side).
#[test]
fn hash_limit_matches_the_codec() {
    assert_eq!(js_number(&embed_js(), "MAX_HASH"), MAX_LEN as u64);
}

#[test]
fn the_snippet_marks_its_iframe_as_embed_js_looks_for_it() {
    let js = embed_js();
    // The attribute in embed.js's `iframe[<attribute>]` selectors.
    let mut attributes = Vec::new();
    let mut rest = js.as_str();
    while let Some(at) = rest.find("iframe[") {
        let body = &rest[at + "iframe[".len()..];
        let end = body.find(']').expect("embed.js: unclosed iframe[ selector");
        attributes.push(body[..end].to_string());
        rest = &body[end..];
    }
    assert!(!attributes.is_empty(), "embed.js selects no iframe");
    let attribute = attributes[0].clone();
    assert!(
        attributes.iter().all(|a| *a == attribute),
        "embed.js selects iframes in different ways: {attributes:?}"
    );
    assert!(attribute.starts_with("data-"), "{attribute:?}");

    let base = "https://example.org/ecuador/";
    let snippet = embed::snippet(base, &EmbedOptions::default(), "Explainer", 900, true);
    let tag_end = snippet.find('>').expect("the snippet starts with a tag");
    let tag = &snippet[..tag_end];
    assert!(tag.starts_with("<iframe "), "{snippet}");
    assert!(
        tag.split_whitespace()
            .any(|a| a == attribute || a.starts_with(&format!("{attribute}="))),
        "the snippet's iframe lacks the {attribute:?} attribute embed.js looks for: {tag}"
    );
    // And it loads this very script.
    assert!(
        snippet.contains(&format!(r#"<script src="{base}embed.js" async>"#)),
        "{snippet}"
    );
}
