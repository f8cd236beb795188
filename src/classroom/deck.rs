//! Presentation mode for the classroom, as plain logic: which slides a view offers, where the
//! current link is among them, how a long text continues on the following slides, and what the
//! keys a presentation clicker sends do. The component is in `presentation.rs`.
//!
//! Each view presents itself: the story its steps, the timeline the core events its filter
//! shows (every event when the presentation starts on one outside the core), the map its routes
//! and places, the policies view the rows of its comparison (About presents the timeline). A
//! record whose text is longer than a slide holds continues on the next slides (`part=2`…), each
//! marked "continued", so no slide is taller than a projector.

use content::Lang;

use crate::data::{
    Category, Dataset, DimensionId, Event, EventId, PlaceId, Priority, RouteId, StepId,
};
use crate::policies::comparison::{default_pair, rows, Pair};
use crate::url_state::{Selection, View, ViewState};

/// The timeline's category filter as a presentation needs it: the categories hidden on screen.
/// An event counts under its first category, as on the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    hidden: Vec<Category>,
}

impl EventFilter {
    pub fn is_shown(&self, category: Category) -> bool {
        !self.hidden.contains(&category)
    }

    /// Shows or hides a category.
    pub fn toggle(&mut self, category: Category) {
        match self.hidden.iter().position(|&c| c == category) {
            Some(at) => {
                self.hidden.remove(at);
            }
            None => self.hidden.push(category),
        }
    }

    pub fn show_all(&mut self) {
        self.hidden.clear();
    }

    pub fn shows(&self, event: &Event) -> bool {
        event
            .categories
            .first()
            .is_none_or(|&category| self.is_shown(category))
    }
}

/// What a presentation covers besides the view: the timeline's filter, and whether it started
/// on an event outside the core (decided once, so stepping onto a core event keeps the deck).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub filter: EventFilter,
    pub every_event: bool,
}

/// One record a deck presents; it takes one slide or more (its parts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Event(EventId),
    /// One row of a comparison.
    Row {
        pair: Pair,
        dimension: DimensionId,
    },
    Route(RouteId),
    Place(PlaceId),
    Step(StepId),
}

impl Item {
    /// The item a state shows, if it shows one a deck could hold.
    fn of_state(state: &ViewState) -> Option<Item> {
        Some(match state.selection.as_ref()? {
            Selection::Event(id) => Item::Event(id.clone()),
            Selection::Route(id) => Item::Route(id.clone()),
            Selection::Place(id) => Item::Place(id.clone()),
            Selection::Step(id) => Item::Step(id.clone()),
            Selection::Pair(pair) => Item::Row {
                pair: pair.clone(),
                dimension: state.dim.clone()?,
            },
            Selection::Policy(_) | Selection::Source(_) => return None,
        })
    }

    /// The state that shows this item (not presenting, no language).
    fn state(&self) -> ViewState {
        match self {
            Item::Event(id) => ViewState::of(Selection::Event(id.clone())),
            Item::Route(id) => ViewState::of(Selection::Route(id.clone())),
            Item::Place(id) => ViewState::of(Selection::Place(id.clone())),
            Item::Step(id) => ViewState::of(Selection::Step(id.clone())),
            Item::Row { pair, dimension } => {
                let mut state = ViewState::of(Selection::Pair(pair.clone()));
                state.dim = Some(dimension.clone());
                state
            }
        }
    }
}

/// One slide: an item, and which of its parts (0 for the first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    pub item: Item,
    pub part: usize,
    /// How many parts the item has: a part after the first is marked "continued".
    pub parts: usize,
}

/// The slides of a presentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    slides: Vec<Slide>,
}

impl Deck {
    /// Whether a presentation that starts at this state needs every event rather than the core
    /// ones: it starts on an event outside the core.
    pub fn needs_every_event(data: &Dataset, state: &ViewState) -> bool {
        state
            .event()
            .and_then(|id| data.event(id.as_str()))
            .is_some_and(|e| e.priority != Priority::Core)
    }

