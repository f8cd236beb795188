//! `data/sources.toml`: every source has a publisher and a title, a well-formed address, and a
//! seed is named by its file.

use super::Report;
use std::collections::HashMap;

use crate::model::{Checked, SourceKind};
use crate::Dataset;

const FILE: &str = "data/sources.toml";

pub(super) fn check(data: &Dataset, out: &mut Report<'_>) {
    let mut addresses: HashMap<&str, &str> = HashMap::new();
    for source in data.sources.iter() {
        let record = format!("source `{}`", source.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        match (&source.publisher, source.checked) {
            (Some(publisher), _) if publisher.trim().is_empty() => {
                out.add(at("publisher"), "is empty")
            }
            (None, Checked::Read | Checked::Listed) => out.add(
                at("publisher"),
                "is missing (only a source with no public copy may leave it out)",
            ),
            _ => {}
        }
        if source
            .publisher_short
            .as_ref()
            .is_some_and(|p| p.trim().is_empty())
        {
            out.add(at("publisher_short"), "is empty");
        }
        if source.authors.iter().any(|a| a.trim().is_empty()) {
            out.add(at("authors"), "holds an empty name");
        }
        match (&source.title, &source.description) {
            (Some(title), _) if title.trim().is_empty() => out.add(at("title"), "is empty"),
            (Some(title), _) if is_pseudo_title(title) => out.add(
                at("title"),
                format!("`{title}` is a description in brackets, not a title: move it to `description` (both languages)"),
            ),
            (None, None) => out.add(
                at("description"),
                "a source without a real `title` needs a `description` (both languages)",
            ),
            _ => {}
        }
        if let Some(description) = &source.description {
            out.text(at("description"), description);
        }
        if let Some(note) = &source.note {
            out.text(at("note"), note);
        }
        match (&source.url, source.checked) {
            (Some(url), Checked::None) => out.add(
                at("url"),
                format!("`{url}` is given but `checked` says no public copy was found"),
            ),
            (None, Checked::Read | Checked::Listed) => out.add(
                at("url"),
                "is missing: give the public address, or set `checked = \"none\"`",
            ),
            _ => {}
        }
        if let Some(url) = &source.url {
            if let Err(problem) = check_address(url) {
                out.add(at("url"), format!("`{url}` {problem}"));
            }
            if let Some(first) = addresses.insert(url, source.id.as_str()) {
                out.add(
                    at("url"),
                    format!("`{url}` is also the address of source `{first}`"),
                );
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
    }
}

/// Hosts that are never a source's public address: search engines and their caches, and sites
/// that mirror, aggregate or re-post other outlets' work. The original outlet's page is cited
/// instead.
const NOT_AN_ORIGINAL: [&str; 16] = [
    "google.",
    "bing.com",
    "duckduckgo.com",
    "search.yahoo.com",
    "yandex.",
    "webcache.googleusercontent.com",
    "translate.goog",
    "web.archive.org",
    "archive.today",
    "archive.ph",
    "archive.is",
    "liquisearch.com",
    "wikisum.wiki",
    "docslib.org",
    "scribd.com",
    "studocu.com",
];

/// A well-formed `http(s)` address of an original page, or what is wrong with it.
pub(crate) fn check_address(url: &str) -> Result<(), String> {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err("is not an http or https address".into());
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("holds spaces, quotes or angle brackets".into());
    }
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let well_formed = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if !well_formed {
        return Err(format!("has no valid host name (`{host}`)"));
    }
    let dotted = format!(".{host}");
    if let Some(bad) = NOT_AN_ORIGINAL.iter().find(|bad| {
        let bad = bad.trim_end_matches('.');
        dotted.ends_with(&format!(".{bad}")) || dotted.contains(&format!(".{bad}."))
    }) {
        return Err(format!(
            "is a search-engine, cache or mirror address (`{bad}`): cite the original page"
        ));
    }
    Ok(())
}

/// "[Report on …]": a description dressed as a title.
fn is_pseudo_title(title: &str) -> bool {
    let title = title.trim();
    title.starts_with('[') && title.ends_with(']')
}

/// `004_1519c7f3fb1f70c6.txt`: three digits, an underscore, sixteen lowercase hex digits.
fn is_seed_file_name(name: &str) -> bool {
    name.len() == 24 && name.ends_with(".txt") && super::names_a_seed_file(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_must_be_original_pages() {
        for good in [
            "https://warontherocks.com/2024/02/a-plan-ecuador-is-needed/",
            "http://www.washingtonpost.com/wp-dyn/content/article/2009/09/18/AR2009091803407.html",
            "https://www.gao.gov/assets/a282521.html?x=1#top",
            "https://en.wikipedia.org/wiki/Plan_Colombia",
        ] {
            assert_eq!(check_address(good), Ok(()), "{good}");
        }
        for bad in [
            "ftp://example.org/file",
            "www.example.org/page",
            "https://",
            "https://localhost/page",
            "https://exa mple.org/",
            "https://example.org/a page",
            "https://www.google.com/search?q=plan+colombia",
            "https://www.bing.com/search?q=x",
            "https://web.archive.org/web/2010/http://example.org/",
            "http://www.liquisearch.com/plan_colombia/financing",
            "https://docslib.org/doc/1/x",
            "https://example-.org/",
        ] {
            assert!(check_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bracketed_descriptions_are_not_titles() {
        assert!(is_pseudo_title(
            "[Report on El Salvador's state of exception]"
        ));
        assert!(!is_pseudo_title("Plan Colombia [GAO-09-71]"));
    }

    #[test]
    fn seed_file_names() {
        assert!(is_seed_file_name("004_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("E08"));
        assert!(!is_seed_file_name("4_1519c7f3fb1f70c6.txt"));
        assert!(!is_seed_file_name("004_1519C7F3FB1F70C6.txt"));
    }
}
