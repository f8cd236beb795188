//! A way back to where the reader was. When a tap on one of our links puts its answer far from
//! the link (a card's "Compare →", a place "(on the map)", a route on the map, an event in the
//! phone's list), the answer is brought into view and a "back" button floats at the foot of the
//! screen; it returns the reader to the same scroll place with focus on the same link (through
//! the browser's Back when the answer is in another view). The next navigation of any other kind
//! withdraws it.
//!
//! The rules are pure ([`ReturnPoint::after_navigation`], [`ReturnPoint::worth_offering`],
//! [`ReturnPoint::label`], [`link_selector`], with native tests); [`install`], [`arrived`] and
//! [`ReturnButton`] apply them to the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::url_state::{View, ViewState};
use crate::Ctx;

/// Where the reader was when they followed a link, and where it took them.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnPoint {
    /// The state's link before the tap, and its view.
    pub origin_hash: String,
    pub origin_view: View,
    /// How far down the page the reader was.
    pub scroll_y: f64,
    /// A selector for the link they followed, to focus it again.
    pub link: Option<String>,
    /// Whether that link is one of a list's (the phone's events, the cards, the map's lists).
    pub in_list: bool,
    /// When the tap happened (ms): a tap that changed nothing is forgotten soon after.
    pub at_ms: f64,
    /// The state's link the tap led to, once the address changed.
    pub arrival_hash: Option<String>,
    /// Whether the button is shown (the answer was far from the link).
    pub offered: bool,
}

/// How the button names where it goes back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackLabel {
    /// "Back to the list".
    List,
    /// The name of the view it returns to.
    View(View),
}

/// How long after a tap its navigation may arrive (ms).
const ARRIVAL_WINDOW_MS: f64 = 1_000.0;

impl ReturnPoint {
    /// What becomes of the return point when the address changes to `hash` at `now_ms`: a tap's
    /// navigation arrives (the point is kept, with where it arrived); any other change forgets it.
    pub fn after_navigation(point: Option<ReturnPoint>, hash: &str, now_ms: f64) -> Option<Self> {
        let point = point?;
        match &point.arrival_hash {
            None if hash != point.origin_hash && now_ms - point.at_ms <= ARRIVAL_WINDOW_MS => {
                Some(ReturnPoint {
                    arrival_hash: Some(hash.to_string()),
                    ..point
                })
            }
            Some(arrived) if arrived == hash => Some(point),
            _ => None,
        }
    }

    /// Whether the answer is far enough from the link to need a way back: in another view, or
    /// with the link out of sight (`link_in_sight`; when it cannot be found, more than half a
    /// screen away).
    pub fn worth_offering(
        &self,
        view: View,
        link_in_sight: Option<bool>,
        scroll_y: f64,
        screen_height: f64,
    ) -> bool {
        view != self.origin_view
            || match link_in_sight {
                Some(in_sight) => !in_sight,
                None => (scroll_y - self.scroll_y).abs() > screen_height / 2.0,
            }
    }

    /// What the button says: "Back to the list" within a view whose list the reader left, else
    /// the view it returns to.
    pub fn label(&self, view: View) -> BackLabel {
        if self.in_list && view == self.origin_view {
            BackLabel::List
        } else {
            BackLabel::View(self.origin_view)
        }
    }
}

/// The attributes that name what a link opens, most specific first.
const ITEM_ATTRIBUTES: [&str; 5] = [
    "data-compare",
    "data-event",
    "data-route",
    "data-place",
    "data-item",
];

/// The containers a link may be found in again, each drawn once per view.
pub const CONTAINERS: [&str; 6] = [
    ".markers",
    "svg.map",
    ".route-list",
    ".place-list",
    ".policy-cards",
    ".detail",
];

