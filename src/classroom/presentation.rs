//! Presentation mode: the view on screen as slides in large, high-contrast type, stepped with the
//! keys a presentation clicker sends: the story's steps, the timeline's core events (as its
//! filter shows them), the map's routes and places, or the rows of the policy comparison. The
//! slides and keys are plain logic in [`crate::classroom::deck`], which also continues a long
//! text on the next slide; here the type still scales down a step if a slide would overflow a
//! small screen. Each slide is a link (`?present=1`), so Back works and a teacher can bookmark
//! where the class stopped.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::{self, History};
use crate::classroom::deck::{
    apply, item_pages, row_pages, step_for_key, step_has_map, Deck, Item, Page, Scope, Slide, Step,
};
use crate::data::{Cell, Dimension, Event, Place, PolicyId, Route, StoryStep};
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
    state.part = 0;
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

/// How many steps the type may shrink by (style/main.css `.slide.fit-1` … `.fit-4`).
const FIT_STEPS: usize = 4;

/// Scales the slide's type down a step at a time until the presentation no longer scrolls
/// (the deck's split into "continued" slides makes this rare; a small screen may still need it).
fn fit_slide() {
    let Some(section) = document()
        .query_selector(".presentation")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(slide) = section.query_selector(".slide").ok().flatten() else {
        return;
    };
    let classes = slide.class_list();
    for step in 1..=FIT_STEPS {
        let _ = classes.remove_1(&format!("fit-{step}"));
    }
    // The slide has the room between the bar and the hint; it overflows when its content is
    // taller than that (drawn over the hint), or the presentation scrolls.
    let overflows = || {
        slide.scroll_height() > slide.client_height() + 1
            || section.scroll_height() > section.client_height()
    };
    for step in 1..=FIT_STEPS {
        if !overflows() {
            break;
        }
        if step > 1 {
            let _ = classes.remove_1(&format!("fit-{}", step - 1));
        }
        let _ = classes.add_1(&format!("fit-{step}"));
    }
}

