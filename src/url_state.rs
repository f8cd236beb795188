//! The whole view state in the URL's fragment, through one typed codec.
//!
//! Grammar: `#<view>[/<item>][?<key>=<value>(&<key>=<value>)*]`, for example
//! `#timeline/tc-television-raid?lang=es`. The parser answers, as OWID's grapher does, *missing*
//! (no fragment), *valid*, or *invalid* with a reason and the best state that could be salvaged.
//! It never panics, whatever it is fed: links arrive from anywhere.

use crate::data::{Dataset, DimensionId, EventId, PlaceId, PolicyId, RouteId, SourceId, StepId};
use content::Lang;

/// The longest fragment we read; anything longer is not one of our links.
pub const MAX_LEN: usize = 512;

/// The views of the explainer: the guided story and the four views it walks through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    Story,
    #[default]
    Timeline,
    Map,
    Policies,
    About,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Story,
        View::Timeline,
        View::Map,
        View::Policies,
        View::About,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Story => "story",
            View::Timeline => "timeline",
            View::Map => "map",
            View::Policies => "policies",
            View::About => "about",
        }
    }

    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// A link as written: what the codec reads and writes, before the ids in it are looked up
/// ([`resolve`] turns it into a [`ViewState`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub view: View,
    /// The selected event, place, route, pair or source, by id, as written.
    pub item: Option<String>,
    /// The language, when the link names one.
    pub lang: Option<Lang>,
    /// The policy comparison's row in focus (`dim=<dimension-id>`), chosen on phones.
    pub dim: Option<String>,
    /// Presentation mode (`present=1`): one event or one comparison row at a time, full screen.
    pub present: bool,
    /// In a presentation, which slide of a record too long for one (`part=2` is the second;
    /// 0 here, and nothing written, for the first).
    pub part: u8,
}

/// Why a link could not be followed as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    TooLong,
    UnknownView,
    BadItem,
    TooManyParts,
    BadLanguage,
    BadParameter,
}

/// What the parser makes of a fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    /// No fragment at all: the reader arrived at the front door.
    Missing,
    Valid(Link),
    /// The link was damaged; `salvaged` keeps every part that was valid.
    Invalid {
        salvaged: Link,
        reason: Invalid,
    },
}

impl Link {
    pub fn new(view: View) -> Link {
        Link {
            view,
            ..Link::default()
        }
    }

    pub fn with_item(mut self, item: impl Into<String>) -> Link {
        self.item = Some(item.into());
        self
    }

    pub fn with_lang(mut self, lang: Lang) -> Link {
        self.lang = Some(lang);
        self
    }

    /// Parses `location.hash` (with or without its leading `#`).
    pub fn parse(fragment: &str) -> Parsed {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Parsed::Missing;
        }
        if fragment.len() > MAX_LEN {
            return Parsed::Invalid {
                salvaged: Link::default(),
                reason: Invalid::TooLong,
            };
        }
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let mut state = Link::default();
        let mut reason = None;

