//! The Print dialog: the teacher picks what to print (the class sheet, the view on screen, the
//! story or everything; `scope.rs`), then the browser's print window opens with that handout.
//! Radio buttons in a fieldset, so the arrow keys move between the choices; Esc closes.

use leptos::prelude::*;

use super::scope::HandoutScope;
use crate::data::Strings;
use crate::Ctx;
use content::Text;

/// Picks one UI string.
type Pick = fn(&Strings) -> &Text;

/// The words of a choice: its name and its hint.
fn words(scope: HandoutScope) -> (Pick, Pick) {
    match scope {
        HandoutScope::ClassSheet => (
            |s| &s.tools.print_class_sheet,
            |s| &s.tools.print_class_sheet_hint,
        ),
        HandoutScope::View => (|s| &s.tools.print_view, |s| &s.tools.print_view_hint),
        HandoutScope::Story => (|s| &s.tools.print_story, |s| &s.tools.print_story_hint),
        HandoutScope::Everything => (
            |s| &s.tools.print_everything,
            |s| &s.tools.print_everything_hint,
        ),
    }
}

#[component]
pub fn PrintDialog(
    dialog: NodeRef<leptos::html::Dialog>,
    printing: RwSignal<Option<HandoutScope>>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    // What a teacher most often wants on paper; the dialog remembers the last choice.
    let choice = RwSignal::new(HandoutScope::ClassSheet);
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let print = move |_| {
        close();
        printing.set(Some(choice.get_untracked()));
        // After the handout is drawn.
        request_animation_frame(|| {
            let _ = window().print();
        });
    };
    let choices = HandoutScope::CHOICES
        .into_iter()
        .map(|scope| {
            let (name, hint) = words(scope);
            let id = format!("print-{}", scope.slug());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="print-choice">
                    <input
                        type="radio"
                        name="print-scope"
                        id=id.clone()
                        value=scope.slug()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || choice.get() == scope
                        on:change=move |_| choice.set(scope)
                    />
                    <label for=id>{move || ctx.t(name)}</label>
                    <p class="print-hint" id=hint_id>{move || ctx.t(hint)}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <dialog class="print-dialog" node_ref=dialog aria-labelledby="print-title" aria-describedby="print-intro">
            <h2 id="print-title">{move || ctx.t(|s| &s.tools.print_title)}</h2>
            <p id="print-intro">{move || ctx.t(|s| &s.tools.print_intro)}</p>
            <fieldset class="print-scopes">
                <legend>{move || ctx.t(|s| &s.tools.print_scope)}</legend>
                {choices}
            </fieldset>
            <div class="dialog-actions">
                <button type="button" class="print-go" on:click=print>{move || ctx.t(|s| &s.tools.print_go)}</button>
                <button type="button" class="close-button" on:click=move |_| close()>{move || ctx.t(|s| &s.tools.print_cancel)}</button>
            </div>
        </dialog>
    }
}