#[component]
pub fn Presentation() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    // What is on screen when the presentation starts: the timeline's filter, and every event
    // when it starts on one outside the core.
    let scope = Scope {
        filter: ctx.filter.get_untracked(),
        every_event: ctx
            .state
            .with_untracked(|s| Deck::needs_every_event(data, s)),
    };
    let deck = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.state.with(|s| Deck::for_state(data, s, &scope, lang))
    });
    let position = Memo::new(move |_| ctx.state.with(|s| deck.with(|d| d.position(s))));
    let current = Memo::new(move |_| deck.with(|d| d.get(position.get()).cloned()));
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
    // Each new slide (and each new screen size) is fitted once it is drawn.
    Effect::new(move |_| {
        current.track();
        ctx.lang.track();
        request_animation_frame(fit_slide);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit_slide());
    on_cleanup(move || {
        keys.remove();
        full_screen.remove();
        resize.remove();
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
        let title = current.with(|slide| slide.as_ref().map(|s| slide_title(&ctx, s)));
        format!(
            "{} / {}: {}",
            index + 1,
            deck.with(Deck::len),
            title.unwrap_or_default()
        )
    };

    let slide = move || {
        current.get().map(|slide| {
            let lang = ctx.lang.get();
            let page = item_pages(data, &slide.item, lang)
                .get(slide.part)
                .cloned()
                .unwrap_or_default();
            let continued = slide.part > 0;
            let more = slide.part + 1 < slide.parts;
            let shown = match &slide.item {
                Item::Event(id) => data.event(id.as_str()).map(|event| {
                    view! { <EventSlide event=event page=page continued=continued/> }.into_any()
                }),
                Item::Row { pair, dimension } => data.dimension(dimension.as_str()).map(|d| {
                    view! { <RowSlide pair=pair.clone() dimension=d part=slide.part/> }.into_any()
                }),
                Item::Route(id) => data.route(id.as_str()).map(|route| {
                    view! { <RouteSlide route=route page=page continued=continued/> }.into_any()
                }),
                Item::Place(id) => data.place(id.as_str()).map(|place| {
                    view! { <PlaceSlide place=place page=page continued=continued/> }.into_any()
                }),
                Item::Step(id) => data.step(id.as_str()).map(|step| {
                    view! { <StepSlide step=step page=page continued=continued/> }.into_any()
                }),
            };
            view! {
                {shown}
                {more.then(|| view! {
                    <p class="slide-more">{move || ctx.t(|s| &s.tools.present_continues)} " →"</p>
                })}
            }
        })
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

/// The title a slide is announced by.
fn slide_title(ctx: &Ctx, slide: &Slide) -> String {
    let data = ctx.data;
    let title = match &slide.item {
        Item::Event(id) => data.event(id.as_str()).map(|e| ctx.text(&e.title)),
        Item::Row { dimension, .. } => data
            .dimension(dimension.as_str())
            .map(|d| ctx.text(&d.label)),
        Item::Route(id) => data.route(id.as_str()).map(|r| ctx.text(&r.name)),
        Item::Place(id) => data.place(id.as_str()).map(|p| ctx.text(&p.name)),
        Item::Step(id) => data.step(id.as_str()).map(|s| ctx.text(&s.title)),
    }
    .unwrap_or_default();
    if slide.part > 0 {
        format!("{title} ({})", ctx.t(|s| &s.tools.present_continued))
    } else {
        title
    }
}

/// A slide's heading; a slide that continues a record says so.
#[component]
fn SlideHeading(title: &'static content::Text, continued: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <h2 id="slide-heading">
            {move || ctx.text(title)}
            {continued.then(|| view! {
                " " <span class="slide-continued">"(" {move || ctx.t(|s| &s.tools.present_continued)} ")"</span>
            })}
        </h2>
    }
}

/// The part of a record's text, note and sources that a page holds. `in_column`: under a
/// column's `<h3>` (a comparison row), so the small headings are `<h4>`.
#[component]
fn PageBody(
    page: Page,
    note: &'static Option<content::Text>,
    sources: &'static [crate::data::SourceId],
    #[prop(optional)] in_column: bool,
) -> impl IntoView {
    let under_h2 = !in_column;
    view! {
        {(!page.text.is_empty()).then(|| view! { <p class="slide-summary">{page.text}</p> })}
        {page.note.then(|| view! { <DisagreementNote note=note under_h2=under_h2/> })}
        {page.sources.then(|| view! { <Sources ids=sources under_h2=under_h2/> })}
    }
}

#[component]
fn EventSlide(event: &'static Event, page: Page, continued: bool) -> impl IntoView {
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
            <SlideHeading title=&event.title continued=continued/>
            <PageBody page=page note=&event.note sources=&event.sources/>
            {(!continued && !places.is_empty()).then(|| view! { <p class="slide-places">{places}</p> })}
        </article>
    }
}

/// A map slide: the text beside the map with the item lit.
#[component]
fn MapSlide(kind: &'static str, item: String, figure: String, children: Children) -> impl IntoView {
    view! {
        <article class="slide-map-item" data-kind=kind data-item=item>
            <div class="slide-text">{children()}</div>
            <div class="slide-map story-map-figure" inner_html=figure></div>
        </article>
    }
}

#[component]
fn RouteSlide(route: &'static Route, page: Page, continued: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    let figure = crate::story::map_figure(ctx.data, &route.path, std::slice::from_ref(&route.id));
    view! {
        <MapSlide kind="route" item=route.id.to_string() figure=figure>
            <SlideHeading title=&route.name continued=continued/>
            <PageBody page=page note=&route.note sources=&route.sources/>
        </MapSlide>
    }
}

#[component]
fn PlaceSlide(place: &'static Place, page: Page, continued: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    let figure = crate::story::map_figure(ctx.data, std::slice::from_ref(&place.id), &[]);
    view! {
        <MapSlide kind="place" item=place.id.to_string() figure=figure>
            <SlideHeading title=&place.name continued=continued/>
            <PageBody page=page note=&place.note sources=&place.sources/>
        </MapSlide>
    }
}

/// A story step has no note of its own.
static NO_NOTE: Option<content::Text> = None;

/// A story step: its paragraph, and for a step on the map the map with its routes and places lit.
#[component]
fn StepSlide(step: &'static StoryStep, page: Page, continued: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    let body = view! {
        <SlideHeading title=&step.title continued=continued/>
        <PageBody page=page note=&NO_NOTE sources=&step.sources/>
    };
    if step_has_map(step) {
        let figure = crate::story::map_figure(ctx.data, &step.places, &step.routes);
        view! {
            <MapSlide kind="step" item=step.id.to_string() figure=figure>{body}</MapSlide>
        }
        .into_any()
    } else {
        view! {
            <article class="slide-step" data-kind="step" data-item=step.id.to_string()>{body}</article>
        }
        .into_any()
    }
}

#[component]
fn RowSlide(pair: Pair, dimension: &'static Dimension, part: usize) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let pages = row_pages(data, &pair, &dimension.id, ctx.lang.get_untracked());
    let side = move |policy: &PolicyId, pages: &[Page]| {
        let policy = data.policy(policy.as_str())?;
        let cell: Option<&'static Cell> = data.cell(&policy.id, &dimension.id);
        let page = pages.get(part).cloned();
        Some(view! {
            <div class="slide-cell">
                <h3>{move || ctx.text(&policy.name)}</h3>
                {match (cell, page) {
                    (Some(cell), Some(page)) => view! {
                        <PageBody page=page note=&cell.note sources=&cell.sources in_column=true/>
                    }.into_any(),
                    (Some(_), None) => ().into_any(),
                    (None, _) => view! { <p>{move || ctx.t(|s| &s.label_no_cell)}</p> }.into_any(),
                }}
            </div>
        })
    };
    view! {
        <article class="slide-row" data-dimension=dimension.id.to_string()>
            <SlideHeading title=&dimension.label continued={part > 0}/>
            <div class="slide-cells">{side(&pair.left, &pages[0])} {side(&pair.right, &pages[1])}</div>
        </article>
    }
}
