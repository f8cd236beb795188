//! The printed handout, in the scope the teacher picked (`scope.rs` says what each holds): the
//! two-page class sheet (the lede and its key number, the homicide chart, the story's steps, the
//! sources as numbered short citations), the view on screen, the story, or the full reference
//! (the story, every event as a dated list with sources, the policy comparison as a table with
//! its pair's small charts, the routes). The homicide chart, the map and the pair's charts are
//! the pictures "Download image" writes, drawn from the same code, in the light theme, inline (no
//! request). Drawn only when the page is about to
//! print (the browser's `beforeprint`, or the Print dialog), and shown only by the print stylesheet.

use leptos::prelude::*;

use super::scope::{number_citations, refs_text, Contents, HandoutScope, StoryDetail};
use crate::data::{PlaceId, Policy, RouteId, SourceId, Strings};
use crate::picture::{self, svg_document_with_ids, Body, Palette};
use crate::policies::comparison::{default_pair, rows, Pair};
use crate::policies::{pair_drawing, pair_rows};
use crate::timeline::{homicide_drawing, homicide_max, homicide_title, CHART_SERIES};
use crate::ui::cite::{citation_text, format_date, format_number};
use crate::url_state::{Selection, View};
use crate::Ctx;
use content::Text;

/// The width of a picture's drawing in the handout, in picture pixels (the page scales it to the
/// column).
const PICTURE_WIDTH: f64 = 720.0;
/// The homicide chart is drawn wider, so that at the column's width it stays low on the page.
const CHART_WIDTH: f64 = 960.0;

