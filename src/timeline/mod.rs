//! The timeline view: eras as bands, event markers on a time axis (a list on phones), a legend
//! that filters by category, zoom, keyboard movement, the homicide-rate chart on the same axis,
//! and the selected event's detail with its sources. The rules (and the layout parameters) live in
//! [`state`]; this file only renders them. The selection is the URL's: it is read from
//! `ctx.state` and passed into the state's methods, never copied into it.

pub mod state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::{self, History};
use crate::data::{Category, Dataset, Event, Priority, Series};
use crate::picture::chart::{bar_chart, Bar, ChartStyle, Panel, Slots};
use crate::picture::{self, DownloadImage, Picture};
use crate::ui::cite::{
    format_date, format_date_untracked, precision_label, DisagreementNote, SeriesSources, Sources,
};
use crate::ui::pressed::PressedButton;
use crate::url_state::{Selection, ViewState};
use crate::Ctx;
use content::Lang;
use state::{fraction_of, Item, Marker, TimelineState, Zoom};

/// The indicator drawn under the timeline.
pub const CHART_SERIES: &str = "ecuador-homicide-rate";
/// Below this width the timeline is a vertical list (`LayoutParams::NARROW`) instead of the
/// axis (`LayoutParams::WIDE`).
const NARROW_QUERY: &str = "(max-width: 47.99rem)";

/// The timeline's state for the dataset: every event, over the years the data covers.
pub fn initial_state(data: &Dataset) -> TimelineState {
    let items: Vec<Item> = data
        .events
        .iter()
        .map(|e| Item {
            // The first day the date covers: positions then follow the events' order exactly.
            at: year_fraction_start(e.date.start),
            category: e.categories.first().copied().unwrap_or(Category::Politics),
        })
        .collect();
    let first = data.events.first().map_or(1999, |e| e.date.start.year());
    let last = data
        .events
        .iter()
        .map(|e| e.date.last().year())
        .max()
        .unwrap_or(first);
    TimelineState::new(items, (f64::from(first), f64::from(last + 1)))
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let narrow = crate::ui::browser::media_query_signal(NARROW_QUERY);
    // Laid out for this screen from the start; `follow_screen_width` follows later changes.
    let mut state = initial_state(data);
    state.set_narrow(narrow.get_untracked());
    // The filter the reader chose stays when they come back from another view or a presentation.
    ctx.filter.with_untracked(|filter| {
        for category in Category::ALL.into_iter().filter(|&c| !filter.is_shown(c)) {
            state.toggle(category);
        }
    });
    let timeline = RwSignal::new(state);
    let selected_index = Memo::new(move |_| {
        let id = ctx.state.with(|s| s.event().cloned())?;
        data.events.iter().position(|e| e.id == id)
    });
    reveal_selection(timeline, selected_index);
    follow_screen_width(timeline, narrow);
    let selected = Memo::new(move |_| selected_index.get().and_then(|i| data.events.get(i)));
    // What the eras, the axis and the chart draw depends only on the window, not on the selection.
    let time_window = Memo::new(move |_| timeline.with(TimelineState::window));
    // Set by the arrow keys, so focus follows the selection only when the keyboard moved it.
    let keyboard_moved = StoredValue::new(false);
    follow_selection(data, selected_index, keyboard_moved);
    let on_keydown = on_timeline_key(ctx, timeline, selected_index, keyboard_moved);
    let on_wheel = on_pinch_zoom(timeline);
    let detail = DetailSlot {
        list: NodeRef::new(),
        slot: NodeRef::new(),
        home: NodeRef::new(),
        // An embed's list scrolls in its own box: its detail stays under it.
        in_list: Signal::derive(move || narrow.get() && ctx.embed.is_none()),
    };
    view! {
        <section class="view timeline-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_timeline)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.timeline_intro)}</p>
            <div class="timeline-controls">
                <Legend timeline=timeline/>
                <ZoomControls timeline=timeline selected_index=selected_index/>
            </div>
            <div class="timeline-frame" on:wheel=on_wheel>
                <Eras timeline=timeline window=time_window/>
                <Markers timeline=timeline selected_index=selected_index on_keydown=on_keydown detail=detail/>
                <Axis window=time_window/>
            </div>
            <p class="keys-hint">{move || ctx.t(|s| &s.timeline_keys_hint)}</p>
            // Screen readers hear the selected event's title, not the whole panel.
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {move || selected.get().map(|e| format!("{}. {}", format_date(&ctx, &e.date), ctx.text(&e.title)))}
            </p>
            // The detail right under the axis, where the eye is after a click; the chart, on the
            // same time scale, below it. An embed keeps to an article's size: the list and the
            // detail scroll in bounded boxes (style/main.css) and the chart folds away.
            // On phones the slot moves into the list, under the selected event (`place_detail`).
            <span class="detail-home" node_ref=detail.home hidden></span>
            <div class="detail-slot" node_ref=detail.slot>
                {move || {
                    let event = selected.get();
                    // Put where it will be read before it is drawn (a tap's answer is then
                    // revealed where it is).
                    detail.place(detail.in_list.get_untracked(), event);
                    event.map(|event| view! { <EventDetail event=event/> })
                }}
            </div>
            {match ctx.embed {
                None => view! {
                    <div class="timeline-chart"><HomicideChart window=time_window/></div>
                }.into_any(),
                Some(_) => view! {
                    <details class="timeline-chart">
                        <summary>{move || chart_name(&ctx)}</summary>
                        <HomicideChart window=time_window/>
                    </details>
                }.into_any(),
            }}
        </section>
    }
}

