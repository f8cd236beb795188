//! "Download image": the map, the homicide chart and the policy funding chart as an SVG file and
//! a PNG at twice the size, each with its title, its sources line, the map's credit where a map
//! is drawn, and the explainer's address, in the reader's language and theme. Made in the page;
//! nothing is sent anywhere.
//!
//! `document` writes the file (plain Rust, tested natively), `chart` draws the bar charts,
//! `styles` turns the map's computed look into attributes, `browser` reads the page and saves.
//! A view gives [`DownloadImage`] a function that makes its [`Picture`]:
//!
//! ```ignore
//! view! { <DownloadImage picture=move || Some((my_picture(), "file-stem".to_string()))/> }
//! ```

pub mod browser;
pub mod chart;
pub mod document;
pub mod styles;

use leptos::prelude::*;

pub use document::{
    explainer_address, svg_document, svg_document_with_ids, Body, Palette, Picture,
};

use content::citation::short_citation;
use content::Text;

use crate::data::{SourceId, Strings};
use crate::Ctx;

/// A UI string in the current language, read once (for a click, not a view).
pub fn said(ctx: &Ctx, pick: fn(&Strings) -> &Text) -> String {
    pick(&ctx.data.strings)
        .get(ctx.lang.get_untracked())
        .to_string()
}

/// A file name from the data's words: lower-case letters, digits and single hyphens, whatever
/// the data holds (accents dropped: "año" → "ano").
pub fn file_stem(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for c in words.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    let stem = out.trim_end_matches('-');
    if stem.is_empty() {
        "image".to_string()
    } else {
        stem.to_string()
    }
}

/// "Sources: A; B; C." with each citation once, in order.
pub fn sources_line(label: &str, citations: impl IntoIterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for citation in citations {
        if !seen.contains(&citation) {
            seen.push(citation);
        }
    }
    format!("{label}: {}.", seen.join("; "))
}

/// The sources line of a list of source ids, in the current language.
pub fn sources_of<'a>(ctx: &Ctx, ids: impl IntoIterator<Item = &'a SourceId>) -> String {
    sources_line(&said(ctx, |s| &s.label_sources), short_citations(ctx, ids))
}

/// The short citations of `ids` ("Publisher, Mon YYYY"), in the reader's language.
pub fn short_citations<'a>(ctx: &Ctx, ids: impl IntoIterator<Item = &'a SourceId>) -> Vec<String> {
    let lang = ctx.lang.get_untracked();
    ids.into_iter()
        .filter_map(|id| ctx.data.source(id.as_str()))
        .map(|source| short_citation(source, &ctx.data.strings, lang))
        .collect()
}

/// A picture of `body` in the page's language, theme and font, with the explainer's name above
/// the title and its address under the sources.
pub fn picture(
    ctx: &Ctx,
    title: String,
    body: Body,
    palette: Palette,
    sources: String,
    credit: Option<String>,
) -> Picture {
    let address = browser::address();
    Picture {
        lang: ctx.lang.get_untracked().code().to_string(),
        kicker: said(ctx, |s| &s.app_title),
        title,
        body,
        sources,
        credit,
        address: explainer_address(&address)
            .map(|a| format!("{} {a}", said(ctx, |s| &s.tools.handout_source))),
        palette,
        font: browser::font_family(),
    }
}

/// A width for a picture's drawing: what the reader sees, within bounds that keep text legible
/// and the file a sensible size.
pub fn drawing_width(on_screen: f64) -> f64 {
    on_screen.clamp(720.0, 1100.0)
}

/// The two buttons of a picture: SVG and PNG. `picture` makes what is shown now and the file's
/// name without its extension; a failure says so beside the buttons.
#[component]
pub fn DownloadImage<F>(picture: F) -> impl IntoView
where
    F: Fn() -> Option<(Picture, String)> + Send + Sync + 'static,
{
    let ctx = Ctx::use_context();
    let picture = StoredValue::new(picture);
    let failed = RwSignal::new(false);
    let make = move |png: bool| {
        failed.set(false);
        let Some((picture, stem)) = picture.with_value(|make| make()) else {
            failed.set(true);
            return;
        };
        if png {
            let svg = svg_document(&picture, 2.0);
            leptos::task::spawn_local(async move {
                if browser::save_png(&svg, &format!("{stem}.png"))
                    .await
                    .is_err()
                {
                    failed.set(true);
                }
            });
        } else {
            let svg = svg_document(&picture, 1.0);
            failed.set(browser::save_svg(&svg, &format!("{stem}.svg")).is_err());
        }
    };
    view! {
        <div class="picture-actions" role="group" aria-label=move || ctx.t(|s| &s.picture.download_label)>
            <span class="control-label" aria-hidden="true">{move || ctx.t(|s| &s.picture.download_label)}</span>
            <button type="button" data-picture="svg" aria-label=move || ctx.t(|s| &s.picture.as_svg) on:click=move |_| make(false)>
                {move || ctx.t(|s| &s.picture.svg_button)}
            </button>
            <button type="button" data-picture="png" aria-label=move || ctx.t(|s| &s.picture.as_png) on:click=move |_| make(true)>
                {move || ctx.t(|s| &s.picture.png_button)}
            </button>
            <span class="picture-status" role="status">
                {move || failed.get().then(|| ctx.t(|s| &s.picture.failed))}
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Several sources of a series share a short citation (two reports of one publisher in one
    // month): the line names it once.
    #[test]
    fn the_sources_line_names_each_citation_once() {
        let line = sources_line(
            "Fuentes",
            [
                "InSight Crime, ene 2024",
                "CSIS, may 2024",
                "InSight Crime, ene 2024",
            ]
            .map(String::from),
        );
        assert_eq!(line, "Fuentes: InSight Crime, ene 2024; CSIS, may 2024.");
    }

    // The data's words make a safe file name in either language.
    #[test]
    fn file_stems_are_plain() {
        assert_eq!(
            file_stem("financiamiento-eeuu-por-año"),
            "financiamiento-eeuu-por-ano"
        );
        assert_eq!(
            file_stem("US funding / Plan Colombia "),
            "us-funding-plan-colombia"
        );
        assert_eq!(file_stem("../<x>"), "x");
        assert_eq!(file_stem("***"), "image");
    }

    // Legible on a phone's narrow chart, not enormous from a wide screen.
    #[test]
    fn the_drawing_width_stays_within_bounds() {
        assert_eq!(drawing_width(340.0), 720.0);
        assert_eq!(drawing_width(900.0), 900.0);
        assert_eq!(drawing_width(2400.0), 1100.0);
    }
}
