//! The whole view state in the URL's fragment, through one typed codec.
//!
//! Grammar: `#<view>[/<item>][?<key>=<value>(&<key>=<value>)*]`, for example
//! `#timeline/tc-television-raid?lang=es`. The parser answers, as OWID's grapher does, *missing*
//! (no fragment), *valid*, or *invalid* with a reason and the best state that could be salvaged.
//! It never panics, whatever it is fed: links arrive from anywhere.

use crate::data::Dataset;
use content::Lang;

/// The longest fragment we read; anything longer is not one of our links.
pub const MAX_LEN: usize = 512;

/// The four views of the explainer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Timeline,
    Map,
    Policies,
    About,
}

impl View {
    pub const ALL: [View; 4] = [View::Timeline, View::Map, View::Policies, View::About];

    pub fn slug(self) -> &'static str {
        match self {
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

/// Everything a link can say about what the reader sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    /// The selected event, place or policy, by id.
    pub item: Option<String>,
    /// The language, when the link names one.
    pub lang: Option<Lang>,
    /// The policy comparison's row in focus (`dim=<dimension-id>`), chosen on phones.
    pub dim: Option<String>,
    /// Presentation mode (`present=1`): one event or one comparison row at a time, full screen.
    pub present: bool,
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
    Valid(ViewState),
    /// The link was damaged; `salvaged` keeps every part that was valid.
    Invalid {
        salvaged: ViewState,
        reason: Invalid,
    },
}

impl ViewState {
    pub fn new(view: View) -> ViewState {
        ViewState {
            view,
            ..ViewState::default()
        }
    }

    pub fn with_item(mut self, item: impl Into<String>) -> ViewState {
        self.item = Some(item.into());
        self
    }

    pub fn with_lang(mut self, lang: Lang) -> ViewState {
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
                salvaged: ViewState::default(),
                reason: Invalid::TooLong,
            };
        }
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let mut state = ViewState::default();
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
}

/// Turns a parsed link into the state to show, checking the item exists in that view.
pub fn resolve(parsed: Parsed, data: &Dataset) -> (ViewState, Option<Notice>) {
    let (mut state, mut notice) = match parsed {
        Parsed::Missing => (ViewState::default(), None),
        Parsed::Valid(state) => (state, None),
        Parsed::Invalid { salvaged, .. } => (salvaged, Some(Notice::BadLink)),
    };
    if let Some(item) = &state.item {
        let exists = match state.view {
            View::Timeline => data.event(item).is_some(),
            View::Map => data.place(item).is_some() || data.route(item).is_some(),
            View::Policies => {
                data.policy(item).is_some()
                    || crate::policies::comparison::parse_pair(data, item).is_some()
            }
            View::About => data.source(item).is_some(),
        };
        if !exists {
            state.item = None;
            notice = notice.or(Some(Notice::UnknownItem));
        }
    }
    if let Some(dim) = &state.dim {
        let exists =
            state.view == View::Policies && data.dimensions.iter().any(|d| d.id.as_str() == dim);
        if !exists {
            state.dim = None;
            notice = notice.or(Some(Notice::UnknownItem));
        }
    }
    (state, notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(fragment: &str) -> ViewState {
        match ViewState::parse(fragment) {
            Parsed::Valid(state) => state,
            other => panic!("{fragment:?} should be valid, got {other:?}"),
        }
    }

    fn invalid(fragment: &str) -> (ViewState, Invalid) {
        match ViewState::parse(fragment) {
            Parsed::Invalid { salvaged, reason } => (salvaged, reason),
            other => panic!("{fragment:?} should be invalid, got {other:?}"),
        }
    }

    #[test]
    fn reads_the_documented_forms() {
        assert_eq!(ViewState::parse(""), Parsed::Missing);
        assert_eq!(ViewState::parse("#"), Parsed::Missing);
        assert_eq!(valid("#map"), ViewState::new(View::Map));
        assert_eq!(valid("/about"), ViewState::new(View::About));
        assert_eq!(
            valid("#timeline/tc-television-raid?lang=es"),
            ViewState::new(View::Timeline)
                .with_item("tc-television-raid")
                .with_lang(Lang::Es)
        );
        assert_eq!(valid("#?lang=es"), ViewState::default().with_lang(Lang::Es));
        assert_eq!(valid("#policies/"), ViewState::new(View::Policies));
    }

    // Old links must keep working when newer versions add parameters, and hosts may add their own.
    #[test]
    fn ignores_unknown_parameters() {
        assert_eq!(
            valid("#map?zoom=3&lang=en&x=1"),
            ViewState::new(View::Map).with_lang(Lang::En)
        );
    }

    #[test]
    fn salvages_what_it_can_from_damaged_links() {
        let (state, reason) = invalid("#nowhere/thing?lang=es");
        assert_eq!(reason, Invalid::UnknownView);
        assert_eq!(state, ViewState::default().with_lang(Lang::Es));

        let (state, reason) = invalid("#map/<script>");
        assert_eq!(reason, Invalid::BadItem);
        assert_eq!(state, ViewState::new(View::Map));

        let (state, reason) = invalid("#about?lang=fr");
        assert_eq!(reason, Invalid::BadLanguage);
        assert_eq!(state, ViewState::new(View::About));

        assert_eq!(invalid("#map/a/b").1, Invalid::TooManyParts);
        assert_eq!(invalid("#map?lang").1, Invalid::BadParameter);
        assert_eq!(invalid("#policies?dim=<b>").1, Invalid::BadParameter);
        assert_eq!(invalid("#timeline?present=yes").1, Invalid::BadParameter);
        assert!(valid("#timeline?present=1").present);
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
                            let state = ViewState {
                                view,
                                item: item.map(String::from),
                                lang,
                                dim: dim.map(String::from),
                                present,
                            };
                            assert_eq!(
                                ViewState::parse(&state.to_hash()),
                                Parsed::Valid(state.clone())
                            );
                        }
                    }
                }
            }
        }
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
            let _ = ViewState::parse(fragment);
        }
        let long = "é".repeat(MAX_LEN);
        let _ = ViewState::parse(&long);
    }
}