/// Text safe inside a double-quoted CSS string: ids and links keep their characters, quotes
/// and backslashes are escaped, control characters dropped.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A selector that finds a link again after a redraw: its container (one of [`CONTAINERS`])
/// and the first of its item attributes (`(name, value)` pairs), else its `href`.
pub fn link_selector(container: &str, attributes: &[(&str, &str)], href: &str) -> String {
    let item = ITEM_ATTRIBUTES.iter().find_map(|name| {
        attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(n, v)| format!(r#"a[{n}="{}"]"#, css_string(v)))
    });
    let link = item.unwrap_or_else(|| format!(r#"a[href="{}"]"#, css_string(href)));
    if container.is_empty() {
        format!("main {link}")
    } else {
        format!("{container} {link}")
    }
}

/// Listens (before any link's own handler) for plain clicks on our links inside the page's
/// main part, and remembers where the reader was. Never in an embed (its detail sits in a panel
/// right under the map, and its host owns the page's scrolling).
pub fn install(ctx: Ctx) {
    if ctx.embed.is_some() || crate::ui::browser::is_framed() {
        return;
    }
    let options = gloo::events::EventListenerOptions::run_in_capture_phase();
    let listener =
        gloo::events::EventListener::new_with_options(&window(), "click", options, move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(r##"main a[href^="#"]"##).ok().flatten());
            if let Some(link) = link {
                remember(ctx, &link);
            }
        });
    // Removed with the app (gloo's listener goes when dropped): an app mounted again in the other
    // language must not leave one behind that reads this app's disposed state.
    let kept = StoredValue::new_local(Some(listener));
    on_cleanup(move || {
        kept.try_update_value(|listener| *listener = None);
    });
}

/// Remembers the reader's place before `link` is followed.
fn remember(ctx: Ctx, link: &web_sys::Element) {
    let container = CONTAINERS
        .iter()
        .find(|c| link.closest(c).ok().flatten().is_some())
        .copied()
        .unwrap_or("");
    let values: Vec<(&str, String)> = ITEM_ATTRIBUTES
        .iter()
        .filter_map(|name| Some((*name, link.get_attribute(name)?)))
        .collect();
    let attributes: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let href = link.get_attribute("href").unwrap_or_default();
    let (origin_hash, origin_view) = ctx.state.with_untracked(|s| (s.to_hash(), s.view));
    ctx.return_point.set(Some(ReturnPoint {
        origin_hash,
        origin_view,
        scroll_y: window().scroll_y().unwrap_or(0.0),
        link: Some(link_selector(container, &attributes, &href)),
        in_list: matches!(
            container,
            ".markers" | ".route-list" | ".place-list" | ".policy-cards"
        ),
        at_ms: js_sys::Date::now(),
        arrival_hash: None,
        offered: false,
    }));
}

/// Called by the router with each new state: a tap's answer is brought into view (once drawn)
/// and, if it is far from the link, the way back offered; any other navigation withdraws it.
pub fn arrived(ctx: Ctx, state: &ViewState) {
    let hash = state.to_hash();
    let before = ctx.return_point.get_untracked();
    let newly = before.as_ref().is_some_and(|p| p.arrival_hash.is_none());
    let after = ReturnPoint::after_navigation(before.clone(), &hash, js_sys::Date::now());
    if after != before {
        ctx.return_point.set(after.clone());
    }
    if newly && after.is_some() {
        let heading = match state.view {
            View::Policies => "compare-heading",
            _ => "detail-heading",
        };
        reveal_when_drawn(ctx, heading, hash, 20);
    }
}

/// Waits (up to `tries` × 50 ms) for the answer's heading, brings it into view if it is not,
/// and offers the way back if the answer is far from where the reader was.
fn reveal_when_drawn(ctx: Ctx, heading: &'static str, hash: String, tries: u32) {
    set_timeout(
        move || {
            // `None`: the app was replaced since (a change of language mounts it again).
            let still_here = ctx.return_point.try_with_untracked(|p| {
                p.as_ref()
                    .is_some_and(|p| p.arrival_hash.as_deref() == Some(hash.as_str()))
            });
            if still_here != Some(true) {
                return;
            }
            let Some(element) = document().get_element_by_id(heading) else {
                if tries > 0 {
                    reveal_when_drawn(ctx, heading, hash, tries - 1);
                }
                return;
            };
            let screen = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let rect = element.get_bounding_client_rect();
            if rect.top() < 0.0 || rect.bottom() > screen {
                element.scroll_into_view();
            }
            let scroll_y = window().scroll_y().unwrap_or(0.0);
            let Some(view) = ctx.state.try_with_untracked(|s| s.view) else {
                return;
            };
            ctx.return_point.try_update(|p| {
                if let Some(p) = p {
                    let link_in_sight = p
                        .link
                        .as_deref()
                        .and_then(|s| document().query_selector(s).ok().flatten())
                        .map(|link| {
                            let r = link.get_bounding_client_rect();
                            r.bottom() > 0.0 && r.top() < screen
                        });
                    p.offered = p.worth_offering(view, link_in_sight, scroll_y, screen);
                }
            });
        },
        std::time::Duration::from_millis(50),
    );
}

/// Takes the reader back: the browser's Back to the view they left, then the same scroll place
/// and focus on the link they followed.
fn go_back(ctx: Ctx, point: ReturnPoint) {
    ctx.return_point.set(None);
    let view = ctx.state.with_untracked(|s| s.view);
    if view != point.origin_view {
        if let Ok(history) = window().history() {
            let _ = history.back();
        }
    }
    restore_when_drawn(ctx, point, 20, 3);
}

/// Scrolls to the reader's place and focuses their link once it is drawn, a few times over
/// (a view arriving through Back reveals its own selection in its first frames).
fn restore_when_drawn(ctx: Ctx, point: ReturnPoint, tries: u32, repeats: u32) {
    set_timeout(
        move || {
            // `None`: the app was replaced since (a change of language mounts it again).
            let Some(view) = ctx.state.try_with_untracked(|s| s.view) else {
                return;
            };
            let view_is_back = view == point.origin_view;
            let link = point
                .link
                .as_deref()
                .and_then(|s| document().query_selector(s).ok().flatten());
            match link {
                Some(link) if view_is_back => {
                    window().scroll_to_with_x_and_y(0.0, point.scroll_y);
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = link.focus_with_options(&options);
                    } else if let Some(link) = link.dyn_ref::<web_sys::SvgElement>() {
                        let _ = link.focus_with_options(&options);
                    }
                    if repeats > 0 {
                        restore_when_drawn(ctx, point, tries, repeats - 1);
                    }
                }
                _ if tries > 0 => restore_when_drawn(ctx, point, tries - 1, repeats),
                _ => window().scroll_to_with_x_and_y(0.0, point.scroll_y),
            }
        },
        std::time::Duration::from_millis(50),
    );
}

/// The floating "back" button, while a tap's answer is far from where the reader was.
#[component]
pub fn ReturnButton() -> impl IntoView {
    let ctx = Ctx::use_context();
    let offered = move || ctx.return_point.get().filter(|p| p.offered);
    move || {
        offered().map(|point| {
            let view = ctx.state.with_untracked(|s| s.view);
            let label = match point.label(view) {
                BackLabel::List => ctx.t(|s| &s.label_back_to_list),
                BackLabel::View(view) => ctx.view_name(view),
            };
            view! {
                <div class="return-to">
                    <button type="button" class="return-button" on:click=move |_| go_back(ctx, point.clone())>
                        <span aria-hidden="true">"← "</span>{label}
                    </button>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point() -> ReturnPoint {
        ReturnPoint {
            origin_hash: "#timeline?lang=en".into(),
            origin_view: View::Timeline,
            scroll_y: 3000.0,
            link: Some(r#".markers a[data-event="x"]"#.into()),
            in_list: true,
            at_ms: 1000.0,
            arrival_hash: None,
            offered: false,
        }
    }

    // A tap's own navigation arrives; the next one of any other kind (the arrow keys, Back, a
    // link typed in) withdraws the way back.
    #[test]
    fn only_the_taps_own_navigation_keeps_the_point() {
        let arrived =
            ReturnPoint::after_navigation(Some(point()), "#timeline/x?lang=en", 1200.0).unwrap();
        assert_eq!(arrived.arrival_hash.as_deref(), Some("#timeline/x?lang=en"));
        let same = ReturnPoint::after_navigation(Some(arrived.clone()), "#timeline/x?lang=en", 9e9);
        assert_eq!(same, Some(arrived.clone()));
        assert_eq!(
            ReturnPoint::after_navigation(Some(arrived), "#timeline/y?lang=en", 1300.0),
            None
        );
        assert_eq!(
            ReturnPoint::after_navigation(None, "#map?lang=en", 0.0),
            None
        );
    }

    // A tap that changed nothing (the same event again) is forgotten: a later key press is not
    // taken for its arrival.
    #[test]
    fn a_tap_that_changed_nothing_is_forgotten() {
        assert_eq!(
            ReturnPoint::after_navigation(Some(point()), "#timeline?lang=en", 1100.0),
            None
        );
        assert_eq!(
            ReturnPoint::after_navigation(Some(point()), "#timeline/y?lang=en", 5000.0),
            None
        );
    }

    #[test]
    fn the_way_back_is_offered_only_when_the_answer_is_far() {
        let p = point();
        assert!(!p.worth_offering(View::Timeline, Some(true), 7000.0, 844.0));
        assert!(p.worth_offering(View::Timeline, Some(false), 3200.0, 844.0));
        assert!(!p.worth_offering(View::Timeline, None, 3200.0, 844.0));
        assert!(p.worth_offering(View::Timeline, None, 7000.0, 844.0));
        assert!(p.worth_offering(View::Map, Some(true), 3000.0, 844.0));
    }

    #[test]
    fn the_button_names_where_it_goes() {
        let p = point();
        assert_eq!(p.label(View::Timeline), BackLabel::List);
        assert_eq!(p.label(View::Map), BackLabel::View(View::Timeline));
        let from_map = ReturnPoint {
            in_list: false,
            origin_view: View::Map,
            ..point()
        };
        assert_eq!(from_map.label(View::Map), BackLabel::View(View::Map));
    }

    // The selector finds the link again by what it opens, in its container; quotes in an
    // address cannot break out of the selector.
    #[test]
    fn link_selectors_name_the_item_safely() {
        assert_eq!(
            link_selector(
                ".markers",
                &[("data-event", "tc-raid")],
                "#timeline/tc-raid"
            ),
            r#".markers a[data-event="tc-raid"]"#
        );
        assert_eq!(
            link_selector(
                "svg.map",
                &[("data-item", "manta"), ("data-place", "manta")],
                "#map/manta"
            ),
            r#"svg.map a[data-place="manta"]"#
        );
        assert_eq!(
            link_selector("", &[], r##"#x"]\y"##),
            r##"main a[href="#x\"]\\y"]"##
        );
    }
}
