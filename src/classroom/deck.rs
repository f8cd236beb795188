//! Presentation mode for the classroom, as plain logic: which slides a view offers (the core
//! events in date order, or the rows of the policy comparison in view), where the current link
//! is among them, and what the keys a presentation clicker sends do. The component is in
//! `presentation.rs`.

use crate::data::{Dataset, DimensionId, EventId, Priority};
use crate::policies::comparison::{default_pair, rows, Pair};
use crate::url_state::{Selection, View, ViewState};

/// The slides of a presentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deck {
    /// Events, oldest first.
    Events(Vec<EventId>),
    /// The comparison of a pair, one dimension per slide.
    Rows {
        pair: Pair,
        dimensions: Vec<DimensionId>,
    },
}

impl Deck {
    /// Whether a presentation that starts at this state needs every event rather than the core
    /// ones: it starts on an event outside the core. Decided once, when the presentation starts,
    /// so stepping onto a core event keeps the deck.
    pub fn needs_every_event(data: &Dataset, state: &ViewState) -> bool {
        state
            .event()
            .and_then(|id| data.event(id.as_str()))
            .is_some_and(|e| e.priority != Priority::Core)
    }

    /// The slides for a state: the policies view presents its comparison; every other view
    /// presents the timeline: the core events, or every event (`every_event`).
    pub fn for_state(data: &Dataset, state: &ViewState, every_event: bool) -> Deck {
        if state.view == View::Policies {
            let pair = state.pair().cloned().or_else(|| default_pair(data));
            if let Some(pair) = pair {
                let dimensions = rows(data, &pair)
                    .iter()
                    .map(|row| row.dimension.id.clone())
                    .collect();
                return Deck::Rows { pair, dimensions };
            }
        }
        let events = data
            .events_in_date_order()
            .into_iter()
            .filter(|event| every_event || event.priority == Priority::Core)
            .map(|event| event.id.clone())
            .collect();
        Deck::Events(events)
    }

