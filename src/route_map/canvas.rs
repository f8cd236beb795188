//! The drawn map: land from Natural Earth, routes as curved flow lines with arrows, places as
//! markers, at two scales, with layers, zoom and pan. Drawn as one SVG string (every data text
//! escaped) because SVG links must be in the SVG namespace; links need no handlers.

use std::fmt::Write;

use leptos::prelude::*;

use super::projection::{flow_path, geometry, project, route_points, zoomed_view_box, Scale};
use super::{labels, roving};
use crate::data::{Commodity, Lang, Place, PlaceKind, Route};
use crate::picture::{self, Body, DownloadImage, Picture};
use crate::ui::html::escape;
use crate::ui::pressed::PressedButton;
use crate::url_state::Selection;
use crate::Ctx;

const COMMODITIES: [Commodity; 3] = [
    Commodity::Cocaine,
    Commodity::WeaponsAndAmmunition,
    Commodity::Money,
];

/// The routes of the layers shown.
fn shown_routes(data: &'static crate::data::Dataset, layers: [bool; 3]) -> Vec<&'static Route> {
    data.routes
        .iter()
        .filter(|route| {
            COMMODITIES
                .iter()
                .position(|&c| c == route.commodity)
                .is_some_and(|layer| layers[layer])
        })
        .collect()
}

fn commodity_key(c: Commodity) -> &'static str {
    match c {
        Commodity::Cocaine => "cocaine",
        Commodity::WeaponsAndAmmunition => "weapons",
        Commodity::Money => "money",
    }
}

/// The scale that shows a selection best: the region unless it lies outside it.
fn scale_for(ctx: &Ctx, id: Option<&str>) -> Option<Scale> {
    let id = id?;
    let [x, y, w, h] = geometry::REGION_VIEW_BOX;
    let in_region = |lat: f64, lon: f64| {
        let (px, py) = project(lat, lon);
        px >= x && px <= x + w && py >= y && py <= y + h
    };
    if let Some(place) = ctx.data.place(id) {
        return Some(if in_region(place.lat, place.lon) {
            Scale::Region
        } else {
            Scale::World
        });
    }
    let route = ctx.data.route(id)?;
    let all_in = route
        .path
        .iter()
        .filter_map(|p| ctx.data.place(p.as_str()))
        .all(|p| in_region(p.lat, p.lon));
    Some(if all_in { Scale::Region } else { Scale::World })
}

/// The zoom: a factor (1 to 8) and a horizontal and vertical pan (each −0.5 to 0.5 of the view).
type Zoom = RwSignal<(f64, f64, f64)>;

/// The whole scale: no zoom, no pan.
const NO_ZOOM: (f64, f64, f64) = (1.0, 0.0, 0.0);

#[component]
pub fn MapCanvas() -> impl IntoView {
    let ctx = Ctx::use_context();
    let selected = Memo::new(move |_| ctx.state.with(|s| s.map_item().map(str::to_string)));
    let scale =
        RwSignal::new(scale_for(&ctx, selected.get_untracked().as_deref()).unwrap_or(Scale::World));
    let zoom = RwSignal::new(NO_ZOOM);
    let layers = RwSignal::new([true; 3]);
    follow_selection(ctx, selected, scale, zoom);
    let view_box = move || {
        let (factor, dx, dy) = zoom.get();
        let [x, y, w, h] = zoomed_view_box(scale.get().bounds(), factor, dx, dy);
        format!("{x:.1} {y:.1} {w:.1} {h:.1}")
    };

    let svg = NodeRef::<leptos::svg::Svg>::new();
    // The item the arrow keys last reached: it keeps the tab stop across redraws.
    let roved = StoredValue::new(None::<String>);
    redraw(ctx, svg, scale, layers, selected, zoom, roved);
    // One tab stop for every drawn route and place; the arrows move between them.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(svg) = svg.get_untracked() {
            if let Some(item) = roving::on_key(&svg, "a[data-item]", "data-item", &ev) {
                roved.set_value(Some(item));
            }
        }
    };

    view! {
        <div class="map-block">
            <div class="map-toolbar">
                <ScaleButtons scale=scale zoom=zoom/>
                <LayerButtons layers=layers/>
                <ZoomButtons zoom=zoom/>
            </div>
            <figure class="map-figure">
                <svg
                    node_ref=svg
                    class="map"
                    data-scale=move || scale.get().key()
                    viewBox=view_box
                    preserveAspectRatio="xMidYMid meet"
                    aria-labelledby="map-svg-title map-svg-desc"
                    on:wheel=move |ev| pinch_zoom(zoom, ev)
                    on:keydown=on_keydown
                ></svg>
                <MapCaption/>
            </figure>
            {ctx.embed.is_none().then(|| view! { <MapDownload/> })}
        </div>
    }
}