        let path = path.strip_prefix('/').unwrap_or(path);
        let mut parts = path.split('/');
        let view = parts.next().unwrap_or_default();
        let item = parts.next();
        if parts.next().is_some() {
            reason = Some(Invalid::TooManyParts);
        }
        match View::from_slug(view) {
            Some(view) => state.view = view,
            None if view.is_empty() && item.is_none() => {}
            None => reason = Some(Invalid::UnknownView),
        }
        match item {
            // An item only means something inside the view that was named.
            Some(_) if reason == Some(Invalid::UnknownView) => {}
            Some("") | None => {}
            Some(item) if crate::data::is_valid_id(item) => state.item = Some(item.to_string()),
            Some(_) => reason = reason.or(Some(Invalid::BadItem)),
        }

        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                reason = reason.or(Some(Invalid::BadParameter));
                continue;
            };
            // A repeated key: the first one counts. Keys from newer links, or added by hosts,
            // are ignored so old links keep working.
            match key {
                "lang" => match Lang::from_code(value) {
                    Some(lang) if state.lang.is_none() => state.lang = Some(lang),
                    Some(_) => {}
                    None => reason = reason.or(Some(Invalid::BadLanguage)),
                },
                "dim" if crate::data::is_valid_id(value) && state.dim.is_none() => {
                    state.dim = Some(value.to_string());
                }
                "dim" if crate::data::is_valid_id(value) => {}
                "dim" => reason = reason.or(Some(Invalid::BadParameter)),
                "present" if value == "1" => state.present = true,
                "present" => reason = reason.or(Some(Invalid::BadParameter)),
                "part" => match value.parse::<u8>() {
                    Ok(n @ 1..=99) if value.len() <= 2 && !value.starts_with('0') => {
                        if state.part == 0 {
                            state.part = n - 1;
                        }
                    }
                    _ => reason = reason.or(Some(Invalid::BadParameter)),
                },
                _ => {}
            }
        }
        match reason {
            None => Parsed::Valid(state),
            Some(reason) => Parsed::Invalid {
                salvaged: state,
                reason,
            },
        }
    }

    /// The fragment for this state, with its leading `#`. `parse(to_hash(s)) == Valid(s)` for every
    /// state whose item is a valid id.
    pub fn to_hash(&self) -> String {
        let mut out = format!("#{}", self.view.slug());
        if let Some(item) = &self.item {
            out.push('/');
            out.push_str(item);
        }
        let mut separator = '?';
        let mut param = |key: &str, value: &str| {
            out.push(separator);
            out.push_str(key);
            out.push('=');
            out.push_str(value);
            separator = '&';
        };
        if let Some(lang) = self.lang {
            param("lang", lang.code());
        }
        if let Some(dim) = &self.dim {
            param("dim", dim);
        }
        if self.present {
            param("present", "1");
        }
        if self.part > 0 {
            param("part", &(u16::from(self.part) + 1).to_string());
        }
        out
    }
}

/// What the reader should be told about the link they followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The link was damaged or unknown; we opened the nearest valid view.
    BadLink,
    /// The link named an item that does not exist (any more); we opened its view.
    UnknownItem,
    /// The other language's words could not be fetched; the page stays in its language.
    LangFailed,
}

/// Two programmes side by side (`plan-colombia-vs-merida-initiative` in a link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub left: PolicyId,
    pub right: PolicyId,
}

impl Pair {
    const SEPARATOR: &'static str = "-vs-";

    /// The link form of the pair.
    pub fn id(&self) -> String {
        format!("{}{}{}", self.left, Pair::SEPARATOR, self.right)
    }

    /// Reads a pair from a link; `None` unless both are known programmes and different.
    pub fn parse(data: &Dataset, item: &str) -> Option<Pair> {
        let (left, right) = item.split_once(Pair::SEPARATOR)?;
        let left = data.policy(left)?.id.clone();
        let right = data.policy(right)?.id.clone();
        (left != right).then_some(Pair { left, right })
    }
}

/// What a link selects, by typed id: each view selects its own kind of record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Event(EventId),
    Place(PlaceId),
    Route(RouteId),
    Policy(PolicyId),
    Pair(Pair),
    Source(SourceId),
    Step(StepId),
}

impl Selection {
    /// The id as a link writes it.
    pub fn id(&self) -> String {
        match self {
            Selection::Event(id) => id.to_string(),
            Selection::Place(id) => id.to_string(),
            Selection::Route(id) => id.to_string(),
            Selection::Policy(id) => id.to_string(),
            Selection::Pair(pair) => pair.id(),
            Selection::Source(id) => id.to_string(),
            Selection::Step(id) => id.to_string(),
        }
    }

