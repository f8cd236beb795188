//! Which places the map names, and where each name goes, as pure functions: no two names overlap,
//! none covers another place's marker, none runs off the map. A name that cannot be placed is
//! left out (the marker still names itself on hover and to screen readers).
//!
//! The rule: each name's box is estimated from its length and the font size (a generous average
//! glyph width, so real text is never wider than its box); the names are taken in order of
//! importance (the selection, its route's places, the latest event's places, then the main
//! places) and each tries eight positions around its marker, keeping the first that collides
//! with nothing placed before it.

use super::projection::{project, Scale};
use crate::data::{Dataset, PlaceKind};

/// An axis-aligned box in map units: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// A square of half-side `r` around `(x, y)`.
    pub fn around(x: f64, y: f64, r: f64) -> Rect {
        Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether the box lies wholly inside `[x, y, width, height]`.
    pub fn inside(&self, [x, y, w, h]: [f64; 4]) -> bool {
        self.x0 >= x && self.y0 >= y && self.x1 <= x + w && self.y1 <= y + h
    }
}

/// How the text is anchored at its point (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A name to place: its marker's index (into the caller's list), centre and text length, and
/// whether it is stressed (the selection or its route's place: it may cover the markers of
/// places that are not, which step back while a route is selected).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelWish {
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub chars: usize,
    pub stressed: bool,
}

/// A placed name: its text's anchor point (on the baseline), its anchor and its estimated box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub rect: Rect,
}

/// Sizes in map units: the font size, and the half-size of a marker (names keep clear of it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    pub font_size: f64,
    pub marker_radius: f64,
}

impl LabelStyle {
    /// The map's sizes for a marker unit (`unit` map units, three screen pixels; see
    /// `canvas.rs`): names 3.6 units high, clear of the largest marker (2.4 units, whose
    /// triangle and diamond reach 1.3 times that).
    pub fn for_unit(unit: f64) -> LabelStyle {
        LabelStyle {
            font_size: 3.6 * unit,
            marker_radius: 2.4 * 1.3 * unit,
        }
    }
}

/// Average glyph width as a share of the font size. System sans-serif fonts average about 0.5
/// for mixed-case names; 0.62 errs wide, so a real name stays inside its estimated box.
const GLYPH_WIDTH: f64 = 0.62;
/// Above the baseline: capitals with accents (Á, É) reach about 0.9 of the font size.
const ASCENT: f64 = 0.95;
/// Below the baseline: descenders (g, y, p) and the text's halo.
const DESCENT: f64 = 0.3;

/// The estimated box of `chars` characters at `font_size`, anchored at `(x, y)` on the baseline.
pub fn text_box(x: f64, y: f64, chars: usize, font_size: f64, anchor: Anchor) -> Rect {
    let width = chars as f64 * GLYPH_WIDTH * font_size;
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    Rect {
        x0,
        y0: y - ASCENT * font_size,
        x1: x0 + width,
        y1: y + DESCENT * font_size,
    }
}

/// The eight positions tried around a marker at `(x, y)`, best first: right, left, above,
/// below, then the four corners.
fn candidates(x: f64, y: f64, style: LabelStyle) -> [(f64, f64, Anchor); 8] {
    let f = style.font_size;
    let gap = style.marker_radius + 0.3 * f;
    // The baseline that centres the text's box on the marker.
    let mid = y + (ASCENT - DESCENT) / 2.0 * f;
    let above = y - gap - DESCENT * f;
    let below = y + gap + ASCENT * f;
    [
        (x + gap, mid, Anchor::Start),
        (x - gap, mid, Anchor::End),
        (x, above, Anchor::Middle),
        (x, below, Anchor::Middle),
        (x + 0.7 * gap, above, Anchor::Start),
        (x + 0.7 * gap, below, Anchor::Start),
        (x - 0.7 * gap, above, Anchor::End),
        (x - 0.7 * gap, below, Anchor::End),
    ]
}

