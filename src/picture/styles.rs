//! The drawn map's look, written into its own markup for a picture file: the page's stylesheet
//! colours the map (and switches with the theme); a file has no stylesheet, so each shape gets
//! the colours and strokes the browser computed for it, as presentation attributes.
//!
//! The map draws some strokes with `vector-effect: non-scaling-stroke` (a width in screen pixels
//! at any zoom); a picture has its own size, so those widths and dashes are turned into map units
//! at the scale the reader saw.

/// The computed properties copied onto each shape and text, with the values that need no
/// attribute (the SVG initial values).
pub const PROPERTIES: [(&str, &str); 13] = [
    ("fill", ""),
    ("fill-opacity", "1"),
    ("stroke", "none"),
    ("stroke-opacity", "1"),
    ("stroke-width", "1px"),
    ("stroke-dasharray", "none"),
    ("stroke-linecap", "butt"),
    ("stroke-linejoin", "miter"),
    ("opacity", "1"),
    ("paint-order", "normal"),
    ("font-weight", "400"),
    ("visibility", "visible"),
    ("fill-rule", "nonzero"),
];

/// The elements whose look is copied (containers only pass it on, so they need none).
pub const DRAWN: [&str; 8] = [
    "path", "circle", "rect", "ellipse", "line", "polyline", "polygon", "text",
];

/// Lengths of a computed value ("6px, 4px", "2.5px", "0") in pixels.
fn lengths(value: &str) -> Option<Vec<f64>> {
    value
        .split([',', ' '])
        .filter(|part| !part.is_empty())
        .map(|part| part.trim_end_matches("px").parse::<f64>().ok())
        .collect()
}

/// The attribute value for a computed property, or none where the initial value does.
/// `units_per_pixel` turns a non-scaling stroke's screen pixels into map units.
pub fn attribute(
    property: &str,
    computed: &str,
    units_per_pixel: f64,
    non_scaling: bool,
) -> Option<String> {
    let computed = computed.trim();
    let initial = PROPERTIES
        .iter()
        .find(|(p, _)| *p == property)
        .map(|(_, v)| *v);
    if computed.is_empty() || initial == Some(computed) {
        return None;
    }
    let factor = if non_scaling { units_per_pixel } else { 1.0 };
    match property {
        "stroke-width" | "stroke-dasharray" => {
            let numbers = lengths(computed)?;
            if numbers.is_empty() {
                return None;
            }
            Some(
                numbers
                    .iter()
                    .map(|n| format!("{}", (n * factor * 1000.0).round() / 1000.0))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        }
        _ => Some(computed.to_string()),
    }
}

/// Map units per screen pixel for an SVG of `view_box` (width, height) drawn in a box of
/// `box_size` pixels with `preserveAspectRatio="xMidYMid meet"` (the whole view box fits).
pub fn units_per_pixel(view_box: (f64, f64), box_size: (f64, f64)) -> f64 {
    let (vw, vh) = view_box;
    let (bw, bh) = box_size;
    if bw <= 0.0 || bh <= 0.0 || vw <= 0.0 || vh <= 0.0 {
        return 1.0;
    }
    (vw / bw).max(vh / bh)
}

/// The width and height of a `viewBox` attribute ("x y w h").
pub fn view_box_size(view_box: &str) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = view_box
        .split([' ', ','])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match numbers.as_slice() {
        [_, _, w, h] => Some((*w, *h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A dashed weapons route drawn 2.5 screen px wide must keep its look in the file.
    #[test]
    fn non_scaling_strokes_become_map_units() {
        assert_eq!(
            attribute("stroke-width", "2.5px", 0.5, true).as_deref(),
            Some("1.25")
        );
        assert_eq!(
            attribute("stroke-dasharray", "6px, 4px", 0.5, true).as_deref(),
            Some("3 2")
        );
        // A stroke already in map units keeps its width.
        assert_eq!(
            attribute("stroke-width", "1.23px", 0.5, false).as_deref(),
            Some("1.23")
        );
    }

    // Initial values add nothing to the file; colours are copied as computed.
    #[test]
    fn initial_values_are_left_out() {
        assert_eq!(attribute("opacity", "1", 1.0, false), None);
        assert_eq!(attribute("stroke-dasharray", "none", 1.0, false), None);
        assert_eq!(attribute("stroke", "none", 1.0, false), None);
        assert_eq!(
            attribute("opacity", "0.22", 1.0, false).as_deref(),
            Some("0.22")
        );
        assert_eq!(
            attribute("fill", "rgb(180, 35, 24)", 1.0, false).as_deref(),
            Some("rgb(180, 35, 24)")
        );
        assert_eq!(attribute("stroke-width", "wide", 1.0, false), None);
    }

    // The map meets its box: the scale is set by the tighter side.
    #[test]
    fn units_per_pixel_follow_the_tighter_side() {
        assert_eq!(units_per_pixel((1000.0, 500.0), (500.0, 500.0)), 2.0);
        assert_eq!(units_per_pixel((1000.0, 1000.0), (500.0, 250.0)), 4.0);
        assert_eq!(units_per_pixel((1000.0, 1000.0), (0.0, 0.0)), 1.0);
        assert_eq!(view_box_size("12.5 -3 640 400"), Some((640.0, 400.0)));
        assert_eq!(view_box_size("0 0 a b"), None);
    }
}