    /// The items a view presents, in order.
    pub fn items(data: &Dataset, state: &ViewState, scope: &Scope) -> Vec<Item> {
        match state.view {
            View::Story => data
                .story
                .iter()
                .map(|step| Item::Step(step.id.clone()))
                .collect(),
            View::Map => data
                .routes
                .iter()
                .map(|route| Item::Route(route.id.clone()))
                .chain(
                    data.places
                        .iter()
                        .map(|place| Item::Place(place.id.clone())),
                )
                .collect(),
            View::Policies => {
                let Some(pair) = state.pair().cloned().or_else(|| default_pair(data)) else {
                    return Vec::new();
                };
                rows(data, &pair)
                    .iter()
                    .map(|row| Item::Row {
                        pair: pair.clone(),
                        dimension: row.dimension.id.clone(),
                    })
                    .collect()
            }
            View::Timeline | View::About => {
                let events: Vec<Item> = data
                    .events_in_date_order()
                    .into_iter()
                    .filter(|event| scope.every_event || event.priority == Priority::Core)
                    .filter(|event| scope.filter.shows(event))
                    .map(|event| Item::Event(event.id.clone()))
                    .collect();
                // A filter that hides everything presents the core events rather than nothing.
                if events.is_empty() && scope.filter != EventFilter::default() {
                    let unfiltered = Scope {
                        filter: EventFilter::default(),
                        every_event: scope.every_event,
                    };
                    return Deck::items(data, state, &unfiltered);
                }
                events
            }
        }
    }

    /// The slides for a state in a language: every item of the view, each in as many parts as
    /// its text needs.
    pub fn for_state(data: &Dataset, state: &ViewState, scope: &Scope, lang: Lang) -> Deck {
        let slides = Deck::items(data, state, scope)
            .into_iter()
            .flat_map(|item| {
                let parts = item_pages(data, &item, lang).len().max(1);
                (0..parts).map(move |part| Slide {
                    item: item.clone(),
                    part,
                    parts,
                })
            })
            .collect();
        Deck { slides }
    }

    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Slide> {
        self.slides.get(index)
    }

    /// How many records the deck presents (a record in three parts counts once).
    pub fn items_len(&self) -> usize {
        self.slides.iter().filter(|s| s.part == 0).count()
    }

    /// Where the state is in the deck: its item's part (the first when the part is past the
    /// item's last); the first slide when it names none of the items.
    pub fn position(&self, state: &ViewState) -> usize {
        let Some(item) = Item::of_state(state) else {
            return 0;
        };
        let mut first = None;
        for (index, slide) in self.slides.iter().enumerate() {
            if slide.item == item {
                if slide.part == usize::from(state.part) {
                    return index;
                }
                first = first.or(Some(index));
            }
        }
        first.unwrap_or(0)
    }

    /// The link to slide `index` (clamped to the deck), presenting, in the state's language.
    pub fn slide(&self, state: &ViewState, index: usize) -> ViewState {
        let index = index.min(self.len().saturating_sub(1));
        let mut next = match self.slides.get(index) {
            Some(slide) => {
                let mut next = slide.item.state();
                next.part = u8::try_from(slide.part).unwrap_or(u8::MAX);
                next
            }
            None => ViewState::new(state.view),
        };
        next.lang = state.lang;
        next.present = true;
        next
    }
}

/// What one slide holds, in the presentation's type (style/main.css): how many characters of
/// body text fit on a line, and how many body lines fit under the bar. Measured in Chromium at
/// 1280×720, the smaller of the two projector sizes; the view still scales the type down a step
/// if a slide would overflow a smaller screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub per_line: usize,
    pub lines: f64,
    /// The heading's type against the body's.
    pub heading: f64,
}

/// A slide with the text across it. Sized to fit at the first step down of the type (0.9), so
/// a record splits only when it would need more than that.
pub const FULL: Layout = Layout {
    per_line: 70,
    lines: 14.0,
    heading: 1.75,
};
/// A slide with a map beside the text (the map slides, the story's steps on the map).
pub const BESIDE_MAP: Layout = Layout {
    per_line: 44,
    lines: 15.0,
    heading: 1.4,
};
/// A row of the comparison: two columns.
pub const COLUMN: Layout = Layout {
    per_line: 36,
    lines: 15.0,
    heading: 1.75,
};
/// Notes and source lists are set at 0.7 of the body.
const SMALL_SCALE: f64 = 0.7;
/// A small heading ("Sources", "Note") with its margins, in body lines.
const SMALL_HEADING_LINES: f64 = 1.4;

/// How many lines `chars` characters take at `per_line` a line.
fn lines_of(chars: usize, per_line: f64) -> f64 {
    (chars as f64 / per_line.max(1.0)).ceil()
}

/// The body lines a heading takes (its line height is 1.15 against the body's 1.45), margins
/// included.
pub fn heading_lines(heading: &str, layout: Layout) -> f64 {
    let scale = layout.heading;
    lines_of(heading.chars().count(), layout.per_line as f64 / scale) * scale * 0.8 + 0.6
}

