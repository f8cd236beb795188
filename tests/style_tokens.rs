//! The stylesheet keeps to its design tokens: every font size, margin, padding and gap in
//! `style/main.css` is a custom property of the type or spacing scale defined at the top of the
//! file (or an `em`/`%`/viewport length that scales with its component), never a literal `rem`,
//! `px` or `pt` length; and every `var(--…)` it uses is defined. A stray `font-size: 0.9rem` or
//! `var(--space-7)` fails here with its line.

#![cfg(not(target_arch = "wasm32"))]

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css");

fn stylesheet() -> String {
    std::fs::read_to_string(PATH).unwrap_or_else(|e| panic!("{PATH}: {e}"))
}

/// The text with comments blanked out (newlines kept, so line numbers still hold).
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .map_or(rest.len(), |e| start + e + 2);
        out.extend(rest[start..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every declaration `(line, property, value)` in the sheet.
fn declarations(css: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    let mut line = 1;
    let mut current = String::new();
    let mut start_line = 1;
    for c in css.chars() {
        match c {
            '{' | '}' | ';' => {
                if let Some((property, value)) = current.split_once(':') {
                    let property = property.trim();
                    // A selector with a pseudo-class (`a:hover {`) ends with `{`, not `;`.
                    if c != '{' && !property.is_empty() && !property.contains(char::is_whitespace) {
                        found.push((start_line, property.to_owned(), value.trim().to_owned()));
                    }
                }
                current.clear();
            }
            _ => {
                if current.trim().is_empty() {
                    start_line = line;
                }
                current.push(c);
            }
        }
        if c == '\n' {
            line += 1;
        }
    }
    found
}

/// The declarations of the rules: every one but the custom properties (the tokens themselves).
fn rule_declarations() -> Vec<(usize, String, String)> {
    declarations(&without_comments(&stylesheet()))
        .into_iter()
        .filter(|(_, property, _)| !property.starts_with("--"))
        .collect()
}

fn is_spacing(property: &str) -> bool {
    property == "gap"
        || property == "row-gap"
        || property == "column-gap"
        || property.starts_with("margin")
        || property.starts_with("padding")
}

/// The literal lengths in `value` that should be tokens: numbers with rem, px or pt, except the
/// hairline ±1px of the visually-hidden pattern.
fn literal_lengths(value: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = (bytes[i].is_ascii_digit() || bytes[i] == b'.')
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'-' && i >= 2 && bytes[i - 2].is_ascii_alphanumeric()));
        if !starts_number {
            i += 1;
            continue;
        }
        let begin = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        let unit_start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let number = &value[begin..unit_start];
        let unit = &value[unit_start..i];
        if matches!(unit, "rem" | "px" | "pt") && !(unit == "px" && number == "1") {
            bad.push(format!("{number}{unit}"));
        }
    }
    bad
}

#[test]
fn font_sizes_and_spacing_use_the_scales() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (line, property, value) in rule_declarations() {
        if property == "font-size" || is_spacing(&property) {
            checked += 1;
            for literal in literal_lengths(&value) {
                problems.push(format!(
                    "style/main.css:{line}: `{property}: {value}` uses {literal}: use a --text-* or --space-* token"
                ));
            }
        }
    }
    assert!(
        checked > 200,
        "only {checked} font-size/spacing declarations found: is the parser broken?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_custom_property_used_is_defined_and_every_scale_step_is_used() {
    let css = without_comments(&stylesheet());
    let defined: Vec<String> = declarations(&css)
        .into_iter()
        .filter(|(_, p, _)| p.starts_with("--"))
        .map(|(_, p, _)| p)
        .collect();
    let mut problems = Vec::new();
    let mut used = Vec::new();
    for (n, text) in css.lines().enumerate() {
        let mut rest = text;
        while let Some(at) = rest.find("var(--") {
            let name: String = rest[at + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !defined.contains(&name) {
                problems.push(format!(
                    "style/main.css:{}: var({name}) is not defined",
                    n + 1
                ));
            }
            used.push(name);
            rest = &rest[at + 4..];
        }
    }
    for name in &defined {
        let scale = ["--text-", "--space-", "--print-text-", "--print-space-"];
        if scale.iter().any(|s| name.starts_with(s)) && !used.contains(name) {
            problems.push(format!(
                "style/main.css: the scale step {name} is defined but never used"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Colour literals (`#hex`, `rgb(`, `hsl(`) in `value`.
fn literal_colours(value: &str) -> Vec<String> {
    let mut bad: Vec<String> = ["rgb(", "rgba(", "hsl(", "hsla("]
        .iter()
        .filter(|f| value.contains(*f))
        .map(|f| f.to_string())
        .collect();
    for (at, _) in value.match_indices('#') {
        let hex: String = value[at + 1..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        if matches!(hex.len(), 3 | 4 | 6 | 8) {
            bad.push(format!("#{hex}"));
        }
    }
    bad
}

#[test]
fn colours_are_tokens() {
    let mut problems = Vec::new();
    for (line, property, value) in rule_declarations() {
        for literal in literal_colours(&value) {
            problems.push(format!(
                "style/main.css:{line}: `{property}: {value}` uses the colour {literal}: use a colour token (--text, --accent, …)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_catch_a_literal_length() {
    assert_eq!(literal_lengths("0 var(--space-2) 0.9rem"), ["0.9rem"]);
    assert_eq!(
        literal_lengths("calc(-1 * var(--space-1)) 12px 9pt"),
        ["12px", "9pt"]
    );
    assert!(literal_lengths("0 auto 1.2em 50% -1px 4vw").is_empty());
    assert!(literal_lengths("var(--space-1-5) var(--text-2xl)").is_empty());
    assert_eq!(literal_colours("1px solid #888888"), ["#888888"]);
    assert_eq!(literal_colours("0 2px 6px rgb(0 0 0 / 0.15)"), ["rgb("]);
    assert!(literal_colours("var(--muted)").is_empty());
    let parsed = declarations("a:hover { margin: 0.5rem; }\n.b { --x: 1rem; font-size: var(--x) }");
    let props: Vec<&str> = parsed.iter().map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(props, ["margin", "--x", "font-size"]);
}
