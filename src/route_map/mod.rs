//! The route-map view: the drawn map (`canvas.rs`, pure geometry in `projection.rs`), and beside
//! it the lists that are also its text alternative: the routes with their path, volume and
//! sources, and the places with their role and the events that happened there. Both follow the
//! one selection in the address (`#map/<place-or-route-id>`).
//!
//! In an embed the page must suit an article: the lists fold into a `<details>` under the map
//! (still the map's text alternative, one keypress away), and the selected item's detail sits
//! right under the map in a panel of bounded height that scrolls on its own, so a tap never
//! puts its answer thousands of pixels below, out of the reader's sight.

mod canvas;
pub mod labels;
pub mod projection;
pub mod roving;

use leptos::either::Either;
use leptos::prelude::*;

use crate::data::{Place, Route};
use crate::ui::cite::{format_date, DisagreementNote, Sources};
use crate::url_state::Selection;
use crate::Ctx;

#[derive(Clone, Copy, PartialEq)]
enum Selected {
    Place(&'static Place),
    Route(&'static Route),
}

#[component]
pub fn RouteMapView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let selected = Memo::new(move |_| {
        ctx.state.with(|s| match &s.selection {
            Some(Selection::Place(id)) => ctx.data.place(id.as_str()).map(Selected::Place),
            Some(Selection::Route(id)) => ctx.data.route(id.as_str()).map(Selected::Route),
            _ => None,
        })
    });
    let selected_id = move || match selected.get() {
        Some(Selected::Place(p)) => Some(p.id.as_str()),
        Some(Selected::Route(r)) => Some(r.id.as_str()),
        None => None,
    };
    // Only when the reader changes the selection, not on first render; never in an embed, whose
    // detail sits right under the map.
    let embedded = ctx.embed.is_some();
    Effect::new(move |previous: Option<Option<String>>| {
        let current = selected_id().map(str::to_string);
        if !embedded && previous.is_some_and(|previous| previous != current) && current.is_some() {
            crate::ui::browser::reveal_on_narrow_screens("detail-heading");
        }
        current
    });
    let routes = ctx
        .data
        .routes
        .iter()
        .map(|route| {
            view! {
                <li>
                    <a
                        href=move || ctx.href(Selection::Route(route.id.clone()))
                        aria-current=move || (selected_id() == Some(route.id.as_str())).then_some("true")
                        data-route=route.id.as_str().to_string()
                    >
                        <span class="place-name">{move || ctx.text(&route.name)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let places = ctx
        .data
        .places
        .iter()
        .map(|place| {
            view! {
                <li>
                    <a
                        href=move || ctx.href(Selection::Place(place.id.clone()))
                        aria-current=move || (selected_id() == Some(place.id.as_str())).then_some("true")
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
    // Each list is one tab stop (its selected link, else its first); the arrows move within it.
    let route_list = NodeRef::<leptos::html::Ul>::new();
    let place_list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let selected = selected_id();
        for (list, key) in [(route_list, "data-route"), (place_list, "data-place")] {
            if let Some(list) = list.get() {
                roving::reset(&list, "a", key, selected);
            }
        }
    });
    let list_keys = move |list: NodeRef<leptos::html::Ul>, key: &'static str| {
        move |ev: leptos::ev::KeyboardEvent| {
            if let Some(list) = list.get_untracked() {
                roving::on_key(&list, "a", key, &ev);
            }
        }
    };
    let lists = view! {
        <div class="lists">
            {embedded.then(|| view! { <canvas::RouteWidthNote/> })}
            <h3>{move || ctx.t(|s| &s.routes_heading)}</h3>
            <ul class="place-list route-list" node_ref=route_list on:keydown=list_keys(route_list, "data-route")>{routes}</ul>
            <h3>{move || ctx.t(|s| &s.map_list_label)}</h3>
            <ul class="place-list" node_ref=place_list on:keydown=list_keys(place_list, "data-place")>{places}</ul>
        </div>
    };
    let detail_of = |selected: Selected| match selected {
        Selected::Place(place) => view! { <PlaceDetail place=place/> }.into_any(),
        Selected::Route(route) => view! { <RouteDetail route=route/> }.into_any(),
    };
    let below_map = if embedded {
        // The panel is updated in place: each new selection scrolls it back to its top. It is a
        // focusable region, so the keyboard can scroll it too.
        let panel = NodeRef::<leptos::html::Div>::new();
        Effect::new(move |_| {
            selected.track();
            if let Some(panel) = panel.get_untracked() {
                panel.set_scroll_top(0);
            }
        });
        Either::Left(view! {
            {move || selected.get().map(|selected| view! {
                <div class="embed-detail" node_ref=panel role="region" tabindex="0" aria-labelledby="detail-heading">
                    {detail_of(selected)}
                </div>
            })}
            <details class="map-lists">
                <summary>{move || ctx.t(|s| &s.map_lists_summary)}</summary>
                {lists}
            </details>
            <canvas::MapDownload/>
        })
    } else {
        Either::Right(lists)
    };
    // On a wide screen the selected item's detail sits beside the map; on a phone right under
    // it, where the tap was. The lists, the map's text alternative, follow.
    let beside_map = move || (!embedded).then(|| selected.get().map(detail_of));
    view! {
        <section class="view map-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_map)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.map_intro)}</p>
            {(!embedded).then(|| view! { <p class="keys-hint">{move || ctx.t(|s| &s.map_keys_hint)}</p> })}
            {move || ctx.last_event.get().and_then(|id| ctx.data.event(id.as_str())).filter(|e| !e.places.is_empty()).map(|event| view! {
                <p class="event-highlight">
                    <span class="event-ring-key" aria-hidden="true"></span>
                    {move || ctx.t(|s| &s.map_event_places)} " "
                    <a href=move || ctx.href(Selection::Event(event.id.clone()))>{move || ctx.text(&event.title)}</a>
                </p>
            })}
            <div class="map-layout" class:has-detail=move || !embedded && selected.with(Option::is_some)>
                <canvas::MapCanvas/>
                {beside_map}
            </div>
            {below_map}
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
                    <a href=move || ctx.href(Selection::Event(event.id.clone()))>
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

#[component]
fn RouteDetail(route: &'static Route) -> impl IntoView {
    let ctx = Ctx::use_context();
    let path = route
        .path
        .iter()
        .filter_map(|id| ctx.data.place(id.as_str()))
        .map(|place| {
            view! {
                <li>
                    <a href=move || ctx.href(Selection::Place(place.id.clone()))>{move || ctx.text(&place.name)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="detail" aria-labelledby="detail-heading">
            <h3 id="detail-heading">{move || ctx.text(&route.name)}</h3>
            <p class="summary">{move || ctx.text(&route.summary)}</p>
            <h4>{move || ctx.t(|s| &s.label_path)}</h4>
            <ol class="route-path">{path}</ol>
            {route.volume.as_ref().map(|volume| view! {
                <h4>{move || ctx.t(|s| &s.label_volume)}</h4>
                <p>{move || ctx.text(volume)}</p>
            })}
            <DisagreementNote note=&route.note/>
            <Sources ids=&route.sources/>
        </article>
    }
}
