//! The story mode (`#story/<step>`): a guided walk through the crisis, one step of
//! `data/story.toml` at a time. The paragraph, its sources and the stepper sit beside the live
//! view on wide screens and above it on phones; the live view shows what the step sets in each
//! view: its events on a strip of the whole timeline, its routes and places lit on the map, the
//! homicide curve up to its year and the compared row. Each step is a link, and opens the full
//! view it shows with its state. Steps move by the buttons, the ←/→ keys (Page Up/Down,
//! Home/End) and a horizontal swipe; the logic is plain Rust in `state.rs`.

pub mod state;

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::{navigate, History};
use crate::data::{Dataset, StoryStep, StoryView};
use crate::route_map::projection::{flow_path, geometry, project, route_points};
use crate::ui::cite::{format_date, format_number, SeriesSources, SourceRefs, Sources};
use crate::url_state::Selection;
use crate::Ctx;
use state::{
    curve_path, curve_xy, full_view, key_move, share_of_span, swipe_move, Move, StoryState,
};

/// The story, stepped through; or, `single` (an embed of one step, `?embed=step&id=…`), the
/// address's step alone, without the stepper, the keys or the swipe.
#[component]
pub fn StoryView(#[prop(optional)] single: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let story = Memo::new(move |_| ctx.state.with(|s| StoryState::at(data, s.step())));
    let step = Memo::new(move |_| story.get().step(data).map(|s| s.id.clone()));
    let go = move |to: Move, history: History| -> bool {
        match story.get_untracked().apply(to) {
            Some(next) => {
                navigate(&ctx.keep_lang(next.view_state(data)), history);
                true
            }
            None => false,
        }
    };

    // The keys work anywhere on the page, except in a form field or with a modifier held.
    // A single step (an embed of one) has no keys.
    let keys = (!single).then(|| {
        window_event_listener(leptos::ev::keydown, move |event: web_sys::KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            let in_field = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    el.closest("input, select, textarea, dialog[open]")
                        .ok()
                        .flatten()
                        .is_some()
                });
            if in_field {
                return;
            }
            if let Some(to) = key_move(&event.key()) {
                if go(to, History::Replace) {
                    event.prevent_default();
                }
            }
        })
    });
    on_cleanup(move || {
        if let Some(keys) = keys {
            keys.remove();
        }
    });

    // A horizontal swipe (touch or pen) moves the story; a vertical one scrolls the page.
    let swipe_start = StoredValue::new(None::<(f64, f64)>);
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        let touch = matches!(ev.pointer_type().as_str(), "touch" | "pen");
        swipe_start.set_value(touch.then(|| (f64::from(ev.client_x()), f64::from(ev.client_y()))));
    };
    let on_pointerup = move |ev: web_sys::PointerEvent| {
        if let Some((x, y)) = swipe_start.get_value().filter(|_| !single) {
            swipe_start.set_value(None);
            let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
            if let Some(to) = swipe_move(dx, dy) {
                go(to, History::Push);
            }
        }
    };
    let on_pointercancel = move |_: web_sys::PointerEvent| swipe_start.set_value(None);

    let total = data.story.len();
    let progress = move || {
        ctx.t(|s| &s.story.step_of)
            .replace("{n}", &(story.get().index() + 1).to_string())
            .replace("{total}", &total.to_string())
    };
    let next_label = move || {
        if story.get().is_last() {
            ctx.t(|s| &s.story.restart)
        } else {
            ctx.t(|s| &s.story.next)
        }
    };
    let on_next = move |_| {
        let to = if story.get_untracked().is_last() {
            Move::First
        } else {
            Move::Next
        };
        go(to, History::Push);
    };

    view! {
        <section
            class="view story-view"
            aria-labelledby="view-heading"
            data-step=move || step.get().map(|s| s.to_string())
        >
            <div
                class="story-narrative"
                on:pointerdown=on_pointerdown
                on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel
            >
                <p class="story-progress" aria-live="polite" aria-atomic="true">
                    <span class="story-count">{progress}</span>
                    <span class="visually-hidden">": " {move || story.get().step(data).map(|s| ctx.text(&s.title))}</span>
                </p>
                {move || story.get().step(data).map(|step| view! { <Narrative step=step/> })}
                {(!single).then(|| view! {
                <div class="story-controls">
                    <button
                        type="button"
                        class="story-prev"
                        disabled=move || story.get().is_first()
                        on:click=move |_| {
                            go(Move::Prev, History::Push);
                        }
                    >
                        <span aria-hidden="true">"← "</span>
                        {move || ctx.t(|s| &s.story.previous)}
                    </button>
                    <button type="button" class="story-next" on:click=on_next>
                        {next_label}
                        <span aria-hidden="true">" →"</span>
                    </button>
                </div>
                <p class="story-hint">{move || ctx.t(|s| &s.story.keys_hint)}</p>
                <StepList story=story/>
                })}
                {move || story.get().step(data).map(|step| view! { <Sources ids=&step.sources under_h2=true/> })}
            </div>
            <div class="story-stage" role="region" aria-label=move || ctx.t(|s| &s.story.stage_label)>
                {move || story.get().step(data).map(|step| view! { <Stage step=step/> })}
            </div>
        </section>
    }
}

