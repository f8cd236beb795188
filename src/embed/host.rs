//! The browser side of embedding (the rules are in [`crate::embed`]): posting the page's height
//! and deep link to the host window, obeying the host's documented commands, and sending links
//! that leave a one-view embed to the full explainer in a new tab. Every call degrades quietly.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::data::Dataset;
use crate::embed::{
    base_url, height_posts, parse_command, state_post, stays_in_embed, EmbedOptions, HostCommand,
    Post, Theme,
};
use crate::url_state::ViewState;

/// The embed options in the page's address, if it is an embed.
pub fn read_options() -> Option<EmbedOptions> {
    EmbedOptions::parse(&window().location().search().unwrap_or_default())
}

/// Marks the document for the embed's compact styles and the host's colour choice.
pub fn mark_document(options: Option<&EmbedOptions>) {
    let Some(root) = document().document_element() else {
        return;
    };
    if let Some(options) = options {
        let _ = root.set_attribute("data-embed", options.scope.slug());
        match options.theme {
            Theme::Auto => {}
            Theme::Dark => {
                let _ = root.set_attribute("data-theme", "dark");
            }
            Theme::Light => {
                let _ = root.set_attribute("data-theme", "light");
            }
        }
    }
}

/// The full explainer at the same deep link (the page's address without the embed options).
pub fn full_explainer_href(hash: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    format!("{}index.html{hash}", base_url(&href))
}

fn host_window() -> Option<web_sys::Window> {
    crate::ui::browser::is_framed()
        .then(|| window().parent().ok().flatten())
        .flatten()
}

fn post(host: &web_sys::Window, message: &Post) {
    let value = match message {
        Post::Text(text) => JsValue::from_str(text),
        Post::Object(json) => match js_sys::JSON::parse(json) {
            Ok(value) => value,
            Err(_) => return,
        },
    };
    // Heights and deep links are public; the host may be any origin.
    let _ = host.post_message(&value, "*");
}

/// The height of the content: the bottom of `#app` (the page itself may be taller than the
/// content while the iframe is still at its initial height).
fn content_height() -> u32 {
    let Some(app) = document().get_element_by_id("app") else {
        return 0;
    };
    let bottom = app.get_bounding_client_rect().bottom() + window().scroll_y().unwrap_or(0.0);
    if bottom.is_finite() && bottom > 0.0 {
        bottom.ceil().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// Starts talking to the host window: heights on load, on resize and on every state change;
/// the deep link on every state change; the host's commands. Does nothing when not framed.
pub fn connect(
    options: &'static EmbedOptions,
    state: ReadSignal<ViewState>,
    data: &'static Dataset,
) {
    let Some(host) = host_window() else {
        return;
    };
    let last = StoredValue::new(0u32);
    let send_height = {
        let host = host.clone();
        move |force: bool| {
            // A timer of an app that was replaced since (a change of language mounts it again)
            // finds its values gone and stops: the new app measures for itself.
            let Some(previous) = last.try_get_value() else {
                return;
            };
            let height = content_height();
            if height == 0 || (!force && previous == height) {
                return;
            }
            last.try_set_value(height);
            let href = window().location().href().unwrap_or_default();
            for message in height_posts(options, height, &href) {
                post(&host, &message);
            }
        }
    };

    // Content changes size: a new selection, an opened panel, a font that loaded. Chrome runs
    // no animation frames and no resize observers in a cross-origin frame scrolled out of view,
    // so changes are caught with a mutation observer (a microtask, never throttled) and the
    // height is measured in a timer, which forces layout where needed.
    let pending = StoredValue::new(false);
    let schedule = {
        let send_height = send_height.clone();
        move |force: bool| {
            match pending.try_get_value() {
                None => return, // replaced: see send_height
                Some(true) if !force => return,
                Some(_) => {}
            }
            pending.try_set_value(true);
            let send_height = send_height.clone();
            set_timeout(
                move || {
                    if pending.try_set_value(false).is_none() {
                        send_height(force);
                    }
                },
                std::time::Duration::from_millis(30),
            );
        }
    };
    if let Some(app) = document().get_element_by_id("app") {
        let on_change = schedule.clone();
        let on_mutation = Closure::<dyn Fn()>::new(move || on_change(false));
        let mutations = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &mutations {
            let options = web_sys::MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            options.set_character_data(true);
            let _ = observer.observe_with_options(&app, &options);
        }
        let on_resize = schedule.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || on_resize(false));
        let resizes = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &resizes {
            observer.observe(&app);
        }
        // The observers and their callbacks live as long as the app that owns them: disconnected
        // and dropped with it, never leaked.
        let kept = StoredValue::new_local((mutations, on_mutation, resizes, on_resize));
        on_cleanup(move || {
            kept.try_with_value(|(mutations, _, resizes, _)| {
                if let Some(observer) = mutations {
                    observer.disconnect();
                }
                if let Some(observer) = resizes {
                    observer.disconnect();
                }
            });
        });
    }
    {
        let on_resize = schedule.clone();
        crate::ui::browser::window_listener(leptos::ev::resize, move |_| on_resize(false));
    }
    {
        let on_state = schedule.clone();
        let host = host.clone();
        Effect::new(move |_| {
            let hash = state.with(ViewState::to_hash);
            post(&host, &state_post(&hash));
            on_state(true);
        });
    }

    // Commands from the host: only from the host window, only the documented ones.
    let on_message = schedule;
    crate::ui::browser::window_listener(
        leptos::ev::message,
        move |event: web_sys::MessageEvent| {
            let from_host = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &host));
            if !from_host {
                return;
            }
            let data_value = event.data();
            if !data_value.is_object() {
                return;
            }
            let field = |name: &str| {
                js_sys::Reflect::get(&data_value, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let Some(kind) = field("type") else {
                return;
            };
            match parse_command(&kind, field("hash").as_deref(), options, data) {
                Some(HostCommand::Navigate(next)) => {
                    crate::app::router::navigate(&next, crate::app::router::History::Push);
                }
                Some(HostCommand::RequestHeight) => {
                    // A host script that arrived late has missed the deep link too.
                    post(
                        &host,
                        &state_post(&state.with_untracked(ViewState::to_hash)),
                    );
                    on_message(true);
                }
                None => {}
            }
        },
    );
}

/// In a one-view embed, a link to another view opens the full explainer in a new tab instead of
/// replacing the embed.
pub fn send_other_views_to_full_explainer(options: &'static EmbedOptions) {
    if options.scope == crate::embed::Scope::All {
        return;
    }
    crate::ui::browser::window_listener(leptos::ev::click, move |event: web_sys::MouseEvent| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        let Some(hash) = link.and_then(|a| a.get_attribute("href")) else {
            return;
        };
        if !stays_in_embed(options, &hash, crate::data::dataset()) {
            event.prevent_default();
            let _ = window().open_with_url_and_target_and_features(
                &full_explainer_href(&hash),
                "_blank",
                "noopener",
            );
        }
    });
}
