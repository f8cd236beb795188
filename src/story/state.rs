//! The story mode as plain logic, tested without a browser: where the reader is among the steps
//! ([`StoryState`] with next / prev / go), which keys and swipes move them, and what each step
//! sets in the full views ([`full_view`]: the state its "open the full view" link opens).

use crate::data::{Dataset, StepId, StoryStep, StoryView};
use crate::url_state::{Pair, Selection, View, ViewState};

/// The reader's place in the story: a step index, always within the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryState {
    index: usize,
    len: usize,
}

impl StoryState {
    /// The state at the step `id` names; the first step when there is none (or it is unknown:
    /// the router has already told the reader so).
    pub fn at(data: &Dataset, id: Option<&StepId>) -> StoryState {
        let index = id
            .and_then(|id| data.story.iter().position(|s| &s.id == id))
            .unwrap_or(0);
        StoryState {
            index,
            len: data.story.len(),
        }
    }

    pub fn index(self) -> usize {
        self.index
    }

    pub fn len(self) -> usize {
        self.len
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    pub fn is_first(self) -> bool {
        self.index == 0
    }

    pub fn is_last(self) -> bool {
        self.index + 1 >= self.len
    }

    /// The step after this one; `None` at the last.
    pub fn next(self) -> Option<StoryState> {
        self.go(self.index + 1)
    }

    /// The step before this one; `None` at the first.
    pub fn prev(self) -> Option<StoryState> {
        self.index.checked_sub(1).and_then(|i| self.go(i))
    }

    /// The step at `index`; `None` outside the story or where the reader already is.
    pub fn go(self, index: usize) -> Option<StoryState> {
        (index < self.len && index != self.index).then_some(StoryState { index, ..self })
    }

    /// Where a move takes the reader, if anywhere.
    pub fn apply(self, to: Move) -> Option<StoryState> {
        match to {
            Move::Next => self.next(),
            Move::Prev => self.prev(),
            Move::First => self.go(0),
            Move::Last => self.go(self.len.saturating_sub(1)),
        }
    }

    pub fn step(self, data: &Dataset) -> Option<&StoryStep> {
        data.story.get(self.index)
    }

    /// The link state of this step (`#story/<id>`).
    pub fn view_state(self, data: &Dataset) -> ViewState {
        match self.step(data) {
            Some(step) => ViewState::of(Selection::Step(step.id.clone())),
            None => ViewState::new(View::Story),
        }
    }
}

/// A move through the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Prev,
    First,
    Last,
}

/// The move a key makes (`KeyboardEvent.key`), if any. Arrows and Page Up/Down as on a
/// presentation clicker; Home/End to the ends.
pub fn key_move(key: &str) -> Option<Move> {
    match key {
        "ArrowRight" | "PageDown" => Some(Move::Next),
        "ArrowLeft" | "PageUp" => Some(Move::Prev),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// The shortest horizontal swipe, in CSS pixels, that moves the story.
pub const SWIPE_MIN: f64 = 50.0;

/// The move a swipe makes: a mostly horizontal stroke of at least [`SWIPE_MIN`] pixels; right to
/// left goes on (as turning a page), left to right goes back. A vertical stroke is a scroll.
pub fn swipe_move(dx: f64, dy: f64) -> Option<Move> {
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < SWIPE_MIN || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { Move::Next } else { Move::Prev })
}

/// The full view a step opens, with the step's state in it: its first event on the timeline, its
/// first route (else place) on the map, or its pair of programmes on its row.
pub fn full_view(data: &Dataset, step: &StoryStep) -> ViewState {
    let selection = match step.view {
        StoryView::Timeline => step.events.first().map(|id| Selection::Event(id.clone())),
        StoryView::Map => step
            .routes
            .first()
            .map(|id| Selection::Route(id.clone()))
            .or_else(|| step.places.first().map(|id| Selection::Place(id.clone()))),
        StoryView::Policies => step.pair().map(|(left, right)| {
            Selection::Pair(Pair {
                left: left.clone(),
                right: right.clone(),
            })
        }),
    };
    let view = match step.view {
        StoryView::Timeline => View::Timeline,
        StoryView::Map => View::Map,
        StoryView::Policies => View::Policies,
    };
    let dim = match step.view {
        StoryView::Policies => step
            .dimension
            .as_ref()
            .and_then(|d| data.dimension(d.as_str()))
            .map(|d| d.id.clone()),
        _ => None,
    };
    ViewState {
        view,
        selection,
        dim,
        ..ViewState::default()
    }
}

/// Where a date falls between the years `from` and `to` (inclusive), from 0 to 1.
pub fn share_of_span(year_fraction: f64, from: i32, to: i32) -> f64 {
    let span = f64::from((to - from).max(0) + 1);
    ((year_fraction - f64::from(from)) / span).clamp(0.0, 1.0)
}

/// The curve of yearly values as SVG path data in a `width` × `height` box: x spans the years
/// `from`..=`to`, y runs from 0 (bottom) to `max` (top).
pub fn curve_path(
    points: &[(i32, f64)],
    from: i32,
    to: i32,
    max: f64,
    width: f64,
    height: f64,
) -> String {
    let mut d = String::new();
    for (i, (x, y)) in curve_xy(points, from, to, max, width, height)
        .into_iter()
        .enumerate()
    {
        d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { 'M' } else { 'L' }));
    }
    d
}

