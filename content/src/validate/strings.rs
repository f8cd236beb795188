//! `data/strings.toml`: every interface text in both languages, month lists of twelve.

use toml::Value;

use super::Report;

const FILE: &str = "data/strings.toml";

/// Every object in the strings file that holds `en`/`es` texts must hold both; month lists
/// must have twelve names in each language.
pub(super) fn check(out: &mut Report<'_>, value: &Value, path: &str) {
    let Some(object) = value.as_table() else {
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
                        out.add((FILE, "", field), "needs twelve month names");
                    }
                }
                _ => out.add((FILE, "", field), "is missing or empty"),
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
        check(out, child, &child_path);
    }
}
