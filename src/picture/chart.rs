//! The charts as SVG for a picture. On the page the bar charts are HTML lists (each bar a
//! focusable item); a picture file needs them drawn, so they are drawn here from the same series,
//! with every value written above its bar (a file cannot show it on hover).

use std::fmt::Write;

use super::document::{text_width, wrap, Body, Palette};
use crate::ui::html::escape;

/// One year's bar: its value and the value as readers of the language write it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub year: i32,
    pub value: f64,
    pub value_text: String,
}

/// One chart of a picture: an optional caption over its bars, or a message where there is no
/// series to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub caption: Option<String>,
    pub bars: Vec<Bar>,
    pub message: Option<String>,
}

/// Where the bars stand along the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slots {
    /// Each year at its place between two years (`from` inclusive, `to` exclusive), as the
    /// homicide chart follows the timeline's axis: a year without a value leaves a gap.
    Years(f64, f64),
    /// One slot per bar, side by side, as the small policy charts show them.
    Even,
}

/// How the panels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// The bars' colour.
    pub colour: String,
    /// The bar's share of its slot.
    pub bar_ratio: f64,
    pub slots: Slots,
    /// The height of the bars' area.
    pub plot_height: f64,
}

const GAP: f64 = 24.0;
const CAPTION_SIZE: f64 = 13.0;
const VALUE_SIZE: f64 = 10.0;
const YEAR_SIZE: f64 = 11.0;

/// Every how many bars a label of `chars` characters at `size` px fits in slots of `slot` px.
fn label_step(chars: usize, size: f64, slot: f64) -> usize {
    let need = text_width(chars, size, false) + 4.0;
    if slot <= 0.0 {
        return usize::MAX;
    }
    ((need / slot).ceil() as usize).max(1)
}