/// The points of [`curve_path`] as coordinates.
pub fn curve_xy(
    points: &[(i32, f64)],
    from: i32,
    to: i32,
    max: f64,
    width: f64,
    height: f64,
) -> Vec<(f64, f64)> {
    let span = f64::from((to - from).max(1));
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    points
        .iter()
        .filter(|(_, v)| v.is_finite())
        .map(|&(year, value)| {
            let x = f64::from(year - from) / span * width;
            let y = height - (value / max).clamp(0.0, 1.0) * height;
            (x, y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::Notice;

    fn data() -> &'static Dataset {
        crate::data::dataset()
    }

    // Guards against walking off either end of the story, or a move that goes nowhere counting as
    // a navigation.
    #[test]
    fn next_prev_and_go_stay_within_the_story() {
        let start = StoryState::at(data(), None);
        assert_eq!(start.index(), 0);
        assert!(start.is_first() && start.prev().is_none());
        let mut state = start;
        let mut walked = 1;
        while let Some(next) = state.next() {
            state = next;
            walked += 1;
        }
        assert_eq!(walked, data().story.len());
        assert!(state.is_last() && state.next().is_none());
        assert_eq!(state.apply(Move::First), Some(start));
        assert_eq!(start.apply(Move::Last), Some(state));
        assert_eq!(start.go(0), None);
        assert_eq!(start.go(data().story.len()), None);
        assert_eq!(state.prev().map(StoryState::index), Some(walked - 2));
    }

    // Guards against a deep link reopening another step than the one it names.
    #[test]
    fn a_step_link_reopens_that_step_and_a_bad_one_the_first() {
        for (i, step) in data().story.iter().enumerate() {
            let (state, notice) =
                ViewState::parse_and_resolve(&format!("#story/{}", step.id), data());
            assert_eq!(notice, None);
            let story = StoryState::at(data(), state.step());
            assert_eq!(story.index(), i);
            assert_eq!(story.view_state(data()), state);
        }
        let (state, notice) = ViewState::parse_and_resolve("#story/not-a-step", data());
        assert_eq!(notice, Some(Notice::UnknownItem));
        assert_eq!(StoryState::at(data(), state.step()).index(), 0);
        let (_, notice) = ViewState::parse_and_resolve("#story/<b>", data());
        assert_eq!(notice, Some(Notice::BadLink));
    }

    // Guards against an "open the full view" link that lands on an empty or wrong view: every
    // shipped step's link resolves, with no notice, to the view it names with the step's state.
    #[test]
    fn every_step_opens_its_full_view_with_its_state() {
        for step in data().story.iter() {
            let state = full_view(data(), step);
            let (resolved, notice) = ViewState::parse_and_resolve(&state.to_hash(), data());
            assert_eq!(notice, None, "{}: {}", step.id, state.to_hash());
            assert_eq!(resolved, state, "{}", step.id);
            assert!(state.selection.is_some(), "{}", step.id);
            match step.view {
                StoryView::Timeline => {
                    assert_eq!(state.event(), step.events.first());
                }
                StoryView::Map => {
                    let first = step
                        .routes
                        .first()
                        .map(|r| r.as_str())
                        .or(step.places.first().map(|p| p.as_str()));
                    assert_eq!(state.map_item(), first);
                }
                StoryView::Policies => {
                    assert!(state.pair().is_some());
                    assert_eq!(state.dim, step.dimension);
                }
            }
        }
    }

    #[test]
    fn keys_and_swipes() {
        assert_eq!(key_move("ArrowRight"), Some(Move::Next));
        assert_eq!(key_move("PageUp"), Some(Move::Prev));
        assert_eq!(key_move("End"), Some(Move::Last));
        assert_eq!(key_move("a"), None);
        assert_eq!(swipe_move(-80.0, 10.0), Some(Move::Next));
        assert_eq!(swipe_move(80.0, -10.0), Some(Move::Prev));
        // Too short, too vertical (a scroll), or nonsense: no move.
        assert_eq!(swipe_move(-30.0, 0.0), None);
        assert_eq!(swipe_move(-80.0, 60.0), None);
        assert_eq!(swipe_move(f64::NAN, 0.0), None);
    }

    #[test]
    fn curve_geometry() {
        let points = [(2014, 10.0), (2019, 5.0), (2024, 20.0)];
        assert_eq!(
            curve_xy(&points, 2014, 2024, 20.0, 100.0, 50.0),
            vec![(0.0, 25.0), (50.0, 37.5), (100.0, 0.0)]
        );
        assert_eq!(
            curve_path(&points[..2], 2014, 2024, 20.0, 100.0, 50.0),
            "M0.0 25.0L50.0 37.5"
        );
        // A degenerate scale draws nothing off the box.
        assert!(curve_xy(&points, 2014, 2014, 0.0, 100.0, 50.0)
            .iter()
            .all(|&(_, y)| (0.0..=50.0).contains(&y)));
        assert_eq!(share_of_span(2000.5, 2000, 2009), 0.05);
        assert_eq!(share_of_span(1990.0, 2000, 2009), 0.0);
    }
}