/// One slide's share of a record: a piece of its main text, and whether its note and its
/// sources are on this slide (they follow the text, on its last slide or one of their own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub note: bool,
    pub sources: bool,
}

/// Splits a record into slides: `text` in pieces of whole sentences (a sentence longer than a
/// slide at a word), then the note and the sources, each on the last slide if it still fits or
/// on a slide of its own. `head` is the body lines every slide of it repeats above the text (the
/// heading, a date).
pub fn paginate(
    head: f64,
    text: &str,
    note: Option<&str>,
    sources: usize,
    layout: Layout,
) -> Vec<Page> {
    let room = (layout.lines - head).max(layout.lines / 3.0);
    let per_line = layout.per_line as f64;
    let text_lines = |chars: usize| lines_of(chars, per_line);
    let note_lines = note.map_or(0.0, |n| {
        lines_of(n.chars().count(), per_line / SMALL_SCALE) * SMALL_SCALE + SMALL_HEADING_LINES
    });
    let sources_lines = if sources == 0 {
        0.0
    } else {
        sources as f64 * 0.8 * SMALL_SCALE * 1.45 + SMALL_HEADING_LINES
    };
    let room_chars = (room.floor() as usize).max(1) * layout.per_line;
    let mut pages: Vec<Page> = Vec::new();
    let mut current = Page::default();
    let mut used = 0.0;
    for piece in pieces(text, room_chars) {
        let joined = if current.text.is_empty() {
            piece.chars().count()
        } else {
            current.text.chars().count() + 1 + piece.chars().count()
        };
        if !current.text.is_empty() && text_lines(joined) > room {
            pages.push(std::mem::take(&mut current));
        }
        if !current.text.is_empty() {
            current.text.push(' ');
        }
        current.text.push_str(piece);
        used = text_lines(current.text.chars().count());
    }
    for (lines, is_note) in [(note_lines, true), (sources_lines, false)] {
        if lines <= 0.0 {
            continue;
        }
        let empty = current.text.is_empty() && !current.note && !current.sources;
        if !empty && used + lines > room {
            pages.push(std::mem::take(&mut current));
            used = 0.0;
        }
        if is_note {
            current.note = true;
        } else {
            current.sources = true;
        }
        used += lines;
    }
    if current != Page::default() || pages.is_empty() {
        pages.push(current);
    }
    pages
}