/// The map as drawn now (scale, zoom, layers, selection, theme), with its title, the sources of
/// the routes drawn and the Natural Earth credit.
pub(super) fn map_picture(ctx: Ctx, svg: &web_sys::Element) -> Option<(Picture, String)> {
    use wasm_bindgen::JsCast;
    let (w, h) = (
        f64::from(svg.client_width()),
        f64::from(svg.client_height()),
    );
    if w < 1.0 || h < 1.0 {
        return None;
    }
    let drawn = svg.query_selector_all("a[data-route]").ok()?;
    let routes: Vec<&'static Route> = (0..drawn.length())
        .filter_map(|i| drawn.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .filter_map(|a| a.get_attribute("data-route"))
        .filter_map(|id| ctx.data.route(&id))
        .collect();
    let width = picture::drawing_width(w);
    let height = (h * width / w).round();
    let markup = picture::browser::map_markup(svg, width, height)?;
    let sources = picture::sources_of(&ctx, routes.iter().flat_map(|r| r.sources.iter()));
    let body = Body {
        markup,
        width,
        height,
        framed: true,
    };
    let picture = picture::picture(
        &ctx,
        picture::said(&ctx, |s| &s.map_title),
        body,
        picture::browser::palette(),
        sources,
        Some(picture::said(&ctx, |s| &s.map_credit)),
    );
    Some((
        picture,
        picture::file_stem(&picture::said(&ctx, |s| &s.picture.file_map)),
    ))
}

/// "Download image" for the drawn map, wherever the view places it (under the map; in an embed
/// after the folded lists, so the selected item's detail stays right under the map).
#[component]
pub(super) fn MapDownload() -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <DownloadImage picture=move || {
            let svg = document().query_selector("svg.map").ok().flatten()?;
            map_picture(ctx, &svg)
        }/>
    }
}

/// Follows a new selection to the scale that shows it, back at the whole scale.
fn follow_selection(ctx: Ctx, selected: Memo<Option<String>>, scale: RwSignal<Scale>, zoom: Zoom) {
    Effect::new(move |_| {
        if let Some(next) = scale_for(&ctx, selected.get().as_deref()) {
            if next != scale.get_untracked() {
                scale.set(next);
                zoom.set(NO_ZOOM);
            }
        }
    });
}

/// Redraws the SVG whenever its scale, layers, selection, language, zoom or latest event changes.
fn redraw(
    ctx: Ctx,
    svg: NodeRef<leptos::svg::Svg>,
    scale: RwSignal<Scale>,
    layers: RwSignal<[bool; 3]>,
    selected: Memo<Option<String>>,
    zoom: Zoom,
    roved: StoredValue<Option<String>>,
) {
    Effect::new(move |_| {
        let Some(svg) = svg.get() else {
            return;
        };
        let scale = scale.get();
        let layers = layers.get();
        let selected = selected.get();
        let _lang = ctx.lang.get();
        let (factor, _, _) = zoom.get();
        let event_places: Vec<&str> = ctx
            .last_event
            .get()
            .and_then(|id| ctx.data.event(id.as_str()))
            .map(|e| e.places.iter().map(|p| p.as_str()).collect())
            .unwrap_or_default();
        // Map units per screen pixel, so markers and labels keep one size on a phone and a desktop.
        let visible_width = scale.bounds()[2] / factor.max(1.0);
        let pixels = svg.get_bounding_client_rect().width();
        let per_pixel = if pixels > 50.0 {
            visible_width / pixels
        } else {
            visible_width / 800.0
        };
        let html = roved.with_value(|roved| {
            draw(
                &ctx,
                scale,
                layers,
                selected.as_deref(),
                roved.as_deref(),
                &event_places,
                per_pixel,
            )
        });
        // A redraw replaces the links: the one with focus (Enter on a route selects it) gets it
        // back, so the reader stays where they were.
        let focused = document()
            .active_element()
            .filter(|el| svg.contains(Some(el)))
            .and_then(|el| el.closest("[data-item]").ok().flatten())
            .and_then(|el| el.get_attribute("data-item"));
        svg.set_inner_html(&html);
        if let Some(id) = focused {
            focus_item(&svg, &id);
        }
    });
}