    /// The view that shows this kind of record.
    pub fn view(&self) -> View {
        match self {
            Selection::Event(_) => View::Timeline,
            Selection::Place(_) | Selection::Route(_) => View::Map,
            Selection::Policy(_) | Selection::Pair(_) => View::Policies,
            Selection::Source(_) => View::About,
            Selection::Step(_) => View::Story,
        }
    }

    /// Looks an item of a link up in the view it was written for.
    pub fn find(data: &Dataset, view: View, item: &str) -> Option<Selection> {
        match view {
            View::Timeline => data.event(item).map(|e| Selection::Event(e.id.clone())),
            View::Map => data
                .place(item)
                .map(|p| Selection::Place(p.id.clone()))
                .or_else(|| data.route(item).map(|r| Selection::Route(r.id.clone()))),
            View::Policies => data
                .policy(item)
                .map(|p| Selection::Policy(p.id.clone()))
                .or_else(|| Pair::parse(data, item).map(Selection::Pair)),
            View::About => data.source(item).map(|s| Selection::Source(s.id.clone())),
            View::Story => data.step(item).map(|s| Selection::Step(s.id.clone())),
        }
    }
}

/// What the reader sees, with every id in it known to exist: the one state the app shows, read
/// from the address by [`resolve`] and written back by [`ViewState::to_hash`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub selection: Option<Selection>,
    /// The policy comparison's row in focus (`dim=<dimension-id>`), chosen on phones.
    pub dim: Option<DimensionId>,
    /// The language, when the link names one.
    pub lang: Option<Lang>,
    /// Presentation mode (`present=1`): one slide at a time, full screen.
    pub present: bool,
    /// Which slide of a record too long for one (0 for the first); only while presenting.
    pub part: u8,
}

impl ViewState {
    pub fn new(view: View) -> ViewState {
        ViewState {
            view,
            ..ViewState::default()
        }
    }

    /// The state that shows a selection, in its own view.
    pub fn of(selection: Selection) -> ViewState {
        ViewState {
            view: selection.view(),
            selection: Some(selection),
            ..ViewState::default()
        }
    }

    pub fn with_lang(mut self, lang: Lang) -> ViewState {
        self.lang = Some(lang);
        self
    }

    /// The link that reopens this state.
    pub fn to_link(&self) -> Link {
        Link {
            view: self.view,
            item: self.selection.as_ref().map(Selection::id),
            lang: self.lang,
            dim: self.dim.as_ref().map(ToString::to_string),
            present: self.present,
            part: self.part,
        }
    }

    /// The fragment for this state, with its leading `#`.
    pub fn to_hash(&self) -> String {
        self.to_link().to_hash()
    }

    /// The selected event, if the state selects one.
    pub fn event(&self) -> Option<&EventId> {
        match &self.selection {
            Some(Selection::Event(id)) => Some(id),
            _ => None,
        }
    }

    /// The selected source, if the state selects one.
    pub fn source(&self) -> Option<&SourceId> {
        match &self.selection {
            Some(Selection::Source(id)) => Some(id),
            _ => None,
        }
    }

    /// The story step shown, if the state names one.
    pub fn step(&self) -> Option<&StepId> {
        match &self.selection {
            Some(Selection::Step(id)) => Some(id),
            _ => None,
        }
    }

    /// The place or route selected on the map, by id.
    pub fn map_item(&self) -> Option<&str> {
        match &self.selection {
            Some(Selection::Place(id)) => Some(id.as_str()),
            Some(Selection::Route(id)) => Some(id.as_str()),
            _ => None,
        }
    }

    /// The compared pair, if the state names one.
    pub fn pair(&self) -> Option<&Pair> {
        match &self.selection {
            Some(Selection::Pair(pair)) => Some(pair),
            _ => None,
        }
    }
}

impl ViewState {
    /// Reads and resolves a fragment in one step.
    pub fn parse_and_resolve(fragment: &str, data: &Dataset) -> (ViewState, Option<Notice>) {
        resolve(Link::parse(fragment), data)
    }
}

