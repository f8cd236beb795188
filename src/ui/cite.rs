//! Shared pieces of the views: full citations for a list of sources, dates with their precision,
//! and the "where sources disagree" note.

use leptos::prelude::*;

use crate::data::{DateSpec, Source, SourceId};
use crate::url_state::Selection;
use crate::Ctx;
use content::Text;

/// A date as readers see it in the current language ("13 July 2000" / "13 de julio de 2000").
pub fn format_date(ctx: &Ctx, date: &DateSpec) -> String {
    content::format::date(date, &ctx.data.strings, ctx.lang.get())
}

/// A date in the current language, read without subscribing (for code that tracks the
/// language itself).
pub fn format_date_untracked(ctx: &Ctx, date: &DateSpec) -> String {
    content::format::date(date, &ctx.data.strings, ctx.lang.get_untracked())
}

/// What the precision of a date means, in words ("month known").
pub fn precision_label(ctx: &Ctx, date: &DateSpec) -> String {
    ctx.text(content::format::precision(date, &ctx.data.strings))
}

/// The full entry of a source in the current language (author, “title” or a description,
/// publisher, date; "No public copy found." where it has no address).
pub fn citation_text(ctx: &Ctx, source: &Source) -> String {
    content::citation::full_citation(source, &ctx.data.strings, ctx.lang.get())
}

/// "Angelo, War on the Rocks, Feb 2024", in the current language.
pub fn short_citation(ctx: &Ctx, source: &Source) -> String {
    content::citation::short_citation(source, &ctx.data.strings, ctx.lang.get())
}

/// The full citation of one source, with its link and its kind.
#[component]
pub fn Citation(source: &'static Source) -> impl IntoView {
    let ctx = Ctx::use_context();
    let kind = move || ctx.text(ctx.data.strings.source_kinds.get(source.kind));
    view! {
        <span class="citation">
            <span class="source-kind">{kind}</span>
            " "
            <cite>{move || citation_text(&ctx, source)}</cite>
            {source.url.clone().map(|url| view! {
                " " <a class="source-link" href=url target="_blank" rel="noopener noreferrer">{url.clone()}</a>
            })}
        </span>
    }
}

/// "Sources:" and a citation for each id, linking to the bibliography entry.
/// `under_h2`: the list sits right under an `<h2>` (a presentation slide), so its heading is an
/// `<h3>`; elsewhere it is an `<h4>`.
#[component]
pub fn Sources(ids: &'static [SourceId], #[prop(optional)] under_h2: bool) -> impl IntoView {
    let ctx = Ctx::use_context();
    let sources = ids
        .iter()
        .filter_map(|id| ctx.data.source(id.as_str()))
        .collect();
    view! { <SourceList sources=sources under_h2=under_h2/> }
}

/// A small heading at the level its place in the outline needs.
fn minor_heading(under_h2: bool, text: impl Fn() -> String + Send + 'static) -> AnyView {
    if under_h2 {
        view! { <h3>{text}</h3> }.into_any()
    } else {
        view! { <h4>{text}</h4> }.into_any()
    }
}

/// Short citations for a list of sources, each opening its full entry and a link to the
/// bibliography.
#[component]
pub fn SourceList(
    sources: Vec<&'static Source>,
    #[prop(optional)] under_h2: bool,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let items = sources
        .into_iter()
        .map(|source| {
            view! {
                <li>
                    <details class="source-entry">
                        <summary>{move || short_citation(&ctx, source)}</summary>
                        <Citation source=source/>
                        " "
                        <a class="bib-link" href=move || ctx.href(Selection::Source(source.id.clone()))>
                            {move || ctx.t(|s| &s.label_in_bibliography)}
                        </a>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="sources">
            {minor_heading(under_h2, move || ctx.t(|s| &s.label_sources))}
            <ul>{items}</ul>
        </div>
    }
}

/// The note shown where sources disagree.
#[component]
pub fn DisagreementNote(
    note: &'static Option<Text>,
    #[prop(optional)] under_h2: bool,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    note.as_ref().map(|note| {
        view! {
            <aside class="disagreement">
                {minor_heading(under_h2, move || ctx.t(|s| &s.label_note))}
                <p>{move || ctx.text(note)}</p>
            </aside>
        }
    })
}

/// A number as readers of the current language write it ("46.5" / "46,5").
pub fn format_number(ctx: &Ctx, value: f64) -> String {
    content::format::number(value, ctx.lang.get())
}

/// Compact references for a short figure: each short citation links to the source's full entry
/// in the bibliography (its full citation is the link's title).
#[component]
pub fn SourceRefs(ids: &'static [SourceId]) -> impl IntoView {
    let ctx = Ctx::use_context();
    let links = ids
        .iter()
        .filter_map(|id| ctx.data.source(id.as_str()))
        .enumerate()
        .map(|(i, source)| {
            let title = move || citation_text(&ctx, source);
            view! {
                {(i > 0).then_some("; ")}
                <a class="bib-link" href=move || ctx.href(Selection::Source(source.id.clone())) title=title>
                    {move || short_citation(&ctx, source)}
                </a>
            }
        })
        .collect_view();
    view! { <span class="source-refs">"(" {links} ")"</span> }
}

/// A chart's sources and the note on how official series disagree, folded away under the chart.
#[component]
pub fn SeriesSources(series: &'static crate::data::Series) -> impl IntoView {
    let ctx = Ctx::use_context();
    view! {
        <details class="chart-sources">
            <summary>{move || ctx.t(|s| &s.chart_sources_summary)}</summary>
            <DisagreementNote note=&series.note/>
            <Sources ids=&series.sources/>
        </details>
    }
}