/// The text in pieces no longer than `room` where it can be helped: whole sentences, and a
/// sentence longer than `room` in runs of whole clauses (after `;`, `:` or `,`) when one ends in
/// the second half of the run, else of whole words.
fn pieces(text: &str, room: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let mut rest = sentence;
        while rest.chars().count() > room {
            let mut word = None;
            let mut clause = None;
            let mut prev = ' ';
            for (count, (at, c)) in rest.char_indices().enumerate() {
                if count > room {
                    break;
                }
                if c == ' ' && at > 0 {
                    word = Some(at);
                    if matches!(prev, ';' | ':' | ',') && count >= room / 2 {
                        clause = Some(at);
                    }
                }
                prev = c;
            }
            let Some(cut) = clause.or(word) else {
                break;
            };
            out.push(rest[..cut].trim());
            rest = rest[cut..].trim_start();
        }
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

/// The sentences of a text: a break after `.`, `!`, `?` or `…` (and any closing quote or
/// bracket) when a space and then a capital letter, a digit or an opening mark follow, so
/// "U.S. officials" or "approx. half" stay whole.
pub fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end].1, '"' | '\'' | '”' | '’' | ')' | '»')
            {
                end += 1;
            }
            let spaced = end < chars.len() && chars[end].1 == ' ';
            let opens = chars.get(end + 1).is_some_and(|&(_, n)| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '“' | '"' | '¿' | '¡' | '«' | '(')
            });
            if spaced && opens {
                let cut = chars[end].0;
                out.push(text[start..cut].trim());
                start = cut + 1;
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The slides of one record in a language (one page, at least, for a record not found).
pub fn item_pages(data: &Dataset, item: &Item, lang: Lang) -> Vec<Page> {
    match item {
        Item::Event(id) => data.event(id.as_str()).map(|event| {
            // The date above the heading, and the places under the text, take a line each.
            paginate(
                heading_lines(event.title.get(lang), FULL) + 2.0,
                event.summary.get(lang),
                event.note.as_ref().map(|n| n.get(lang)),
                event.sources.len(),
                FULL,
            )
        }),
        Item::Route(id) => data.route(id.as_str()).map(|route| {
            let text = match &route.volume {
                Some(volume) => format!("{} {}", route.summary.get(lang), volume.get(lang)),
                None => route.summary.get(lang).to_string(),
            };
            paginate(
                heading_lines(route.name.get(lang), BESIDE_MAP),
                &text,
                route.note.as_ref().map(|n| n.get(lang)),
                route.sources.len(),
                BESIDE_MAP,
            )
        }),
        Item::Place(id) => data.place(id.as_str()).map(|place| {
            paginate(
                heading_lines(place.name.get(lang), BESIDE_MAP),
                place.role.get(lang),
                place.note.as_ref().map(|n| n.get(lang)),
                place.sources.len(),
                BESIDE_MAP,
            )
        }),
        Item::Step(id) => data.step(id.as_str()).map(|step| {
            let layout = if step_has_map(step) { BESIDE_MAP } else { FULL };
            paginate(
                heading_lines(step.title.get(lang), layout),
                step.text.get(lang),
                None,
                step.sources.len(),
                layout,
            )
        }),
        Item::Row { pair, dimension } => {
            // The row takes as many slides as its longer cell.
            let cells = row_pages(data, pair, dimension, lang);
            let parts = cells.iter().map(Vec::len).max().unwrap_or(1);
            Some(vec![Page::default(); parts])
        }
    }
    .unwrap_or_else(|| vec![Page::default()])
}

/// Whether a story step's slide shows the map beside its text: a step on the map that lights
/// something on it.
pub fn step_has_map(step: &crate::data::StoryStep) -> bool {
    step.view == crate::data::StoryView::Map && !(step.places.is_empty() && step.routes.is_empty())
}

/// A comparison row's two cells, each split into slides of one column (the row's `part` shows
/// each cell's page of that number, or nothing once a cell has ended).
pub fn row_pages(
    data: &Dataset,
    pair: &Pair,
    dimension: &DimensionId,
    lang: Lang,
) -> [Vec<Page>; 2] {
    let head = data
        .dimension(dimension.as_str())
        .map_or(0.0, |d| heading_lines(d.label.get(lang), FULL))
        + 1.5;
    let cell = |policy: &crate::data::PolicyId| match data.cell(policy, dimension) {
        Some(cell) => paginate(
            head,
            cell.text.get(lang),
            cell.note.as_ref().map(|n| n.get(lang)),
            cell.sources.len(),
            COLUMN,
        ),
        None => vec![Page::default()],
    };
    [cell(&pair.left), cell(&pair.right)]
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
    use content::Lang;

    fn data() -> &'static Dataset {
        crate::data::dataset()
    }

    fn events(items: &[Item]) -> Vec<&EventId> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Event(id) => Some(id),
                _ => None,
            })
            .collect()
    }

    // Guards against a timeline deck that is not what the timeline shows by default: the core
    // events, oldest first (About presents the same).
    #[test]
    fn the_timeline_deck_is_the_core_events_in_date_order() {
        let data = data();
        let items = Deck::items(data, &ViewState::new(View::Timeline), &Scope::default());
        let ids = events(&items);
        assert_eq!(ids.len(), items.len());
        let core = data
            .events
            .iter()
            .filter(|e| e.priority == Priority::Core)
            .count();
        assert_eq!(ids.len(), core);
        let day = |id: &EventId| data.event(id.as_str()).map(|e| e.date.start.first_day());
        assert!(ids.windows(2).all(|w| day(w[0]) <= day(w[1])));
        assert_eq!(
            Deck::items(data, &ViewState::new(View::About), &Scope::default()),
            items
        );
    }

    // Guards against "Present" on the map (or the story) silently presenting the timeline.
    #[test]
    fn each_view_presents_itself() {
        let data = data();
        let scope = Scope::default();
        let map = Deck::items(data, &ViewState::new(View::Map), &scope);
        assert_eq!(map.len(), data.routes.len() + data.places.len());
        assert!(matches!(map.first(), Some(Item::Route(_))));
        assert!(map
            .iter()
            .all(|i| matches!(i, Item::Route(_) | Item::Place(_))));
        // Presenting from a selected place keeps the map deck and starts on that place.
        let place = &data.places[3];
        let state = ViewState::of(Selection::Place(place.id.clone()));
        let deck = Deck::for_state(data, &state, &scope, Lang::En);
        let at = deck.position(&state);
        assert_eq!(
            deck.get(at).map(|s| &s.item),
            Some(&Item::Place(place.id.clone()))
        );
        assert_eq!(deck.slide(&state, at).map_item(), Some(place.id.as_str()));

        let story = Deck::items(data, &ViewState::new(View::Story), &scope);
        let steps: Vec<&StepId> = data.story.iter().map(|s| &s.id).collect();
        assert_eq!(
            story,
            steps
                .iter()
                .map(|&id| Item::Step(id.clone()))
                .collect::<Vec<_>>()
        );
        // The story deck walks the steps on the map too.
        assert!(data
            .story
            .iter()
            .any(|s| s.view == crate::data::StoryView::Map));

        let policies = Deck::items(data, &ViewState::new(View::Policies), &scope);
        let pair = default_pair(data).expect("two programmes");
        assert_eq!(policies.len(), rows(data, &pair).len());
        assert!(policies
            .iter()
            .all(|i| matches!(i, Item::Row { pair: p, .. } if *p == pair)));
    }

    // Guards against a 20-minute class being stuck with the whole deck: the timeline's filter
    // shortens it, and a filter that hides everything does not leave an empty presentation.
    #[test]
    fn the_timeline_filter_shortens_the_deck() {
        let data = data();
        let state = ViewState::new(View::Timeline);
        let all = Deck::items(data, &state, &Scope::default());
        let mut filter = EventFilter::default();
        for category in Category::ALL.into_iter().skip(1) {
            filter.toggle(category);
        }
        let scope = Scope {
            filter: filter.clone(),
            every_event: false,
        };
        let violence = Deck::items(data, &state, &scope);
        assert!(!violence.is_empty() && violence.len() < all.len());
        for id in events(&violence) {
            let event = data.event(id.as_str()).expect("an event");
            assert_eq!(event.categories.first(), Some(&Category::ALL[0]), "{id}");
            assert_eq!(event.priority, Priority::Core);
        }
        // Toggling twice leaves a category as it was.
        filter.toggle(Category::ALL[1]);
        filter.toggle(Category::ALL[1]);
        assert!(!filter.is_shown(Category::ALL[1]));
        filter.show_all();
        assert_eq!(filter, EventFilter::default());
        let mut nothing = EventFilter::default();
        for category in Category::ALL {
            nothing.toggle(category);
        }
        let scope = Scope {
            filter: nothing,
            every_event: false,
        };
        assert_eq!(Deck::items(data, &state, &scope), all);
    }

    // Guards against losing the deck when stepping from an event outside the core onto a core one.
    #[test]
    fn a_link_outside_the_core_presents_every_event() {
        let data = data();
        let Some(optional) = data.events.iter().find(|e| e.priority != Priority::Core) else {
            return;
        };
        let state = ViewState::of(Selection::Event(optional.id.clone()));
        assert!(Deck::needs_every_event(data, &state));
        let scope = Scope {
            every_event: true,
            ..Scope::default()
        };
        let deck = Deck::for_state(data, &state, &scope, Lang::En);
        assert_eq!(deck.items_len(), data.events.len());
        let at = deck.position(&state);
        assert_eq!(deck.slide(&state, at).event(), Some(&optional.id));
        let core_at = (0..deck.len())
            .find(|&i| !Deck::needs_every_event(data, &deck.slide(&state, i)))
            .expect("a core event");
        let core = deck.slide(&state, core_at);
        assert_eq!(Deck::for_state(data, &core, &scope, Lang::En), deck);
        assert_eq!(deck.position(&core), core_at);
    }

    // Guards against a slide whose link reopens another slide (Back, bookmarks), in every deck
    // and both languages, continued slides included.
    #[test]
    fn every_slide_is_a_link_back_to_itself() {
        let data = data();
        let mut continued = 0;
        for view in View::ALL {
            for lang in [Lang::En, Lang::Es] {
                let state = ViewState::new(view).with_lang(lang);
                let deck = Deck::for_state(data, &state, &Scope::default(), lang);
                assert!(!deck.is_empty(), "{view:?}");
                for index in 0..deck.len() {
                    let slide = deck.slide(&state, index);
                    assert!(slide.present);
                    assert_eq!(slide.lang, Some(lang));
                    let (resolved, notice) = ViewState::parse_and_resolve(&slide.to_hash(), data);
                    assert_eq!(notice, None, "{}", slide.to_hash());
                    assert_eq!(resolved, slide);
                    assert_eq!(deck.position(&resolved), index, "{}", slide.to_hash());
                    if slide.part > 0 {
                        continued += 1;
                        assert!(slide.to_hash().contains("part="));
                    }
                }
            }
        }
        assert!(continued > 0, "some records need more than one slide");
        // A part past the record's last opens its first slide; leaving drops the part.
        let (state, _) = ViewState::parse_and_resolve(
            &format!("#map/{}?present=1&part=9", data.places[0].id),
            data,
        );
        let deck = Deck::for_state(data, &state, &Scope::default(), Lang::En);
        assert_eq!(deck.get(deck.position(&state)).map(|s| s.part), Some(0));
        let (state, _) =
            ViewState::parse_and_resolve(&format!("#map/{}?part=2", data.places[0].id), data);
        assert_eq!(state.part, 0);
    }

    // Guards against a slide cut mid-sentence or taller than the screen: a long text continues
    // on the next slides in whole sentences, nothing lost, the note and sources after it.
    #[test]
    fn long_text_continues_on_following_slides() {
        let sentence = "The navy seized twelve tonnes of cocaine in the port of Guayaquil.";
        let text = [sentence; 20].join(" ");
        let layout = Layout {
            per_line: 50,
            lines: 8.0,
            heading: 1.75,
        };
        let pages = paginate(2.0, &text, Some("Sources disagree on the date."), 4, layout);
        assert!(pages.len() > 3, "{}", pages.len());
        for page in &pages[..pages.len() - 1] {
            assert!(page.text.chars().count() <= 300, "{}", page.text);
            assert!(
                page.text.is_empty() || page.text.ends_with('.'),
                "{}",
                page.text
            );
            assert!(!page.sources);
        }
        let joined: Vec<&str> = pages
            .iter()
            .map(|p| p.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(joined.join(" "), text);
        assert_eq!(pages.iter().filter(|p| p.note).count(), 1);
        assert!(pages.last().is_some_and(|p| p.sources));
        // A short text is one slide with everything on it.
        assert_eq!(
            paginate(
                2.0,
                sentence,
                Some("A note."),
                2,
                Layout {
                    lines: 12.0,
                    ..layout
                }
            ),
            vec![Page {
                text: sentence.to_string(),
                note: true,
                sources: true,
            }]
        );
        // A note too long to share the last slide gets one of its own.
        let long_note = "x".repeat(300);
        let pages = paginate(2.0, &text[..200], Some(&long_note), 1, layout);
        assert!(pages.len() >= 2);
        assert!(!pages[0].note && pages[1].note && pages[1].text.is_empty());
        // A sentence longer than a slide is cut between words.
        let long = ["word"; 200].join(" ");
        let pages = paginate(0.0, &long, None, 0, layout);
        assert!(pages.len() > 2);
        assert!(pages.iter().all(|p| p.text.chars().count() <= 400));
        assert_eq!(
            pages
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            long
        );
        // ... and at a clause when one ends late enough.
        let clauses = format!("{}, {}", ["word"; 50].join(" "), ["more"; 50].join(" "));
        assert_eq!(
            pieces(&clauses, 300)[0],
            format!("{},", ["word"; 50].join(" "))
        );
    }

    #[test]
    fn sentences_break_where_a_sentence_ends() {
        assert_eq!(
            sentences("U.S. officials met in Quito. In 2024, 7,000 died. ¿Why? “Gangs,” he said."),
            vec![
                "U.S. officials met in Quito.",
                "In 2024, 7,000 died.",
                "¿Why?",
                "“Gangs,” he said."
            ]
        );
        assert_eq!(sentences("approx. half of it"), vec!["approx. half of it"]);
        assert!(sentences("").is_empty());
    }

    // Guards against the data outgrowing the slides: no record needs more than a few slides, and
    // every real slide holds something.
    #[test]
    fn every_record_takes_few_slides() {
        let data = data();
        for view in View::ALL {
            for lang in [Lang::En, Lang::Es] {
                let state = ViewState::new(view);
                for item in Deck::items(data, &state, &Scope::default()) {
                    let pages = item_pages(data, &item, lang);
                    assert!((1..=5).contains(&pages.len()), "{item:?}: {}", pages.len());
                    if !matches!(item, Item::Row { .. }) {
                        assert!(
                            pages
                                .iter()
                                .all(|p| !p.text.is_empty() || p.note || p.sources),
                            "{item:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn clicker_keys() {
        for key in ["ArrowRight", "ArrowDown", "PageDown", " "] {
            assert_eq!(step_for_key(key, false), Some(Step::Next), "{key}");
        }
        for key in ["ArrowLeft", "ArrowUp", "PageUp"] {
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
