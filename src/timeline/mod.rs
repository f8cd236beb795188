//! The timeline view: the events in order, and the selected event's detail with its sources.

use leptos::prelude::*;

use crate::cite::{format_date, precision_label, DisagreementNote, Sources};
use crate::data::{Event, Priority};
use crate::url_state::View;
use crate::Ctx;

#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let selected = Memo::new(move |_| {
        ctx.state
            .with(|s| s.item.clone())
            .and_then(|id| ctx.data.event(&id))
    });
    // Only when the reader changes the selection, not on first render.
    Effect::new(move |previous: Option<Option<String>>| {
        let current = selected.get().map(|item| item.id.to_string());
        if previous.is_some_and(|previous| previous != current) && current.is_some() {
            crate::browser::reveal_on_narrow_screens("detail-heading");
        }
        current
    });
    let items = ctx
        .data
        .events
        .iter()
        .map(|event| view! { <EventItem event=event selected=selected/> })
        .collect_view();
    view! {
        <section class="view timeline-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_timeline)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.timeline_intro)}</p>
            <div class="split">
                <ol class="event-list" aria-label=move || ctx.t(|s| &s.timeline_list_label)>
                    {items}
                </ol>
                {move || selected.get().map(|event| view! { <EventDetail event=event/> })}
            </div>
        </section>
    }
}

#[component]
fn EventItem(event: &'static Event, selected: Memo<Option<&'static Event>>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let is_selected = move || selected.get().is_some_and(|s| s.id == event.id);
    let category = event.categories.first().copied();
    view! {
        <li class="event-item" data-category=category.map(|c| c.key())>
            <a
                href=move || ctx.href(View::Timeline, Some(event.id.as_str()))
                aria-current=move || is_selected().then_some("true")
                data-event=event.id.as_str().to_string()
            >
                <time datetime=event.date.to_string()>{move || format_date(&ctx, &event.date)}</time>
                " "
                <span class="event-title">{move || ctx.text(&event.title)}</span>
                {category.map(|c| view! {
                    " " <span class="category-tag">{move || ctx.text(ctx.data.strings.categories.get(c))}</span>
                })}
            </a>
        </li>
    }
}

#[component]
fn EventDetail(event: &'static Event) -> impl IntoView {
    let ctx = Ctx::use_context();
    let places = event
        .places
        .iter()
        .filter_map(|id| ctx.data.place(id.as_str()))
        .map(|place| {
            view! {
                <li>
                    <a href=move || ctx.href(View::Map, Some(place.id.as_str()))>
                        {move || ctx.text(&place.name)}
                    </a>
                    " (" {move || ctx.t(|s| &s.label_on_map)} ")"
                </li>
            }
        })
        .collect_view();
    let categories = event
        .categories
        .iter()
        .map(|&c| view! { <li class="category-tag" data-category=c.key()>{move || ctx.text(ctx.data.strings.categories.get(c))}</li> })
        .collect_view();
    view! {
        <article class="detail" aria-labelledby="detail-heading">
            <h3 id="detail-heading">{move || ctx.text(&event.title)}</h3>
            <p class="detail-date">
                <time datetime=event.date.to_string()>{move || format_date(&ctx, &event.date)}</time>
                " · " <span class="precision">{move || precision_label(&ctx, &event.date)}</span>
                {(event.priority == Priority::Core).then(|| view! {
                    " · " <span class="core-tag">{move || ctx.t(|s| &s.label_core)}</span>
                })}
            </p>
            {event.date_note.as_ref().map(|note| view! { <p class="date-note">{move || ctx.text(note)}</p> })}
            <ul class="category-list">{categories}</ul>
            <p class="summary">{move || ctx.text(&event.summary)}</p>
            {(!event.places.is_empty()).then(|| view! {
                <div class="places">
                    <h4>{move || ctx.t(|s| &s.label_places)}</h4>
                    <ul>{places}</ul>
                </div>
            })}
            <DisagreementNote note=&event.note/>
            <Sources ids=&event.sources/>
        </article>
    }
}
