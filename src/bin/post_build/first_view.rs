//! The pages readers open: `index.html` (English) and `es.html` (Spanish), each the page Trunk
//! wrote with the static first view (`ecuador_explainer::first_view`) in place of the loading
//! message, our loader (`boot.js`) in place of Trunk's, and no preload of the wasm in the markup:
//! the first view's bytes come first on a slow link. Once the first view has painted, the
//! language script (`lang.js`) asks for the app's code at low priority, and the loader starts
//! the app.

use content::Lang;
use ecuador_explainer::data::Dataset;
use ecuador_explainer::first_view::{page_name, render};

/// Our loader; `__GLUE__`, `__WASM__`, `__DATA_EN__` and `__DATA_ES__` become this build's file
/// names.
const BOOT_TEMPLATE: &str = include_str!("boot.js");
/// The language redirect that runs before the page is drawn, and asks early for the app's code;
/// `__GLUE__` and `__WASM__` become this build's file names.
const LANG_SCRIPT: &str = include_str!("lang.js");

/// A file to write: its name in the release folder and its text.
pub struct Page {
    pub name: String,
    pub body: String,
}

/// The loader Trunk wrote names the wasm-bindgen glue and the wasm: `./x.js`, `./x_bg.wasm`.
pub fn app_files(loader: &str) -> Option<(String, String)> {
    let glue = quoted_file(loader, ".js")?;
    let wasm = quoted_file(loader, "_bg.wasm")?;
    Some((glue, wasm))
}

/// The first `./name<suffix>` in the text, up to its closing quote.
fn quoted_file(text: &str, suffix: &str) -> Option<String> {
    text.match_indices("./").find_map(|(at, _)| {
        let rest = &text[at + 2..];
        let end = rest.find(['"', '\'', '`'])?;
        let name = &rest[..end];
        (name.ends_with(suffix) && !name.contains(['/', '\\', ' '])).then(|| name.to_string())
    })
}

/// The pages, the loader and the language script for a page Trunk wrote (`html`, with its
/// loader already moved to a file, see `host::externalize_loader`), that loader's text and the
/// names of the data files the app reads (English, Spanish). Without `oembed` (no `oembed.json` was written), the
/// pages do not link to one.
pub fn pages(
    data: &'static Dataset,
    html: &str,
    loader: &str,
    data_files: &[String; 2],
    oembed: bool,
) -> Result<Vec<Page>, String> {
    let (glue, wasm) = app_files(loader).ok_or("Trunk's loader names no glue .js and _bg.wasm")?;
    // This build's file names in place of the scripts' placeholders.
    let named = |template: &str| {
        template
            .replace("__GLUE__", &glue)
            .replace("__WASM__", &wasm)
            .replace("__DATA_EN__", &data_files[0])
            .replace("__DATA_ES__", &data_files[1])
    };
    let boot = named(BOOT_TEMPLATE);
    let boot_name = format!("boot-{:016x}.js", crate::host::fnv1a(boot.as_bytes()));
    let lang_script = named(LANG_SCRIPT);
    let lang_name = format!(
        "lang-{:016x}.js",
        crate::host::fnv1a(lang_script.as_bytes())
    );

    // Trunk's preloads would fetch the app at once, ahead of the first view's own bytes (and on a
    // page about to move to the other language).
    let mut page = without_tags(html, |tag| {
        tag.starts_with("<link")
            && (tag.contains("modulepreload")
                || tag.contains("_bg.wasm")
                || (!oembed && tag.contains("application/json+oembed")))
    });
    page = replace_script_src(&page, &boot_name)?;
    let mut out = vec![
        Page {
            name: boot_name,
            body: boot,
        },
        Page {
            name: lang_name.clone(),
            body: lang_script,
        },
    ];
    for lang in Lang::ALL {
        out.push(Page {
            name: page_name(lang).to_string(),
            body: page_for(data, &page, lang, &lang_name)?,
        });
    }
    Ok(out)
}

