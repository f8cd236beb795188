//! The frame around the views: skip link, header with title, language switch and navigation,
//! the notice bar for damaged links, and the footer.

use leptos::prelude::*;

use crate::url_state::{Notice, View};
use crate::Ctx;
use content::Lang;

#[component]
pub fn SkipLink() -> impl IntoView {
    let ctx = Ctx::use_context();
    view! { <a class="skip-link" href="#content" on:click=move |ev| {
        // The fragment holds the view state, so move focus without touching the URL.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("content") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    }>{move || ctx.t(|s| &s.skip_to_content)}</a> }
}

#[component]
pub fn Header(printing: RwSignal<Option<crate::classroom::scope::HandoutScope>>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let view_name = move |view: View| ctx.view_name(view);
    let tabs = View::ALL
        .into_iter()
        .map(|view| {
            let current = move || ctx.state.with(|s| s.view == view);
            view! {
                <li>
                    <a
                        href=move || ctx.href_view(view)
                        class="nav-link"
                        aria-current=move || current().then_some("page")
                        data-view=view.slug()
                    >
                        {move || view_name(view)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let languages = Lang::ALL
        .into_iter()
        .map(|lang| {
            // The link keeps the view and item and changes only the language.
            let href = move || {
                let mut state = ctx.state.get();
                state.lang = Some(lang);
                state.to_hash()
            };
            let name = move || ctx.data.strings.lang_name(lang).to_string();
            view! {
                <li>
                    <a
                        href=href
                        hreflang=lang.code()
                        lang=lang.code()
                        class="lang-link"
                        aria-current=move || (ctx.lang.get() == lang).then_some("true")
                    >
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    // An embed has compact chrome: the title, a way out to the full explainer, the language
    // (unless its host fixes it: `controls=min`), and the views only if it shows them all.
    let embed = ctx.embed;
    let show_tabs = embed.is_none_or(|e| e.scope == crate::embed::Scope::All);
    let show_languages = embed.is_none_or(|e| e.controls.shows_language_switch());
    let full_link = move || {
        embed.map(|_| {
            let href = move || {
                let mut state = ctx.state.get();
                state.lang = Some(ctx.lang.get());
                crate::embed::host::full_explainer_href(&state.to_hash())
            };
            view! {
                <a class="open-full" href=href target="_blank" rel="noopener">
                    {move || ctx.t(|s| &s.tools.open_full)} " ↗"
                    <span class="visually-hidden">" " {move || ctx.t(|s| &s.tools.new_tab)}</span>
                </a>
            }
        })
    };
    view! {
        <header class="site-header">
            <div class="title-block">
                <h1>{move || ctx.t(|s| &s.app_title)}</h1>
                {embed.is_none().then(|| view! { <p class="subtitle">{move || ctx.t(|s| &s.app_subtitle)}</p> })}
                {full_link}
            </div>
            {show_languages.then(|| view! {
                <nav class="lang-switch" aria-label=move || ctx.t(|s| &s.lang_switch_label)>
                    <ul>{languages}</ul>
                </nav>
            })}
            {embed.is_none().then(|| view! { <crate::app::tools::Tools printing=printing/> })}
            {show_tabs.then(|| view! {
                <nav class="views-nav" aria-label=move || ctx.t(|s| &s.nav_label)>
                    <ul>{tabs}</ul>
                </nav>
            })}
        </header>
    }
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let ctx = Ctx::use_context();
    let message = move || {
        ctx.notice.get().map(|notice| match notice {
            Notice::BadLink => ctx.t(|s| &s.notice_bad_link),
            Notice::UnknownItem => ctx.t(|s| &s.notice_unknown_item),
            Notice::LangFailed => ctx.t(|s| &s.notice_lang_failed),
        })
    };
    view! {
        // A polite live region that is always present, so its changes are announced.
        <div class="notice-region" role="status" aria-live="polite">
            {move || message().map(|text| view! {
                <div class="notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| ctx.notice.set(None)>
                        {move || ctx.t(|s| &s.notice_dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <footer class="site-footer">
            <p>{move || ctx.t(|s| &s.footer_text)}</p>
        </footer>
    }
}
