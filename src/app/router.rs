//! The router: the one place that reads the address, follows `hashchange` and navigates. Every
//! change of what the reader sees goes through [`navigate`] (or a real `<a href="#…">`, which the
//! browser turns into a `hashchange` the router reads); no component keeps a copy of the state.

use leptos::prelude::*;

use crate::data::Dataset;
use crate::embed::EmbedOptions;
use crate::ui::browser;
use crate::url_state::{Notice, ViewState};

/// Whether a navigation adds a history entry (a click: Back returns) or replaces the current one
/// (arrow keys stepping through events: ten presses need not ten Backs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

/// Reads the address and works out what to show, tidying the address bar if the link was
/// damaged. An embed showing one view stays on it.
pub fn read_location(data: &Dataset, embed: Option<&EmbedOptions>) -> (ViewState, Option<Notice>) {
    let (resolved, notice) = ViewState::parse_and_resolve(&browser::current_hash(), data);
    let (state, notice) = match embed {
        Some(embed) => {
            let (state, confined) = embed.confine(resolved.clone(), data);
            (state, notice.or(confined))
        }
        None => (resolved.clone(), notice),
    };
    if notice.is_some() || state != resolved {
        browser::replace_hash(&state.to_hash());
    }
    (state, notice)
}

/// Calls `on_change` with the state (and notice) every time the address changes.
pub fn follow(
    data: &'static Dataset,
    embed: Option<&'static EmbedOptions>,
    on_change: impl Fn(ViewState, Option<Notice>) + 'static,
) {
    crate::ui::browser::window_listener(leptos::ev::hashchange, move |_| {
        let (state, notice) = read_location(data, embed);
        on_change(state, notice);
    });
}

/// Follows one of our own links (`#timeline/…`) at once, as a click on it would. Returns false
/// for a link that does not resolve cleanly, which the caller leaves to the browser.
pub fn follow_link(data: &Dataset, href: &str, history: History) -> bool {
    let (state, notice) = ViewState::parse_and_resolve(href, data);
    if notice.is_some() {
        return false;
    }
    navigate(&state, history);
    true
}

/// Shows `state`: writes its link into the address and announces it at once, as the browser's
/// `hashchange` would (a presentation clicker may send keys faster than the browser navigates).
/// Where the History API refuses, the browser follows the link itself.
pub fn navigate(state: &ViewState, history: History) {
    let hash = state.to_hash();
    let done = match history {
        History::Push => browser::push_hash(&hash),
        History::Replace => browser::replace_hash_and_announce(&hash),
    };
    if !done {
        let _ = window().location().set_hash(&hash);
    }
}