/// Focuses the drawn route or place `id`, without scrolling, and makes it the tab stop.
fn focus_item(svg: &web_sys::SvgElement, id: &str) {
    use wasm_bindgen::JsCast;
    let items = svg.query_selector_all("a[data-item]").ok();
    let Some(items) = items else {
        return;
    };
    for i in 0..items.length() {
        let Some(item) = items
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
        else {
            continue;
        };
        let here = item.get_attribute("data-item").as_deref() == Some(id);
        let _ = item.set_attribute("tabindex", if here { "0" } else { "-1" });
        if here {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = item.focus_with_options(&options);
        }
    }
}

/// Multiplies the zoom factor, kept between 1 and 8.
fn zoom_by(zoom: Zoom, f: f64) {
    zoom.update(|z| z.0 = (z.0 * f).clamp(1.0, 8.0));
}

/// Pans a quarter of the visible view in a direction, kept within half the scale each way.
fn pan(zoom: Zoom, dx: f64, dy: f64) {
    zoom.update(|z| {
        let step = 0.25 / z.0;
        z.1 = (z.1 + dx * step).clamp(-0.5, 0.5);
        z.2 = (z.2 + dy * step).clamp(-0.5, 0.5);
    })
}

/// Pinch on a trackpad (ctrl + wheel) zooms; a plain wheel scrolls the page.
fn pinch_zoom(zoom: Zoom, ev: leptos::ev::WheelEvent) {
    if ev.ctrl_key() && ev.delta_y() != 0.0 {
        ev.prevent_default();
        zoom_by(zoom, if ev.delta_y() < 0.0 { 1.25 } else { 0.8 });
    }
}

/// The scale group: region and world, each showing its whole scale when pressed.
#[component]
fn ScaleButtons(scale: RwSignal<Scale>, zoom: Zoom) -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <div class="map-group" role="group" aria-labelledby="map-scale-label">
            <span id="map-scale-label" class="control-label">{move || ctx.t(|s| &s.map_scale_label)}</span>
            {scale_button(ctx, Scale::Region, scale, zoom)}
            {scale_button(ctx, Scale::World, scale, zoom)}
        </div>
    }
}

/// One scale's button, pressed while the map shows that scale.
fn scale_button(ctx: Ctx, s: Scale, scale: RwSignal<Scale>, zoom: Zoom) -> impl IntoView {
    let label = move || match s {
        Scale::Region => ctx.t(|t| &t.map_scale_region),
        Scale::World => ctx.t(|t| &t.map_scale_world),
    };
    view! {
        <PressedButton
            pressed=Signal::derive(move || scale.get() == s)
            on_press=move || {
                scale.set(s);
                zoom.set(NO_ZOOM);
            }
            {..}
            data-scale=s.key()
        >
            {label}
        </PressedButton>
    }
}

/// The layer group: one toggle per commodity's routes.
#[component]
fn LayerButtons(layers: RwSignal<[bool; 3]>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let buttons = COMMODITIES
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <PressedButton
                    pressed=Signal::derive(move || layers.get()[i])
                    on_press=move || layers.update(|l| l[i] = !l[i])
                    {..}
                    class="layer"
                    data-layer=commodity_key(c)
                >
                    <span class="swatch" aria-hidden="true"></span>
                    {move || ctx.text(ctx.data.strings.commodities.get(c))}
                </PressedButton>
            }
        })
        .collect_view();
    view! {
        <div class="map-group" role="group" aria-labelledby="map-layers-label">
            <span id="map-layers-label" class="control-label">{move || ctx.t(|s| &s.map_layers_label)}</span>
            {buttons}
        </div>
    }
}

/// The zoom group: zoom in and out, pan four ways, and back to the whole scale.
#[component]
fn ZoomButtons(zoom: Zoom) -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <div class="map-group map-zoom">
            <button type="button" data-map="zoom-in" aria-label=move || ctx.t(|s| &s.map_zoom_in) on:click=move |_| zoom_by(zoom, 1.5)>"+"</button>
            <button type="button" data-map="zoom-out" aria-label=move || ctx.t(|s| &s.map_zoom_out) on:click=move |_| zoom_by(zoom, 1.0 / 1.5)>"−"</button>
            <button type="button" data-map="west" aria-label=move || ctx.t(|s| &s.map_pan_west) on:click=move |_| pan(zoom, -1.0, 0.0)>"←"</button>
            <button type="button" data-map="north" aria-label=move || ctx.t(|s| &s.map_pan_north) on:click=move |_| pan(zoom, 0.0, -1.0)>"↑"</button>
            <button type="button" data-map="south" aria-label=move || ctx.t(|s| &s.map_pan_south) on:click=move |_| pan(zoom, 0.0, 1.0)>"↓"</button>
            <button type="button" data-map="east" aria-label=move || ctx.t(|s| &s.map_pan_east) on:click=move |_| pan(zoom, 1.0, 0.0)>"→"</button>
            <button type="button" data-map="reset" on:click=move |_| zoom.set(NO_ZOOM)>{move || ctx.t(|s| &s.map_reset)}</button>
        </div>
    }
}

