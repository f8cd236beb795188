//! Presentation mode: one event, or one row of the policy comparison, at a time in large,
//! high-contrast type, stepped with the keys a presentation clicker sends. The slides and keys
//! are plain logic in [`crate::classroom::deck`]; each slide is a link (`?present=1`), so Back works
//! and a teacher can bookmark where the class stopped.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::{self, History};
use crate::classroom::deck::{apply, step_for_key, Deck, Step};
use crate::data::{Cell, Dimension, Event, PolicyId};
use crate::ui::cite::{format_date, DisagreementNote, Sources};
use crate::url_state::Pair;
use crate::url_state::ViewState;
use crate::Ctx;

/// Asks for full screen (only works inside a click or key handler); a refusal is fine.
pub fn request_full_screen() {
    if let Some(root) = document().document_element() {
        let _ = root.request_fullscreen();
    }
}

fn in_full_screen() -> bool {
    document().fullscreen_element().is_some()
}

/// Follows a slide's link: each slide is a history entry, so Back works in class.
fn go(state: &ViewState) {
    router::navigate(state, History::Push);
}

/// Leaves presentation mode on the same item, and gives focus back to the Present button.
fn leave(ctx: Ctx) {
    if in_full_screen() {
        document().exit_fullscreen();
    }
    let mut state = ctx.state.get_untracked();
    state.present = false;
    go(&state);
    request_animation_frame(|| {
        if let Some(button) = document()
            .query_selector(".present-button")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

/// Space on a focused button, link or form control presses it, as everywhere else.
fn space_belongs_to_target(event: &web_sys::KeyboardEvent) -> bool {
    let is_space = matches!(event.key().as_str(), " " | "Spacebar");
    is_space
        && event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                el.closest("button, a, summary, input, select, textarea")
                    .ok()
                    .flatten()
                    .is_some()
            })
}

#[component]
pub fn Presentation() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    // A presentation started on an event outside the core keeps every event in its deck.
    let every_event = ctx
        .state
        .with_untracked(|s| Deck::needs_every_event(data, s));
    let deck = Memo::new(move |_| ctx.state.with(|s| Deck::for_state(data, s, every_event)));
    let position = Memo::new(move |_| ctx.state.with(|s| deck.with(|d| d.position(s))));
    let step = move |step: Step| {
        let len = deck.with_untracked(Deck::len);
        match apply(step, position.get_untracked(), len) {
            Some(index) => {
                let next = ctx
                    .state
                    .with_untracked(|s| deck.with_untracked(|d| d.slide(s, index)));
                if ctx.state.with_untracked(|s| *s != next) {
                    go(&next);
                }
            }
            None => leave(ctx),
        }
    };

    let keys = window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
        if event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || space_belongs_to_target(&event)
        {
            return;
        }
        if let Some(action) = step_for_key(&event.key(), event.shift_key()) {
            event.prevent_default();
            step(action);
        }
    });
    // Leaving full screen (the browser's own Esc) leaves the presentation too. The event fires on
    // the document and propagates to the window.
    let was_full_screen = StoredValue::new(in_full_screen());
    let full_screen = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            let now = in_full_screen();
            if was_full_screen.get_value() && !now {
                leave(ctx);
            }
            was_full_screen.set_value(now);
        },
    );
    on_cleanup(move || {
        keys.remove();
        full_screen.remove();
        // Left by Back or a link rather than Esc: full screen ends with the presentation.
        if in_full_screen() {
            document().exit_fullscreen();
        }
    });

    // The presentation takes focus when it opens, so keys reach it; later steps leave focus
    // where it is (on the Next button, say) and are announced by the live region below.
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(section) = section.get() {
            let _ = section.focus();
        }
    });
    let announcement = move || {
        let index = position.get();
        let title = deck.with(|d| match d {
            Deck::Events(events) => events
                .get(index)
                .and_then(|id| data.event(id.as_str()))
                .map(|event| ctx.text(&event.title)),
            Deck::Rows { dimensions, .. } => dimensions
                .get(index)
                .and_then(|id| data.dimension(id.as_str()))
                .map(|dimension| ctx.text(&dimension.label)),
        });
        format!(
            "{} / {}: {}",
            index + 1,
            deck.with(Deck::len),
            title.unwrap_or_default()
        )
    };

    let slide = move || {
        let index = position.get();
        match deck.get() {
            Deck::Events(events) => events
                .get(index)
                .and_then(|id| data.event(id.as_str()))
                .map(|event| view! { <EventSlide event=event/> }.into_any()),
            Deck::Rows { pair, dimensions } => dimensions
                .get(index)
                .and_then(|id| data.dimension(id.as_str()))
                .map(|dimension| {
                    view! { <RowSlide pair=pair.clone() dimension=dimension/> }.into_any()
                }),
        }
    };
    let progress = move || format!("{} / {}", position.get() + 1, deck.with(Deck::len));

    view! {
        <section
            class="presentation"
            role="dialog"
            aria-modal="true"
            aria-label=move || ctx.t(|s| &s.tools.present_label)
            tabindex="-1"
            node_ref=section
        >
            <div class="presentation-bar">
                <p class="progress">{progress}</p>
                <button type="button" class="present-previous" on:click=move |_| step(Step::Previous)
                    disabled=move || position.get() == 0>
                    "← " {move || ctx.t(|s| &s.tools.present_previous)}
                </button>
                <button type="button" class="present-next" on:click=move |_| step(Step::Next)
                    disabled=move || { position.get() + 1 >= deck.with(Deck::len) }>
                    {move || ctx.t(|s| &s.tools.present_next)} " →"
                </button>
                <button type="button" class="present-full-screen" on:click=move |_| request_full_screen()>
                    {move || ctx.t(|s| &s.tools.present_full_screen)}
                </button>
                <button type="button" class="present-exit" on:click=move |_| leave(ctx)>
                    {move || ctx.t(|s| &s.tools.present_exit)}
                </button>
            </div>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
            <div class="slide">{slide}</div>
            <p class="presentation-hint">{move || ctx.t(|s| &s.tools.present_hint)}</p>
        </section>
    }
}

