//! The timeline's headless state: which events are visible (category filter), keyboard-style
//! movement over the visible ones, the zoom window on the time axis and the marker layout.
//! The selection is not part of it: it lives in the URL, and every method that depends on it
//! takes it as an argument (an index into the items, `None` for no selection; an index past the
//! end counts as `None`). The component only renders it; every rule here is tested with
//! `cargo test`.

use crate::data::Category;

/// One event as the timeline sees it: where it sits in time and how it is filtered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// Position on the axis in fractional years (2000.5 is mid-2000).
    pub at: f64,
    pub category: Category,
}

/// How much of the span the axis shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zoom {
    All,
    Decade,
    Year,
}

impl Zoom {
    pub const ALL: [Zoom; 3] = [Zoom::All, Zoom::Decade, Zoom::Year];

    fn years(self) -> Option<f64> {
        match self {
            Zoom::All => None,
            Zoom::Decade => Some(10.0),
            Zoom::Year => Some(1.0),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Zoom::All => "all",
            Zoom::Decade => "decade",
            Zoom::Year => "year",
        }
    }
}

/// The timeline's state. Items are in chronological order; a selection passed in is an index
/// into them.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineState {
    items: Vec<Item>,
    hidden: [bool; 6],
    zoom: Zoom,
    /// The centre of the zoom window, in fractional years.
    centre: f64,
    /// The whole span the axis can show.
    span: (f64, f64),
    /// How markers are laid out (gap, lanes, cap): `markers` and `reveal` use these.
    params: LayoutParams,
}

fn slot(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or_default()
}

