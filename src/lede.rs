//! The lede: the story in two or three sentences and one key number (`data/lede.toml`), above
//! the timeline in the app and at the top of the static first view. Its sources are one click
//! away, folded under it as short citations that open the bibliography.

use leptos::prelude::*;

use crate::data::{Dataset, Source, SourceId};
use crate::ui::cite::{citation_text, format_number, short_citation};
use crate::url_state::Selection;
use crate::Ctx;

/// The lede's sources: its sentences', then its figure's (its series' points), each once.
pub fn source_ids(data: &'static Dataset) -> Vec<&'static SourceId> {
    let lede = &data.lede;
    let mut ids: Vec<&'static SourceId> = lede.sources.iter().collect();
    for id in lede.figure.sources(data) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[component]
pub fn Lede() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let lede = &data.lede;
    let figure = &lede.figure;
    let sources: Vec<&'static Source> = source_ids(data)
        .into_iter()
        .filter_map(|id| data.source(id.as_str()))
        .collect();
    let count = sources.len();
    let items = sources
        .into_iter()
        .map(|source| {
            view! {
                <li>
                    <a
                        class="bib-link"
                        href=move || ctx.href(Selection::Source(source.id.clone()))
                        title=move || citation_text(&ctx, source)
                    >
                        {move || short_citation(&ctx, source)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let number = figure.values(data).map(|(from, to)| {
        view! {
            <p class="lede-figure">
                <span class="lede-value">
                    <span class="lede-year">{figure.from}</span>
                    " "
                    <strong>{move || format_number(&ctx, from)}</strong>
                </span>
                <span class="lede-arrow" aria-hidden="true">" → "</span>
                <span class="lede-value">
                    <span class="lede-year">{figure.to}</span>
                    " "
                    <strong>{move || format_number(&ctx, to)}</strong>
                </span>
                " "
                <span class="lede-label">{move || ctx.text(&figure.label)}</span>
            </p>
        }
    });
    // The entry to the story mode, at its first step.
    let start = data.story.first().map(|first| {
        view! {
            <p class="lede-story">
                <a class="story-start" href=move || ctx.href(Selection::Step(first.id.clone()))>
                    {move || ctx.t(|s| &s.story.start)}
                    <span aria-hidden="true">" →"</span>
                </a>
            </p>
        }
    });
    view! {
        <section class="lede">
            {number}
            <p class="lede-text">{move || ctx.text(&lede.text)}</p>
            {start}
            <details class="lede-sources">
                <summary>{move || ctx.t(|s| &s.label_sources)} " (" {count} ")"</summary>
                <ul>{items}</ul>
            </details>
        </section>
    }
}