/// The caption: a key to the place markers, what the routes' width means, and the map's credit.
#[component]
fn MapCaption() -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <figcaption>
            <ul class="map-legend">
                {[
                    ("city", PlaceKind::City),
                    ("port", PlaceKind::Port),
                    ("coca", PlaceKind::CocaRegion),
                    ("border", PlaceKind::BorderCrossing),
                ]
                    .into_iter()
                    .map(|(key, kind)| view! {
                        <li><span class=format!("key key-{key}") aria-hidden="true"></span>{move || ctx.text(ctx.data.strings.place_kinds.get(kind))}</li>
                    })
                    .collect_view()}
            </ul>
            // An embed keeps to an article's size: the note is in its folded lists instead.
            {ctx.embed.is_none().then(|| view! { <RouteWidthNote/> })}
            <p class="map-credit">{move || ctx.t(|s| &s.map_credit)}</p>
        </figcaption>
    }
}

/// What the routes' width means: the same for all (no route has a sourced yearly tonnage), or
/// the tonnage where one has.
#[component]
pub fn RouteWidthNote() -> impl IntoView {
    let ctx = Ctx::use_context();
    let by_volume = ctx.data.routes.iter().any(|r| r.tonnes_per_year.is_some());
    view! {
        <p class="map-width">{move || if by_volume {
            ctx.t(|s| &s.map_width_volume)
        } else {
            ctx.t(|s| &s.map_width_same)
        }}</p>
    }
}

/// The SVG's contents for a scale, layers and selection. `per_pixel` (map units per screen pixel)
/// sizes strokes, markers and names so they keep their size on screen. `roved` is the item the
/// arrow keys last reached, which keeps the tab stop when nothing is selected.
fn draw(
    ctx: &Ctx,
    scale: Scale,
    layers: [bool; 3],
    selected: Option<&str>,
    roved: Option<&str>,
    event_places: &[&str],
    per_pixel: f64,
) -> String {
    let data = ctx.data;
    let routes = shown_routes(data, layers);
    // West to east, so → moves east along the map once past the routes.
    let mut places = labels::drawn_places(data, scale);
    places.sort_by(|a, b| a.1.total_cmp(&b.1));
    let ids: Vec<&str> = routes
        .iter()
        .map(|r| r.id.as_str())
        .chain(places.iter().map(|&(i, _, _)| data.places[i].id.as_str()))
        .collect();
    let tab_stop = ids.get(roving::tab_stop(&ids, &[selected, roved])).copied();
    let selected_route = selected.and_then(|id| data.route(id));
    let mut map = Drawing {
        out: String::with_capacity(64 * 1024),
        ctx,
        lang: ctx.lang.get_untracked(),
        // One unit is three screen pixels: markers about 9 px across, labels about 11 px high.
        unit: 3.0 * per_pixel,
        selected,
        tab_stop,
        on_route: selected_route
            .map(|r| r.path.iter().map(|p| p.as_str()).collect())
            .unwrap_or_default(),
    };
    map.title();
    map.arrow_markers();
    map.land(scale);
    map.routes(&routes, selected_route.is_some());
    map.places(&places, event_places);
    map.labels(scale, &places, event_places);
    map.out
}

/// The SVG string being drawn, and what every layer needs to draw itself into it.
struct Drawing<'a> {
    out: String,
    ctx: &'a Ctx,
    lang: Lang,
    /// Map units per marker unit (three screen pixels).
    unit: f64,
    selected: Option<&'a str>,
    /// The one route or place reached by Tab (the others by the arrow keys).
    tab_stop: Option<&'a str>,
    /// The selected route's places, stressed while the rest of the map steps back.
    on_route: Vec<&'a str>,
}

