//! The timeline's headless state: which events are visible (category filter), which is
//! selected, keyboard-style movement over the visible ones, and the zoom window on the time axis.
//! The component only renders it; every rule here is tested with `cargo test`.

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

/// The timeline's state. Items are in chronological order; selection is an index into them.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineState {
    items: Vec<Item>,
    hidden: [bool; 6],
    selected: Option<usize>,
    zoom: Zoom,
    /// The centre of the zoom window, in fractional years.
    centre: f64,
    /// The whole span the axis can show.
    span: (f64, f64),
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
            selected: None,
            zoom: Zoom::All,
            centre: (start + end) / 2.0,
            span: (start, end),
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

    /// Shows or hides a category. Hiding the selected event's category keeps the selection (the
    /// reader asked for that event) but movement skips hidden events.
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

    // ---- selection ----

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Selects an event (or nothing) and brings it into the zoom window.
    pub fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.items.len());
        if let Some(item) = self.selected.and_then(|i| self.items.get(i)) {
            let at = item.at;
            let (start, end) = self.window();
            if at < start || at > end {
                self.centre = at;
            }
        }
    }

    /// The next visible event after the selection (or the first one); stays at the last.
    pub fn next(&self) -> Option<usize> {
        match self.selected {
            None => self.first(),
            Some(current) => self
                .visible()
                .find(|&i| i > current)
                .or(Some(current).filter(|&c| self.is_visible(c)))
                .or_else(|| self.last()),
        }
    }

    /// The previous visible event before the selection (or the last one); stays at the first.
    pub fn previous(&self) -> Option<usize> {
        match self.selected {
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

    /// Changes the zoom level, centred on the selection when there is one.
    pub fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = zoom;
        if let Some(item) = self.selected.and_then(|i| self.items.get(i)) {
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

    /// Lays the visible events in the window out on an axis `width` pixels wide so that markers
    /// `gap` pixels apart never overlap: each gets a lane (row); where more than `lanes` would be
    /// needed, the events that do not fit are gathered into the last marker of that spot, which
    /// then stands for a cluster. The DOM stays bounded whatever the number of events.
    pub fn layout(&self, width: f64, gap: f64, lanes: usize) -> Vec<Marker> {
        let lanes = lanes.max(1);
        let mut lane_ends = vec![f64::NEG_INFINITY; lanes];
        let mut markers: Vec<Marker> = Vec::new();
        let mut overflow_marker: Option<usize> = None;
        // Left to right (chronological order by first day is not quite order by position: a
        // month sits at its middle).
        let mut order: Vec<(f64, usize)> = self
            .visible()
            .map(|i| (self.items[i].at, i))
            .filter(|&(at, _)| self.in_window(at))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (at, index) in order {
            let x = self.fraction(at) * width;
            if gap <= 0.0 {
                // No minimum gap: a plain list, one marker per event.
                markers.push(Marker {
                    x,
                    lane: 0,
                    first: index,
                    count: 1,
                });
                continue;
            }
            match lane_ends.iter().position(|&end| x - end >= gap) {
                Some(lane) => {
                    lane_ends[lane] = x;
                    markers.push(Marker {
                        x,
                        lane,
                        first: index,
                        count: 1,
                    });
                    overflow_marker = None;
                }
                None => {
                    // Every lane is busy here: join the nearest marker on the last lane.
                    let target = overflow_marker
                        .or_else(|| markers.iter().rposition(|m| m.lane == lanes - 1));
                    match target {
                        Some(m) => {
                            markers[m].count += 1;
                            overflow_marker = Some(m);
                        }
                        None => markers.push(Marker {
                            x,
                            lane: lanes - 1,
                            first: index,
                            count: 1,
                        }),
                    }
                }
            }
        }
        markers
    }
}

impl TimelineState {
    /// Makes the selection visible: shows its category if hidden, and zooms in (centred on it)
    /// until it has a marker of its own in `layout(width, gap, lanes)`, so a selection is never
    /// hidden inside a cluster.
    pub fn reveal_selection(&mut self, width: f64, gap: f64, lanes: usize) {
        let Some(selected) = self.selected else {
            return;
        };
        // A link to an event in a hidden category shows that category again.
        if let Some(item) = self.items.get(selected) {
            self.hidden[slot(item.category)] = false;
        }
        loop {
            let standalone = self
                .layout(width, gap, lanes)
                .iter()
                .any(|m| m.first == selected && m.count == 1);
            let next = match self.zoom {
                Zoom::All => Zoom::Decade,
                Zoom::Decade => Zoom::Year,
                Zoom::Year => return,
            };
            if standalone {
                return;
            }
            self.set_zoom(next);
        }
    }
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

    // ←/→ must move over what the reader can see, and stop at the ends rather than wrap.
    #[test]
    fn moves_over_visible_events_only_and_stops_at_the_ends() {
        let mut s = state();
        assert_eq!(s.next(), Some(0));
        assert_eq!(s.previous(), Some(5));
        s.toggle(Prisons);
        s.select(Some(1));
        assert_eq!(s.next(), Some(4));
        s.select(Some(4));
        assert_eq!(s.previous(), Some(1));
        s.select(Some(5));
        assert_eq!(s.next(), Some(5));
        s.select(Some(0));
        assert_eq!(s.previous(), Some(0));
        assert_eq!((s.first(), s.last()), (Some(0), Some(5)));
    }

    #[test]
    fn a_hidden_selection_moves_to_its_visible_neighbours() {
        let mut s = state();
        s.select(Some(2));
        s.toggle(Prisons);
        assert_eq!(s.next(), Some(4));
        assert_eq!(s.previous(), Some(1));
    }

    #[test]
    fn filtering_everything_leaves_nothing_to_move_to() {
        let mut s = state();
        for c in Category::ALL {
            s.toggle(c);
        }
        assert_eq!(s.visible().count(), 0);
        assert_eq!((s.first(), s.last(), s.next()), (None, None, None));
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
        s.select(Some(4));
        s.set_zoom(Zoom::Year);
        let (start, end) = s.window();
        assert!((end - start - 1.0).abs() < 1e-9);
        assert!(s.in_window(2023.6), "{start}..{end}");
        s.select(Some(0));
        assert!(s.in_window(2000.5));
        s.set_zoom(Zoom::Decade);
        assert_eq!(
            s.window(),
            (1999.0, 2009.0),
            "clamped at the start of the span"
        );
        s.select(Some(5));
        s.set_zoom(Zoom::Decade);
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

    #[test]
    fn out_of_range_selection_is_ignored() {
        let mut s = state();
        s.select(Some(99));
        assert_eq!(s.selected(), None);
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
        for lane in 0..4 {
            let xs: Vec<f64> = markers
                .iter()
                .filter(|m| m.lane == lane)
                .map(|m| m.x)
                .collect();
            assert!(
                xs.windows(2).all(|w| w[1] - w[0] >= 8.0),
                "lane {lane} overlaps"
            );
        }
    }

    // A selected event must never be hidden inside a cluster marker.
    #[test]
    fn selection_is_revealed_by_zooming_in() {
        let items: Vec<Item> = (0..200)
            .map(|i| Item {
                at: 2024.0 + f64::from(i) / 400.0,
                category: Violence,
            })
            .collect();
        let mut s = TimelineState::new(items, (1999.0, 2026.0));
        s.select(Some(150));
        assert!(!s
            .layout(1000.0, 10.0, 3)
            .iter()
            .any(|m| m.first == 150 && m.count == 1));
        s.reveal_selection(1000.0, 10.0, 3);
        assert_ne!(s.zoom(), Zoom::All);
        assert!(s.in_window(s.item(150).unwrap().at));
    }

    #[test]
    fn revealing_a_selection_shows_its_category() {
        let mut s = state();
        s.toggle(Violence);
        s.select(Some(4));
        s.reveal_selection(1000.0, 8.0, 4);
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
        let s = TimelineState::new(items, (1999.0, 2026.0));
        let markers = s.layout(1000.0, 0.0, 1);
        assert_eq!(markers.len(), 3);
        assert!(markers.iter().all(|m| m.count == 1));
        assert_eq!(
            markers.iter().map(|m| m.first).collect::<Vec<_>>(),
            vec![1, 0, 2]
        );
    }

    #[test]
    fn sparse_events_each_get_their_own_marker() {
        let markers = state().layout(1000.0, 8.0, 4);
        assert_eq!(markers.len(), 6);
        assert!(markers.iter().all(|m| m.count == 1));
    }
}
