//! The header's tools: Present (classroom mode, `classroom/`), Embed (the dialog in
//! `embed/dialog.rs` that writes the snippet a newsroom pastes) and Print (the dialog in
//! `classroom/print_dialog.rs` that picks the handout's scope, drawn by `classroom/handout.rs`).

use leptos::prelude::*;

use crate::classroom::print_dialog::PrintDialog;
use crate::classroom::scope::HandoutScope;
use crate::embed::dialog::EmbedDialog;
use crate::embed::Scope;
use crate::url_state::View;
use crate::Ctx;

#[component]
pub fn Tools(printing: RwSignal<Option<HandoutScope>>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The dialog starts from what the reader is looking at, each time it opens.
    let scope = RwSignal::new(Scope::All);
    let lang = RwSignal::new(ctx.lang.get_untracked());
    let event = RwSignal::new(None::<String>);
    let step = RwSignal::new(None::<String>);
    let open_embed = move |_| {
        let state = ctx.state.get_untracked();
        scope.set(scope_for(state.view));
        lang.set(ctx.lang.get_untracked());
        let data = ctx.data;
        event.set(state.event().map(|id| id.to_string()).or_else(|| {
            data.events_in_date_order()
                .first()
                .map(|e| e.id.to_string())
        }));
        step.set(
            state
                .step()
                .map(|id| id.to_string())
                .or_else(|| data.story.first().map(|s| s.id.to_string())),
        );
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    // The one-file offline copy has no address a news page could embed.
    let can_embed = !crate::ui::browser::is_single_file();
    let present = move |_| {
        crate::classroom::presentation::request_full_screen();
        let mut state = ctx.keep_lang(ctx.state.get_untracked());
        state.present = true;
        crate::app::router::navigate(&state, crate::app::router::History::Push);
    };
    let print_dialog = NodeRef::<leptos::html::Dialog>::new();
    let print = move |_| {
        if let Some(dialog) = print_dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    // On phones the tools fold into one button (a disclosure); wide screens show them all.
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="tools-toggle"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="header-tools"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || ctx.t(|s| &s.tools.tools_menu)}
        </button>
        <div
            id="header-tools"
            class="tools"
            class:open=move || open.get()
            role="group"
            aria-label=move || ctx.t(|s| &s.tools.tools_label)
        >
            <button type="button" class="present-button" on:click=present>
                {move || ctx.t(|s| &s.tools.present_button)}
            </button>
            {can_embed.then(|| view! {
                <button type="button" class="embed-button" aria-haspopup="dialog" on:click=open_embed>
                    {move || ctx.t(|s| &s.tools.embed_button)}
                </button>
            })}
            <button type="button" class="print-button" aria-haspopup="dialog" on:click=print>
                {move || ctx.t(|s| &s.tools.print_button)}
            </button>
        </div>
        {can_embed.then(|| view! { <EmbedDialog dialog=dialog scope=scope lang=lang event=event step=step/> })}
        <PrintDialog dialog=print_dialog printing=printing/>
    }
}

/// The embed that shows a view (About is not embeddable on its own).
fn scope_for(view: View) -> Scope {
    match view {
        View::About => Scope::All,
        view => Scope::Only(view),
    }
}