impl TimelineState {
    /// `items` must be in chronological order; `span` is the whole axis (start, end) in years.
    pub fn new(items: Vec<Item>, span: (f64, f64)) -> TimelineState {
        let (start, end) = if span.0 < span.1 {
            span
        } else {
            (span.1, span.0 + 1.0)
        };
        TimelineState {
            items,
            hidden: [false; 6],
            zoom: Zoom::All,
            centre: (start + end) / 2.0,
            span: (start, end),
            params: LayoutParams::WIDE,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn item(&self, index: usize) -> Option<&Item> {
        self.items.get(index)
    }

    pub fn span(&self) -> (f64, f64) {
        self.span
    }

    // ---- filter ----

    pub fn is_shown(&self, category: Category) -> bool {
        !self.hidden[slot(category)]
    }

    /// Shows or hides a category. Hiding the selected event's category leaves the selection alone
    /// (the reader asked for that event; it is the URL's, not this state's), but movement skips
    /// hidden events and `reveal` shows the category again.
    pub fn toggle(&mut self, category: Category) {
        let slot = slot(category);
        self.hidden[slot] = !self.hidden[slot];
    }

    pub fn show_all(&mut self) {
        self.hidden = [false; 6];
    }

    pub fn is_visible(&self, index: usize) -> bool {
        self.items
            .get(index)
            .is_some_and(|item| self.is_shown(item.category))
    }

    /// The visible events, in order.
    pub fn visible(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(|&i| self.is_visible(i))
    }

    /// How many events each category has, in `Category::ALL` order (for the legend).
    pub fn counts(&self) -> [usize; 6] {
        let mut counts = [0; 6];
        for item in &self.items {
            counts[slot(item.category)] += 1;
        }
        counts
    }

    // ---- movement over the visible events ----

    /// `selected` if it is an index into the items, else `None`.
    fn valid(&self, selected: Option<usize>) -> Option<usize> {
        selected.filter(|&i| i < self.items.len())
    }

    /// The next visible event after `selected` (or the first one when nothing is selected);
    /// stays at the last.
    pub fn next(&self, selected: Option<usize>) -> Option<usize> {
        match self.valid(selected) {
            None => self.first(),
            Some(current) => self
                .visible()
                .find(|&i| i > current)
                .or(Some(current).filter(|&c| self.is_visible(c)))
                .or_else(|| self.last()),
        }
    }

    /// The previous visible event before `selected` (or the last one when nothing is selected);
    /// stays at the first.
    pub fn previous(&self, selected: Option<usize>) -> Option<usize> {
        match self.valid(selected) {
            None => self.last(),
            Some(current) => self
                .visible()
                .filter(|&i| i < current)
                .last()
                .or(Some(current).filter(|&c| self.is_visible(c)))
                .or_else(|| self.first()),
        }
    }

    pub fn first(&self) -> Option<usize> {
        self.visible().next()
    }

    pub fn last(&self) -> Option<usize> {
        self.visible().last()
    }

    // ---- zoom ----

    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// Changes the zoom level, centred on `selected` when there is a selection (else keeping the
    /// centre).
    pub fn set_zoom(&mut self, zoom: Zoom, selected: Option<usize>) {
        self.zoom = zoom;
        if let Some(item) = self.valid(selected).and_then(|i| self.items.get(i)) {
            self.centre = item.at;
        }
    }

    /// Moves the window by a fraction of its width (negative is earlier).
    pub fn pan(&mut self, fraction: f64) {
        let (start, end) = self.window();
        if fraction.is_finite() {
            self.centre = (start + end) / 2.0 + fraction * (end - start);
        }
    }

    /// The part of the span the axis shows: all of it, or a decade or a year around the centre,
    /// always inside the span.
    pub fn window(&self) -> (f64, f64) {
        let (lo, hi) = self.span;
        match self.zoom.years() {
            None => (lo, hi),
            Some(width) if width >= hi - lo => (lo, hi),
            Some(width) => {
                let start = (self.centre - width / 2.0).clamp(lo, hi - width);
                (start, start + width)
            }
        }
    }

    /// How many visible events fall inside the window.
    pub fn count_in_window(&self) -> usize {
        self.visible()
            .filter(|&i| self.in_window(self.items[i].at))
            .count()
    }

    /// Zooms in one level (All → Decade → Year) centred on a moment, as a click on a cluster does.
    pub fn zoom_in_at(&mut self, at: f64) {
        self.zoom = match self.zoom {
            Zoom::All => Zoom::Decade,
            Zoom::Decade | Zoom::Year => Zoom::Year,
        };
        if at.is_finite() {
            self.centre = at;
        }
    }

    /// Zooms out one level (Year → Decade → All), keeping the centre.
    pub fn zoom_out(&mut self) {
        self.zoom = match self.zoom {
            Zoom::Year => Zoom::Decade,
            Zoom::Decade | Zoom::All => Zoom::All,
        };
    }

    /// The moment at a fraction (0.0–1.0) across the window, e.g. under the pointer.
    pub fn moment_at(&self, fraction: f64) -> f64 {
        let (start, end) = self.window();
        start + fraction.clamp(0.0, 1.0) * (end - start)
    }

    /// Where a moment falls across the window, from 0.0 (start) to 1.0 (end); outside is < 0 or > 1.
    pub fn fraction(&self, at: f64) -> f64 {
        fraction_of(self.window(), at)
    }

    /// Whether a moment is inside the window.
    pub fn in_window(&self, at: f64) -> bool {
        (0.0..=1.0).contains(&self.fraction(at))
    }

    // ---- layout ----

    /// The layout parameters `markers` and `reveal` use.
    pub fn layout_params(&self) -> LayoutParams {
        self.params
    }

    pub fn set_layout_params(&mut self, params: LayoutParams) {
        self.params = params;
    }

    /// Switches between the axis (`LayoutParams::WIDE`) and the phone list
    /// (`LayoutParams::NARROW`).
    pub fn set_narrow(&mut self, narrow: bool) {
        self.params = LayoutParams::for_screen(narrow);
    }

    /// Whether `set_narrow(narrow)` would change the layout.
    pub fn is_narrow_change(&self, narrow: bool) -> bool {
        self.params != LayoutParams::for_screen(narrow)
    }

    /// The markers to draw, laid out with the state's own `LayoutParams`: markers on one lane are
    /// always at least `min_gap` apart, there are at most `max_markers` of them, and the
    /// `selected` event (when visible and in the window) always has a marker of its own. Where the
    /// plain layout already gives it one, that layout is returned unchanged, so a new selection
    /// redraws nothing (only `aria-current` moves); only a selection that would fall inside a
    /// cluster gets the layout that keeps it out.
    pub fn markers(&self, selected: Option<usize>) -> Vec<Marker> {
        let plain = self.lay_out(&self.params, None);
        match self.valid(selected) {
            Some(i) if !plain.iter().any(|m| m.first == i && m.count == 1) => {
                let kept = self.lay_out(&self.params, Some(i));
                // An event outside the window or hidden has no marker either way.
                if kept.iter().any(|m| m.first == i && m.count == 1) {
                    kept
                } else {
                    plain
                }
            }
            _ => plain,
        }
    }

    /// Lays the visible events in the window out on an axis `width` units wide so that markers
    /// `gap` units apart never overlap: each gets a lane (row); where more than `lanes` would be
    /// needed, the events that do not fit are gathered into a marker of the last lane, which then
    /// stands for a cluster. No marker cap, and no selection kept out of clusters.
    ///
    /// For the tests that lay out with explicit numbers; the app uses `markers(selected)`, which
    /// uses the state's `LayoutParams` (including the marker cap).
    #[cfg(test)]
    fn layout(&self, width: f64, gap: f64, lanes: usize) -> Vec<Marker> {
        let params = LayoutParams {
            width,
            min_gap: gap,
            lanes,
            max_markers: usize::MAX,
        };
        self.lay_out(&params, None)
    }

    /// The layout with `params`, giving the event `keep` (if visible and in the window) its own
    /// marker. Past `max_markers` the gap stays: fewer lanes are used (down to one); only when a
    /// single lane at `min_gap` still holds more than the cap (a list, `min_gap` 0) are events
    /// grouped into `max_markers` slices of the axis.
    fn lay_out(&self, params: &LayoutParams, keep: Option<usize>) -> Vec<Marker> {
        let width = params.width;
        let cap = params.max_markers.max(2);
        // Left to right (chronological order by first day is not quite order by position: a
        // month sits at its middle).
        let mut order: Vec<(f64, usize)> = self
            .visible()
            .map(|i| (self.items[i].at, i))
            .filter(|&(at, _)| self.in_window(at))
            .map(|(at, i)| (self.fraction(at) * width, i))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        let keep = keep.and_then(|k| order.iter().find(|&&(_, i)| i == k).map(|&(x, _)| (k, x)));
        if params.min_gap <= 0.0 || !params.min_gap.is_finite() {
            if order.len() <= cap {
                // No minimum gap: a plain list, one marker per event.
                return order
                    .iter()
                    .map(|&(x, first)| Marker {
                        x,
                        lane: 0,
                        first,
                        count: 1,
                    })
                    .collect();
            }
        } else {
            for lanes in (1..=params.lanes.max(1)).rev() {
                if let Some(markers) = sweep(&order, width, params.min_gap, lanes, keep, cap) {
                    return markers;
                }
            }
        }
        // One lane at the configured gap still holds more than the cap: group the events into
        // slices so that at most `cap` markers remain.
        let gap = width / (cap - 1) as f64;
        let gap = if gap.is_finite() && gap > 0.0 {
            gap
        } else {
            f64::MAX
        };
        sweep(&order, width, gap, 1, keep, usize::MAX).unwrap_or_default()
    }

    /// Brings `selected` into view with the state's own `LayoutParams` (nothing to do for
    /// `None`): shows its category if hidden, brings it into the window, and zooms in (centred on
    /// it) while its neighbours would crowd it into a cluster. Only the timeline's own state
    /// (filter, zoom, window) changes. Whatever the zoom, `markers(selected)` then draws it as its
    /// own marker.
    pub fn reveal(&mut self, selected: Option<usize>) {
        let Some(selected) = self.valid(selected) else {
            return;
        };
        let params = self.params;
        let at = self.items[selected].at;
        // A link to an event in a hidden category shows that category again.
        self.hidden[slot(self.items[selected].category)] = false;
        if !self.in_window(at) {
            self.centre = at;
        }
        loop {
            // Without the selection's own marker, would it be drawn inside a cluster?
            let crowded = !self
                .lay_out(&params, None)
                .iter()
                .any(|m| m.first == selected && m.count == 1);
            let next = match self.zoom {
                Zoom::All => Zoom::Decade,
                Zoom::Decade => Zoom::Year,
                Zoom::Year => break,
            };
            if !crowded {
                break;
            }
            self.set_zoom(next, Some(selected));
        }
        // The deepest zoom may still be crowded: `lay_out` keeps the selection out of clusters.
        if !self.in_window(at) {
            self.centre = at;
        }
    }
}

/// Where and how densely the timeline draws its markers. The component picks `WIDE` (the axis)
/// or `NARROW` (the phone list); x positions are in `width` units (drawn as `x / width` across).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Width of the layout grid, in the same units as `min_gap`.
    pub width: f64,
    /// Markers on one lane are at least this far apart, however many events are in view.
    /// 0 makes a plain list (no lanes, no clusters) until `max_markers` is reached.
    pub min_gap: f64,
    /// Rows of markers.
    pub lanes: usize,
    /// The most markers drawn: past it fewer lanes are used, the gap stays.
    pub max_markers: usize,
}

impl LayoutParams {
    /// The axis on a wide screen.
    pub const WIDE: LayoutParams = LayoutParams {
        width: 1000.0,
        min_gap: 11.0,
        lanes: 6,
        max_markers: 150,
    };
    /// The vertical list on a phone: every event in the window, grouped past 400.
    pub const NARROW: LayoutParams = LayoutParams {
        width: 1000.0,
        min_gap: 0.0,
        lanes: 1,
        max_markers: 400,
    };