/// Turns a parsed link into the state to show, looking each id up once in the view it belongs
/// to: an item or row that does not exist (any more) is dropped with a notice.
pub fn resolve(parsed: Parsed, data: &Dataset) -> (ViewState, Option<Notice>) {
    let (link, mut notice) = match parsed {
        Parsed::Missing => (Link::default(), None),
        Parsed::Valid(link) => (link, None),
        Parsed::Invalid { salvaged, .. } => (salvaged, Some(Notice::BadLink)),
    };
    let mut state = ViewState {
        view: link.view,
        selection: None,
        dim: None,
        lang: link.lang,
        present: link.present,
        part: if link.present { link.part } else { 0 },
    };
    if let Some(item) = &link.item {
        state.selection = Selection::find(data, link.view, item);
        if state.selection.is_none() {
            notice = notice.or(Some(Notice::UnknownItem));
        }
    }
    if let Some(dim) = &link.dim {
        state.dim = match link.view {
            View::Policies => data.dimension(dim).map(|d| d.id.clone()),
            _ => None,
        };
        if state.dim.is_none() {
            notice = notice.or(Some(Notice::UnknownItem));
        }
    }
    (state, notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(fragment: &str) -> Link {
        match Link::parse(fragment) {
            Parsed::Valid(state) => state,
            other => panic!("{fragment:?} should be valid, got {other:?}"),
        }
    }

    fn invalid(fragment: &str) -> (Link, Invalid) {
        match Link::parse(fragment) {
            Parsed::Invalid { salvaged, reason } => (salvaged, reason),
            other => panic!("{fragment:?} should be invalid, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_documented_forms() {
        assert_eq!(Link::parse(""), Parsed::Missing);
        assert_eq!(Link::parse("#"), Parsed::Missing);
        assert_eq!(valid("#map"), Link::new(View::Map));
        assert_eq!(valid("/about"), Link::new(View::About));
        assert_eq!(
            valid("#timeline/tc-television-raid?lang=es"),
            Link::new(View::Timeline)
                .with_item("tc-television-raid")
                .with_lang(Lang::Es)
        );
        assert_eq!(valid("#?lang=es"), Link::default().with_lang(Lang::Es));
        assert_eq!(valid("#policies/"), Link::new(View::Policies));
    }

    // Old links must keep working when newer versions add parameters, and hosts may add their own.
    #[test]
    fn ignores_unknown_parameters() {
        assert_eq!(
            valid("#map?zoom=3&lang=en&x=1"),
            Link::new(View::Map).with_lang(Lang::En)
        );
    }

    #[test]
    fn salvages_what_it_can_from_damaged_links() {
        let (state, reason) = invalid("#nowhere/thing?lang=es");
        assert_eq!(reason, Invalid::UnknownView);
        assert_eq!(state, Link::default().with_lang(Lang::Es));

        let (state, reason) = invalid("#map/<script>");
        assert_eq!(reason, Invalid::BadItem);
        assert_eq!(state, Link::new(View::Map));

        let (state, reason) = invalid("#about?lang=fr");
        assert_eq!(reason, Invalid::BadLanguage);
        assert_eq!(state, Link::new(View::About));

        assert_eq!(invalid("#map/a/b").1, Invalid::TooManyParts);
        assert_eq!(invalid("#map?lang").1, Invalid::BadParameter);
        assert_eq!(invalid("#policies?dim=<b>").1, Invalid::BadParameter);
        assert_eq!(invalid("#timeline?present=yes").1, Invalid::BadParameter);
        assert!(valid("#timeline?present=1").present);
        // A record's second slide in a presentation; `part=1` is the first, written as nothing.
        assert_eq!(valid("#map/quito?present=1&part=2").part, 1);
        assert_eq!(valid("#map/quito?present=1&part=1").part, 0);
        for bad in ["part=0", "part=01", "part=abc", "part=100", "part=-1"] {
            assert_eq!(
                invalid(&format!("#map?{bad}")).1,
                Invalid::BadParameter,
                "{bad}"
            );
        }
        assert_eq!(
            invalid(&format!("#map/{}", "a".repeat(MAX_LEN))).1,
            Invalid::TooLong
        );
    }

    #[test]
    fn round_trips_every_view_item_and_language() {
        for view in View::ALL {
            for item in [None, Some("guayaquil"), Some("e01b")] {
                for lang in [None, Some(Lang::En), Some(Lang::Es)] {
                    for dim in [None, Some("outcomes-violence")] {
                        for present in [false, true] {
                            let state = Link {
                                view,
                                item: item.map(String::from),
                                lang,
                                dim: dim.map(String::from),
                                present,
                                part: u8::from(present),
                            };
                            assert_eq!(Link::parse(&state.to_hash()), Parsed::Valid(state.clone()));
                        }
                    }
                }
            }
        }
    }

    // Each view's item becomes the typed record it names, looked up once; a name that exists only
    // in another view is not silently taken for something else.
    #[test]
    fn resolve_types_each_selection_and_drops_unknown_ones() {
        let data = crate::data::dataset();
        let link = |text: &str| ViewState::parse_and_resolve(text, data);
        let event = &data.events[0].id;
        let place = &data.places[0].id;
        let route = &data.routes[0].id;
        let source = &data.sources[0].id;
        let step = &data.story[0].id;
        assert_eq!(
            link(&format!("#story/{step}")).0.selection,
            Some(Selection::Step(step.clone()))
        );
        // An unknown step opens the story (at its first step) with a notice.
        assert_eq!(
            link("#story/no-such-step"),
            (ViewState::new(View::Story), Some(Notice::UnknownItem))
        );
        assert_eq!(
            link(&format!("#timeline/{event}")).0.selection,
            Some(Selection::Event(event.clone()))
        );
        assert_eq!(
            link(&format!("#map/{place}")).0.selection,
            Some(Selection::Place(place.clone()))
        );
        assert_eq!(
            link(&format!("#map/{route}")).0.selection,
            Some(Selection::Route(route.clone()))
        );
        assert_eq!(
            link(&format!("#about/{source}")).0.selection,
            Some(Selection::Source(source.clone()))
        );
        let (state, notice) =
            link("#policies/plan-colombia-vs-merida-initiative?dim=outcomes-violence");
        assert_eq!(
            state.pair().map(Pair::id).as_deref(),
            Some("plan-colombia-vs-merida-initiative")
        );
        assert_eq!(
            state.dim.as_ref().map(|d| d.as_str()),
            Some("outcomes-violence")
        );
        assert_eq!(notice, None);
        // A place named in the timeline, a row outside the policies: dropped, with a notice.
        let (state, notice) = link(&format!("#timeline/{place}?dim=outcomes-violence"));
        assert_eq!(
            (state.selection, state.dim, notice),
            (None, None, Some(Notice::UnknownItem))
        );
        // And written back as the same link.
        let (state, _) = link(&format!("#map/{route}?lang=es"));
        assert_eq!(state.to_hash(), format!("#map/{route}?lang=es"));
    }

    // No input, however hostile, may panic: a panic would replace the page with an error card.
    #[test]
    fn hostile_input_never_panics() {
        let nasty = [
            "#%",
            "#%%%",
            "#?&&&",
            "#?=",
            "#?=&=",
            "#/",
            "//",
            "#//",
            "#timeline/%E2%80%AE",
            "#ti\u{0}meline",
            "#timeline/é",
            "#timeline/\u{202e}",
            "#😀",
            "#map?lang=😀",
            "#?lang=es&lang=en",
            "#timeline/../../etc",
            "#javascript:alert(1)",
        ];
        for fragment in nasty {
            let _ = Link::parse(fragment);
        }
        let long = "é".repeat(MAX_LEN);
        let _ = Link::parse(&long);
    }
}
