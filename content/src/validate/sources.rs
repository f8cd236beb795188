//! `data/sources.toml`: every source has a publisher and a title, a well-formed address, and a
//! seed is named by its file.

use super::Report;
use crate::model::SourceKind;
use crate::Dataset;

const FILE: &str = "data/sources.toml";

pub(super) fn check(data: &Dataset, out: &mut Report<'_>) {
    for source in data.sources.iter() {
        let record = format!("source `{}`", source.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_file_names() {
        assert!(is_seed_file_name("004_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("E08"));
        assert!(!is_seed_file_name("4_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("004_1519C7F3FB1F70C6.txt"));
    }
}