    pub fn len(&self) -> usize {
        match self {
            Deck::Events(events) => events.len(),
            Deck::Rows { dimensions, .. } => dimensions.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the state is in the deck; the first slide when it names none of them.
    pub fn position(&self, state: &ViewState) -> usize {
        let found = match self {
            Deck::Events(events) => state
                .event()
                .and_then(|id| events.iter().position(|e| e == id)),
            Deck::Rows { dimensions, .. } => state
                .dim
                .as_ref()
                .and_then(|id| dimensions.iter().position(|d| d == id)),
        };
        found.unwrap_or(0)
    }

    /// The link to slide `index` (clamped to the deck), presenting, in the state's language.
    pub fn slide(&self, state: &ViewState, index: usize) -> ViewState {
        let index = index.min(self.len().saturating_sub(1));
        let mut next = match self {
            Deck::Events(events) => match events.get(index) {
                Some(id) => ViewState::of(Selection::Event(id.clone())),
                None => ViewState::new(View::Timeline),
            },
            Deck::Rows { pair, dimensions } => {
                let mut next = ViewState::of(Selection::Pair(pair.clone()));
                next.dim = dimensions.get(index).cloned();
                next
            }
        };
        next.lang = state.lang;
        next.present = true;
        next
    }
}

/// What a key does in presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

/// The keys presentation clickers send (→ ← PageDown PageUp, space), plus Home, End and Esc.
/// `key` is `KeyboardEvent.key`.
pub fn step_for_key(key: &str, shift: bool) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(Step::Next),
        " " | "Spacebar" if shift => Some(Step::Previous),
        " " | "Spacebar" => Some(Step::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        "Escape" | "Esc" => Some(Step::Leave),
        _ => None,
    }
}

/// The slide index after a step (`None` for leaving).
pub fn apply(step: Step, current: usize, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    match step {
        Step::Next => Some((current + 1).min(last)),
        Step::Previous => Some(current.saturating_sub(1)),
        Step::First => Some(0),
        Step::Last => Some(last),
        Step::Leave => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset()
    }

    #[test]
    fn the_timeline_deck_is_the_core_events_in_date_order() {
        let data = data();
        let deck = Deck::for_state(data, &ViewState::new(View::Timeline), false);
        let Deck::Events(events) = &deck else {
            panic!("a timeline deck");
        };
        let core = data
            .events
            .iter()
            .filter(|e| e.priority == Priority::Core)
            .count();
        assert_eq!(events.len(), core);
        let day = |id: &EventId| data.event(id.as_str()).map(|e| e.date.start.first_day());
        assert!(events.windows(2).all(|w| day(&w[0]) <= day(&w[1])));
        // The map and About present the timeline too.
        assert_eq!(
            Deck::for_state(data, &ViewState::new(View::Map), false),
            deck
        );
    }

    #[test]
    fn a_link_outside_the_core_presents_every_event() {
        let data = data();
        let Some(optional) = data.events.iter().find(|e| e.priority != Priority::Core) else {
            return;
        };
        let state = ViewState::of(Selection::Event(optional.id.clone()));
        assert!(Deck::needs_every_event(data, &state));
        let deck = Deck::for_state(data, &state, true);
        assert_eq!(deck.len(), data.events.len());
        let at = deck.position(&state);
        assert_eq!(deck.slide(&state, at).event(), Some(&optional.id));
        // Stepping onto a core event keeps the same deck, so stepping back returns.
        let core_at = (0..deck.len())
            .find(|&i| !Deck::needs_every_event(data, &deck.slide(&state, i)))
            .expect("a core event");
        let core = deck.slide(&state, core_at);
        assert_eq!(Deck::for_state(data, &core, true), deck);
        assert_eq!(deck.position(&core), core_at);
    }

    #[test]
    fn the_policies_deck_is_the_rows_of_the_pair() {
        let data = data();
        let state = ViewState::new(View::Policies);
        let deck = Deck::for_state(data, &state, false);
        let pair = default_pair(data).expect("two programmes");
        assert_eq!(deck.len(), rows(data, &pair).len());
        let second = deck.slide(&state, 1);
        assert!(second.present);
        assert_eq!(second.pair(), Some(&pair));
        assert_eq!(deck.position(&second), 1);
    }

    #[test]
    fn slides_step_and_keep_the_language() {
        let data = data();
        let state = ViewState::new(View::Timeline).with_lang(content::Lang::Es);
        let deck = Deck::for_state(data, &state, false);
        assert_eq!(deck.position(&state), 0);
        let next = deck.slide(&state, apply(Step::Next, 0, deck.len()).unwrap_or(0));
        assert_eq!(next.lang, Some(content::Lang::Es));
        assert_eq!(deck.position(&next), 1);
        // Past the end stays on the last slide.
        let last = deck.slide(&state, usize::MAX);
        assert_eq!(deck.position(&last), deck.len() - 1);
    }

    #[test]
    fn clicker_keys() {
        for key in ["ArrowRight", "PageDown", " "] {
            assert_eq!(step_for_key(key, false), Some(Step::Next), "{key}");
        }
        for key in ["ArrowLeft", "PageUp"] {
            assert_eq!(step_for_key(key, false), Some(Step::Previous), "{key}");
        }
        assert_eq!(step_for_key(" ", true), Some(Step::Previous));
        assert_eq!(step_for_key("Escape", false), Some(Step::Leave));
        assert_eq!(step_for_key("a", false), None);
        assert_eq!(apply(Step::Next, 4, 5), Some(4));
        assert_eq!(apply(Step::Previous, 0, 5), Some(0));
        assert_eq!(apply(Step::Last, 0, 5), Some(4));
        assert_eq!(apply(Step::Next, 0, 0), Some(0));
        assert_eq!(apply(Step::Leave, 2, 5), None);
    }
}