impl Drawing<'_> {
    /// The SVG's title and description, which name it to screen readers.
    fn title(&mut self) {
        let strings = &self.ctx.data.strings;
        let _ = write!(
            self.out,
            r#"<title id="map-svg-title">{}</title><desc id="map-svg-desc">{}</desc>"#,
            escape(strings.map_title.get(self.lang)),
            escape(strings.map_description.get(self.lang)),
        );
    }

    /// One arrowhead per commodity, for the ends of its routes.
    fn arrow_markers(&mut self) {
        self.out.push_str("<defs>");
        for c in COMMODITIES {
            let _ = write!(
                self.out,
                r#"<marker id="arrow-{k}" class="arrow {k}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>"#,
                k = commodity_key(c)
            );
        }
        self.out.push_str("</defs>");
    }

    /// The land of a scale.
    fn land(&mut self, scale: Scale) {
        self.out.push_str(r#"<g class="land" aria-hidden="true">"#);
        for shape in scale.shapes() {
            let _ = write!(self.out, r#"<path d="{}"/>"#, shape.d);
        }
        self.out.push_str("</g>");
    }

    /// The routes of the layers shown; while one is selected, the others step back (dimmed),
    /// and it is drawn last, on top.
    fn routes(&mut self, routes: &[&Route], route_selected: bool) {
        let _ = write!(
            self.out,
            r#"<g class="routes{}">"#,
            if route_selected { " has-current" } else { "" }
        );
        let selected = self.selected;
        for route in routes.iter().filter(|r| Some(r.id.as_str()) != selected) {
            self.route(route);
        }
        for route in routes.iter().filter(|r| Some(r.id.as_str()) == selected) {
            self.route(route);
        }
        self.out.push_str("</g>");
    }

    /// The `tabindex` of an item: 0 for the group's one tab stop, −1 for the rest.
    fn tabindex(&self, id: &str) -> &'static str {
        if self.tab_stop == Some(id) {
            "0"
        } else {
            "-1"
        }
    }

    /// One route: a curved flow line, wider for more tonnes, linking to the route.
    fn route(&mut self, route: &Route) {
        let (data, lang, selected) = (self.ctx.data, self.lang, self.selected);
        let points = route_points(data, route);
        let key = commodity_key(route.commodity);
        let width = route
            .tonnes_per_year
            .map_or(1.0, |t| 1.0 + (t / 50.0).sqrt())
            * 0.9
            * self.unit;
        let current = selected == Some(route.id.as_str());
        let href = self.ctx.href(Selection::Route(route.id.clone()));
        let _ = write!(
            self.out,
            // Under the drawn line, an invisible one 24 screen px wide takes the pointer (WCAG 2.2
            // target size), however thin the line is drawn (its width is in style/main.css).
            r#"<a href="{href}" class="route {key}{cur}" data-route="{id}" data-item="{id}" tabindex="{tab}" aria-label="{label}"{aria}><path class="hit" d="{d}"/><path d="{d}" stroke-width="{w:.2}" marker-end="url(#arrow-{key})"/></a>"#,
            href = escape(&href),
            cur = if current { " current" } else { "" },
            id = escape(route.id.as_str()),
            tab = self.tabindex(route.id.as_str()),
            label = escape(&format!(
                "{} ({})",
                route.name.get(lang),
                data.strings.commodities.get(route.commodity).get(lang)
            )),
            aria = if current {
                r#" aria-current="true""#
            } else {
                ""
            },
            d = flow_path(&points, 0.12),
            w = if current { width * 1.8 } else { width },
        );
    }

    /// The places drawn at this scale (`labels::drawn_places`), each a link.
    fn places(&mut self, places: &[(usize, f64, f64)], event_places: &[&str]) {
        let data = self.ctx.data;
        let _ = write!(
            self.out,
            r#"<g class="places{}">"#,
            if self.on_route.is_empty() {
                ""
            } else {
                " has-current"
            }
        );
        for &(i, x, y) in places {
            let place = &data.places[i];
            let id = place.id.as_str();
            let on_route = self.on_route.contains(&id);
            self.place(place, (x, y), event_places.contains(&id), on_route);
        }
        self.out.push_str("</g>");
    }

    /// One place at `(x, y)`: a ring if the latest event happened there, and its marker linking
    /// to it.
    fn place(&mut self, place: &Place, (x, y): (f64, f64), of_event: bool, on_route: bool) {
        let (data, lang, unit) = (self.ctx.data, self.lang, self.unit);
        let id = place.id.as_str();
        let current = self.selected == Some(id);
        let r = if current || on_route { 2.4 } else { 1.5 } * unit;
        if of_event {
            let _ = write!(
                self.out,
                r#"<circle class="event-ring" cx="{x:.2}" cy="{y:.2}" r="{:.2}" aria-hidden="true"/>"#,
                r * 2.2
            );
        }
        // An invisible dot 24 screen px across takes the pointer (WCAG 2.2 target size): a
        // zero-length line with round caps, its width in style/main.css.
        let shape = format!(
            r#"<path class="hit" d="M{x:.2} {y:.2}h0"/>{}"#,
            marker(place.kind, x, y, r)
        );
        let kind = data.strings.place_kinds.get(place.kind).get(lang);
        let href = self.ctx.href(Selection::Place(place.id.clone()));
        let _ = write!(
            self.out,
            r#"<a href="{href}" class="place{cur}{ev}{on}" data-place="{id}" data-item="{id}" tabindex="{tab}" aria-label="{label}"{aria}>{shape}<title>{name}</title></a>"#,
            href = escape(&href),
            cur = if current { " current" } else { "" },
            ev = if of_event { " of-event" } else { "" },
            on = if on_route { " on-route" } else { "" },
            tab = self.tabindex(id),
            name = escape(place.name.get(lang)),
            id = escape(id),
            label = escape(&format!("{} ({kind})", place.name.get(lang))),
            aria = if current {
                r#" aria-current="true""#
            } else {
                ""
            },
        );
    }

    /// The names of the selection, its route's places, the latest event's places and the main
    /// places, where they fit (`labels::place_labels`: none overlaps another or a marker). Drawn
    /// above everything and hidden from screen readers (each marker names itself).
    fn labels(&mut self, scale: Scale, places: &[(usize, f64, f64)], event_places: &[&str]) {
        let data = self.ctx.data;
        let style = labels::LabelStyle::for_unit(self.unit);
        let markers: Vec<(usize, labels::Rect)> = places
            .iter()
            .map(|&(i, x, y)| (i, labels::Rect::around(x, y, style.marker_radius)))
            .collect();
        let order = labels::label_order(
            data,
            places,
            self.selected,
            event_places,
            labels::main_place_count(scale),
        );
        let wishes: Vec<labels::LabelWish> = order
            .into_iter()
            .filter_map(|(i, stressed)| {
                let &(_, x, y) = places.iter().find(|(p, _, _)| *p == i)?;
                Some(labels::LabelWish {
                    index: i,
                    x,
                    y,
                    chars: data.places[i].name.get(self.lang).chars().count(),
                    stressed,
                })
            })
            .collect();
        let placed = labels::place_labels(&wishes, &markers, scale.bounds(), style);
        self.out
            .push_str(r#"<g class="labels" aria-hidden="true">"#);
        for label in placed {
            let place = &data.places[label.index];
            let id = place.id.as_str();
            let stressed = self.selected == Some(id) || self.on_route.contains(&id);
            let _ = write!(
                self.out,
                r#"<text x="{:.2}" y="{:.2}" font-size="{:.2}" text-anchor="{}" data-label="{}"{}>{}</text>"#,
                label.x,
                label.y,
                style.font_size,
                label.anchor.svg(),
                escape(id),
                if stressed { r#" class="stressed""# } else { "" },
                escape(place.name.get(self.lang)),
            );
        }
        self.out.push_str("</g>");
    }
}

/// A place's marker of radius `r` at `(x, y)`: a square for a port, a triangle for a coca
/// region, a diamond for a border crossing, a circle otherwise.
fn marker(kind: PlaceKind, x: f64, y: f64, r: f64) -> String {
    match kind {
        PlaceKind::Port | PlaceKind::DestinationPort => format!(
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/>"#,
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        ),
        PlaceKind::CocaRegion => format!(
            r#"<path d="M{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}Z"/>"#,
            x,
            y - 1.3 * r,
            x + 1.2 * r,
            y + r,
            x - 1.2 * r,
            y + r
        ),
        PlaceKind::BorderCrossing => format!(
            r#"<path d="M{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}Z"/>"#,
            x,
            y - 1.3 * r,
            x + 1.3 * r,
            y,
            x,
            y + 1.3 * r,
            x - 1.3 * r,
            y
        ),
        _ => format!(r#"<circle cx="{x:.2}" cy="{y:.2}" r="{r:.2}"/>"#),
    }
}