/// One language's page.
fn page_for(
    data: &'static Dataset,
    page: &str,
    lang: Lang,
    lang_script: &str,
) -> Result<String, String> {
    let html_tag = format!(r#"<html lang="{0}" data-page-lang="{0}">"#, lang.code());
    let mut page = replace_tag(page, "<html", &html_tag)?;
    let title = ecuador_explainer::ui::html::escape(data.strings.app_title.get(lang));
    page = replace_element(&page, "title", &format!("<title>{title}</title>"))?;
    // Alternates for search engines, and the language script before anything is drawn.
    let mut head = String::new();
    for other in Lang::ALL {
        head.push_str(&format!(
            r#"<link rel="alternate" hreflang="{}" href="./{}">"#,
            other.code(),
            page_name(other)
        ));
    }
    head.push_str(&format!(r#"<script src="./{lang_script}"></script>"#));
    page = insert_after_element(&page, "title", &head)?;
    // The view in place of the loading message, and no "needs JavaScript" notice: readers
    // without it get the view (its own <noscript> says what needs the app).
    page = replace_element(&page, "noscript", "")?;
    replace_app_content(&page, &render(data, lang))
}

/// `<div id=app …>…</div>` with `view` inside and no `aria-busy` (the page is ready).
fn replace_app_content(page: &str, view: &str) -> Result<String, String> {
    let id_at = ["id=app", r#"id="app""#]
        .iter()
        .find_map(|id| page.find(id))
        .ok_or("no element with id app")?;
    let open_start = page[..id_at].rfind("<div").ok_or("#app is not a div")?;
    let open_end = id_at + page[id_at..].find('>').ok_or("unclosed #app tag")? + 1;
    // The matching </div>: count the divs opened inside.
    let mut depth = 1;
    let mut at = open_end;
    let close_start = loop {
        let next_open = page[at..].find("<div").map(|i| at + i);
        let next_close = page[at..]
            .find("</div>")
            .map(|i| at + i)
            .ok_or("unclosed #app")?;
        match next_open {
            Some(open) if open < next_close => {
                depth += 1;
                at = open + 4;
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    break next_close;
                }
                at = next_close + 6;
            }
        }
    };
    Ok(format!(
        r#"{}<div id="app" data-first-view>{view}{}"#,
        &page[..open_start],
        &page[close_start..]
    ))
}

/// The page without the tags `drop` picks (void tags such as `<link>`).
fn without_tags(page: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        if !drop(tag) {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The page's one `<script type="module" src=…>` pointed at `name`.
fn replace_script_src(page: &str, name: &str) -> Result<String, String> {
    let start = page
        .find(r#"<script type="module" src=""#)
        .ok_or("no module script to point at the loader")?;
    let end = start + page[start..].find("</script>").ok_or("unclosed script")?;
    Ok(format!(
        r#"{}<script type="module" src="./{name}">{}"#,
        &page[..start],
        &page[end..]
    ))
}

/// The first tag starting with `opening` (e.g. `<html`) replaced by `tag`.
fn replace_tag(page: &str, opening: &str, tag: &str) -> Result<String, String> {
    let start = page.find(opening).ok_or(format!("no {opening}> tag"))?;
    let end = start
        + page[start..]
            .find('>')
            .ok_or(format!("unclosed {opening}"))?
        + 1;
    Ok(format!("{}{tag}{}", &page[..start], &page[end..]))
}

/// The first `<name …>…</name>` element replaced by `with`.
fn replace_element(page: &str, name: &str, with: &str) -> Result<String, String> {
    let start = page
        .find(&format!("<{name}"))
        .ok_or(format!("no <{name}>"))?;
    let close = format!("</{name}>");
    let end = start
        + page[start..]
            .find(&close)
            .ok_or(format!("unclosed <{name}>"))?
        + close.len();
    Ok(format!("{}{with}{}", &page[..start], &page[end..]))
}

/// `text` inserted right after the first `</name>`.
fn insert_after_element(page: &str, name: &str, text: &str) -> Result<String, String> {
    let close = format!("</{name}>");
    let at = page.find(&close).ok_or(format!("no </{name}>"))? + close.len();
    Ok(format!("{}{text}{}", &page[..at], &page[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_PAGE: &str = r#"<!doctype html><html lang=en><meta charset=utf-8><title>T</title><link href=oembed.json rel=alternate type=application/json+oembed><script type="module" src="./boot-1.js"></script><link href=./main.css rel=stylesheet><link crossorigin href=./app-1.js rel=modulepreload><link as=fetch href=./app-2_bg.wasm rel=preload type=application/wasm></head><body><div aria-busy=true id=app><div class=boot-message><p>Loading</p></div></div><noscript><div>Needs JS</div></noscript><template id=crash-card><div>x</div></template></body></html>"#;
    const LOADER: &str = r#"import init,*as bindings from"./app-1.js";const wasm=await init({module_or_path:`./app-2_bg.wasm`});"#;

    #[test]
    fn reads_the_app_files_from_trunks_loader() {
        assert_eq!(
            app_files(LOADER),
            Some(("app-1.js".to_string(), "app-2_bg.wasm".to_string()))
        );
        assert_eq!(app_files("import x from './a.css'"), None);
    }

    fn files() -> [String; 2] {
        ["data-en-1.bin".into(), "data-es-2.bin".into()]
    }

    // Each language gets its page, with the view in #app, our loader, no preloads and no
    // "needs JavaScript" notice; the crash card and the stylesheet stay.
    #[test]
    fn writes_a_page_per_language_with_the_view_in_place() {
        let data = ecuador_explainer::data::dataset();
        let pages = pages(data, TRUNK_PAGE, LOADER, &files(), true).expect("pages");
        let names: Vec<&str> = pages.iter().map(|p| p.name.as_str()).collect();
        assert!(names[0].starts_with("boot-") && names[1].starts_with("lang-"));
        assert_eq!(&names[2..], ["index.html", "es.html"]);
        assert!(pages[0].body.contains(r#""./app-1.js""#));
        assert!(pages[0].body.contains(r#""./app-2_bg.wasm""#));
        assert!(pages[0].body.contains(r#""./data-en-1.bin""#));
        assert!(pages[0].body.contains(r#""./data-es-2.bin""#));
        assert!(!pages[0].body.contains("__"));
        // The language script asks for this build's glue and wasm, and names no data file (the
        // language is the loader's choice).
        assert!(pages[1].body.contains(r#""./app-1.js""#));
        assert!(pages[1].body.contains(r#""./app-2_bg.wasm""#));
        assert!(!pages[1].body.contains("__") && !pages[1].body.contains(".bin"));
        for (page, lang) in pages[2..].iter().zip(Lang::ALL) {
            let html = &page.body;
            assert!(html.contains(&format!(
                r#"<html lang="{0}" data-page-lang="{0}">"#,
                lang.code()
            )));
            assert!(html.contains(&format!(r#"<script type="module" src="./{}">"#, names[0])));
            assert!(html.contains(&format!(r#"<script src="./{}"></script>"#, names[1])));
            assert!(!html.contains("modulepreload") && !html.contains("_bg.wasm"));
            assert!(!html.contains("Needs JS") && !html.contains("boot-message"));
            assert!(html.contains(r#"<div id="app" data-first-view><header"#));
            assert!(html.contains("<template id=crash-card><div>x</div></template>"));
            assert!(html.contains("href=./main.css"));
            let title = data.events[0].title.get(lang);
            assert!(html.contains(title), "{lang:?}");
            assert!(html.contains("href=oembed.json"));
        }
        // No oembed.json, no link to it.
        let pages = super::pages(data, TRUNK_PAGE, LOADER, &files(), false).expect("pages");
        assert!(pages.iter().all(|p| !p.body.contains("oembed")));
    }

    #[test]
    fn refuses_a_page_it_cannot_read() {
        let data = ecuador_explainer::data::dataset();
        assert!(pages(data, "<html><body></body></html>", LOADER, &files(), true).is_err());
        assert!(pages(data, TRUNK_PAGE, "no files here", &files(), true).is_err());
    }
}