/// Places the names in `wishes`, in that order of importance, inside `bounds`, clear of each
/// other and of every marker in `markers` (index, box) but their own; a stressed name need keep
/// clear only of the stressed names' markers. Names that fit nowhere are left out.
pub fn place_labels(
    wishes: &[LabelWish],
    markers: &[(usize, Rect)],
    bounds: [f64; 4],
    style: LabelStyle,
) -> Vec<PlacedLabel> {
    let mut placed: Vec<PlacedLabel> = Vec::with_capacity(wishes.len());
    let stressed: Vec<usize> = wishes
        .iter()
        .filter(|w| w.stressed)
        .map(|w| w.index)
        .collect();
    for wish in wishes {
        if placed.iter().any(|p| p.index == wish.index) {
            continue;
        }
        let blocks =
            |index: usize| index != wish.index && (!wish.stressed || stressed.contains(&index));
        let fits = |rect: &Rect| {
            rect.inside(bounds)
                && !placed.iter().any(|p| p.rect.overlaps(rect))
                && !markers
                    .iter()
                    .any(|(index, m)| blocks(*index) && m.overlaps(rect))
        };
        let found = candidates(wish.x, wish.y, style)
            .into_iter()
            .map(|(x, y, anchor)| PlacedLabel {
                index: wish.index,
                x,
                y,
                anchor,
                rect: text_box(x, y, wish.chars, style.font_size, anchor),
            })
            .find(|label| fits(&label.rect));
        if let Some(label) = found {
            placed.push(label);
        }
    }
    placed
}

/// How many of the main places a scale names when nothing else claims the space.
pub fn main_place_count(scale: Scale) -> usize {
    match scale {
        Scale::Region => 12,
        Scale::World => 10,
    }
}

/// The places drawn at a scale (countries aside: they are the land), in the data's order, with
/// their projected centre.
pub fn drawn_places(data: &Dataset, scale: Scale) -> Vec<(usize, f64, f64)> {
    let [bx, by, bw, bh] = scale.bounds();
    data.places
        .iter()
        .enumerate()
        .filter(|(_, place)| place.kind != PlaceKind::Country)
        .filter_map(|(i, place)| {
            let (x, y) = project(place.lat, place.lon);
            (x >= bx && x <= bx + bw && y >= by && y <= by + bh).then_some((i, x, y))
        })
        .collect()
}

