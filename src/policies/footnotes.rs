//! Footnote-style citations for the policy cards and comparison rows: the text carries small
//! numbered markers, and one drawer ("Sources (4)") under the card or row lists each source once,
//! in full, with its public copy and its bibliography entry. A marker opens the drawer at its
//! entry and moves focus there, so every source stays one click away from the sentence citing it.
//!
//! ```ignore
//! let scope = Scope::new("card", "plan-colombia");
//! let mut notes = Footnotes::default();
//! let verdict = notes.cite(verdict_sources); // [(1, angelo)]
//! let figure = notes.cite(figure_sources); // [(2, gao), (1, angelo)]: Angelo keeps his number
//! view! {
//!     <p><Cited text=&policy.verdict scope=scope.clone() marks=verdict/></p>
//!     <SourcesDrawer scope=scope sources=notes.into_sources()/> // "Sources (2)"
//! }
//! ```

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::Source;
use crate::url_state::Selection;
use crate::Ctx;

/// The numbered sources of one card or one comparison row: each source once, numbered in the
/// order it is first cited, so the markers in the text and the list in the drawer agree.
#[derive(Clone, Debug, Default)]
pub struct Footnotes<'a> {
    sources: Vec<&'a Source>,
}

impl<'a> Footnotes<'a> {
    /// Cites sources at one place in the text: their numbers (from 1), new sources numbered
    /// after those already cited, a source cited twice here listed once.
    pub fn cite(
        &mut self,
        sources: impl IntoIterator<Item = &'a Source>,
    ) -> Vec<(usize, &'a Source)> {
        let mut marks: Vec<(usize, &'a Source)> = Vec::new();
        for source in sources {
            let number = match self.sources.iter().position(|s| s.id == source.id) {
                Some(index) => index + 1,
                None => {
                    self.sources.push(source);
                    self.sources.len()
                }
            };
            if !marks.iter().any(|(n, _)| *n == number) {
                marks.push((number, source));
            }
        }
        marks
    }

    /// Every source cited, in the order of their numbers.
    pub fn sources(&self) -> &[&'a Source] {
        &self.sources
    }

    pub fn into_sources(self) -> Vec<&'a Source> {
        self.sources
    }
}

/// Where a group's notes live in the page: the drawer `fn-<scope>` and its entries
/// `fn-<scope>-<n>` (a scope is `card-plan-colombia` or `row-years`: unique on the page).
#[derive(Clone, Debug, PartialEq)]
pub struct Scope(String);

impl Scope {
    pub fn new(kind: &str, id: &str) -> Scope {
        Scope(format!("fn-{kind}-{id}"))
    }

    pub fn drawer_id(&self) -> String {
        self.0.clone()
    }

    pub fn entry_id(&self, number: usize) -> String {
        format!("{}-{number}", self.0)
    }
}

/// The host of a public address, as a compact link text: `https://www.gao.gov/x` → `gao.gov`.
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        url
    } else {
        host
    }
}

/// Splits a text before its last word, so the word and the markers after it stay on one line
/// (a marker alone at the start of a line reads as belonging to nothing).
pub fn last_word(text: &str) -> (&str, &str) {
    let text = text.trim_end();
    match text.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        Some((i, c)) => text.split_at(i + c.len_utf8()),
        None => ("", text),
    }
}

/// "Sources (4)", "Source 2: Angelo, War on the Rocks, Feb 2024": a string's `{n}` and `{source}`.
pub fn fill(template: &str, number: usize, source: &str) -> String {
    template
        .replace("{n}", &number.to_string())
        .replace("{source}", source)
}

/// Opens a drawer at one entry: the drawer opens, the entry is marked as the one asked for and
/// takes the focus (which scrolls it into view), so the reader and a screen reader land on it.
fn reveal_entry(drawer_id: &str, entry_id: &str) {
    let document = document();
    let Some(drawer) = document.get_element_by_id(drawer_id) else {
        return;
    };
    let _ = drawer.set_attribute("open", "");
    if let Ok(current) = drawer.query_selector_all("[data-current]") {
        for i in 0..current.length() {
            if let Some(element) = current
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.remove_attribute("data-current");
            }
        }
    }
    if let Some(entry) = document.get_element_by_id(entry_id) {
        let _ = entry.set_attribute("data-current", "");
        if let Ok(entry) = entry.dyn_into::<web_sys::HtmlElement>() {
            let _ = entry.focus();
        }
    }
}

/// The markers after a sentence: superscript numbers, each a link to the source's bibliography
/// entry (which a new tab or window still opens) that, clicked, opens the drawer at its entry.
#[component]
pub fn Marks(scope: Scope, marks: Vec<(usize, &'static Source)>) -> impl IntoView {
    let ctx = Ctx::use_context();
    if marks.is_empty() {
        return None;
    }
    let links = marks
        .into_iter()
        .map(|(number, source)| {
            let drawer = scope.drawer_id();
            let entry = scope.entry_id(number);
            let short = move || crate::ui::cite::short_citation(&ctx, source);
            let label = move || fill(&ctx.t(|s| &s.footnote_label), number, &short());
            view! {
                <a
                    class="fn-ref"
                    href=move || ctx.href(Selection::Source(source.id.clone()))
                    aria-label=label
                    title=short
                    on:click=move |ev: web_sys::MouseEvent| {
                        // A new tab or window (a modified click) still opens the bibliography.
                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                            return;
                        }
                        ev.prevent_default();
                        reveal_entry(&drawer, &entry);
                    }
                >
                    {number}
                </a>
            }
        })
        .collect_view();
    Some(view! { <sup class="fn-marks">{links}</sup> })
}

