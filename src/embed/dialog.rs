//! The Embed dialog: the reader picks the view, language, colours, whether the language switch
//! shows, and the height, and copies the snippet a newsroom pastes (written by `embed::snippet`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{base_url, snippet, Controls, EmbedOptions, Scope, Theme};
use crate::ui::cite::format_date;
use crate::url_state::View;
use crate::Ctx;
use content::Lang;

/// The height the snippet suggests for hosts that strip scripts.
const DEFAULT_HEIGHT: u32 = 900;

#[component]
pub fn EmbedDialog(
    dialog: NodeRef<leptos::html::Dialog>,
    scope: RwSignal<Scope>,
    lang: RwSignal<Lang>,
    /// The event and the story step a single-item embed would show (the reader's selection when
    /// the dialog opened, else the first).
    event: RwSignal<Option<String>>,
    step: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let theme = RwSignal::new(Theme::Auto);
    let controls = RwSignal::new(Controls::Full);
    let height = RwSignal::new(DEFAULT_HEIGHT);
    let with_script = RwSignal::new(true);
    let status = RwSignal::new(None::<bool>);
    // The embed's title is in the embed's language, whose words the page may not have yet.
    let words_arrived = RwSignal::new(0u32);
    Effect::new(move |_| {
        let lang = lang.get();
        if !crate::data::has_lang(lang) {
            crate::app::languages::load(lang, move |_| words_arrived.update(|n| *n += 1));
        }
    });
    let code = Memo::new(move |_| {
        words_arrived.track();
        let scope = scope.get();
        let id = match scope {
            Scope::Event => event.get(),
            Scope::Step => step.get(),
            _ => None,
        };
        let options = EmbedOptions {
            scope,
            id,
            lang: Some(lang.get()),
            theme: theme.get(),
            controls: controls.get(),
            ..EmbedOptions::default()
        };
        let href = window().location().href().unwrap_or_default();
        let title = match crate::data::dataset().strings.app_title.get(lang.get()) {
            "" => ctx.data.strings.app_title.get(ctx.lang.get()),
            title => title,
        }
        .to_string();
        snippet(
            base_url(&href),
            &options,
            &title,
            height.get(),
            with_script.get(),
        )
    });
    Effect::new(move |_| {
        code.track();
        status.set(None);
    });
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let copy = move |_| copy_text(&code.get_untracked(), status);

    let scope_name = move |choice: Scope| match choice {
        Scope::All => ctx.t(|s| &s.tools.embed_view_all),
        Scope::Only(View::Story) => ctx.t(|s| &s.view_story),
        Scope::Only(View::Timeline) => ctx.t(|s| &s.view_timeline),
        Scope::Only(View::Map) => ctx.t(|s| &s.view_map),
        Scope::Only(View::Policies) => ctx.t(|s| &s.view_policies),
        Scope::Only(View::About) => ctx.t(|s| &s.view_about),
        Scope::Event => ctx.t(|s| &s.tools.embed_view_event),
        Scope::Step => ctx.t(|s| &s.tools.embed_view_step),
    };
    let theme_name = move |choice: Theme| match choice {
        Theme::Auto => ctx.t(|s| &s.tools.theme_auto),
        Theme::Dark => ctx.t(|s| &s.tools.theme_dark),
        Theme::Light => ctx.t(|s| &s.tools.theme_light),
    };
    let scope_options = Scope::CHOICES
        .into_iter()
        .map(|choice| view! { <option value=choice.slug() selected=move || scope.get() == choice>{move || scope_name(choice)}</option> })
        .collect_view();
    // Which event or step, for a single-item embed: events by date, steps in story order.
    let event_options = data
        .events_in_date_order()
        .into_iter()
        .map(|e| {
            let id = e.id.to_string();
            let selected = {
                let id = id.clone();
                move || event.get().as_deref() == Some(id.as_str())
            };
            view! { <option value=id selected=selected>{move || format!("{} — {}", format_date(&ctx, &e.date), ctx.text(&e.title))}</option> }
        })
        .collect_view();
    let step_options = data
        .story
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = s.id.to_string();
            let selected = {
                let id = id.clone();
                move || step.get().as_deref() == Some(id.as_str())
            };
            view! { <option value=id selected=selected>{move || format!("{}. {}", i + 1, ctx.text(&s.title))}</option> }
        })
        .collect_view();
    // Shown only for a single-item embed; both are always there, so each keeps its choice.
    let not_event = move || scope.get() != Scope::Event;
    let not_step = move || scope.get() != Scope::Step;
    let item_pickers = view! {
        <label for="embed-event" hidden=not_event>{move || ctx.t(|s| &s.tools.embed_item_event)}</label>
        <select id="embed-event" hidden=not_event on:change=move |ev| event.set(Some(event_target_value(&ev)))>{event_options}</select>
        <label for="embed-step" hidden=not_step>{move || ctx.t(|s| &s.tools.embed_item_step)}</label>
        <select id="embed-step" hidden=not_step on:change=move |ev| step.set(Some(event_target_value(&ev)))>{step_options}</select>
    };
    let lang_options = Lang::ALL
        .into_iter()
        .map(|choice| view! { <option value=choice.code() selected=move || lang.get() == choice>{ctx.data.strings.lang_name(choice).to_string()}</option> })
        .collect_view();
    let theme_options = Theme::CHOICES
        .into_iter()
        .map(|choice| view! { <option value=choice.code() selected=move || theme.get() == choice>{move || theme_name(choice)}</option> })
        .collect_view();

    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title">
            <h2 id="embed-title">{move || ctx.t(|s| &s.tools.embed_title)}</h2>
            <p>{move || ctx.t(|s| &s.tools.embed_intro)}</p>
            <div class="embed-options">
                <label for="embed-scope">{move || ctx.t(|s| &s.tools.embed_view)}</label>
                <select id="embed-scope" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(choice) = Scope::CHOICES.into_iter().find(|c| c.slug() == value) {
                        scope.set(choice);
                    }
                }>{scope_options}</select>
                {item_pickers}
                <label for="embed-lang">{move || ctx.t(|s| &s.tools.embed_lang)}</label>
                <select id="embed-lang" on:change=move |ev| {
                    if let Some(choice) = Lang::from_code(&event_target_value(&ev)) {
                        lang.set(choice);
                    }
                }>{lang_options}</select>
                <label for="embed-theme">{move || ctx.t(|s| &s.tools.embed_theme)}</label>
                <select id="embed-theme" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(choice) = Theme::CHOICES.into_iter().find(|c| c.code() == value) {
                        theme.set(choice);
                    }
                }>{theme_options}</select>
                <label class="embed-check">
                    <input type="checkbox" prop:checked=move || controls.get() == Controls::Min
                        on:change=move |ev| controls.set(if event_target_checked(&ev) { Controls::Min } else { Controls::Full })/>
                    {move || ctx.t(|s| &s.tools.embed_controls_min)}
                </label>
                <label for="embed-height">{move || ctx.t(|s| &s.tools.embed_height)}</label>
                <input id="embed-height" type="number" inputmode="numeric"
                    min=crate::embed::MIN_HEIGHT.to_string() max="5000" step="10"
                    prop:value=move || height.get().to_string()
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).trim().parse::<u32>() {
                            height.set(value.clamp(crate::embed::MIN_HEIGHT, 5000));
                        }
                    }/>
                <label class="embed-check">
                    <input type="checkbox" prop:checked=move || with_script.get()
                        on:change=move |ev| with_script.set(event_target_checked(&ev))/>
                    {move || ctx.t(|s| &s.tools.embed_script)}
                </label>
            </div>
            <label for="embed-code">{move || ctx.t(|s| &s.tools.embed_code)}</label>
            <textarea id="embed-code" readonly rows="6" spellcheck="false" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" class="copy-button" on:click=copy>{move || ctx.t(|s| &s.tools.embed_copy)}</button>
                <button type="button" class="close-button" on:click=close>{move || ctx.t(|s| &s.tools.close)}</button>
            </div>
            <p class="copy-status" role="status">
                {move || status.get().map(|ok| if ok { ctx.t(|s| &s.tools.embed_copied) } else { ctx.t(|s| &s.tools.embed_copy_failed) })}
            </p>
        </dialog>
    }
}

/// Copies through the asynchronous clipboard; where the browser refuses (no permission, an
/// insecure origin), selects the code so the reader can copy it by hand.
fn copy_text(text: &str, status: RwSignal<Option<bool>>) {
    let select_code = || {
        if let Some(area) = document()
            .get_element_by_id("embed-code")
            .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.select();
        }
    };
    let clipboard = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(clipboard) = clipboard else {
        select_code();
        status.set(Some(false));
        return;
    };
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text));
    leptos::task::spawn_local(async move {
        let copied = written.await.is_ok();
        if !copied {
            select_code();
        }
        status.set(Some(copied));
    });
}
