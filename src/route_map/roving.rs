//! One tab stop for a group of links (the drawn routes and places; each list beside the map): Tab
//! enters the group at one link, the arrow keys move between its links, Home and End jump to
//! the first and last, Enter follows the focused link. The key rule is pure ([`target`], with
//! native tests); [`on_key`] applies it to the page.

use wasm_bindgen::JsCast;

/// The link the focus moves to for `key` from `current` among `len` links, or `None` when the key
/// is not one of the group's. The arrows stop at the ends (they do not wrap).
pub fn target(key: &str, current: Option<usize>, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let current = current.map(|c| c.min(last));
    match key {
        "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |c| (c + 1).min(last))),
        "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |c| c.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// The index of the group's tab stop among `ids`: the first of `preferred` that is there (the
/// selection, then the link the arrows last reached), else the first link.
pub fn tab_stop(ids: &[&str], preferred: &[Option<&str>]) -> usize {
    preferred
        .iter()
        .flatten()
        .find_map(|want| ids.iter().position(|id| id == want))
        .unwrap_or(0)
}

/// Applies an arrow, Home or End key pressed inside `group` to its links (`selector`): moves
/// the tab stop and the focus. Returns the `data_key` attribute of the link now focused, or
/// `None` when the key was not the group's (the event is then left alone).
pub fn on_key(
    group: &web_sys::Element,
    selector: &str,
    data_key: &str,
    ev: &web_sys::KeyboardEvent,
) -> Option<String> {
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
        return None;
    }
    let links = group.query_selector_all(selector).ok()?;
    let items: Vec<web_sys::Element> = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect();
    let active = leptos::prelude::document().active_element();
    let current = active
        .as_ref()
        .and_then(|a| items.iter().position(|item| item == a));
    let next = target(&ev.key(), current, items.len())?;
    ev.prevent_default();
    for (i, item) in items.iter().enumerate() {
        let _ = item.set_attribute("tabindex", if i == next { "0" } else { "-1" });
    }
    let item = items.get(next)?;
    if let Some(element) = item.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    } else if let Some(element) = item.dyn_ref::<web_sys::SvgElement>() {
        let _ = element.focus();
    }
    item.get_attribute(data_key)
}

/// Makes the link of `group` whose `data_key` is `preferred` (else the first) the group's one tab
/// stop, without moving focus: after the selection changes.
pub fn reset(group: &web_sys::Element, selector: &str, data_key: &str, preferred: Option<&str>) {
    let Ok(links) = group.query_selector_all(selector) else {
        return;
    };
    let items: Vec<web_sys::Element> = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect();
    let ids: Vec<String> = items
        .iter()
        .map(|item| item.get_attribute(data_key).unwrap_or_default())
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let stop = tab_stop(&ids, &[preferred]);
    for (i, item) in items.iter().enumerate() {
        let _ = item.set_attribute("tabindex", if i == stop { "0" } else { "-1" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The arrows step one link and stop at the ends; Home and End jump; other keys are not ours
    // (Tab must still leave the group).
    #[test]
    fn keys_move_within_the_group() {
        assert_eq!(target("ArrowRight", Some(0), 3), Some(1));
        assert_eq!(target("ArrowDown", Some(2), 3), Some(2));
        assert_eq!(target("ArrowLeft", Some(0), 3), Some(0));
        assert_eq!(target("ArrowUp", Some(2), 3), Some(1));
        assert_eq!(target("Home", Some(2), 3), Some(0));
        assert_eq!(target("End", None, 3), Some(2));
        assert_eq!(target("ArrowRight", None, 3), Some(0));
        assert_eq!(target("Tab", Some(1), 3), None);
        assert_eq!(target("Enter", Some(1), 3), None);
        assert_eq!(target("ArrowRight", Some(0), 0), None);
        assert_eq!(target("ArrowRight", Some(9), 3), Some(2));
    }

    // The tab stop is the selection when it is drawn, else where the arrows last were, else the
    // first link: never none, never two.
    #[test]
    fn the_tab_stop_prefers_the_selection() {
        let ids = ["a", "b", "c"];
        assert_eq!(tab_stop(&ids, &[Some("c"), Some("b")]), 2);
        assert_eq!(tab_stop(&ids, &[Some("x"), Some("b")]), 1);
        assert_eq!(tab_stop(&ids, &[None, None]), 0);
        assert_eq!(tab_stop(&[], &[Some("a")]), 0);
    }
}
