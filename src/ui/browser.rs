//! The few places the app touches the browser directly: the URL fragment, the page language, the
//! mount point and the crash card. Each call degrades quietly when the browser says no.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use content::Lang;

/// `location.hash`, or empty when it cannot be read.
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (used to tidy a damaged link).
pub fn replace_hash(hash: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Whether this is the one-file offline copy (`scripts/build-single.sh` marks it with
/// `<meta name="explainer-build" content="single-file">`).
pub fn is_single_file() -> bool {
    document()
        .query_selector(r#"meta[name="explainer-build"][content="single-file"]"#)
        .ok()
        .flatten()
        .is_some()
}

/// Follows a fragment link at once: adds the history entry and announces the change the way the
/// browser would (`hashchange`), synchronously. Returns false (do nothing more) if it could not,
/// so the caller can let the browser follow the link itself.
pub fn push_hash(hash: &str) -> bool {
    change_hash(hash, true)
}

/// Like [`push_hash`], replacing the current history entry instead of adding one.
pub fn replace_hash_and_announce(hash: &str) -> bool {
    change_hash(hash, false)
}

fn change_hash(hash: &str, push: bool) -> bool {
    if current_hash() == hash {
        return true; // already there: like the browser, add no history entry
    }
    let Ok(history) = window().history() else {
        return false;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let written = if push {
        history.push_state_with_url(&null, "", Some(hash))
    } else {
        history.replace_state_with_url(&null, "", Some(hash))
    };
    if written.is_err() {
        return false;
    }
    if let Ok(event) = web_sys::HashChangeEvent::new("hashchange") {
        let _ = window().dispatch_event(&event);
    }
    true
}

/// The reader's preferred language, from the browser.
pub fn browser_lang() -> Lang {
    Lang::from_browser(&window().navigator().language().unwrap_or_default())
}

/// The language of the page the app was loaded into, when it names one: the post-build tool
/// writes `index.html` (English) and `es.html` (Spanish) with `<html data-page-lang>`.
pub fn page_lang() -> Option<Lang> {
    let root = document().document_element()?;
    Lang::from_code(&root.get_attribute("data-page-lang")?)
}

/// Sets `<html lang>` so screen readers pronounce the text in the right language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A listener on the window that goes away with the component that added it (so an app mounted
/// again, see [`mount`], leaves no listener behind that reads its old, disposed state).
pub fn window_listener<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: JsCast,
{
    let handle = window_event_listener(event, handler);
    on_cleanup(move || handle.remove());
}

thread_local! {
    /// The app mounted now, unmounted when another mount replaces it.
    static MOUNTED: std::cell::RefCell<Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts the app into `#app`, replacing what is there: the static first view
/// (`crate::first_view`), a loading message, or the app itself (mounted again over a dataset in
/// both languages, `crate::app::languages`). The reader keeps their place (see [`ReaderPlace`]).
/// Marks `#app` with `data-mounted`. Falls back to `<body>`.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let target = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(target) => {
            let place = ReaderPlace::read();
            // The app mounted before, with its listeners and effects, goes first.
            drop(MOUNTED.with(|mounted| mounted.borrow_mut().take()));
            // Cleared and mounted in one task: the browser never paints an empty page.
            target.set_inner_html("");
            let _ = target.remove_attribute("aria-busy");
            let _ = target.remove_attribute("data-first-view");
            let handle = leptos::mount::mount_to(target.clone(), move || app().into_any());
            MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(handle));
            let _ = target.set_attribute("data-mounted", "");
            place.restore();
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// Where the reader was in the first view when the app arrived: how far down, and which event's
/// link had focus. The selection itself is in the address, which the app reads.
struct ReaderPlace {
    scroll_y: f64,
    focused_event: Option<String>,
    /// Another control that had focus, as a selector: an element with an id, or a language link
    /// (when the app mounts again in the other language).
    focused_control: Option<String>,
}

impl ReaderPlace {
    fn read() -> ReaderPlace {
        // A link that had focus; or, as the browser moves focus to the body when it follows a
        // fragment link, the event link whose anchor is the target (where Tab would go next).
        let focused_event = document()
            .active_element()
            .and_then(|el| el.get_attribute("data-event"))
            .or_else(|| {
                let target = document().query_selector(".fv-anchor:target").ok()??;
                // An event's anchor, not the timeline's own (`#timeline?lang=…`).
                let item = target.closest(".fv-event").ok()??;
                let link = item.query_selector(".fv-marker").ok()??;
                link.get_attribute("data-event")
            });
        let focused_control = document().active_element().and_then(|el| {
            if el.class_list().contains("lang-link") {
                let lang = el.get_attribute("hreflang")?;
                return Some(format!(r#".lang-link[hreflang="{}"]"#, css_string(&lang)));
            }
            let id = el.id();
            (!id.is_empty() && focused_event.is_none()).then(|| format!("#{}", css_string(&id)))
        });
        ReaderPlace {
            scroll_y: window().scroll_y().unwrap_or(0.0),
            focused_event,
            focused_control,
        }
    }

    /// The same scroll position, or, when the reader was past the top and an event is
    /// selected, its detail in view; focus on the same event's marker. Once the app's effects
    /// have drawn them (they draw after mounting), so this looks again for up to a second.
    fn restore(self) {
        if let Some(control) = self
            .focused_control
            .as_deref()
            .and_then(|selector| document().query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = control.focus_with_options(&options);
        }
        if self.scroll_y <= 0.0 && self.focused_event.is_none() {
            return;
        }
        window().scroll_to_with_x_and_y(0.0, self.scroll_y);
        if self.focused_event.is_some() {
            self.restore_when_drawn(20);
        }
    }

    fn restore_when_drawn(self, tries_left: u32) {
        let marker = self.focused_event.as_ref().and_then(|id| {
            let selector = format!(r#".markers [data-event="{}"]"#, css_string(id));
            document().query_selector(&selector).ok().flatten()
        });
        // Only the detail of the event the reader had open (none: the place is the scroll).
        let detail = self
            .focused_event
            .as_ref()
            .and_then(|_| document().get_element_by_id("detail-heading"));
        let drawn = self.focused_event.is_none() || (marker.is_some() && detail.is_some());
        if !drawn {
            if tries_left > 0 {
                self.again(tries_left);
            }
            return;
        }
        if let Some(detail) = detail.filter(|_| self.scroll_y > 0.0) {
            detail.scroll_into_view();
        }
        let Some(marker) = marker.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        // The timeline may redraw its markers in its first frames, which drops focus to the
        // body: focus again while it is there (never taking it from where the reader moved it).
        let body_has_focus = document()
            .active_element()
            .is_none_or(|el| el.tag_name() == "BODY");
        if body_has_focus {
            // Without scrolling: the detail, brought into view above, is what the reader reads.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = marker.focus_with_options(&options);
        }
        if tries_left > 0 {
            let place = ReaderPlace {
                scroll_y: 0.0,
                focused_event: self.focused_event,
                focused_control: None,
            };
            place.again(tries_left);
        }
    }

    fn again(self, tries_left: u32) {
        set_timeout(
            move || self.restore_when_drawn(tries_left - 1),
            std::time::Duration::from_millis(50),
        );
    }
}

/// Text safe inside a double-quoted CSS string (ids are kebab-case; anything else is dropped).
fn css_string(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// On a panic, logs it to the console and replaces the page with the crash card from
/// `index.html` (`<template id="crash-card">`), so the reader never faces a frozen page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_card();
    }));
}

fn show_crash_card() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let card = document
        .get_element_by_id("crash-card")
        .and_then(|el| el.dyn_into::<web_sys::HtmlTemplateElement>().ok())
        .and_then(|template| template.content().clone_node_with_deep(true).ok());
    if let (Some(card), Some(body)) = (card, document.body()) {
        body.set_inner_html("");
        let _ = body.append_child(&card);
    }
}

/// Whether the page is framed by another (an embed). An embed never scrolls its host's page.
pub fn is_framed() -> bool {
    window()
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window()))
}

/// On narrow screens a detail may sit out of sight (the map's below the map; the timeline's opens
/// in place under the event, out of sight only after a deep link): bring it into view once the
/// reader selects something, so a tap visibly does something. Wide screens show both side by side.
/// Checked in the next animation frame (see [`when_laid_out`]).
pub fn reveal_on_narrow_screens(element_id: &str) {
    if is_framed() {
        return;
    }
    let narrow = window()
        .match_media("(max-width: 60rem)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if !narrow {
        return;
    }
    when_laid_out(element_id, |element| {
        // Already in sight (an event opened in place in the phone list): the page stays put.
        if out_of_sight(element) {
            element.scroll_into_view();
        }
    });
}

/// Runs `then` with the element in the next animation frame, when every effect of the change
/// that asked has written the page: its position is then read in the one layout the frame does
/// anyway. Read at once, it would force a layout of a half-updated page in the middle of the
/// change (about 4 ms of every timeline selection), and the frame would lay it out again.
fn when_laid_out(element_id: &str, then: impl FnOnce(&web_sys::Element) + 'static) {
    let element_id = element_id.to_owned();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&element_id) {
            then(&element);
        }
    });
}