/// Brings each new selection into the timeline's view (an effect on the selection only).
fn reveal_selection(timeline: RwSignal<TimelineState>, selected_index: Memo<Option<usize>>) {
    // The URL is the source of the selection; the state keeps no copy of it. When it changes the
    // timeline brings it into view (its own filter, zoom and window), zooming in where it would
    // be hidden in a cluster.
    Effect::new(move |_| {
        let index = selected_index.get();
        timeline.update(|t| t.reveal(index));
    });
}

/// Switches the timeline's layout when the screen width crosses `NARROW_QUERY`.
fn follow_screen_width(timeline: RwSignal<TimelineState>, narrow: ReadSignal<bool>) {
    // A change of screen width switches between the axis and the phone list.
    Effect::new(move |_| {
        let narrow = narrow.get();
        if timeline.with_untracked(|t| t.is_narrow_change(narrow)) {
            timeline.update(|t| t.set_narrow(narrow));
        }
    });
}

/// Focuses each new selection's marker (after the arrow keys), or reveals its detail on phones.
fn follow_selection(
    data: &'static Dataset,
    selected_index: Memo<Option<usize>>,
    keyboard_moved: StoredValue<bool>,
) {
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = selected_index.get();
        let changed = previous.is_none_or(|p| p != current);
        if changed && current.is_some() {
            if keyboard_moved.get_value() {
                keyboard_moved.set_value(false);
                focus_event_marker(data, current);
            } else {
                // Also on arrival from a deep link: on a phone the detail sits below the list;
                // on a wide screen under the axis, perhaps just below the fold.
                crate::ui::browser::reveal_on_narrow_screens("detail-heading");
                crate::ui::browser::reveal_heading("detail-heading");
            }
        }
        current
    });
}

/// The timeline's keydown handler: the arrow keys, Home and End move the selection.
fn on_timeline_key(
    ctx: Ctx,
    timeline: RwSignal<TimelineState>,
    selected_index: Memo<Option<usize>>,
    keyboard_moved: StoredValue<bool>,
) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev: leptos::ev::KeyboardEvent| {
        // The keys in an event's detail (open in the phone list) are the detail's own.
        let in_detail = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest(".detail-slot").ok().flatten().is_some());
        if in_detail {
            return;
        }
        let current = selected_index.get_untracked();
        let target = timeline.with_untracked(|t| match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(t.next(current)),
            "ArrowLeft" | "ArrowUp" => Some(t.previous(current)),
            "Home" => Some(t.first()),
            "End" => Some(t.last()),
            _ => None,
        });
        if let Some(target) = target {
            ev.prevent_default();
            keyboard_moved.set_value(true);
            if target == current {
                focus_event_marker(ctx.data, target);
            } else {
                step_to(ctx, target);
            }
        }
    }
}

/// Selects the event at `index`, if any, replacing the current history entry.
fn step_to(ctx: Ctx, index: Option<usize>) {
    // The keys replace the history entry (ten presses should not need ten Backs); a click on a
    // marker adds one.
    if let Some(event) = index.and_then(|i| ctx.data.events.get(i)) {
        let state = ViewState::of(Selection::Event(event.id.clone()));
        router::navigate(&ctx.keep_lang(state), History::Replace);
    }
}

/// The timeline frame's wheel handler: a pinch zooms in or out around the pointer.
fn on_pinch_zoom(timeline: RwSignal<TimelineState>) -> impl Fn(leptos::ev::WheelEvent) + 'static {
    // Pinch on a trackpad (sent as ctrl + wheel) zooms around the pointer; a plain wheel keeps
    // scrolling the page.
    move |ev: leptos::ev::WheelEvent| {
        if !ev.ctrl_key() || ev.delta_y() == 0.0 {
            return;
        }
        ev.prevent_default();
        let fraction = pointer_fraction(&ev);
        timeline.update(|t| {
            if ev.delta_y() < 0.0 {
                let at = t.moment_at(fraction);
                t.zoom_in_at(at);
            } else {
                t.zoom_out();
            }
        });
    }
}

