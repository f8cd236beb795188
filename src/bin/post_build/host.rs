//! The post-build tool itself (host only; see `main.rs`).

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use content::export::downloads;
use content::{wire, Lang};
use ecuador_explainer::data::Dataset;
use ecuador_explainer::embed::{snippet, EmbedOptions};

/// The height the oEmbed iframe asks for where the host runs no script.
const OEMBED_HEIGHT: u32 = 900;

pub fn main() {
    let dir = match (env::args().nth(1), env::var("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Ok(staging)) => PathBuf::from(staging),
        (None, Err(_)) => {
            eprintln!("usage: post-build <dir>  (or run from Trunk, which sets TRUNK_STAGING_DIR)");
            process::exit(2);
        }
    };
    if let Err(message) = run(&dir) {
        eprintln!("post-build: {message}");
        process::exit(1);
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let data = ecuador_explainer::data::dataset();
    let downloads_dir = dir.join("downloads");
    fs::create_dir_all(&downloads_dir).map_err(|e| format!("{}: {e}", downloads_dir.display()))?;
    for download in downloads(data) {
        write(&downloads_dir.join(&download.name), &download.body)?;
    }

    let index = dir.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let Some((html, _, loader)) = externalize_loader(&html) else {
        return Err(format!(
            "{}: no inline module loader found (has Trunk's output changed?)",
            index.display()
        ));
    };
    // oembed.json needs the published address (an oEmbed iframe is absolute): without it, no
    // document and no link to one, rather than one that points at a developer's machine.
    let url = env::var("EXPLAINER_URL")
        .ok()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
        .map(|url| {
            if url.ends_with('/') {
                url
            } else {
                format!("{url}/")
            }
        });
    match &url {
        Some(url) => write(&dir.join("oembed.json"), &oembed(data, url))?,
        None => eprintln!(
            "post-build: EXPLAINER_URL is not set (or not an http(s) address): no oembed.json; \
             set it to the published address to describe the explainer for oEmbed"
        ),
    }
    // The dataset the app reads, a file per language, under names that change with their
    // content (cached for good).
    let data_names = Lang::ALL.map(|lang| {
        let file = wire::encode(data, ecuador_explainer::data::SCHEMA, Some(lang));
        let name = format!("data-{}-{:016x}.bin", lang.code(), fnv1a(&file));
        write_bytes(&dir.join(&name), &file).map(|()| name)
    });
    let [en, es] = data_names;
    let data_names = [en?, es?];
    // Both languages in one file, for the offline single file (scripts/single-file.mjs), which
    // carries the whole dataset; pages never ask for it.
    let both = ecuador_explainer::data::file();
    let both_name = format!("data-all-{:016x}.bin", fnv1a(both));
    write_bytes(&dir.join(both_name), both)?;
    // The pages of both languages with the first view, and our loader in place of Trunk's.
    let pages = crate::first_view::pages(data, &html, &loader, &data_names, url.is_some())
        .map_err(|e| format!("{}: {e}", index.display()))?;
    for page in pages {
        write(&dir.join(&page.name), &page.body)?;
    }

    // Last, so every file above has its compressed siblings.
    crate::compress::write_siblings(dir)?;
    Ok(())
}

fn write(path: &Path, body: &str) -> Result<(), String> {
    write_bytes(path, body.as_bytes())
}

fn write_bytes(path: &Path, body: &[u8]) -> Result<(), String> {
    fs::write(path, body).map_err(|e| format!("{}: {e}", path.display()))
}

/// Finds the one inline `<script type=module>` Trunk writes, and returns the page with it
/// replaced by `<script type="module" src="./boot-<hash>.js">`, the file name and its content.
/// `None` if there is no inline module script.
fn externalize_loader(html: &str) -> Option<(String, String, String)> {
    let opening = ["<script type=module>", r#"<script type="module">"#]
        .into_iter()
        .find_map(|tag| html.find(tag).map(|at| (at, tag.len())))?;
    let (start, tag_len) = opening;
    let body_start = start + tag_len;
    let body_len = html[body_start..].find("</script>")?;
    let script = html[body_start..body_start + body_len].trim().to_string();
    let name = format!("boot-{:016x}.js", fnv1a(script.as_bytes()));
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..start]);
    out.push_str(&format!(
        r#"<script type="module" src="./{name}"></script>"#
    ));
    out.push_str(&html[body_start + body_len + "</script>".len()..]);
    Some((out, name, script))
}

/// A content hash for the file name, so caches never serve an old loader with new files.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The oEmbed document (type `rich`) for the whole explainer.
fn oembed(data: &Dataset, url: &str) -> String {
    let title = data.strings.app_title.get(Lang::En);
    // The default options are the whole explainer, following the reader's colours.
    let html = snippet(url, &EmbedOptions::default(), title, OEMBED_HEIGHT, true);
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": title,
        "provider_url": url,
        "width": 800,
        "height": OEMBED_HEIGHT,
        "html": html,
    });
    format!("{doc:#}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_the_minified_loader_into_a_file() {
        let page = r#"<head><script type=module>import init from"./a.js";await init();</script><link href=./a.css></head>"#;
        let (html, name, script) = externalize_loader(page).expect("a loader");
        assert_eq!(script, r#"import init from"./a.js";await init();"#);
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert_eq!(
            html,
            format!(
                r#"<head><script type="module" src="./{name}"></script><link href=./a.css></head>"#
            )
        );
        // A different loader gets a different name.
        let (_, other, _) = externalize_loader(&page.replace("a.js", "b.js")).expect("a loader");
        assert_ne!(name, other);
    }

    #[test]
    fn reads_the_unminified_form_and_refuses_pages_without_one() {
        let page = "<script type=\"module\">\n  go();\n</script>";
        assert_eq!(
            externalize_loader(page).map(|(_, _, s)| s).as_deref(),
            Some("go();")
        );
        assert_eq!(externalize_loader("<script src=x.js></script>"), None);
        assert_eq!(externalize_loader("<script type=module>unclosed"), None);
    }

    #[test]
    fn oembed_is_a_rich_document_with_an_absolute_iframe() {
        let doc = oembed(
            ecuador_explainer::data::dataset(),
            "https://news.example/ecuador/",
        );
        let json: serde_json::Value = serde_json::from_str(&doc).expect("valid JSON");
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        let html = json["html"].as_str().expect("html");
        assert!(
            html.starts_with(r#"<iframe src="https://news.example/ecuador/index.html?embed=all"#)
        );
        assert!(html.contains(r#"loading="lazy""#) && html.contains("title="));
        assert!(json["height"].as_u64().is_some() && json["width"].as_u64().is_some());
    }
}