#[component]
fn EventSlide(event: &'static Event) -> impl IntoView {
    let ctx = Ctx::use_context();
    let places = event
        .places
        .iter()
        .filter_map(|id| ctx.data.place(id.as_str()))
        .map(|place| ctx.data_text_untracked(&place.name))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <article class="slide-event" data-event=event.id.to_string()>
            <p class="slide-date">
                <time datetime=event.date.to_string()>{move || format_date(&ctx, &event.date)}</time>
            </p>
            <h2 id="slide-heading">{move || ctx.text(&event.title)}</h2>
            <p class="slide-summary">{move || ctx.text(&event.summary)}</p>
            {(!places.is_empty()).then(|| view! { <p class="slide-places">{places}</p> })}
            <DisagreementNote note=&event.note under_h2=true/>
            <Sources ids=&event.sources under_h2=true/>
        </article>
    }
}

#[component]
fn RowSlide(pair: Pair, dimension: &'static Dimension) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let side = move |policy: &PolicyId| {
        let policy = data.policy(policy.as_str())?;
        let cell: Option<&'static Cell> = data.cell(&policy.id, &dimension.id);
        Some(view! {
            <div class="slide-cell">
                <h3>{move || ctx.text(&policy.name)}</h3>
                {match cell {
                    Some(cell) => view! {
                        <p>{move || ctx.text(&cell.text)}</p>
                        <DisagreementNote note=&cell.note/>
                        <Sources ids=&cell.sources/>
                    }.into_any(),
                    None => view! { <p>{move || ctx.t(|s| &s.label_no_cell)}</p> }.into_any(),
                }}
            </div>
        })
    };
    view! {
        <article class="slide-row" data-dimension=dimension.id.to_string()>
            <h2 id="slide-heading">{move || ctx.text(&dimension.label)}</h2>
            <div class="slide-cells">{side(&pair.left)} {side(&pair.right)}</div>
        </article>
    }
}
