//! The route-map view. For now a list of places with their role, sources and the events that
//! happened there; the drawn map builds on the same selection.

use leptos::prelude::*;

use crate::cite::{format_date, DisagreementNote, Sources};
use crate::data::Place;
use crate::url_state::View;
use crate::Ctx;

#[component]
pub fn RouteMapView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let selected = Memo::new(move |_| {
        ctx.state
            .with(|s| s.item.clone())
            .and_then(|id| ctx.data.place(&id))
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
        .places
        .iter()
        .map(|place| {
            let is_selected = move || selected.get().is_some_and(|s| s.id == place.id);
            view! {
                <li>
                    <a
                        href=move || ctx.href(View::Map, Some(place.id.as_str()))
                        aria-current=move || is_selected().then_some("true")
                        data-place=place.id.as_str().to_string()
                    >
                        <span class="place-name">{move || ctx.text(&place.name)}</span>
                        " "
                        <span class="place-kind">{move || ctx.text(ctx.data.strings.place_kinds.get(place.kind))}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="view map-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_map)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.map_intro)}</p>
            <div class="split">
                <ul class="place-list" aria-label=move || ctx.t(|s| &s.map_list_label)>{items}</ul>
                {move || selected.get().map(|place| view! { <PlaceDetail place=place/> })}
            </div>
        </section>
    }
}

#[component]
fn PlaceDetail(place: &'static Place) -> impl IntoView {
    let ctx = Ctx::use_context();
    let events = ctx
        .data
        .events_at(&place.id)
        .map(|event| {
            view! {
                <li>
                    <a href=move || ctx.href(View::Timeline, Some(event.id.as_str()))>
                        <time datetime=event.date.to_string()>{move || format_date(&ctx, &event.date)}</time>
                        " " {move || ctx.text(&event.title)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let has_events = ctx.data.events_at(&place.id).next().is_some();
    let coordinates = format!("{:.2}, {:.2}", place.lat, place.lon);
    view! {
        <article class="detail" aria-labelledby="detail-heading">
            <h3 id="detail-heading">{move || ctx.text(&place.name)}</h3>
            <p class="place-kind">{move || ctx.text(ctx.data.strings.place_kinds.get(place.kind))}</p>
            <h4>{move || ctx.t(|s| &s.label_role)}</h4>
            <p>{move || ctx.text(&place.role)}</p>
            <p class="coordinates">{move || ctx.t(|s| &s.label_coordinates)} ": " {coordinates}</p>
            <DisagreementNote note=&place.note/>
            {has_events.then(|| view! {
                <div class="events-here">
                    <h4>{move || ctx.t(|s| &s.label_events_here)}</h4>
                    <ul>{events}</ul>
                </div>
            })}
            <Sources ids=&place.sources/>
        </article>
    }
}