    /// The preset for a screen: the phone list when `narrow`, else the axis.
    pub fn for_screen(narrow: bool) -> LayoutParams {
        if narrow {
            LayoutParams::NARROW
        } else {
            LayoutParams::WIDE
        }
    }
}

impl Default for LayoutParams {
    fn default() -> LayoutParams {
        LayoutParams::WIDE
    }
}

/// One left-to-right pass of the lane layout over `order` (x positions, sorted). The event in
/// `keep` at `kx` gets lane 0 to itself: no other marker comes within `gap` of it there, and no
/// cluster takes it in. `None` as soon as there would be more than `cap` markers.
fn sweep(
    order: &[(f64, usize)],
    width: f64,
    gap: f64,
    lanes: usize,
    keep: Option<(usize, f64)>,
    cap: usize,
) -> Option<Vec<Marker>> {
    let lanes = lanes.max(1);
    let last = lanes - 1;
    let mut lane_ends = vec![f64::NEG_INFINITY; lanes];
    let mut markers: Vec<Marker> = Vec::new();
    let mut overflow_marker: Option<usize> = None;
    // The selection's marker, once placed.
    let mut kept: Option<usize> = None;
    for &(x, index) in order {
        let is_kept = keep.is_some_and(|(k, _)| k == index);
        // Until the selection is placed, lane 0 is reserved within `gap` before it.
        let reserved_after = match keep {
            Some((_, kx)) if kept.is_none() => kx - gap,
            _ => f64::INFINITY,
        };
        let free = if is_kept {
            // Free: nothing on lane 0 came closer than `gap` before it.
            Some(0)
        } else {
            lane_ends
                .iter()
                .enumerate()
                .position(|(lane, &end)| x - end >= gap && !(lane == 0 && x > reserved_after))
        };
        if let Some(lane) = free {
            lane_ends[lane] = lane_ends[lane].max(x);
            markers.push(Marker {
                x,
                lane,
                first: index,
                count: 1,
            });
            if is_kept {
                kept = Some(markers.len() - 1);
            }
            overflow_marker = None;
        } else {
            // Every lane is busy here: join the nearest cluster on the last lane, never the
            // selection's marker, nor (with one lane) a marker across the selection from here.
            let nearest = overflow_marker.or_else(|| {
                markers
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|&(i, m)| m.lane == last && Some(i) != kept)
                    .map(|(i, _)| i)
            });
            let across = |m: usize| match keep {
                Some((_, kx)) if lanes == 1 => (markers[m].x < kx) != (x < kx),
                _ => false,
            };
            // Otherwise a new cluster a gap before or after the selection (only with one lane
            // can the selection be on the last lane), where that keeps the gap.
            let spot = match keep {
                Some((_, kx)) if lanes == 1 => {
                    let (before, after) = (kx - gap, kx + gap);
                    if x < kx && before >= 0.0 && before - lane_ends[last] >= gap {
                        Some(before)
                    } else if after <= width && after - lane_ends[last] >= gap {
                        Some(after)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            match (nearest.filter(|&m| !across(m)), spot, nearest) {
                (Some(m), _, _) | (None, None, Some(m)) => {
                    markers[m].count += 1;
                    overflow_marker = Some(m);
                }
                (None, spot, _) => {
                    // `x` itself only when the axis is narrower than two gaps.
                    let spot = spot.unwrap_or(x);
                    lane_ends[last] = lane_ends[last].max(spot);
                    markers.push(Marker {
                        x: spot,
                        lane: last,
                        first: index,
                        count: 1,
                    });
                    overflow_marker = Some(markers.len() - 1);
                }
            }
        }
        if markers.len() > cap {
            return None;
        }
    }
    if !markers.windows(2).all(|w| w[0].x <= w[1].x) {
        // A cluster moved past the selection: keep the markers (and the tab order) left to right.
        markers.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    Some(markers)
}

/// Where a moment falls in a window `(start, end)`: 0 at its start, 1 at its end.
pub fn fraction_of((start, end): (f64, f64), at: f64) -> f64 {
    (at - start) / (end - start)
}

/// Assigns each span (start, end) the lowest row where it overlaps no earlier span, so that
/// overlapping eras stack instead of hiding each other. Spans must be sorted by start.
pub fn rows(spans: &[(f64, f64)]) -> Vec<usize> {
    let mut row_ends: Vec<f64> = Vec::new();
    spans
        .iter()
        .map(
            |&(start, end)| match row_ends.iter().position(|&e| e <= start) {
                Some(row) => {
                    row_ends[row] = end;
                    row
                }
                None => {
                    row_ends.push(end);
                    row_ends.len() - 1
                }
            },
        )
        .collect()
}

/// A marker on the axis: one event, or a cluster of `count` events starting at `first`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub lane: usize,
    pub first: usize,
    pub count: usize,
}

/// A short label over the axis: the event it names, its box (left edge and width, in the layout's
/// units) and its row (0 nearest the markers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisLabel {
    pub event: usize,
    pub left: f64,
    pub width: f64,
    pub row: usize,
}

impl AxisLabel {
    pub fn right(&self) -> f64 {
        self.left + self.width
    }
}

/// Places the short labels of `candidates` (event, its marker's x, the label's width; in the order
/// they should win: the selection first) over an axis `axis_width` wide, in at most `rows` rows.
/// A label is centred over its marker, or moved just enough to stay on the axis; in its row it
/// keeps `gap` from every label already there, else it tries the next row, else it is left out.
/// No two placed labels overlap and none leaves the axis; a label wider than the axis is left out.
pub fn place_labels(
    candidates: &[(usize, f64, f64)],
    axis_width: f64,
    rows: usize,
    gap: f64,
) -> Vec<AxisLabel> {
    let mut placed: Vec<AxisLabel> = Vec::new();
    for &(event, x, width) in candidates {
        if !(width.is_finite() && x.is_finite()) || width <= 0.0 || width > axis_width {
            continue;
        }
        let left = (x - width / 2.0).clamp(0.0, axis_width - width);
        let free = |row: usize| {
            placed
                .iter()
                .filter(|p| p.row == row)
                .all(|p| left + width + gap <= p.left || p.right() + gap <= left)
        };
        if let Some(row) = (0..rows).find(|&row| free(row)) {
            placed.push(AxisLabel {
                event,
                left,
                width,
                row,
            });
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    fn state() -> TimelineState {
        let items = [
            (2000.5, Politics),
            (2007.8, Cooperation),
            (2021.1, Prisons),
            (2021.7, Prisons),
            (2023.6, Violence),
            (2024.0, Violence),
        ]
        .map(|(at, category)| Item { at, category })
        .to_vec();
        TimelineState::new(items, (1999.0, 2026.0))
    }

    /// Layout parameters without a marker cap (as `layout(width, gap, lanes)` uses).
    fn uncapped(width: f64, min_gap: f64, lanes: usize) -> LayoutParams {
        LayoutParams {
            width,
            min_gap,
            lanes,
            max_markers: usize::MAX,
        }
    }

    // ←/→ must move over what the reader can see, and stop at the ends rather than wrap.
    #[test]
    fn moves_over_visible_events_only_and_stops_at_the_ends() {
        let mut s = state();
        assert_eq!(s.next(None), Some(0));
        assert_eq!(s.previous(None), Some(5));
        s.toggle(Prisons);
        assert_eq!(s.next(Some(1)), Some(4));
        assert_eq!(s.previous(Some(4)), Some(1));
        assert_eq!(s.next(Some(5)), Some(5));
        assert_eq!(s.previous(Some(0)), Some(0));
        assert_eq!((s.first(), s.last()), (Some(0), Some(5)));
    }

    #[test]
    fn a_hidden_selection_moves_to_its_visible_neighbours() {
        let mut s = state();
        s.toggle(Prisons);
        assert_eq!(s.next(Some(2)), Some(4));
        assert_eq!(s.previous(Some(2)), Some(1));
    }

    #[test]
    fn filtering_everything_leaves_nothing_to_move_to() {
        let mut s = state();
        for c in Category::ALL {
            s.toggle(c);
        }
        assert_eq!(s.visible().count(), 0);
        assert_eq!(
            (s.first(), s.last(), s.next(None), s.previous(Some(3))),
            (None, None, None, None)
        );
        s.show_all();
        assert_eq!(s.visible().count(), 6);
    }

    #[test]
    fn counts_per_category_for_the_legend() {
        assert_eq!(state().counts(), [2, 2, 1, 1, 0, 0]);
    }

    // The selection must stay in view when zooming, and the window never leaves the span.
    #[test]
    fn zoom_keeps_the_selection_in_view_within_bounds() {
        let mut s = state();
        assert_eq!(s.window(), (1999.0, 2026.0));
        s.set_zoom(Zoom::Year, Some(4));
        let (start, end) = s.window();
        assert!((end - start - 1.0).abs() < 1e-9);
        assert!(s.in_window(2023.6), "{start}..{end}");
        s.reveal(Some(0));
        assert_eq!(s.zoom(), Zoom::Year);
        assert!(s.in_window(2000.5));
        s.set_zoom(Zoom::Decade, Some(0));
        assert_eq!(
            s.window(),
            (1999.0, 2009.0),
            "clamped at the start of the span"
        );
        s.set_zoom(Zoom::Decade, Some(5));
        assert_eq!(
            s.window(),
            (2016.0, 2026.0),
            "clamped at the end of the span"
        );
        s.pan(-10.0);
        assert_eq!(s.window(), (1999.0, 2009.0));
        s.pan(f64::NAN);
        assert_eq!(s.window(), (1999.0, 2009.0));
    }

    // A selection past the end (a stale index) counts as no selection everywhere.
    #[test]
    fn out_of_range_selection_is_ignored() {
        let mut s = state();
        assert_eq!(s.next(Some(99)), s.next(None));
        assert_eq!(s.previous(Some(99)), s.previous(None));
        assert_eq!(s.markers(Some(99)), s.markers(None));
        s.toggle(Violence);
        let before = s.clone();
        s.reveal(Some(99));
        assert_eq!(s, before, "nothing to reveal");
        s.set_zoom(Zoom::Year, Some(99));
        let mut unselected = before.clone();
        unselected.set_zoom(Zoom::Year, None);
        assert_eq!(s, unselected, "zoom keeps the centre");
    }

    // 10,000 events must not become 10,000 markers: the layout is bounded by width and lanes.
    #[test]
    fn layout_bounds_markers_and_keeps_every_event() {
        let items: Vec<Item> = (0..10_000)
            .map(|i| Item {
                at: 1999.0 + 27.0 * f64::from(i) / 10_000.0,
                category: Category::ALL[i as usize % 6],
            })
            .collect();
        let s = TimelineState::new(items, (1999.0, 2026.0));
        let markers = s.layout(1000.0, 8.0, 4);
        assert!(
            markers.len() <= 4 * (1000 / 8 + 1),
            "{} markers",
            markers.len()
        );
        assert_eq!(markers.iter().map(|m| m.count).sum::<usize>(), 10_000);
        assert_lanes_spaced(&markers, 8.0, "10,000 events");
    }

    // A selected event in a dense spot must be revealed by zooming in (its neighbours become
    // legible too), and even before that it is never hidden inside a cluster marker.
    #[test]
    fn selection_is_revealed_by_zooming_in() {
        let items: Vec<Item> = (0..200)
            .map(|i| Item {
                at: 2024.0 + f64::from(i) / 400.0,
                category: Violence,
            })
            .collect();
        let mut s = TimelineState::new(items, (1999.0, 2026.0));
        s.set_layout_params(uncapped(1000.0, 10.0, 3));
        assert!(
            !s.markers(None)
                .iter()
                .any(|m| m.first == 150 && m.count == 1),
            "unselected, event 150 is in a cluster"
        );
        assert!(s
            .markers(Some(150))
            .iter()
            .any(|m| m.first == 150 && m.count == 1));
        s.reveal(Some(150));
        assert_ne!(s.zoom(), Zoom::All);
        assert!(s.in_window(s.item(150).unwrap().at));
    }

    #[test]
    fn revealing_a_selection_shows_its_category() {
        let mut s = state();
        s.set_layout_params(uncapped(1000.0, 8.0, 4));
        s.toggle(Violence);
        s.reveal(Some(4));
        assert!(s.is_shown(Violence));
        assert!(s.is_visible(4));
    }

    #[test]
    fn zooming_in_at_a_moment_centres_on_it() {
        let mut s = state();
        s.zoom_in_at(2021.5);
        assert_eq!(s.zoom(), Zoom::Decade);
        assert!(s.in_window(2021.5));
        s.zoom_in_at(2023.6);
        assert_eq!(s.zoom(), Zoom::Year);
        assert!(s.in_window(2023.6));
        assert_eq!(
            s.count_in_window(),
            2,
            "2023.6 and 2024.0 fall in 2023.1–2024.1"
        );
    }

    #[test]
    fn zooming_out_and_reading_the_moment_under_the_pointer() {
        let mut s = state();
        assert_eq!(s.moment_at(0.5), 2012.5);
        assert_eq!(s.moment_at(7.0), 2026.0, "clamped to the window");
        s.zoom_in_at(2010.0);
        s.zoom_in_at(2010.0);
        s.zoom_out();
        assert_eq!(s.zoom(), Zoom::Decade);
        assert!(s.in_window(2010.0));
        s.zoom_out();
        s.zoom_out();
        assert_eq!(s.zoom(), Zoom::All);
    }

    #[test]
    fn overlapping_spans_stack_in_rows() {
        let spans = [
            (1999.9, 2009.7),
            (2000.5, 2016.1),
            (2007.8, 2021.8),
            (2021.1, 2027.0),
            (2024.0, 2027.0),
        ];
        assert_eq!(rows(&spans), vec![0, 1, 2, 0, 1]);
    }

    // Phones list every event: with no gap there are no clusters, even when positions go backwards.
    #[test]
    fn no_gap_means_one_marker_per_event() {
        let items = [(2007.55, Politics), (2007.53, Justice), (2007.56, Violence)]
            .map(|(at, category)| Item { at, category })
            .to_vec();
        let mut s = TimelineState::new(items, (1999.0, 2026.0));
        let markers = s.layout(1000.0, 0.0, 1);
        assert_eq!(markers.len(), 3);
        assert!(markers.iter().all(|m| m.count == 1));
        assert_eq!(
            markers.iter().map(|m| m.first).collect::<Vec<_>>(),
            vec![1, 0, 2]
        );
        // The phone preset is such a list.
        s.set_narrow(true);
        assert_eq!(s.markers(None), markers);
        assert_eq!(s.markers(Some(2)), markers);
    }

    #[test]
    fn sparse_events_each_get_their_own_marker() {
        let markers = state().layout(1000.0, 8.0, 4);
        assert_eq!(markers.len(), 6);
        assert!(markers.iter().all(|m| m.count == 1));
    }

    /// `count` events spread evenly over 1999–2026, categories in turn (as the benchmark's
    /// synthetic dataset, without the browser).
    fn synthetic(count: usize) -> TimelineState {
        let items: Vec<Item> = (0..count)
            .map(|i| Item {
                at: 1999.0 + 27.0 * i as f64 / count as f64,
                category: Category::ALL[i % 6],
            })
            .collect();
        TimelineState::new(items, (1999.0, 2026.0))
    }

    /// First, second, middle, last-but-one, last, and 40 scattered indices.
    fn selections(count: usize) -> Vec<usize> {
        let mut picks = vec![0, 1, count / 2, count - 2, count - 1];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            picks.push((seed >> 33) as usize % count);
        }
        picks
    }

    /// Markers on one lane are at least `gap` apart.
    fn assert_lanes_spaced(markers: &[Marker], gap: f64, what: &str) {
        for lane in 0..=markers.iter().map(|m| m.lane).max().unwrap_or(0) {
            let xs: Vec<f64> = markers
                .iter()
                .filter(|m| m.lane == lane)
                .map(|m| m.x)
                .collect();
            assert!(
                xs.windows(2).all(|w| w[1] - w[0] >= gap - 1e-9),
                "{what}: lane {lane} closer than {gap}"
            );
        }
    }

    /// The checks every layout must pass: each visible event in the window counted exactly
    /// once, markers on a lane at least `gap` apart and left to right, and the selected event
    /// (`must_show`) drawn as a marker of its own.
    fn check_layout(s: &TimelineState, markers: &[Marker], gap: f64, must_show: usize, what: &str) {
        assert_eq!(
            markers.iter().map(|m| m.count).sum::<usize>(),
            s.count_in_window(),
            "{what}: every event in view counted once"
        );
        assert_eq!(
            markers
                .iter()
                .filter(|m| m.first == must_show && m.count == 1)
                .count(),
            1,
            "{what}: event {must_show} is inside a cluster (zoom {:?}, window {:?})",
            s.zoom(),
            s.window()
        );
        assert!(
            markers.windows(2).all(|w| w[0].x <= w[1].x),
            "{what}: markers left to right"
        );
        if gap > 0.0 {
            assert_lanes_spaced(markers, gap, what);
        }
    }

    // A click must not rewrite the whole marker list (it would cost the click-to-paint budget and
    // drop keyboard focus): where the selection already has its own marker, the layout is the
    // same as with no selection.
    #[test]
    fn a_selection_with_its_own_marker_leaves_the_layout_unchanged() {
        let s = state();
        let plain = s.markers(None);
        for marker in plain.iter().filter(|m| m.count == 1) {
            assert_eq!(
                s.markers(Some(marker.first)),
                plain,
                "selecting {}",
                marker.first
            );
        }
    }

    // Issue 13 item 6: past ~150 markers in view a selected event could be left inside a
    // cluster (reveal checked one gap, the axis drew another, and the deepest zoom can still be
    // crowded). With the state's own parameters, at 10,000 events, on a phone (360) and a
    // desktop (1280), wide and narrow, for first/last/middle/scattered selections, and with
    // the selection's category hidden: after `reveal(selected)` the selection is its own marker.
    #[test]
    fn reveal_never_leaves_the_selection_in_a_cluster_at_ten_thousand_events() {
        const COUNT: usize = 10_000;
        for width in [360.0, 1280.0] {
            for base in [LayoutParams::WIDE, LayoutParams::NARROW] {
                let params = LayoutParams { width, ..base };
                for (n, &index) in selections(COUNT).iter().enumerate() {
                    let mut s = synthetic(COUNT);
                    s.set_layout_params(params);
                    if n % 3 == 1 {
                        s.toggle(Category::ALL[index % 6]);
                    }
                    if n % 4 == 2 {
                        s.set_zoom(Zoom::Year, None);
                        s.pan(if index < COUNT / 2 { 7.0 } else { -7.0 });
                    }
                    s.reveal(Some(index));
                    let what = format!("width {width}, {params:?}, selection {index}");
                    assert!(s.is_visible(index), "{what}: revealed");
                    let markers = s.markers(Some(index));
                    check_layout(&s, &markers, params.min_gap, index, &what);
                    assert!(markers.len() <= params.max_markers, "{what}: capped");
                }
            }
        }
    }

    // Issue 13 item 6, at every zoom: whatever the zoom and pan (not only after `reveal`), a
    // selected event in the window is never laid out inside a cluster, even where so many
    // events are in view that the marker cap forces clusters around it.
    #[test]
    fn a_selection_in_the_window_is_never_clustered_at_any_zoom() {
        const COUNT: usize = 10_000;
        for width in [360.0, 1280.0] {
            for base in [LayoutParams::WIDE, LayoutParams::NARROW] {
                let params = LayoutParams { width, ..base };
                for &index in &selections(COUNT) {
                    let mut s = synthetic(COUNT);
                    s.set_layout_params(params);
                    for zoom in Zoom::ALL {
                        s.set_zoom(zoom, Some(index));
                        assert!(s.count_in_window() > params.max_markers.min(150));
                        let what =
                            format!("width {width}, {params:?}, {zoom:?}, selection {index}");
                        check_layout(&s, &s.markers(Some(index)), params.min_gap, index, &what);
                    }
                }
            }
        }
    }

    // Issue 13 item 6: past 150 markers in view the gap used to widen (11 → 40 axis units).
    // The gap must stay as configured: markers on a lane are `min_gap` apart, packed no looser
    // than the events allow, and the cap is kept by using fewer lanes instead.
    #[test]
    fn the_gap_stays_as_configured_beyond_150_markers() {
        for width in [360.0, 1000.0, 1280.0] {
            let params = LayoutParams {
                width,
                ..LayoutParams::WIDE
            };
            for zoom in Zoom::ALL {
                let mut s = synthetic(10_000);
                s.set_layout_params(params);
                s.set_zoom(zoom, None);
                let in_view = s.count_in_window();
                assert!(in_view > 150, "{zoom:?}: {in_view} in view");
                let markers = s.markers(None);
                let what = format!("width {width}, {zoom:?}");
                assert!(markers.len() <= 150, "{what}: {} markers", markers.len());
                assert_eq!(markers.iter().map(|m| m.count).sum::<usize>(), in_view);
                let lane0: Vec<f64> = markers
                    .iter()
                    .filter(|m| m.lane == 0)
                    .map(|m| m.x)
                    .collect();
                let spacing: Vec<f64> = lane0.windows(2).map(|w| w[1] - w[0]).collect();
                assert!(!spacing.is_empty(), "{what}");
                let min = spacing.iter().copied().fold(f64::INFINITY, f64::min);
                let max = spacing.iter().copied().fold(0.0, f64::max);
                assert!(
                    min >= params.min_gap,
                    "{what}: gap {min} below the configured 11"
                );
                // The events are < 4 units apart at every zoom, so a configured gap is < 15.
                assert!(max < params.min_gap + 4.0, "{what}: gap widened to {max}");
            }
        }
    }

    // Issue 13 item 6, through the calls the component makes (`set_narrow`, `reveal(selected)`,
    // then `markers(selected)`, also after the screen width changed), and through the old ones
    // (revealed with the base gap, then laid out with the gap widened past 150 markers): the
    // selection must still be its own marker.
    #[test]
    fn the_components_calls_never_cluster_the_selection() {
        const COUNT: usize = 10_000;
        for &index in &selections(COUNT) {
            for narrow in [false, true] {
                let mut s = synthetic(COUNT);
                s.set_narrow(narrow);
                s.reveal(Some(index));
                for now_narrow in [narrow, !narrow] {
                    s.set_narrow(now_narrow);
                    let gap = s.layout_params().min_gap;
                    let what = format!("narrow {narrow} then {now_narrow}, selection {index}");
                    check_layout(&s, &s.markers(Some(index)), gap, index, &what);
                }
            }

            let mut s = synthetic(COUNT);
            s.set_layout_params(uncapped(1000.0, 11.0, 6));
            s.reveal(Some(index));
            let gap = if s.count_in_window() > 150 {
                40.0
            } else {
                11.0
            };
            s.set_layout_params(uncapped(1000.0, gap, 6));
            let markers = s.markers(Some(index));
            check_layout(&s, &markers, gap, index, &format!("selection {index}"));
        }
    }

    // One lane (a crowded phone list or a capped axis) with the selection at either edge of the
    // axis: the clusters around it keep their gap and it stays its own marker.
    #[test]
    fn one_lane_selection_at_the_edges_keeps_its_marker() {
        for index in [0, 1, 5, 500, 994, 998, 999] {
            let mut s = synthetic(1_000);
            s.set_layout_params(uncapped(100.0, 10.0, 1));
            let markers = s.markers(Some(index));
            check_layout(&s, &markers, 10.0, index, &format!("selection {index}"));
            assert!(
                markers.len() <= 100 / 10 + 1 + 2,
                "{} markers",
                markers.len()
            );
        }
    }

    // No two labels may overlap (a label drawn over another is unreadable), and none may leave
    // the axis, whatever the markers, widths and rows.
    fn assert_readable(labels: &[AxisLabel], axis_width: f64, gap: f64) {
        for (i, a) in labels.iter().enumerate() {
            assert!(
                a.left >= 0.0 && a.right() <= axis_width + 1e-9,
                "{a:?} leaves the axis"
            );
            for b in &labels[i + 1..] {
                if a.row == b.row {
                    assert!(
                        a.right() + gap <= b.left + 1e-9 || b.right() + gap <= a.left + 1e-9,
                        "{a:?} overlaps {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn labels_never_overlap_and_stay_on_the_axis() {
        // Crowded, spread, at the edges, wider than the room: a deterministic spread of cases.
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for case in 0..300 {
            let n = 1 + case % 60;
            let candidates: Vec<(usize, f64, f64)> = (0..n)
                .map(|i| (i, next() * 1000.0, 20.0 + next() * 200.0))
                .collect();
            for rows in 1..=3 {
                let labels = place_labels(&candidates, 1000.0, rows, 6.0);
                assert_readable(&labels, 1000.0, 6.0);
                assert!(labels.iter().all(|l| l.row < rows));
            }
        }
    }

    #[test]
    fn the_first_candidate_wins_and_sits_over_its_marker() {
        let candidates = [(3, 500.0, 100.0), (1, 520.0, 100.0), (2, 540.0, 100.0)];
        let labels = place_labels(&candidates, 1000.0, 2, 4.0);
        assert_eq!(
            labels[0],
            AxisLabel {
                event: 3,
                left: 450.0,
                width: 100.0,
                row: 0
            }
        );
        // The second goes up a row; the third finds no room and is left out.
        assert_eq!(labels[1].row, 1);
        assert_eq!(labels.len(), 2);
    }

    #[test]
    fn labels_at_the_ends_move_in_rather_than_leave() {
        let labels = place_labels(&[(0, 2.0, 80.0), (1, 999.0, 80.0)], 1000.0, 1, 4.0);
        assert_eq!(labels[0].left, 0.0);
        assert_eq!(labels[1].right(), 1000.0);
        // Too wide for the axis, or not a number: left out, never drawn off the axis.
        assert!(
            place_labels(&[(0, 500.0, 1200.0), (1, f64::NAN, 10.0)], 1000.0, 2, 4.0).is_empty()
        );
    }
}