/// Panels side by side across `width`, on one scale (`max`), as the drawing of a picture.
pub fn bar_chart(
    panels: &[Panel],
    max: f64,
    style: &ChartStyle,
    palette: &Palette,
    width: f64,
) -> Body {
    let count = panels.len().max(1) as f64;
    let panel_width = (width - GAP * (count - 1.0)) / count;
    let captions: Vec<Vec<String>> = panels
        .iter()
        .map(|p| {
            p.caption
                .as_deref()
                .map(|c| wrap(c, panel_width, CAPTION_SIZE, true))
                .unwrap_or_default()
        })
        .collect();
    let caption_lines = captions.iter().map(Vec::len).max().unwrap_or(0);
    let caption_height = if caption_lines == 0 {
        0.0
    } else {
        caption_lines as f64 * CAPTION_SIZE * 1.3 + 6.0
    };
    let plot_top = caption_height + VALUE_SIZE + 6.0;
    let baseline = plot_top + style.plot_height;
    let height = baseline + YEAR_SIZE + 8.0;
    let max = if max > 0.0 { max } else { 1.0 };

    let mut out = String::new();
    for (i, panel) in panels.iter().enumerate() {
        let left = i as f64 * (panel_width + GAP);
        let _ = write!(out, r#"<g transform="translate({left:.1} 0)">"#);
        if !captions[i].is_empty() {
            let _ = write!(
                out,
                r#"<text x="0" y="{CAPTION_SIZE}" font-size="{CAPTION_SIZE}" font-weight="600" fill="{}">"#,
                escape(&palette.text)
            );
            for (n, line) in captions[i].iter().enumerate() {
                let dy = if n == 0 { 0.0 } else { CAPTION_SIZE * 1.3 };
                let _ = write!(out, r#"<tspan x="0" dy="{dy}">{}</tspan>"#, escape(line));
            }
            out.push_str("</text>");
        }
        if let Some(message) = &panel.message {
            let _ = write!(
                out,
                r#"<text x="0" y="{:.1}" font-size="{YEAR_SIZE}" fill="{}">{}</text>"#,
                plot_top + YEAR_SIZE * 1.5,
                escape(&palette.muted),
                escape(message)
            );
        }
        bars(
            &mut out,
            panel,
            max,
            style,
            palette,
            panel_width,
            (plot_top, baseline),
        );
        out.push_str("</g>");
    }
    Body {
        markup: out,
        width,
        height: height.ceil(),
        framed: false,
    }
}

/// One panel's bars, their values, the baseline and the years under it.
fn bars(
    out: &mut String,
    panel: &Panel,
    max: f64,
    style: &ChartStyle,
    palette: &Palette,
    width: f64,
    (plot_top, baseline): (f64, f64),
) {
    let n = panel.bars.len();
    if n == 0 {
        return;
    }
    let slot = match style.slots {
        Slots::Years(from, to) => width / (to - from).max(1.0),
        Slots::Even => width / n as f64,
    };
    let x_of = |i: usize, bar: &Bar| match style.slots {
        Slots::Years(from, _) => (f64::from(bar.year) - from) * slot,
        Slots::Even => i as f64 * slot,
    };
    let longest_value = panel
        .bars
        .iter()
        .map(|b| b.value_text.chars().count())
        .max()
        .unwrap_or(1);
    let value_step = label_step(longest_value, VALUE_SIZE, slot);
    let year_step = label_step(4, YEAR_SIZE, slot);
    let last = n - 1;
    let _ = write!(out, r#"<g fill="{}">"#, escape(&style.colour));
    for (i, bar) in panel.bars.iter().enumerate() {
        let h = (bar.value / max).clamp(0.0, 1.0) * (baseline - plot_top);
        let w = slot * style.bar_ratio;
        let x = x_of(i, bar) + (slot - w) / 2.0;
        let _ = write!(
            out,
            r#"<rect x="{x:.2}" y="{:.2}" width="{w:.2}" height="{h:.2}"/>"#,
            baseline - h
        );
    }
    out.push_str("</g>");
    // Values above their bars and years under them, as many as fit, counted from the latest
    // (always shown).
    let shown = |i: usize, step: usize| (last - i).is_multiple_of(step);
    let _ = write!(
        out,
        r#"<g font-size="{VALUE_SIZE}" text-anchor="middle" fill="{}">"#,
        escape(&palette.text)
    );
    for (i, bar) in panel.bars.iter().enumerate() {
        if !shown(i, value_step) {
            continue;
        }
        let h = (bar.value / max).clamp(0.0, 1.0) * (baseline - plot_top);
        let x = x_of(i, bar) + slot / 2.0;
        let _ = write!(
            out,
            r#"<text x="{x:.2}" y="{:.2}">{}</text>"#,
            baseline - h - 3.0,
            escape(&bar.value_text)
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        r#"<line x1="0" y1="{baseline:.1}" x2="{width:.1}" y2="{baseline:.1}" stroke="{}"/>"#,
        escape(&palette.border)
    );
    let _ = write!(
        out,
        r#"<g font-size="{YEAR_SIZE}" text-anchor="middle" fill="{}">"#,
        escape(&palette.muted)
    );
    for (i, bar) in panel.bars.iter().enumerate() {
        if !shown(i, year_step) {
            continue;
        }
        let x = x_of(i, bar) + slot / 2.0;
        let _ = write!(
            out,
            r#"<text x="{x:.2}" y="{:.2}">{}</text>"#,
            baseline + YEAR_SIZE + 3.0,
            bar.year
        );
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(year: i32, value: f64) -> Bar {
        Bar {
            year,
            value,
            value_text: value.to_string(),
        }
    }

    fn style(slots: Slots) -> ChartStyle {
        ChartStyle {
            colour: "rgb(180, 35, 24)".into(),
            bar_ratio: 0.7,
            slots,
            plot_height: 100.0,
        }
    }

    /// The `attr` of every `<rect>` in the markup.
    fn rects(markup: &str, attr: &str) -> Vec<f64> {
        markup
            .split("<rect ")
            .skip(1)
            .map(|r| {
                let key = format!("{attr}=\"");
                let start = r.find(&key).unwrap() + key.len();
                let end = r[start..].find('"').unwrap() + start;
                r[start..end].parse().unwrap()
            })
            .collect()
    }

    // Bars are as tall as their share of the common maximum, so two panels compare directly.
    #[test]
    fn bars_share_one_scale() {
        let panels = [
            Panel {
                caption: Some("Plan Colombia".into()),
                bars: vec![bar(2000, 100.0), bar(2001, 50.0)],
                message: None,
            },
            Panel {
                caption: Some("Mérida".into()),
                bars: vec![bar(2008, 25.0)],
                message: None,
            },
        ];
        let body = bar_chart(
            &panels,
            100.0,
            &style(Slots::Even),
            &Palette::default(),
            600.0,
        );
        assert_eq!(rects(&body.markup, "height"), vec![100.0, 50.0, 25.0]);
        // The second panel starts past the first and the gap.
        assert!(body
            .markup
            .contains(r#"<g transform="translate(312.0 0)">"#));
        assert!(body.markup.contains(">Plan Colombia</tspan>"));
        assert!(body.markup.contains(">M\u{e9}rida</tspan>"));
    }

    // On the timeline's axis a year without a value leaves its gap, as on the page.
    #[test]
    fn years_keep_their_place_on_the_axis() {
        let panel = Panel {
            caption: None,
            bars: vec![bar(2017, 5.8), bar(2019, 6.8)],
            message: None,
        };
        let body = bar_chart(
            &[panel],
            10.0,
            &style(Slots::Years(2017.0, 2021.0)),
            &Palette::default(),
            400.0,
        );
        // Slots of 100 px, bars 70 px wide centred in theirs: 2017 at 15, 2019 at 215.
        assert_eq!(rects(&body.markup, "x"), vec![15.0, 215.0]);
        assert!(body.markup.contains(">5.8</text>"));
        assert!(body.markup.contains(">2019</text>"));
    }

    // Many bars in little room: labels are thinned, never drawn over each other.
    #[test]
    fn labels_thin_out_when_crowded() {
        let panel = Panel {
            caption: None,
            bars: (2000..2030).map(|y| bar(y, 1234.5)).collect(),
            message: None,
        };
        let body = bar_chart(
            &[panel],
            2000.0,
            &style(Slots::Even),
            &Palette::default(),
            300.0,
        );
        let values = body.markup.matches(">1234.5</text>").count();
        assert!(values > 2 && values < 30, "{values}");
        assert_eq!(label_step(4, 11.0, 100.0), 1);
        assert!(label_step(6, 10.0, 10.0) > 3);
    }

    // A programme with no yearly series says so instead of drawing nothing.
    #[test]
    fn an_empty_panel_says_why() {
        let panel = Panel {
            caption: Some("Plan Ecuador".into()),
            bars: vec![],
            message: Some("No yearly series in the sources.".into()),
        };
        let body = bar_chart(
            &[panel],
            0.0,
            &style(Slots::Even),
            &Palette::default(),
            300.0,
        );
        assert!(body.markup.contains("No yearly series in the sources."));
        assert!(!body.markup.contains("<rect"));
        assert!(body.height > 0.0);
    }

    // Caption text from the data is escaped.
    #[test]
    fn escapes_captions_and_values() {
        let panel = Panel {
            caption: Some("<b>x</b> & y".into()),
            bars: vec![Bar {
                year: 2000,
                value: 1.0,
                value_text: "<1>".into(),
            }],
            message: None,
        };
        let body = bar_chart(
            &[panel],
            1.0,
            &style(Slots::Even),
            &Palette::default(),
            300.0,
        );
        assert!(body.markup.contains("&lt;b&gt;x&lt;/b&gt; &amp; y"));
        assert!(body.markup.contains("&lt;1&gt;"));
        assert!(!body.markup.contains("<b>"));
    }
}