/// The pointer's place across the wheel event's element, as a fraction of its width (else 0.5).
fn pointer_fraction(ev: &leptos::ev::WheelEvent) -> f64 {
    ev.current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|frame| {
            let rect = frame.get_bounding_client_rect();
            (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0)
        })
        .unwrap_or(0.5)
}

/// Focuses the marker of the event at `index`, if there is one.
fn focus_event_marker(data: &Dataset, index: Option<usize>) {
    if let Some(event) = index.and_then(|i| data.events.get(i)) {
        focus_marker(event.id.as_str());
    }
}

/// Moves focus to an event's marker once the page has drawn the new selection.
fn focus_marker(event_id: &str) {
    let selector = format!(".markers a[data-event=\"{event_id}\"]");
    request_animation_frame(move || {
        let marker = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(marker) = marker {
            let _ = marker.focus();
        }
    });
}

/// The category legend, which is also the filter: each entry toggles its category.
#[component]
fn Legend(timeline: RwSignal<TimelineState>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let counts = timeline.with_untracked(|t| t.counts());
    let buttons = Category::ALL
        .into_iter()
        .zip(counts)
        .map(|(category, count)| {
            let shown = move || timeline.with(|t| t.is_shown(category));
            view! {
                <li>
                    <PressedButton
                        pressed=Signal::derive(shown)
                        on_press=move || {
                            timeline.update(|t| t.toggle(category));
                            ctx.filter.update(|f| f.toggle(category));
                        }
                        {..}
                        class="legend-item"
                        data-category=category.key()
                    >
                        <span class="shape" aria-hidden="true"></span>
                        {move || ctx.text(ctx.data.strings.categories.get(category))}
                        " "
                        <span class="count">"(" {count} ")"</span>
                    </PressedButton>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="legend" role="group" aria-labelledby="legend-label">
            <span id="legend-label" class="control-label">{move || ctx.t(|s| &s.filter_label)}</span>
            <ul>{buttons}</ul>
        </div>
    }
}

/// The zoom levels (centred on the selection, if any) and panning.
#[component]
fn ZoomControls(
    timeline: RwSignal<TimelineState>,
    selected_index: Memo<Option<usize>>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let levels = Zoom::ALL
        .into_iter()
        .map(|zoom| {
            let label = move || match zoom {
                Zoom::All => ctx.t(|s| &s.zoom_all),
                Zoom::Decade => ctx.t(|s| &s.zoom_decade),
                Zoom::Year => ctx.t(|s| &s.zoom_year),
            };
            view! {
                <PressedButton
                    pressed=Signal::derive(move || timeline.with(|t| t.zoom() == zoom))
                    on_press=move || {
                        let selected = selected_index.get_untracked();
                        timeline.update(|t| t.set_zoom(zoom, selected));
                    }
                    {..}
                    data-zoom=zoom.key()
                >
                    {label}
                </PressedButton>
            }
        })
        .collect_view();
    let zoomed = move || timeline.with(|t| t.zoom() != Zoom::All);
    view! {
        <div class="zoom-controls" role="group" aria-labelledby="zoom-label">
            <span id="zoom-label" class="control-label">{move || ctx.t(|s| &s.zoom_label)}</span>
            {levels}
            <button type="button" data-pan="earlier" disabled=move || !zoomed() on:click=move |_| timeline.update(|t| t.pan(-0.5))>
                "◀ " {move || ctx.t(|s| &s.pan_earlier)}
            </button>
            <button type="button" data-pan="later" disabled=move || !zoomed() on:click=move |_| timeline.update(|t| t.pan(0.5))>
                {move || ctx.t(|s| &s.pan_later)} " ▶"
            </button>
        </div>
    }
}

/// Era bands behind the axis, stacked where they overlap.
#[component]
fn Eras(timeline: RwSignal<TimelineState>, window: Memo<(f64, f64)>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let span_end = timeline.with_untracked(|t| t.span().1);
    let spans: Vec<(f64, f64)> = ctx
        .data
        .eras
        .iter()
        .map(|era| {
            let start = year_fraction_start(era.start.start);
            let end = era
                .end
                .map_or(span_end, |end| year_fraction_end(end.last()));
            (start, end)
        })
        .collect();
    let rows = state::rows(&spans);
    let bands = ctx
        .data
        .eras
        .iter()
        .zip(spans)
        .zip(rows)
        .map(|((era, (start, end)), row)| {
            let left = move || fraction_of(window.get(), start).clamp(0.0, 1.0);
            let right = move || fraction_of(window.get(), end).clamp(0.0, 1.0);
            view! {
                <li
                    class="era"
                    data-era=era.id.as_str().to_string()
                    data-row=row
                    style:left=move || format!("{:.3}%", left() * 100.0)
                    style:width=move || format!("{:.3}%", (right() - left()) * 100.0)
                    style:top=format!("{}rem", row as f64 * 1.6)
                    class:hidden=move || right() - left() <= 0.0
                >
                    <span class="era-name">{move || ctx.text(&era.name)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="eras-block">
            <h3 class="visually-hidden">{move || ctx.t(|s| &s.eras_label)}</h3>
            <ul class="eras">{bands}</ul>
        </div>
    }
}

fn year_fraction_start(point: crate::data::Point) -> f64 {
    let (y, m, d) = point.first_day();
    crate::data::Point::Day(y, m, d).as_year_fraction()
}

fn year_fraction_end(point: crate::data::Point) -> f64 {
    let (y, m, d) = point.last_day();
    crate::data::Point::Day(y, m, d).as_year_fraction()
}

/// The event markers: a list, laid out on the axis on wide screens and as a list on phones.
///
/// There can be hundreds of markers, so they are written as one HTML string (every data text
/// escaped) instead of node by node: a filter or zoom change re-renders them in a few
/// milliseconds. One delegated click handler serves them all: a plain click on an event's link
/// is followed at once (a new history entry), a click on a cluster zooms in; positions are set
/// through the CSSOM (allowed by a strict CSP).
#[component]
fn Markers(
    timeline: RwSignal<TimelineState>,
    selected_index: Memo<Option<usize>>,
    on_keydown: impl Fn(leptos::ev::KeyboardEvent) + 'static,
    detail: DetailSlot,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    // The markers, laid out with the state's own parameters (the axis or the phone list, each
    // bounded by its marker cap; the rest are clusters that zoom in), the selection always its
    // own marker; with the width of the layout grid their x positions are in.
    let layout = Memo::new(move |_| {
        let selected = selected_index.get();
        timeline.with(|t| (t.layout_params().width, t.markers(selected)))
    });
    let empty = move || layout.with(|(_, markers)| markers.is_empty());
    let list = detail.list;
    let labels = NodeRef::<leptos::html::Div>::new();
    // The selection the markers were last drawn or patched with.
    let drawn_selection = StoredValue::new(None::<usize>);
    redraw_markers(ctx, list, layout, selected_index, drawn_selection, detail);
    follow_selected_marker(ctx, list, selected_index, drawn_selection);
    Effect::new(move |_| {
        let in_list = detail.in_list.get();
        let selected = selected_index
            .get_untracked()
            .and_then(|i| ctx.data.events.get(i));
        detail.place(in_list, selected);
    });
    // The core events' short labels over the axis (wide screens; the phone list shows titles),
    // placed with the list's width as last observed, so a selection never reads the layout.
    let axis_px = crate::ui::browser::observed_client_width(list);
    Effect::new(move |_| {
        let selected = selected_index.get();
        let lang = ctx.lang.get();
        let axis_px = axis_px.get();
        let Some(labels) = labels.get() else {
            return;
        };
        let on_axis = timeline.with(|t| t.layout_params().min_gap > 0.0);
        layout.with(|(width, markers)| {
            draw_axis_labels(
                &ctx, axis_px, &labels, markers, *width, selected, lang, on_axis,
            );
        });
    });
    let on_click = on_marker_click(ctx, timeline);
    view! {
        <div class="axis-labels" node_ref=labels aria-hidden="true"></div>
        <ol
            class="markers"
            node_ref=list
            aria-label=move || ctx.t(|s| &s.timeline_list_label)
            on:keydown=on_keydown
            on:click=on_click
        ></ol>
        {move || empty().then(|| view! { <p class="no-events">{move || ctx.t(|s| &s.no_events_visible)}</p> })}
    }
}

/// Redraws every marker when the list is mounted or the layout or the language changes.
fn redraw_markers(
    ctx: Ctx,
    list: NodeRef<leptos::html::Ol>,
    layout: Memo<(f64, Vec<Marker>)>,
    selected_index: Memo<Option<usize>>,
    drawn_selection: StoredValue<Option<usize>>,
    detail: DetailSlot,
) {
    // All markers are redrawn when the layout or the language changes...
    Effect::new(move |_| {
        let Some(list) = list.get() else {
            return;
        };
        let selected = selected_index.get_untracked();
        let lang = ctx.lang.get();
        drawn_selection.set_value(selected);
        // The detail is taken out of the list before the list is rewritten, and put back after.
        let event = selected.and_then(|i| ctx.data.events.get(i));
        detail.place(false, event);
        layout.with(|(width, markers)| {
            let width = *width;
            list.set_inner_html(&markers_html(&ctx, markers, width, selected, lang));
            position_markers(&list, markers, width);
        });
        detail.place(detail.in_list.get_untracked(), event);
    });
}

/// Where the selected event's detail is shown: under the axis (its home, after the `home`
/// marker), or on phones in the list itself, under the selected event, so a tap opens the event
/// in place and the reader keeps their place in the list. The slot is one element the app owns;
/// only where it sits changes.
#[derive(Clone, Copy)]
struct DetailSlot {
    /// The markers' list.
    list: NodeRef<leptos::html::Ol>,
    slot: NodeRef<leptos::html::Div>,
    home: NodeRef<leptos::html::Span>,
    in_list: Signal<bool>,
}

impl DetailSlot {
    /// Puts the slot under `selected`'s marker (`in_list`, when that marker is drawn) or home.
    /// When it leaves an item above the new one, the page scrolls by what the list lost, so the
    /// item just tapped stays under the reader's finger.
    fn place(&self, in_list: bool, selected: Option<&Event>) {
        let (Some(list), Some(slot), Some(home)) = (
            self.list.get_untracked(),
            self.slot.get_untracked(),
            self.home.get_untracked(),
        ) else {
            return;
        };
        let (list, slot, home): (&web_sys::Element, &web_sys::Element, &web_sys::Element) =
            (&list, &slot, &home);
        // Event ids are kebab-case (checked by the build), safe in a selector.
        let item = selected
            .filter(|_| in_list)
            .and_then(|event| {
                list.query_selector(&format!("a.marker[data-event=\"{}\"]", event.id))
                    .ok()
                    .flatten()
            })
            .and_then(|marker| marker.parent_element());
        let parent = slot.parent_element();
        match item {
            Some(item) if parent.as_ref() == Some(&item) => {}
            Some(item) => {
                let was_in_list = parent.as_ref().is_some_and(|p| list.contains(Some(p)));
                let before = item.get_bounding_client_rect().top();
                let _ = item.append_child(slot);
                let moved = item.get_bounding_client_rect().top() - before;
                if was_in_list && moved.abs() >= 1.0 {
                    window().scroll_by_with_x_and_y(0.0, moved);
                }
            }
            None if home.next_element_sibling().as_ref() == Some(slot) => {}
            None => {
                let _ = home.after_with_node_1(slot);
            }
        }
    }
}

/// Moves the selection mark and tab stop when only the selection changes.
fn follow_selected_marker(
    ctx: Ctx,
    list: NodeRef<leptos::html::Ol>,
    selected_index: Memo<Option<usize>>,
    drawn_selection: StoredValue<Option<usize>>,
) {
    // ...while a new selection only moves `aria-current` and the tab stop: rewriting every marker
    // made the browser lay the whole list out again on each click.
    Effect::new(move |_| {
        let selected = selected_index.get();
        let Some(list) = list.get_untracked() else {
            return;
        };
        if drawn_selection.get_value() == selected {
            return;
        }
        drawn_selection.set_value(selected);
        patch_selection(&list, selected.and_then(|i| ctx.data.events.get(i)));
    });
}

/// The markers' delegated click handler: follows an event's link, or zooms into a cluster.
fn on_marker_click(
    ctx: Ctx,
    timeline: RwSignal<TimelineState>,
) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev: leptos::ev::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // A plain click on an event follows its link at once, instead of waiting a task for the
        // browser's own fragment navigation (a few milliseconds of every selection).
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        let link = target
            .as_ref()
            .and_then(|el| el.closest("a.marker").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let (true, Some(href)) = (plain, link) {
            if router::follow_link(ctx.data, &href, History::Push) {
                ev.prevent_default();
            }
            return;
        }
        let cluster = target.and_then(|el| el.closest(".cluster").ok().flatten());
        let at = cluster
            .and_then(|el| el.get_attribute("data-at"))
            .and_then(|at| at.parse::<f64>().ok());
        if let Some(at) = at {
            timeline.update(|t| t.zoom_in_at(at));
        }
    }
}

/// All the markers' HTML, with the single tab stop on the selection's own marker (or the first).
fn markers_html(
    ctx: &Ctx,
    markers: &[Marker],
    width: f64,
    selected: Option<usize>,
    lang: Lang,
) -> String {
    let tab_stop = selected
        .filter(|&s| markers.iter().any(|m| m.first == s && m.count == 1))
        .or_else(|| markers.first().map(|m| m.first));
    let cluster_label = ctx.data.strings.cluster_label.get(lang);
    let mut html = String::with_capacity(markers.len() * 400);
    for marker in markers {
        write_marker(
            &mut html,
            ctx,
            marker,
            width,
            selected,
            tab_stop,
            cluster_label,
        );
    }
    html
}

/// Draws the short labels of the core events whose markers stand alone, placed so that none
/// overlaps another (`state::place_labels`; the selection's first, in bold), in two rows above the
/// markers, `axis_px` CSS pixels wide. Empty off the axis (the phone list) or before it has a width.
#[allow(clippy::too_many_arguments)]
fn draw_axis_labels(
    ctx: &Ctx,
    axis_px: f64,
    labels: &web_sys::HtmlElement,
    markers: &[Marker],
    width: f64,
    selected: Option<usize>,
    lang: Lang,
    on_axis: bool,
) {
    use crate::ui::html::escape;
    use std::fmt::Write;
    /// The label's type size in CSS pixels (`.axis-label`), and a generous average glyph width.
    const FONT_PX: f64 = 12.0;
    const GLYPH: f64 = 0.6;
    if !on_axis || axis_px <= 0.0 {
        labels.set_inner_html("");
        return;
    }
    let units_per_px = width / axis_px;
    let mut candidates: Vec<(usize, f64, f64)> = markers
        .iter()
        .filter(|m| m.count == 1)
        .filter_map(|m| {
            let short = ctx.data.events.get(m.first)?.short.as_ref()?.get(lang);
            let text_px = short.chars().count() as f64 * FONT_PX * GLYPH + 8.0;
            Some((m.first, m.x, text_px * units_per_px))
        })
        .collect();
    // The selection's label wins its place; the others in time order.
    candidates.sort_by_key(|&(event, _, _)| Some(event) != selected);
    let placed = state::place_labels(&candidates, width, 2, 6.0 * units_per_px);
    let mut html = String::new();
    for label in &placed {
        if let Some(short) = ctx
            .data
            .events
            .get(label.event)
            .and_then(|e| e.short.as_ref())
        {
            let class = if Some(label.event) == selected {
                "axis-label selected"
            } else {
                "axis-label"
            };
            let _ = write!(
                html,
                r#"<span class="{class}">{}</span>"#,
                escape(short.get(lang))
            );
        }
    }
    labels.set_inner_html(&html);
    style_children(labels, &placed, |style, label: &state::AxisLabel| {
        let _ = style.set_property("left", &format!("{:.3}%", label.left / width * 100.0));
        let _ = style.set_property("width", &format!("{:.3}%", label.width / width * 100.0));
        let _ = style.set_property("bottom", &format!("{:.2}rem", label.row as f64 * 1.1));
    });
}

/// Styles `parent`'s children in order, one per item, through the CSSOM.
fn style_children<T>(
    parent: &web_sys::Element,
    items: &[T],
    apply: impl Fn(&web_sys::CssStyleDeclaration, &T),
) {
    let children = parent.children();
    for (i, item) in items.iter().enumerate() {
        if let Some(child) = children
            .item(i as u32)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            apply(&child.style(), item);
        }
    }
}

/// Places the drawn markers (the list's children, in order) through the CSSOM.
fn position_markers(list: &web_sys::Element, markers: &[Marker], width: f64) {
    style_children(list, markers, |style, marker| {
        let _ = style.set_property("left", &format!("{:.3}%", marker.x / width * 100.0));
        let _ = style.set_property("top", &format!("{:.2}rem", marker.lane as f64 * 1.5));
    });
}

/// Moves the selection mark and the single tab stop of the drawn markers to `selected` (or, when
/// it is not drawn on its own, the tab stop to the first event marker), as `write_marker` would.
fn patch_selection(list: &web_sys::Element, selected: Option<&Event>) {
    if let Ok(current) = list.query_selector_all("[aria-current], [tabindex=\"0\"]") {
        for i in 0..current.length() {
            if let Some(el) = current
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.remove_attribute("aria-current");
                let _ = el.set_attribute("tabindex", "-1");
            }
        }
    }
    let marker = selected.and_then(|event| {
        list.query_selector(&format!("a[data-event=\"{}\"]", event.id))
            .ok()
            .flatten()
    });
    if let Some(marker) = &marker {
        let _ = marker.set_attribute("aria-current", "true");
    }
    let tab_stop = marker.or_else(|| list.query_selector("a.marker, .cluster").ok().flatten());
    if let Some(tab_stop) = tab_stop {
        let _ = tab_stop.set_attribute("tabindex", "0");
    }
}

/// One marker's HTML: a link for an event, a button for a cluster. `width` is the layout grid's
/// width, in the units of `marker.x`.
fn write_marker(
    out: &mut String,
    ctx: &Ctx,
    marker: &Marker,
    width: f64,
    selected: Option<usize>,
    tab_stop: Option<usize>,
    cluster_label: &str,
) {
    use crate::ui::html::escape;
    use std::fmt::Write;
    let Some(event) = ctx.data.events.get(marker.first) else {
        return;
    };
    let edge = edge_class(marker, width);
    if marker.count > 1 {
        write_cluster(out, event, marker, edge, cluster_label);
        return;
    }
    let category = event
        .categories
        .first()
        .copied()
        .unwrap_or(Category::Politics);
    let href = ctx.href(Selection::Event(event.id.clone()));
    let _ = write!(
        out,
        r#"<li class="marker-item{edge}" data-category="{category}"><a class="marker{core}" href="{href}" data-event="{id}" tabindex="{tabindex}"{current}><span class="shape" aria-hidden="true"></span><span class="marker-text"><time datetime="{datetime}">{date}</time> <span class="event-title">{title}</span></span></a></li>"#,
        category = category.key(),
        core = if event.priority == Priority::Core {
            " core"
        } else {
            ""
        },
        href = escape(&href),
        id = escape(event.id.as_str()),
        tabindex = if tab_stop == Some(marker.first) {
            "0"
        } else {
            "-1"
        },
        current = if selected == Some(marker.first) {
            r#" aria-current="true""#
        } else {
            ""
        },
        datetime = event.date,
        date = escape(&format_date_untracked(ctx, &event.date)),
        title = escape(ctx.data_text_untracked(&event.title)),
    );
}

/// The class (with its leading space) of a marker near either end of the grid, or "".
fn edge_class(marker: &Marker, width: f64) -> &'static str {
    if marker.x < width * 0.15 {
        " near-start"
    } else if marker.x > width * 0.85 {
        " near-end"
    } else {
        ""
    }
}

/// A cluster's HTML: a button, labelled with its count, that zooms in at its first event.
fn write_cluster(
    out: &mut String,
    event: &Event,
    marker: &Marker,
    edge: &str,
    cluster_label: &str,
) {
    use crate::ui::html::escape;
    use std::fmt::Write;
    let label = cluster_label.replace("{n}", &marker.count.to_string());
    let _ = write!(
        out,
        r#"<li class="marker-item cluster-item{edge}"><button type="button" class="cluster" tabindex="-1" data-at="{at}" aria-label="{label}">+{count}<span class="cluster-text" aria-hidden="true">{label}</span></button></li>"#,
        at = event.date.start.as_year_fraction(),
        label = escape(&label),
        count = marker.count,
    );
}

/// Year ticks under the markers.
#[component]
fn Axis(window: Memo<(f64, f64)>) -> impl IntoView {
    let ticks = move || {
        window.with(|&w| {
            let (start, end) = w;
            let width = end - start;
            let step = if width > 12.0 {
                5
            } else if width > 1.5 {
                1
            } else {
                0
            };
            let first = start.ceil() as i32;
            let last = end.floor() as i32;
            (first..=last)
                .filter(|y| step == 0 || y % step == 0)
                .map(|y| (y, fraction_of(w, f64::from(y))))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol class="axis" aria-hidden="true">
            <For
                each=ticks
                key=|(year, x)| (*year, (x * 1000.0) as i64)
                children=|(year, x)| view! { <li style:left=format!("{:.3}%", x * 100.0)>{year}</li> }
            />
        </ol>
    }
}

/// Ecuador's homicide rate per year, on the timeline's axis, with its source.
/// The chart's title: its series' name.
fn chart_name(ctx: &Ctx) -> String {
    ctx.data
        .series(CHART_SERIES)
        .map(|series| ctx.text(&series.name))
        .unwrap_or_default()
}

#[component]
fn HomicideChart(window: Memo<(f64, f64)>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let Some(series) = ctx.data.series(CHART_SERIES) else {
        return ().into_any();
    };
    let max = homicide_max(series);
    let bars = series
        .points
        .iter()
        .map(|point| {
            let year = f64::from(point.year);
            let left = move || fraction_of(window.get(), year);
            let right = move || fraction_of(window.get(), year + 1.0);
            let visible = move || right() > 0.0 && left() < 1.0;
            let value = point.value;
            let label = move || {
                format!("{}: {}", point.year, crate::ui::cite::format_number(&ctx, value))
            };
            view! {
                <li
                    class="bar"
                    tabindex=move || if visible() { "0" } else { "-1" }
                    class:hidden=move || !visible()
                    style:left=move || format!("{:.3}%", left().clamp(0.0, 1.0) * 100.0)
                    style:width=move || format!("{:.3}%", (right().min(1.0) - left().max(0.0)).max(0.0) * 100.0)
                    data-year=point.year
                >
                    <span class="bar-fill" style:height=format!("{:.1}%", value / max * 100.0)></span>
                    <span class="bar-value">{label}</span>
                </li>
            }
        })
        .collect_view();
    let figure = NodeRef::<leptos::html::Figure>::new();
    view! {
        <figure class="chart" aria-labelledby="chart-heading" node_ref=figure>
            <figcaption>
                <h3 id="chart-heading">{move || ctx.text(&series.name)} " (" {move || ctx.text(&series.unit)} ")"</h3>
                <p class="chart-hint">{move || ctx.t(|s| &s.chart_hint)}</p>
            </figcaption>
            <ol class="bars">{bars}</ol>
            <SeriesSources series=series/>
            <DownloadImage picture=move || homicide_picture(ctx, series, max, window, figure)/>
        </figure>
    }
    .into_any()
}

/// The homicide chart as shown: the years of the timeline's window that have data, on the same
/// scale as the page, in the theme's colours.
fn homicide_picture(
    ctx: Ctx,
    series: &'static Series,
    max: f64,
    window: Memo<(f64, f64)>,
    figure: NodeRef<leptos::html::Figure>,
) -> Option<(Picture, String)> {
    let lang = ctx.lang.get_untracked();
    let on_screen = figure
        .get_untracked()
        .map_or(0.0, |f| f64::from(f.client_width()));
    let palette = picture::browser::palette();
    let body = homicide_drawing(
        series,
        max,
        window.get_untracked(),
        &palette,
        picture::drawing_width(on_screen),
        lang,
    )?;
    let title = homicide_title(series, lang);
    let sources = picture::sources_of(&ctx, series.sources.iter());
    let picture = picture::picture(&ctx, title, body, palette, sources, None);
    Some((
        picture,
        picture::file_stem(&picture::said(&ctx, |s| &s.picture.file_homicide)),
    ))
}

/// The homicide chart's drawing: the years of `window` (fractional years, as the timeline's axis
/// has them) that have data, on the scale `max`. The printed handout draws the whole series with
/// it; `None` for a series without points.
pub fn homicide_drawing(
    series: &Series,
    max: f64,
    (from, to): (f64, f64),
    palette: &picture::Palette,
    width: f64,
    lang: content::Lang,
) -> Option<picture::Body> {
    let (first, last) = (series.points.first()?.year, series.points.last()?.year);
    let from = from.floor().max(f64::from(first));
    let to = to.ceil().min(f64::from(last) + 1.0);
    let bars: Vec<Bar> = series
        .points
        .iter()
        .filter(|p| f64::from(p.year) >= from && f64::from(p.year) < to)
        .map(|p| Bar {
            year: p.year,
            value: p.value,
            value_text: content::format::number(p.value, lang),
        })
        .collect();
    let style = ChartStyle {
        colour: palette.alarm.clone(),
        bar_ratio: 0.7,
        slots: Slots::Years(from, to),
        plot_height: 160.0,
    };
    let panel = Panel {
        caption: None,
        bars,
        message: None,
    };
    Some(bar_chart(&[panel], max, &style, palette, width))
}

/// The homicide chart's title: "Homicide rate (per 100,000 people)".
pub fn homicide_title(series: &Series, lang: content::Lang) -> String {
    format!("{} ({})", series.name.get(lang), series.unit.get(lang))
}

/// The top of the homicide chart's scale: its largest value (at least 1).
pub fn homicide_max(series: &Series) -> f64 {
    series
        .points
        .iter()
        .map(|p| p.value)
        .fold(0.0_f64, f64::max)
        .max(1.0)
}

/// One event's card alone, for an embed of a single event (`?embed=event&id=…`): the article
/// that wants one moment gets its date, title, summary and sources, with the header's way to the
/// full explainer at that event.
#[component]
pub fn EventCard() -> impl IntoView {
    let ctx = Ctx::use_context();
    let event = move || {
        ctx.state
            .with(|s| s.event().and_then(|id| ctx.data.event(id.as_str())))
    };
    view! {
        <section class="view event-card" aria-labelledby="view-heading">
            <h2 id="view-heading" class="visually-hidden">{move || ctx.t(|s| &s.view_timeline)}</h2>
            {move || event().map(|event| view! { <EventDetail event=event/> })}
        </section>
    }
}

/// One event: title, date, categories, summary, places, the note where sources disagree, and
/// its sources. The app shows the selected one; the static first view (`crate::first_view`)
/// renders every one at build time, each with its own `heading_id`.
#[component]
pub fn EventDetail(
    event: &'static Event,
    #[prop(optional, into)] heading_id: Option<String>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let heading_id = heading_id.unwrap_or_else(|| "detail-heading".to_string());
    let labelled_by = heading_id.clone();
    let places = event
        .places
        .iter()
        .filter_map(|id| ctx.data.place(id.as_str()))
        .map(|place| {
            view! {
                <li>
                    <a href=move || ctx.href(Selection::Place(place.id.clone()))>
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
        <article
            class="detail"
            aria-labelledby=labelled_by
            // In an embed the detail scrolls in its own box, which the keyboard must reach.
            tabindex=ctx.embed.map(|_| "0")
        >
            <h3 id=heading_id>{move || ctx.text(&event.title)}</h3>
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

#[cfg(test)]
mod tests {
    use super::*;

    // The chart's series is named in code; it must exist in the data.
    #[test]
    fn the_chart_series_exists() {
        assert!(crate::data::dataset().series(CHART_SERIES).is_some());
    }

    // Keyboard order (by index) and visual order (by position) must agree.
    #[test]
    fn positions_follow_the_event_order() {
        let state = initial_state(crate::data::dataset());
        let positions: Vec<f64> = (0..state.len())
            .filter_map(|i| state.item(i).map(|item| item.at))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_span_covers_every_event() {
        let data = crate::data::dataset();
        let state = initial_state(data);
        let (start, end) = state.span();
        for event in data.events.iter() {
            let at = year_fraction_start(event.date.start);
            assert!(
                at >= start && at <= end,
                "{} at {at} outside {start}..{end}",
                event.id
            );
        }
        assert_eq!(state.len(), data.events.len());
    }
}