/// The places (indices into `data.places`) to name, most important first, each with whether it
/// is stressed: the selected place and the selected route's places, its ends first (stressed), the latest
/// event's places, then the main places (those on the most routes, then with the most events;
/// the data's order breaks ties).
pub fn label_order(
    data: &Dataset,
    drawn: &[(usize, f64, f64)],
    selected: Option<&str>,
    event_places: &[&str],
    main_count: usize,
) -> Vec<(usize, bool)> {
    let is_drawn = |i: usize| drawn.iter().any(|(d, _, _)| *d == i);
    let index_of = |id: &str| data.places.iter().position(|p| p.id.as_str() == id);
    let mut order: Vec<(usize, bool)> = Vec::new();
    let mut add = |i: usize, stressed: bool| {
        if is_drawn(i) && !order.iter().any(|(o, _)| *o == i) {
            order.push((i, stressed));
        }
    };
    if let Some(i) = selected.and_then(index_of) {
        add(i, true);
    }
    if let Some(route) = selected.and_then(|id| data.route(id)) {
        // Where it starts and ends first, then the places between.
        let path = &route.path;
        let ends = path.first().into_iter().chain(path.last());
        for place in ends.chain(path.iter()) {
            if let Some(i) = index_of(place.as_str()) {
                add(i, true);
            }
        }
    }
    for i in event_places.iter().filter_map(|id| index_of(id)) {
        add(i, false);
    }
    let weight = |i: usize| {
        let place = &data.places[i];
        let routes = data
            .routes
            .iter()
            .filter(|r| r.path.contains(&place.id))
            .count();
        let events = data.events_at(&place.id).count();
        (routes, events)
    };
    let mut main: Vec<usize> = drawn.iter().map(|(i, _, _)| *i).collect();
    // Stable: equal weights keep the data's order.
    main.sort_by_key(|&i| std::cmp::Reverse(weight(i)));
    for i in main.into_iter().take(main_count) {
        add(i, false);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{dataset, Lang};

    const STYLE: LabelStyle = LabelStyle {
        font_size: 2.0,
        marker_radius: 0.5,
    };

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        let a = Rect::around(0.0, 0.0, 1.0);
        assert!(a.overlaps(&Rect::around(1.5, 0.0, 1.0)));
        assert!(!a.overlaps(&Rect::around(2.0, 0.0, 1.0)), "touching");
        assert!(!a.overlaps(&Rect::around(0.0, 5.0, 1.0)));
        assert!(a.inside([-1.0, -1.0, 2.0, 2.0]));
        assert!(!a.inside([-0.5, -1.0, 2.0, 2.0]));
    }

    #[test]
    fn a_longer_name_has_a_wider_box() {
        let short = text_box(0.0, 0.0, 4, 2.0, Anchor::Start);
        let long = text_box(0.0, 0.0, 12, 2.0, Anchor::Start);
        assert!(long.x1 - long.x0 > 2.9 * (short.x1 - short.x0));
        let end = text_box(10.0, 0.0, 4, 2.0, Anchor::End);
        assert!((end.x1 - 10.0).abs() < 1e-9);
    }

    // Many names at one spot: each placed one is clear of the others, the rest are left out.
    #[test]
    fn crowded_names_never_overlap_and_the_rest_are_dropped() {
        let wishes: Vec<LabelWish> = (0..20)
            .map(|i| LabelWish {
                index: i,
                x: 50.0 + (i % 3) as f64 * 0.3,
                y: 50.0,
                chars: 9,
                stressed: false,
            })
            .collect();
        let placed = place_labels(&wishes, &[], [0.0, 0.0, 100.0, 100.0], STYLE);
        assert!(!placed.is_empty() && placed.len() < 20);
        assert_no_overlap(&placed, &[], [0.0, 0.0, 100.0, 100.0]);
        assert_eq!(placed[0].index, 0, "the most important name comes first");
        assert_eq!(placed[0].anchor, Anchor::Start, "on the right when free");
    }

    // A name near the edge goes to the side with room, never off the map.
    #[test]
    fn a_name_at_the_right_edge_goes_left() {
        let wish = LabelWish {
            index: 0,
            x: 99.0,
            y: 50.0,
            chars: 6,
            stressed: false,
        };
        let placed = place_labels(&[wish], &[], [0.0, 0.0, 100.0, 100.0], STYLE);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].anchor, Anchor::End);
    }

    // A name never covers another place's marker.
    #[test]
    fn names_keep_clear_of_other_markers() {
        let wish = LabelWish {
            index: 0,
            x: 50.0,
            y: 50.0,
            chars: 6,
            stressed: false,
        };
        let blocker = (1, Rect::around(54.0, 50.3, 0.5));
        let placed = place_labels(&[wish], &[blocker], [0.0, 0.0, 100.0, 100.0], STYLE);
        assert_eq!(placed.len(), 1);
        assert_ne!(placed[0].anchor, Anchor::Start, "the right is blocked");
        assert!(!placed[0].rect.overlaps(&blocker.1));
    }

    fn assert_no_overlap(placed: &[PlacedLabel], markers: &[(usize, Rect)], bounds: [f64; 4]) {
        assert_clear(placed, markers, &[], bounds);
    }

    /// No two names overlap, none leaves `bounds`, and none covers a marker but its own, except
    /// that a stressed name may cover the marker of a place not stressed.
    fn assert_clear(
        placed: &[PlacedLabel],
        markers: &[(usize, Rect)],
        stressed: &[usize],
        bounds: [f64; 4],
    ) {
        for (i, a) in placed.iter().enumerate() {
            assert!(a.rect.inside(bounds), "label {} off the map", a.index);
            for b in &placed[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect),
                    "labels {} and {} overlap",
                    a.index,
                    b.index
                );
            }
            for (m, rect) in markers {
                let may_cover = stressed.contains(&a.index) && !stressed.contains(m);
                assert!(
                    *m == a.index || may_cover || !a.rect.overlaps(rect),
                    "label {} covers marker {m}",
                    a.index
                );
            }
        }
    }

    /// The labels as the map draws them for a scale on a screen `pixels` wide.
    fn real_labels(
        scale: Scale,
        pixels: f64,
        selected: Option<&str>,
        lang: Lang,
    ) -> (Vec<PlacedLabel>, Vec<(usize, Rect)>, Vec<usize>) {
        let data = dataset();
        // As src/route_map/canvas.rs: one marker unit is three screen pixels.
        let style = LabelStyle::for_unit(3.0 * scale.bounds()[2] / pixels);
        let drawn = drawn_places(data, scale);
        let markers: Vec<(usize, Rect)> = drawn
            .iter()
            .map(|&(i, x, y)| (i, Rect::around(x, y, style.marker_radius)))
            .collect();
        let wishes: Vec<LabelWish> =
            label_order(data, &drawn, selected, &[], main_place_count(scale))
                .into_iter()
                .map(|(i, stressed)| {
                    let (_, x, y) = drawn.iter().find(|(d, _, _)| *d == i).copied().unwrap();
                    LabelWish {
                        index: i,
                        x,
                        y,
                        chars: data.places[i].name.get(lang).chars().count(),
                        stressed,
                    }
                })
                .collect();
        let stressed = wishes
            .iter()
            .filter(|w| w.stressed)
            .map(|w| w.index)
            .collect();
        (
            place_labels(&wishes, &markers, scale.bounds(), style),
            markers,
            stressed,
        )
    }

    // The guarantee the map relies on: with the real places, at both scales, on a phone and a
    // laptop, in both languages, with nothing selected and with each route and each place
    // selected, no two names overlap, none covers another marker and none leaves the map.
    #[test]
    fn real_labels_never_overlap_at_either_scale() {
        let data = dataset();
        let selections: Vec<Option<&str>> = std::iter::once(None)
            .chain(data.routes.iter().map(|r| Some(r.id.as_str())))
            .chain(data.places.iter().map(|p| Some(p.id.as_str())))
            .collect();
        for scale in [Scale::Region, Scale::World] {
            for pixels in [358.0, 800.0, 1300.0] {
                for lang in [Lang::En, Lang::Es] {
                    for &selected in &selections {
                        let (placed, markers, stressed) =
                            real_labels(scale, pixels, selected, lang);
                        assert_clear(&placed, &markers, &stressed, scale.bounds());
                    }
                }
            }
        }
    }

    // The main places are named when nothing is selected: several at each scale.
    #[test]
    fn main_places_are_named_at_both_scales() {
        for scale in [Scale::Region, Scale::World] {
            let (placed, _, _) = real_labels(scale, 800.0, None, Lang::En);
            assert!(placed.len() >= 5, "{scale:?}: only {} names", placed.len());
        }
    }

    // A selected route names its places: its first and last at least, on a laptop and a phone.
    #[test]
    fn a_selected_route_names_its_ends() {
        let data = dataset();
        for route in data.routes.iter() {
            let drawn_scale = |s: Scale| {
                let drawn = drawn_places(data, s);
                route
                    .path
                    .iter()
                    .filter_map(|p| data.places.iter().position(|q| q.id == *p))
                    .filter(|&i| data.places[i].kind != PlaceKind::Country)
                    .all(|i| drawn.iter().any(|(d, _, _)| *d == i))
            };
            let scale = if drawn_scale(Scale::Region) {
                Scale::Region
            } else {
                Scale::World
            };
            let index = |id: &str| data.places.iter().position(|p| p.id.as_str() == id);
            let ends: Vec<usize> = [route.path.first(), route.path.last()]
                .into_iter()
                .flatten()
                .filter_map(|p| index(p.as_str()))
                .filter(|&i| data.places[i].kind != PlaceKind::Country)
                .collect();
            for pixels in [358.0, 1300.0] {
                let (placed, _, _) = real_labels(scale, pixels, Some(route.id.as_str()), Lang::Es);
                for i in &ends {
                    assert!(
                        placed.iter().any(|p| p.index == *i),
                        "route {}: {} unnamed at {pixels} px",
                        route.id.as_str(),
                        data.places[*i].id.as_str()
                    );
                }
            }
        }
    }

    #[test]
    fn the_selection_comes_first_then_its_route() {
        let data = dataset();
        let drawn = drawn_places(data, Scale::World);
        let order = label_order(data, &drawn, Some("guayaquil-to-hamburg"), &[], 3);
        let ids: Vec<&str> = order
            .iter()
            .map(|&(i, _)| data.places[i].id.as_str())
            .collect();
        assert_eq!(&ids[..2], &["port-of-guayaquil", "hamburg"]);
        assert!(order[0].1 && order[1].1, "the route's places are stressed");
        assert!(order[2..].iter().all(|(_, stressed)| !stressed));
        assert!(ids.len() <= 5);
    }
}
