//! The printed handout: the timeline as a dated list with sources, the policy comparison in view
//! as a table, and the route list. Drawn only when the page is about to print (the browser's
//! `beforeprint`, or the Print button), and shown only by the print stylesheet.

use leptos::prelude::*;

use crate::data::SourceId;
use crate::policies::comparison::{default_pair, rows};
use crate::ui::cite::{citation_text, format_date};
use crate::Ctx;

/// Full citations for a list of source ids, in one line (a printed page cannot open a short one).
fn sources_line(ctx: &Ctx, ids: &[SourceId]) -> String {
    ids.iter()
        .filter_map(|id| ctx.data.source(id.as_str()))
        .map(|source| citation_text(ctx, source))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn Handout() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let label = move |pick: fn(&crate::data::Strings) -> &content::Text| ctx.t(pick);

    let events = data.events_in_date_order()
        .into_iter()
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

    let pair = ctx
        .state
        .with_untracked(|s| s.pair().cloned())
        .or_else(|| default_pair(data));
    let comparison = pair.and_then(|pair| {
        let left = data.policy(pair.left.as_str())?;
        let right = data.policy(pair.right.as_str())?;
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
        Some(view! {
            <table>
                <thead>
                    <tr><td></td><th scope="col">{ctx.text(&left.name)}</th><th scope="col">{ctx.text(&right.name)}</th></tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        })
    });

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

    let address = window().location().href().unwrap_or_default();
    let address = crate::embed::base_url(&address).to_string();
    view! {
        <div class="handout">
            <h1>{label(|s| &s.app_title)}</h1>
            <p>{label(|s| &s.app_subtitle)}</p>
            <p>{label(|s| &s.tools.handout_source)} " " {address}</p>
            <section>
                <h2>{label(|s| &s.tools.handout_timeline)}</h2>
                <ol class="handout-events">{events}</ol>
            </section>
            <section>
                <h2>{label(|s| &s.tools.handout_comparison)}</h2>
                {comparison}
            </section>
            <section>
                <h2>{label(|s| &s.tools.handout_routes)}</h2>
                <ul class="handout-routes">{routes}</ul>
            </section>
        </div>
    }
}
