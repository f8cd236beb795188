//! The standalone SVG document of a picture: a header (the explainer's name and the picture's
//! title), the drawing, and a footer (the credit, the sources line and the explainer's address),
//! all in the colours of the theme the reader is looking at, since the file has no stylesheet.
//!
//! Plain Rust: the browser side (`super::browser`) only supplies the drawing's markup and the
//! theme's colours, then saves what [`svg_document`] writes.
//!
//! ```
//! use ecuador_explainer::picture::{svg_document, Body, Palette, Picture};
//! let picture = Picture {
//!     lang: "en".into(),
//!     kicker: "Ecuador's security crisis".into(),
//!     title: "Homicide rate".into(),
//!     body: Body { markup: r#"<rect width="10" height="10"/>"#.into(), width: 600.0, height: 200.0, framed: false },
//!     sources: "Sources: InSight Crime, Jan 2024.".into(),
//!     credit: None,
//!     address: Some("From the explainer at https://example.org/ecuador/".into()),
//!     palette: Palette::default(),
//!     font: "system-ui, sans-serif".into(),
//! };
//! let svg = svg_document(&picture, 2.0);
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(svg.contains(r#"width="1296""#)); // (600 + 2 × 24) × 2
//! ```

use std::fmt::Write;

use crate::ui::html::escape;

/// The theme's colours, as the browser computed them (`rgb(…)` or `#rrggbb`).
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub background: String,
    pub surface: String,
    pub text: String,
    pub muted: String,
    pub border: String,
    pub accent: String,
    /// The homicide chart's bars.
    pub alarm: String,
}

impl Default for Palette {
    /// The light theme of `style/main.css`, for when the browser cannot say.
    fn default() -> Palette {
        Palette {
            background: "#ffffff".into(),
            surface: "#f4f5f7".into(),
            text: "#1b1e23".into(),
            muted: "#4a5160".into(),
            border: "#c9ced6".into(),
            accent: "#0b5cad".into(),
            alarm: "#b42318".into(),
        }
    }
}

/// The drawing itself: SVG markup (already safe: built by this crate or serialised by the
/// browser) laid out from (0, 0) to (`width`, `height`).
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    pub markup: String,
    pub width: f64,
    pub height: f64,
    /// Drawn on the surface colour with a border (the map), or straight on the background.
    pub framed: bool,
}

/// Everything a picture file says, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// The `xml:lang` of the text ("en", "es").
    pub lang: String,
    /// A small line above the title: the explainer's name.
    pub kicker: String,
    pub title: String,
    pub body: Body,
    /// "Sources: …", whole.
    pub sources: String,
    /// The map's "Land and borders: Natural Earth …", where a map is drawn.
    pub credit: Option<String>,
    /// "From the explainer at https://…" (none for a copy opened from disk).
    pub address: Option<String>,
    pub palette: Palette,
    /// The page's font stack.
    pub font: String,
}

/// Room around everything, in picture pixels.
pub const PADDING: f64 = 24.0;
const KICKER_SIZE: f64 = 13.0;
const TITLE_SIZE: f64 = 22.0;
const FOOTER_SIZE: f64 = 12.0;
const LINE_HEIGHT: f64 = 1.35;
/// Gaps between the header, the drawing and the footer.
const GAP: f64 = 16.0;

/// The width of a line of `chars` characters at `size` px: an average glyph of a sans-serif
/// system font is about half an em; bold text a little wider. Errs wide so lines never overflow.
pub fn text_width(chars: usize, size: f64, bold: bool) -> f64 {
    chars as f64 * size * if bold { 0.62 } else { 0.56 }
}