/// Full citations for a list of source ids, in one line (a printed page cannot open a short one).
fn sources_line(ctx: &Ctx, ids: &[SourceId]) -> String {
    ids.iter()
        .filter_map(|id| ctx.data.source(id.as_str()))
        .map(|source| citation_text(ctx, source))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The homicide chart over its whole series, as "Download image" draws it, in the light theme.
fn chart_picture(ctx: &Ctx) -> Option<String> {
    let lang = ctx.lang.get_untracked();
    let series = ctx.data.series(CHART_SERIES)?;
    let palette = Palette::default();
    let (first, last) = (series.points.first()?.year, series.points.last()?.year);
    let window = (f64::from(first), f64::from(last) + 1.0);
    let body = homicide_drawing(
        series,
        homicide_max(series),
        window,
        &palette,
        CHART_WIDTH,
        lang,
    )?;
    let sources = picture::sources_of(ctx, series.sources.iter());
    let picture = picture::picture(
        ctx,
        homicide_title(series, lang),
        body,
        palette,
        sources,
        None,
    );
    Some(svg_document_with_ids(&picture, 1.0, "handout-chart"))
}

/// The two programmes compared: the pair in view, or the default pair.
fn comparison_pair(ctx: &Ctx) -> Option<(Pair, &'static Policy, &'static Policy)> {
    let data = ctx.data;
    let pair = ctx
        .state
        .with_untracked(|s| s.pair().cloned())
        .or_else(|| default_pair(data))?;
    let left = data.policy(pair.left.as_str())?;
    let right = data.policy(pair.right.as_str())?;
    Some((pair, left, right))
}

/// The map with `places` and `routes` lit, as a picture with its title, the routes' sources and
/// the Natural Earth credit (the story's map drawing, in the picture document "Download image"
/// writes).
fn map_picture(ctx: &Ctx, places: &[PlaceId], routes: &[RouteId]) -> String {
    let ([x, y, w, h], shapes) = crate::story::map_drawing(ctx.data, places, routes);
    let height = (PICTURE_WIDTH * h / w).round();
    let markup = format!(
        r#"<svg class="handout-map" width="{PICTURE_WIDTH}" height="{height}" viewBox="{x:.1} {y:.1} {w:.1} {h:.1}" preserveAspectRatio="xMidYMid meet">{shapes}</svg>"#
    );
    let body = Body {
        markup,
        width: PICTURE_WIDTH,
        height,
        framed: true,
    };
    let sources = picture::sources_of(
        ctx,
        routes
            .iter()
            .filter_map(|id| ctx.data.route(id.as_str()))
            .flat_map(|route| route.sources.iter()),
    );
    let picture = picture::picture(
        ctx,
        picture::said(ctx, |s| &s.map_title),
        body,
        Palette::default(),
        sources,
        Some(picture::said(ctx, |s| &s.map_credit)),
    );
    svg_document_with_ids(&picture, 1.0, "handout-map")
}

/// What the map picture lights: the route or place selected on the map, when printing the map in
/// view; the story's routes and places for the story; every route for the full reference.
fn map_subject(ctx: &Ctx, scope: HandoutScope, view: View) -> (Vec<PlaceId>, Vec<RouteId>) {
    let data = ctx.data;
    let every_route = || data.routes.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let story =
        scope == HandoutScope::Story || (scope == HandoutScope::View && view == View::Story);
    if story {
        let mut places: Vec<PlaceId> = Vec::new();
        let mut routes: Vec<RouteId> = Vec::new();
        for step in data.story.iter() {
            for id in step.places.iter() {
                if !places.contains(id) {
                    places.push(id.clone());
                }
            }
            for id in step.routes.iter() {
                if !routes.contains(id) {
                    routes.push(id.clone());
                }
            }
        }
        return (places, routes);
    }
    if scope == HandoutScope::View {
        match ctx.state.with_untracked(|s| s.selection.clone()) {
            Some(Selection::Route(id)) => return (Vec::new(), vec![id]),
            Some(Selection::Place(id)) => return (vec![id], Vec::new()),
            _ => {}
        }
    }
    (Vec::new(), every_route())
}

#[component]
pub fn Handout(scope: HandoutScope) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let label = move |pick: fn(&Strings) -> &Text| ctx.t(pick);
    let view_now = ctx.state.with_untracked(|s| s.view);
    let contents = Contents::of(scope, view_now);
    let brief = contents.story == Some(StoryDetail::Brief);

    // The class sheet's numbered sources: the lede's, then each step's.
    let numbered = contents.numbered.then(|| {
        number_citations(
            std::iter::once(picture::short_citations(
                &ctx,
                crate::lede::source_ids(ctx.data),
            ))
            .chain(
                data.story
                    .iter()
                    .map(|s| picture::short_citations(&ctx, s.sources.iter())),
            ),
        )
    });
    let refs = |group: usize| {
        numbered
            .as_ref()
            .and_then(|n| n.refs.get(group))
            .and_then(|r| {
                (!r.is_empty())
                    .then(|| view! { " " <span class="handout-refs">"[" {refs_text(r)} "]"</span> })
            })
    };

    let lede = contents.lede.then(|| {
        let lede = &data.lede;
        let figure = &lede.figure;
        let number = figure.values(data).map(|(from, to)| {
            view! {
                <p class="handout-figure">
                    <strong>{figure.from} " " {format_number(&ctx, from)} " → " {figure.to} " " {format_number(&ctx, to)}</strong>
                    " " {ctx.text(&figure.label)}
                </p>
            }
        });
        let full_sources = (!contents.numbered).then(|| {
            let ids: Vec<SourceId> = crate::lede::source_ids(ctx.data).into_iter().cloned().collect();
            view! { <p class="handout-sources">{label(|s| &s.label_sources)} ": " {sources_line(&ctx, &ids)}</p> }
        });
        view! {
            <section class="handout-lede" aria-label=label(|s| &s.tools.handout_key_number)>
                {number}
                <p>{ctx.text(&lede.text)} {refs(0)}</p>
                {full_sources}
            </section>
        }
    });

    let chart = contents.chart.then(|| chart_picture(&ctx)).flatten();
    let map = contents.map.then(|| {
        let (places, routes) = map_subject(&ctx, scope, view_now);
        map_picture(&ctx, &places, &routes)
    });
    // The pair's small charts, for the comparison in view (or the default pair).
    let pair_charts: Vec<(&'static str, String)> = if contents.pair_charts {
        comparison_pair(&ctx)
            .map(|(_, left, right)| {
                pair_rows(data, left, right)
                    .into_iter()
                    .map(|row| {
                        let picture = pair_drawing(&ctx, row, PICTURE_WIDTH, Palette::default());
                        let id = format!("handout-{}", row.key);
                        (row.key, svg_document_with_ids(&picture, 1.0, &id))
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let pictures = (chart.is_some() || map.is_some() || !pair_charts.is_empty()).then(|| {
        let heading = (!brief).then(|| view! { <h2>{label(|s| &s.tools.handout_pictures)}</h2> });
        view! {
            <section class="handout-pictures">
                {heading}
                {chart.map(|svg| view! { <div class="handout-picture" data-picture="chart" inner_html=svg></div> })}
                {map.map(|svg| view! { <div class="handout-picture" data-picture="map" inner_html=svg></div> })}
                {pair_charts.into_iter().map(|(key, svg)| view! { <div class="handout-picture" data-picture=key inner_html=svg></div> }).collect_view()}
            </section>
        }
    });

    let story = contents.story.map(|detail| {
        let steps = data
            .story
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let sources = (detail == StoryDetail::Full).then(|| view! {
                    <p class="handout-sources">{label(|s| &s.label_sources)} ": " {sources_line(&ctx, &step.sources)}</p>
                });
                view! {
                    <li>
                        <h3>{ctx.text(&step.title)}</h3>
                        <p>{ctx.text(&step.text)} {refs(i + 1)}</p>
                        {sources}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="handout-story">
                <h2>{label(|s| &s.story.label)}</h2>
                <ol class="handout-steps">{steps}</ol>
            </section>
        }
    });

    let timeline = contents.timeline.then(|| {
        let filter = ctx.filter.get_untracked();
        let events = data
            .events_in_date_order()
            .into_iter()
            .filter(|event| !contents.filtered || filter.shows(event))
            .map(|event| {
                view! {
                    <li>
                        <p><strong>{format_date(&ctx, &event.date)}</strong> " — " <strong>{ctx.text(&event.title)}</strong></p>
                        <p>{ctx.text(&event.summary)}</p>
                        {event.note.as_ref().map(|note| view! { <p class="handout-note">{label(|s| &s.label_note)} ": " {ctx.text(note)}</p> })}
                        <p class="handout-sources">{label(|s| &s.label_sources)} ": " {sources_line(&ctx, &event.sources)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section>
                <h2>{label(|s| &s.tools.handout_timeline)}</h2>
                <ol class="handout-events">{events}</ol>
            </section>
        }
    });

    let comparison = contents.comparison.then(|| {
        let table = comparison_pair(&ctx).map(|(pair, left, right)| {
            let cell = move |cell: Option<&'static crate::data::Cell>| match cell {
                Some(cell) => view! {
                    <td>
                        <p>{ctx.text(&cell.text)}</p>
                        {cell.note.as_ref().map(|note| view! { <p class="handout-note">{label(|s| &s.label_note)} ": " {ctx.text(note)}</p> })}
                        <p class="handout-sources">{sources_line(&ctx, &cell.sources)}</p>
                    </td>
                }
                .into_any(),
                None => view! { <td>{label(|s| &s.label_no_cell)}</td> }.into_any(),
            };
            let body = rows(data, &pair)
                .into_iter()
                .map(|row| {
                    view! {
                        <tr>
                            <th scope="row">{ctx.text(&row.dimension.label)}</th>
                            {cell(row.left)}
                            {cell(row.right)}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead>
                        <tr><td></td><th scope="col">{ctx.text(&left.name)}</th><th scope="col">{ctx.text(&right.name)}</th></tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
        });
        view! {
            <section>
                <h2>{label(|s| &s.tools.handout_comparison)}</h2>
                {table}
            </section>
        }
    });

    let routes = contents.routes.then(|| {
        let routes = data
            .routes
            .iter()
            .map(|route| {
                let path = route
                    .path
                    .iter()
                    .filter_map(|id| data.place(id.as_str()))
                    .map(|place| ctx.data_text_untracked(&place.name))
                    .collect::<Vec<_>>()
                    .join(" → ");
                view! {
                    <li>
                        <p><strong>{ctx.text(&route.name)}</strong> " (" {ctx.text(data.strings.commodities.get(route.commodity))} ")"</p>
                        <p>{path}</p>
                        <p>{ctx.text(&route.summary)}</p>
                        <p class="handout-sources">{label(|s| &s.label_sources)} ": " {sources_line(&ctx, &route.sources)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section>
                <h2>{label(|s| &s.tools.handout_routes)}</h2>
                <ul class="handout-routes">{routes}</ul>
            </section>
        }
    });

    // The class sheet's sources: one numbered list of short citations.
    let citations = numbered.as_ref().map(|n| {
        let items = n
            .list
            .iter()
            .map(|citation| view! { <li>{citation.clone()}</li> })
            .collect_view();
        view! {
            <section class="handout-citations">
                <h2>{label(|s| &s.label_sources)}</h2>
                <ol>{items}</ol>
            </section>
        }
    });

    let address = window().location().href().unwrap_or_default();
    let address = crate::embed::base_url(&address).to_string();
    let from = format!("{} {address}", label(|s| &s.tools.handout_source));
    view! {
        <div class="handout" class:class-sheet=brief data-scope=scope.slug()>
            <header class="handout-header">
                {brief.then(|| view! { <p class="handout-kicker">{label(|s| &s.tools.handout_class_sheet)}</p> })}
                <h1>{label(|s| &s.app_title)}</h1>
                <p>{label(|s| &s.app_subtitle)}</p>
                <p class="handout-address">{from}</p>
            </header>
            {lede}
            {pictures}
            {story}
            {timeline}
            {comparison}
            {routes}
            {citations}
        </div>
    }
}