/// The step's title, paragraph, sources and the link to the full view it shows.
#[component]
fn Narrative(step: &'static StoryStep) -> impl IntoView {
    let ctx = Ctx::use_context();
    let open_label = move || match step.view {
        StoryView::Timeline => ctx.t(|s| &s.story.open_timeline),
        StoryView::Map => ctx.t(|s| &s.story.open_map),
        StoryView::Policies => ctx.t(|s| &s.story.open_policies),
    };
    let full = full_view(ctx.data, step);
    let full_slug = full.view.slug();
    view! {
        <h2 id="view-heading" class="story-title">{move || ctx.text(&step.title)}</h2>
        <p class="story-text">{move || ctx.text(&step.text)}</p>
        <a class="story-open" href=move || ctx.href_state(full.clone()) data-view=full_slug>
            {open_label}
            <span aria-hidden="true">" →"</span>
        </a>
    }
}

/// Every step as a numbered link, the current one marked.
#[component]
fn StepList(story: Memo<StoryState>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let items = ctx
        .data
        .story
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let current = move || story.get().index() == i;
            view! {
                <li>
                    <a
                        href=move || ctx.href(Selection::Step(step.id.clone()))
                        aria-current=move || current().then_some("step")
                        data-step=step.id.to_string()
                    >
                        <span aria-hidden="true">{i + 1}</span>
                        <span class="visually-hidden">{i + 1} ". " {move || ctx.text(&step.title)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="story-steps" aria-label=move || ctx.t(|s| &s.story.steps_label)>
            <ol>{items}</ol>
        </nav>
    }
}

/// The live view: what the step sets in each view, the view it opens first.
#[component]
fn Stage(step: &'static StoryStep) -> impl IntoView {
    match step.view {
        StoryView::Timeline => view! {
            <TimelinePanel step=step/>
            <CurvePanel step=step/>
            <MapPanel step=step/>
            <ComparisonPanel step=step/>
        }
        .into_any(),
        StoryView::Map => view! {
            <MapPanel step=step/>
            <TimelinePanel step=step/>
            <CurvePanel step=step/>
            <ComparisonPanel step=step/>
        }
        .into_any(),
        StoryView::Policies => view! {
            <ComparisonPanel step=step/>
            <CurvePanel step=step/>
            <TimelinePanel step=step/>
            <MapPanel step=step/>
        }
        .into_any(),
    }
}

/// The whole timeline as a strip with the step's events lit, then those events as links.
#[component]
fn TimelinePanel(step: &'static StoryStep) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let strip = timeline_strip(data, step);
    let items = step
        .events
        .iter()
        .filter_map(|id| data.event(id.as_str()))
        .map(|event| {
            view! {
                <li class="lit" data-event=event.id.to_string()>
                    <a href=move || ctx.href(Selection::Event(event.id.clone()))>
                        <span class="story-date">{move || format_date(&ctx, &event.date)}</span>
                        " "
                        {move || ctx.text(&event.title)}
                    </a>
                </li>
            }
        })
        .collect_view();
    (!step.events.is_empty()).then(|| {
        view! {
            <section class="story-panel story-timeline">
                <h3>{move || ctx.t(|s| &s.story.timeline_heading)}</h3>
                <div class="story-figure story-strip" inner_html=strip></div>
                <ol class="story-list">{items}</ol>
            </section>
        }
    })
}

/// The strip: every event as a tick from the first year to the last, the step's events lit, the
/// two end years written. Hidden from screen readers: the list under it says the same.
fn timeline_strip(data: &Dataset, step: &StoryStep) -> String {
    const W: f64 = 1000.0;
    let years = data.events.iter().map(|e| e.date.start.year());
    let (Some(from), Some(to)) = (years.clone().min(), years.max()) else {
        return String::new();
    };
    let mut svg = format!(
        r#"<svg viewBox="0 0 {W} 60" preserveAspectRatio="none" aria-hidden="true" focusable="false"><line class="axis" x1="0" y1="30" x2="{W}" y2="30"/>"#
    );
    let mut lit = String::new();
    for event in data.events.iter() {
        let x = share_of_span(event.date.start.as_year_fraction(), from, to) * W;
        if step.events.contains(&event.id) {
            let _ = write!(
                lit,
                r#"<rect class="lit" data-event="{}" x="{:.1}" y="8" width="10" height="44" rx="3"/>"#,
                crate::ui::html::escape(event.id.as_str()),
                x - 5.0
            );
        } else {
            let _ = write!(
                svg,
                r#"<line class="tick" x1="{x:.1}" y1="22" x2="{x:.1}" y2="38"/>"#
            );
        }
    }
    svg.push_str(&lit);
    svg.push_str("</svg>");
    let _ = write!(
        svg,
        r#"<div class="story-strip-years" aria-hidden="true"><span>{from}</span><span>{to}</span></div>"#
    );
    svg
}

/// The map with the step's routes and places lit (the others faint), then those as links.
#[component]
fn MapPanel(step: &'static StoryStep) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    if step.places.is_empty() && step.routes.is_empty() {
        return None;
    }
    let figure = map_figure(data, &step.places, &step.routes);
    let routes = step
        .routes
        .iter()
        .filter_map(|id| data.route(id.as_str()))
        .map(|route| {
            view! {
                <li class="lit" data-route=route.id.to_string()>
                    <a href=move || ctx.href(Selection::Route(route.id.clone()))>{move || ctx.text(&route.name)}</a>
                </li>
            }
        })
        .collect_view();
    let places = step
        .places
        .iter()
        .filter_map(|id| data.place(id.as_str()))
        .map(|place| {
            view! {
                <li class="lit" data-place=place.id.to_string()>
                    <a href=move || ctx.href(Selection::Place(place.id.clone()))>{move || ctx.text(&place.name)}</a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="story-panel story-map">
            <h3>{move || ctx.t(|s| &s.story.map_heading)}</h3>
            <div class="story-figure story-map-figure" inner_html=figure></div>
            <ul class="story-list story-map-list">{routes}{places}</ul>
        </section>
    })
}

/// The map as SVG markup with these places and routes lit: the region when everything lit lies
/// in it, else the world. Also drawn beside a presentation's map slides.
pub fn map_figure(
    data: &Dataset,
    places: &[crate::data::PlaceId],
    routes: &[crate::data::RouteId],
) -> String {
    let (view_box, shapes) = map_drawing(data, places, routes);
    let [x, y, w, h] = view_box;
    format!(
        r#"<svg viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">{shapes}</svg>"#
    )
}

/// The drawing of [`map_figure`] without its `<svg>`: the view box it needs (`[x, y, w, h]` in
/// map units) and its groups of land, routes and places, styled by class. The printed handout
/// puts it in a picture of its own size.
pub fn map_drawing(
    data: &Dataset,
    places: &[crate::data::PlaceId],
    routes: &[crate::data::RouteId],
) -> ([f64; 4], String) {
    let lit_places: Vec<&crate::data::Place> = places
        .iter()
        .chain(
            routes
                .iter()
                .filter_map(|r| data.route(r.as_str()))
                .flat_map(|r| r.path.iter()),
        )
        .filter_map(|p| data.place(p.as_str()))
        .collect();
    let [rx, ry, rw, rh] = geometry::REGION_VIEW_BOX;
    let in_region = lit_places.iter().all(|p| {
        let (x, y) = project(p.lat, p.lon);
        x >= rx && x <= rx + rw && y >= ry && y <= ry + rh
    });
    let (view_box, shapes) = if in_region {
        (geometry::REGION_VIEW_BOX, geometry::REGION)
    } else {
        (geometry::WORLD_VIEW_BOX, geometry::WORLD)
    };
    let [_, _, w, _] = view_box;
    // Marker sizes in map units: about the same share of the figure at either scale.
    let r = w / 110.0;
    let mut svg = String::from(r#"<g class="land">"#);
    for shape in shapes {
        let _ = write!(svg, r#"<path d="{}"/>"#, shape.d);
    }
    svg.push_str(r#"</g><g class="routes">"#);
    let mut lit = String::new();
    for route in data.routes.iter() {
        let points = route_points(data, route);
        let d = flow_path(&points, 0.12);
        if routes.contains(&route.id) {
            let _ = write!(
                lit,
                r#"<path class="route lit" data-route="{}" d="{d}"/>"#,
                crate::ui::html::escape(route.id.as_str())
            );
        } else {
            let _ = write!(svg, r#"<path class="route" d="{d}"/>"#);
        }
    }
    svg.push_str(&lit);
    svg.push_str(r#"</g><g class="places">"#);
    for place in data.places.iter().filter(|p| places.contains(&p.id)) {
        let (px, py) = project(place.lat, place.lon);
        let _ = write!(
            svg,
            r#"<circle class="place lit" data-place="{}" cx="{px:.1}" cy="{py:.1}" r="{r:.2}"/>"#,
            crate::ui::html::escape(place.id.as_str())
        );
    }
    svg.push_str("</g>");
    (view_box, svg)
}

/// The homicide curve up to the step's year, on the scale of the whole series, with its sources.
#[component]
fn CurvePanel(step: &'static StoryStep) -> impl IntoView {
    let ctx = Ctx::use_context();
    let (series, shown) = step.curve(ctx.data)?;
    let until = step.until?;
    const W: f64 = 300.0;
    const H: f64 = 120.0;
    let from = series.points.first()?.year;
    let to = series.points.last()?.year;
    let max = series.points.iter().map(|p| p.value).fold(0.0, f64::max);
    let values: Vec<(i32, f64)> = shown.iter().map(|p| (p.year, p.value)).collect();
    let whole: Vec<(i32, f64)> = series.points.iter().map(|p| (p.year, p.value)).collect();
    let drawn = curve_path(&values, from, to, max, W, H);
    let ghost = curve_path(&whole, from, to, max, W, H);
    let dots = curve_xy(&values, from, to, max, W, H)
        .into_iter()
        .map(|(x, y)| format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5"/>"#))
        .collect::<String>();
    let last = *shown.last()?;
    let svg = format!(
        r#"<svg viewBox="-6 -8 {} {}" aria-hidden="true" focusable="false"><line class="axis" x1="0" y1="{H}" x2="{W}" y2="{H}"/><path class="ghost" d="{ghost}"/><path class="curve" d="{drawn}"/><g class="dots">{dots}</g></svg><div class="story-strip-years" aria-hidden="true"><span>{from}</span><span>{to}</span></div>"#,
        W + 12.0,
        H + 16.0
    );
    let heading = move || {
        ctx.t(|s| &s.story.curve_heading)
            .replace("{year}", &until.to_string())
    };
    // The values in words: the figure's text alternative.
    let described = move || {
        let values: Vec<String> = shown
            .iter()
            .map(|p| format!("{}: {}", p.year, format_number(&ctx, p.value)))
            .collect();
        format!(
            "{} ({}): {}",
            ctx.text(&series.name),
            ctx.text(&series.unit),
            values.join("; ")
        )
    };
    Some(view! {
        <section class="story-panel story-curve" data-until=until>
            <h3>{heading}</h3>
            <p class="story-curve-last">
                <strong>{move || format_number(&ctx, last.value)}</strong>
                " " {move || ctx.text(&series.unit)} " (" {last.year} ")"
            </p>
            <div class="story-figure" inner_html=svg></div>
            <p class="visually-hidden">{described}</p>
            <SeriesSources series=series/>
        </section>
    })
}

/// The compared row: what the sources say about the two programmes on the step's row.
#[component]
fn ComparisonPanel(step: &'static StoryStep) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let (left, right) = step.pair()?;
    let dimension = data.dimension(step.dimension.as_ref()?.as_str())?;
    let cells = [left, right]
        .into_iter()
        .filter_map(|id| data.policy(id.as_str()))
        .map(|policy| {
            let cell = data.cell(&policy.id, &dimension.id);
            view! {
                <div class="story-cell" data-policy=policy.id.to_string()>
                    <h4>{move || ctx.text(&policy.name)}</h4>
                    {match cell {
                        Some(cell) => view! {
                            <p>{move || ctx.text(&cell.text)} " " <SourceRefs ids=&cell.sources/></p>
                        }.into_any(),
                        None => view! { <p>{move || ctx.t(|s| &s.label_no_cell)}</p> }.into_any(),
                    }}
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <section class="story-panel story-comparison" data-dimension=dimension.id.to_string()>
            <h3>{move || ctx.t(|s| &s.story.comparison_heading)} ": " {move || ctx.text(&dimension.label)}</h3>
            <div class="story-cells">{cells}</div>
        </section>
    })
}