/// A text in the current language with its markers after the last word (kept on its line);
/// with `shown`, the markers only while it is true (a closed comparison row hides them).
#[component]
pub fn Cited(
    text: &'static content::Text,
    scope: Scope,
    marks: Vec<(usize, &'static Source)>,
    #[prop(optional)] shown: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let head = move || last_word(&ctx.text(text)).0.to_string();
    let tail = move || last_word(&ctx.text(text)).1.to_string();
    let marks = view! { <Marks scope=scope marks=marks/> };
    let marks = match shown {
        Some(shown) => view! { <span hidden=move || !shown.get()>{marks}</span> }.into_any(),
        None => marks.into_any(),
    };
    view! { {head}<span class="fn-glue">{tail}{marks}</span> }
}

/// The numbered list of full entries: each with its public copy (its site's name as the link)
/// and its entry in the bibliography.
#[component]
pub fn NoteList(scope: Scope, sources: Vec<&'static Source>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let items = sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let link = source.url.as_ref().map(|url| {
                view! {
                    " "
                    <a class="source-link" href=url.to_string() title=url.to_string() target="_blank" rel="noopener noreferrer">
                        {host(url).to_string()}
                        <span aria-hidden="true">" ↗"</span>
                    </a>
                }
            });
            view! {
                <li id=scope.entry_id(i + 1) tabindex="-1">
                    <cite>{move || crate::ui::cite::citation_text(&ctx, source)}</cite>
                    {link}
                    " "
                    <a class="bib-link" href=move || ctx.href(Selection::Source(source.id.clone()))>
                        {move || ctx.t(|s| &s.label_bibliography_entry)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="fn-list">{items}</ol> }
}

/// "Sources (4)", folded: the one list of a card's or a comparison row's sources.
#[component]
pub fn SourcesDrawer(scope: Scope, sources: Vec<&'static Source>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let count = sources.len();
    let summary = move || fill(&ctx.t(|s| &s.sources_count), count, "");
    (count > 0).then(|| {
        let id = scope.drawer_id();
        view! {
            <details class="fn-drawer" id=id>
                <summary>{summary}</summary>
                <NoteList scope=scope sources=sources/>
            </details>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> &'static [Source] {
        &crate::data::dataset().sources
    }

    // The markers and the drawer must agree: a source keeps its first number wherever it is
    // cited again, and new ones continue the count.
    #[test]
    fn numbers_sources_once_in_order_of_first_citation() {
        let [a, b, c, ..] = sources() else {
            panic!("at least three sources");
        };
        let mut notes = Footnotes::default();
        let numbers =
            |marks: Vec<(usize, &Source)>| marks.iter().map(|(n, _)| *n).collect::<Vec<_>>();
        assert_eq!(numbers(notes.cite([a, b])), [1, 2]);
        assert_eq!(numbers(notes.cite([c, a])), [3, 1]);
        // Twice in one place: one marker.
        assert_eq!(numbers(notes.cite([b, b])), [2]);
        assert_eq!(numbers(notes.cite([])), Vec::<usize>::new());
        let ids: Vec<&str> = notes.sources().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, [a.id.as_str(), b.id.as_str(), c.id.as_str()]);
    }

    // Ids must be unique on the page and stable for the e2e tests and the markers' targets.
    #[test]
    fn scopes_name_the_drawer_and_its_entries() {
        let scope = Scope::new("row", "years");
        assert_eq!(scope.drawer_id(), "fn-row-years");
        assert_eq!(scope.entry_id(3), "fn-row-years-3");
    }

    #[test]
    fn a_link_reads_as_its_site() {
        assert_eq!(host("https://www.gao.gov/products/gao-09-71"), "gao.gov");
        assert_eq!(
            host("http://warontherocks.com/2024/02/x?y=1"),
            "warontherocks.com"
        );
        assert_eq!(host("https://example.org#top"), "example.org");
        assert_eq!(host("https://user@news.example.org/"), "news.example.org");
        assert_eq!(host("not a url"), "not a url");
        assert_eq!(host("https:///path"), "https:///path");
    }

    // The last word keeps its markers; a text of one word is all tail.
    #[test]
    fn splits_before_the_last_word() {
        assert_eq!(
            last_word("About $10bn over 15 years"),
            ("About $10bn over 15 ", "years")
        );
        assert_eq!(
            last_word("Reduced violence”.  "),
            ("Reduced ", "violence”.")
        );
        assert_eq!(
            last_word("2007\u{a0}to\u{a0}2021"),
            ("2007\u{a0}to\u{a0}", "2021")
        );
        assert_eq!(last_word("Ecuador"), ("", "Ecuador"));
        assert_eq!(last_word(""), ("", ""));
    }

    #[test]
    fn templates_take_a_number_and_a_source() {
        assert_eq!(fill("Sources ({n})", 4, ""), "Sources (4)");
        assert_eq!(
            fill("Fuente {n}: {source}", 2, "CRS, 2021"),
            "Fuente 2: CRS, 2021"
        );
    }
}