/// Whether any of the element is above or below the window.
fn out_of_sight(element: &web_sys::Element) -> bool {
    let rect = element.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    rect.top() < 0.0 || rect.bottom() > height
}

/// Scrolls just enough to show the element (a detail's heading) when it is out of view below or
/// above, never in an embed (which must not scroll its host's page). The selected marker stays
/// in view when the detail sits right under it.
pub fn reveal_heading(element_id: &str) {
    if is_framed() {
        return;
    }
    when_laid_out(element_id, |element| {
        if out_of_sight(element) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// The element's `clientWidth`, read whenever a `ResizeObserver` reports that its size changed
/// (the observer runs after layout, so the read costs nothing), and 0 until it is first drawn.
/// Code that needs the width on every change (a selection) reads this instead of the element,
/// which would force a layout of a half-updated page. The observer is disconnected when the
/// element goes or the owner is cleaned up.
pub fn observed_client_width<E>(node: NodeRef<E>) -> ReadSignal<f64>
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(0.0);
    Effect::new(move |_| {
        let Some(element) = node
            .get()
            .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let measured = element.clone();
        let on_resize = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let px = f64::from(measured.client_width());
            // A callback after the owner is gone finds the signal disposed and does nothing.
            if width.try_get_untracked().is_some_and(|w| w != px) {
                set_width.try_set(px);
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(&element);
        }
        let kept = StoredValue::new_local((observer, on_resize));
        on_cleanup(move || {
            kept.try_with_value(|(observer, _)| {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
            });
        });
    });
    width
}

/// A signal that follows a CSS media query (for example the phone layout's breakpoint). The
/// listener (gloo's, removed when dropped) goes away with the component that asked for it.
pub fn media_query_signal(query: &str) -> ReadSignal<bool> {
    let list = window().match_media(query).ok().flatten();
    let (matches, set_matches) = signal(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let listener = gloo::events::EventListener::new(&list.clone(), "change", move |_| {
            set_matches.set(list.matches());
        });
        let kept = StoredValue::new_local(Some(listener));
        on_cleanup(move || {
            kept.try_update_value(|listener| *listener = None);
        });
    }
    matches
}