/// Breaks `text` into lines no wider than `width` at `size` px, at spaces. Each line but the
/// last keeps its trailing space, so the lines joined are the text again (a search of the file
/// finds the whole sentence). A word longer than a line gets a line of its own.
pub fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
    let fits = |chars: usize| text_width(chars, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        let candidate = line.chars().count() + word.trim_end().chars().count();
        if !line.is_empty() && !fits(candidate) {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The explainer's address for a picture: the page's address without its fragment (the view
/// state) or query (embed options); none for a copy opened from disk, whose address is the
/// reader's own folder.
pub fn explainer_address(href: &str) -> Option<&str> {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let address = &href[..end];
    (address.starts_with("http://") || address.starts_with("https://")).then_some(address)
}

/// A run of text lines from `y` (the first baseline), returning the markup and the `y` under
/// the last line.
fn text_block(
    out: &mut String,
    lines: &[String],
    (x, y): (f64, f64),
    size: f64,
    fill: &str,
    extra: &str,
) -> f64 {
    let step = size * LINE_HEIGHT;
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y:.1}" font-size="{size}" fill="{}"{extra}>"#,
        escape(fill)
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { step };
        let _ = write!(out, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, escape(line));
    }
    out.push_str("</text>");
    // The last baseline, plus the descent.
    y + lines.len().saturating_sub(1) as f64 * step + size * 0.35
}

/// The whole SVG document, `scale` times its layout size in pixels (2 for a sharp PNG; the
/// `viewBox` keeps the layout, so everything scales together).
pub fn svg_document(p: &Picture, scale: f64) -> String {
    svg_document_with_ids(p, scale, "picture")
}

/// [`svg_document`] with its title and description ids starting `id` (`<id>-title`,
/// `<id>-desc`), for a page that holds several pictures inline, as the printed handout does.
pub fn svg_document_with_ids(p: &Picture, scale: f64, id: &str) -> String {
    let width = p.body.width + 2.0 * PADDING;
    let inner = p.body.width;
    let colours = &p.palette;
    let mut out = String::with_capacity(p.body.markup.len() + 4096);
    let mut y = PADDING;

    // The header.
    let mut header = String::new();
    let kicker = wrap(&p.kicker, inner, KICKER_SIZE, false);
    y += KICKER_SIZE;
    y = text_block(
        &mut header,
        &kicker,
        (PADDING, y),
        KICKER_SIZE,
        &colours.muted,
        "",
    );
    let title = wrap(&p.title, inner, TITLE_SIZE, true);
    y += TITLE_SIZE * 0.2 + TITLE_SIZE;
    y = text_block(
        &mut header,
        &title,
        (PADDING, y),
        TITLE_SIZE,
        &colours.text,
        r#" font-weight="700""#,
    );

    // The drawing.
    y += GAP;
    let body_y = y;
    y += p.body.height + GAP;

    // The footer: credit, sources, address.
    let mut footer = String::new();
    for line in [
        p.credit.as_deref(),
        Some(p.sources.as_str()),
        p.address.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        let lines = wrap(line, inner, FOOTER_SIZE, false);
        y += FOOTER_SIZE;
        y = text_block(
            &mut footer,
            &lines,
            (PADDING, y),
            FOOTER_SIZE,
            &colours.muted,
            "",
        );
        y += FOOTER_SIZE * 0.4;
    }
    let height = (y + PADDING - FOOTER_SIZE * 0.4).ceil();

    let description = [
        p.credit.as_deref(),
        Some(p.sources.as_str()),
        p.address.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xml:lang="{lang}" width="{w}" height="{h}" viewBox="0 0 {width} {height}" font-family="{font}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        id = escape(id),
        lang = escape(&p.lang),
        w = (width * scale).round(),
        h = (height * scale).round(),
        font = escape(&p.font),
        title = escape(&p.title),
        desc = escape(&description),
    );
    let _ = write!(
        out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        escape(&colours.background)
    );
    out.push_str(&header);
    if p.body.framed {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y:.1}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>"#,
            x = PADDING - 0.5,
            y = body_y - 0.5,
            w = p.body.width + 1.0,
            h = p.body.height + 1.0,
            fill = escape(&colours.surface),
            stroke = escape(&colours.border),
        );
    }
    let _ = write!(
        out,
        r#"<g transform="translate({PADDING} {body_y:.1})">{}</g>"#,
        p.body.markup
    );
    out.push_str(&footer);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(title: &str, sources: &str) -> Picture {
        Picture {
            lang: "es".into(),
            kicker: "La crisis de seguridad del Ecuador".into(),
            title: title.into(),
            body: Body {
                markup: r#"<rect width="600" height="300"/>"#.into(),
                width: 600.0,
                height: 300.0,
                framed: true,
            },
            sources: sources.into(),
            credit: Some("Tierras y fronteras: Natural Earth (dominio público).".into()),
            address: Some("De la explicación en https://example.org/ecuador/es.html".into()),
            palette: Palette::default(),
            font: r#"system-ui, "Segoe UI", sans-serif"#.into(),
        }
    }

    /// The text of every `<tspan>` in the document, joined: what a search of the file finds.
    fn shown_text(svg: &str) -> String {
        svg.split("<tspan")
            .skip(1)
            .filter_map(|part| {
                let start = part.find('>')? + 1;
                let end = part.find("</tspan>")?;
                Some(&part[start..end])
            })
            .collect()
    }

    /// Checks that every tag opened is closed in order (a small well-formedness check: no
    /// unescaped `<` or `&` in text, quotes balanced in tags).
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "a bare & in text: {entity:.30}"
                );
            }
            let close = rest[open..].find('>').expect("a tag is closed") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "a < inside a tag: {tag:.60}");
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "unbalanced quotes: {tag:.60}"
            );
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
            } else if !tag.ends_with('/') {
                let name = tag.split([' ', '/']).next().unwrap_or_default();
                stack.push(name.to_string());
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "left open: {stack:?}");
    }

    // The file must open in any SVG reader: every element closed, the root in the SVG
    // namespace, nothing outside the root.
    #[test]
    fn the_document_is_well_formed() {
        let svg = svg_document(
            &picture("Tasa de homicidios", "Fuentes: InSight Crime, ene 2024."),
            1.0,
        );
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" xml:lang="es""#));
        assert!(svg.ends_with("</svg>"));
        assert_well_formed(&svg);
    }

    // Text from the data files is data: markup in a title or a source must come out as text.
    #[test]
    fn escapes_text() {
        let svg = svg_document(
            &picture(
                r#"<script>alert("x")</script> & co"#,
                "Fuentes: <img src=x onerror=alert(1)>",
            ),
            1.0,
        );
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<img"));
        assert!(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"));
        assert_well_formed(&svg);
    }

    // The issue asks for the title, the sources line, the credit and the address in the file.
    #[test]
    fn contains_the_title_the_sources_the_credit_and_the_address() {
        let sources = "Fuentes: Angelo, War on the Rocks, feb 2024; InSight Crime, ene 2024; \
                       GI-TOC, mar 2022; Berg y Bledsoe, CSIS, may 2024; Ministerio del Interior, 2023.";
        let p = picture(
            "Tasa de homicidios en el Ecuador (por cada 100.000 habitantes)",
            sources,
        );
        let svg = svg_document(&p, 1.0);
        assert!(svg.contains(r#"<title id="picture-title">Tasa de homicidios en el Ecuador"#));
        let shown = shown_text(&svg);
        assert!(shown.contains(&p.title), "{shown}");
        // The long sources line is wrapped, yet the file holds it whole.
        assert!(shown.contains(sources), "{shown}");
        assert!(shown.contains("Natural Earth"));
        assert!(shown.contains("https://example.org/ecuador/es.html"));
        assert!(svg.contains(&format!("<desc id=\"picture-desc\">Tierras y fronteras: Natural Earth (dominio público). {sources}")));
        // Without a map there is no credit; from disk there is no address.
        let plain = Picture {
            credit: None,
            address: None,
            ..p
        };
        let shown = shown_text(&svg_document(&plain, 1.0));
        assert!(!shown.contains("Natural Earth"));
        assert!(!shown.contains("https://"));
    }

    // Two pictures inline in one page (the printed handout) must not share ids.
    #[test]
    fn ids_can_differ_per_picture() {
        let p = picture("T", "Fuentes: X.");
        let svg = svg_document_with_ids(&p, 1.0, "handout-chart");
        assert!(svg.contains(r#"aria-labelledby="handout-chart-title handout-chart-desc""#));
        assert!(svg.contains(r#"<title id="handout-chart-title">"#));
        assert!(!svg.contains("picture-title"));
        assert_eq!(
            svg_document(&p, 1.0),
            svg_document_with_ids(&p, 1.0, "picture")
        );
    }

    // The PNG is drawn from the same document at twice the size: only the outer size changes.
    #[test]
    fn scale_doubles_the_size_not_the_layout() {
        let p = picture("T", "Fuentes: X.");
        let one = svg_document(&p, 1.0);
        let two = svg_document(&p, 2.0);
        let attr = |svg: &str, name: &str| -> f64 {
            let key = format!(" {name}=\"");
            let start = svg.find(&key).unwrap() + key.len();
            let end = svg[start..].find('"').unwrap() + start;
            svg[start..end].parse().unwrap()
        };
        assert_eq!(attr(&two, "width"), 2.0 * attr(&one, "width"));
        assert_eq!(attr(&two, "height"), 2.0 * attr(&one, "height"));
        assert_eq!(attr(&one, "width"), 600.0 + 2.0 * PADDING);
        let view_box = |svg: &str| {
            svg[svg.find("viewBox").unwrap()..]
                .split('"')
                .nth(1)
                .unwrap()
                .to_string()
        };
        assert_eq!(view_box(&one), view_box(&two));
        // Room for the header, the drawing and three footer lines.
        assert!(attr(&one, "height") > 300.0 + 2.0 * PADDING + 3.0 * FOOTER_SIZE);
    }

    // Lines must fit the picture's width, and joined they must give back the sentence.
    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "Sources: Angelo, War on the Rocks, Feb 2024; Berg and Bledsoe, CSIS, May 2024; InSight Crime, Jan 2024.";
        let lines = wrap(text, 200.0, 12.0, false);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), text);
        for line in &lines {
            assert!(
                text_width(line.trim_end().chars().count(), 12.0, false) <= 200.0,
                "{line}"
            );
        }
        // A word longer than the line stays whole on its own line; empty text is one empty line.
        let long = wrap(
            "a https://example.org/a/very/long/address/that/cannot/break b",
            60.0,
            12.0,
            false,
        );
        assert_eq!(long.len(), 3);
        assert_eq!(wrap("", 100.0, 12.0, false), vec![String::new()]);
    }

    // The address names the explainer, not the reader's view or embed options, and never a
    // path on the reader's own disk.
    #[test]
    fn the_address_drops_the_view_and_local_files() {
        assert_eq!(
            explainer_address("https://example.org/ecuador/es.html?embed=map#map/quito?lang=es"),
            Some("https://example.org/ecuador/es.html")
        );
        assert_eq!(
            explainer_address("http://127.0.0.1:4173/#timeline"),
            Some("http://127.0.0.1:4173/")
        );
        assert_eq!(
            explainer_address("file:///home/ana/ecuador-explainer.html#map"),
            None
        );
    }
}
