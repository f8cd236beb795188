//! The policy view: a card per programme leading with its verdict and key figures; a
//! side-by-side comparison of any two (Plan Colombia against Mérida by default), one line per
//! row that opens to both texts, their disagreements and sources; small charts of US funding and
//! homicide rates on shared scales; and the lessons for Ecuador. Citations are numbered markers
//! opening one sources drawer per card and per row (`footnotes.rs`). The pair and the row in
//! focus live in the link (`#policies/<a>-vs-<b>?dim=<row>`).

pub mod comparison;
pub mod footnotes;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::router::{self, History};
use crate::data::{Cell, Dataset, DimensionId, LessonGroup, Policy, Series, Source, SourceId};
use crate::picture::chart::{bar_chart, Bar, ChartStyle, Panel, Slots};
use crate::picture::{self, DownloadImage, Picture};
use crate::ui::cite::{DisagreementNote, SeriesSources};
use crate::url_state::{Selection, View, ViewState};
use crate::Ctx;
use comparison::{choose, default_pair, rows, Pair, Row};
use footnotes::{Cited, Footnotes, NoteList, Scope, SourcesDrawer};

#[component]
pub fn PoliciesView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let pair = Memo::new(move |_| {
        ctx.state
            .with(|s| s.pair().cloned())
            .or_else(|| default_pair(data))
    });
    let dim = Memo::new(move |_| ctx.state.with(|s| s.dim.clone()));

    let cards = data
        .policies
        .iter()
        .map(|policy| view! { <PolicyCard policy=policy pair=pair/> })
        .collect_view();

    view! {
        <section class="view policies-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_policies)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.policies_intro)}</p>
            <ul class="policy-cards">{cards}</ul>
            <h3 id="compare-heading">{move || ctx.t(|s| &s.compare_heading)}</h3>
            <div class="compare-controls" role="group" aria-labelledby="compare-heading">
                <div class="field"><PairPicker left_side=true pair=pair dim=dim/></div>
                <div class="field"><PairPicker left_side=false pair=pair dim=dim/></div>
                <div class="field"><DimensionPicker pair=pair dim=dim/></div>
            </div>
            {move || pair.get().and_then(|pair| comparison(ctx, pair, dim))}
            <Lessons/>
        </section>
    }
}

/// The state that shows a pair with one row in focus (or all), in the language being read.
fn pair_state(ctx: Ctx, pair: Pair, dim: Option<DimensionId>) -> ViewState {
    ctx.keep_lang(ViewState {
        dim,
        ..ViewState::of(Selection::Pair(pair))
    })
}

/// Goes to a pair and row, as a new entry in the history.
fn go(ctx: Ctx, pair: Pair, dim: Option<DimensionId>) {
    router::navigate(&pair_state(ctx, pair, dim), History::Push);
}

/// The known sources of a list of ids (the data checks make them all known).
fn sources_of(data: &'static Dataset, ids: &'static [SourceId]) -> Vec<&'static Source> {
    ids.iter()
        .filter_map(|id| data.source(id.as_str()))
        .collect()
}

/// A programme's card: its verdict and key figures first, each with its source markers, then
/// the one drawer of its sources and a link comparing it.
#[component]
fn PolicyCard(policy: &'static Policy, pair: Memo<Option<Pair>>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let id = &policy.id;
    let scope = Scope::new("card", policy.id.as_str());
    let mut notes = Footnotes::default();
    let verdict_marks = notes.cite(sources_of(data, &policy.sources));
    let figures = policy
        .key_figures
        .iter()
        .map(|figure| {
            let marks = notes.cite(sources_of(data, &figure.sources));
            view! {
                <div class="key-figure">
                    <dt>{move || ctx.text(&figure.label)}</dt>
                    <dd><Cited text=&figure.value scope=scope.clone() marks=marks/></dd>
                </div>
            }
        })
        .collect_view();
    // The pair it is in, or the current pair with this programme on the right.
    let compare = move || {
        pair.get().map(|p| {
            let next = if *id == p.left || *id == p.right {
                p
            } else {
                Pair {
                    right: id.clone(),
                    ..p
                }
            };
            ctx.href_state(pair_state(ctx, next, None))
        })
    };
    let in_pair =
        move || pair.with(|p| p.as_ref().is_some_and(|p| p.left == *id || p.right == *id));
    view! {
        <li class="policy-card" id=format!("policy-{}", policy.id) class:in-pair=in_pair>
            <h3>{move || ctx.text(&policy.name)}</h3>
            <p class="verdict"><Cited text=&policy.verdict scope=scope.clone() marks=verdict_marks/></p>
            <dl class="key-figures">{figures}</dl>
            <div class="card-foot">
                <SourcesDrawer scope=scope sources=notes.into_sources()/>
                <a class="compare-link" href=compare data-compare=policy.id.to_string()>
                    {move || ctx.t(|s| &s.label_compare)} " → " {move || ctx.text(&policy.name)}
                </a>
            </div>
        </li>
    }
}

/// The picker for the pair's left or right programme; choosing one goes to the new pair.
#[component]
fn PairPicker(
    left_side: bool,
    pair: Memo<Option<Pair>>,
    dim: Memo<Option<DimensionId>>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let options = data
        .policies
        .iter()
        .map(|policy| {
            view! { <option value=policy.id.to_string()>{move || ctx.text(&policy.name)}</option> }
        })
        .collect_view();
    let id = if left_side {
        "compare-left"
    } else {
        "compare-right"
    };
    view! {
        <label for=id>{move || if left_side { ctx.t(|s| &s.compare_left) } else { ctx.t(|s| &s.compare_right) }}</label>
        <select
            id=id
            prop:value=move || pair.get().map(|p| if left_side { p.left } else { p.right }.to_string()).unwrap_or_default()
            on:change=move |ev| {
            let chosen = data.policy(&event_target_value(&ev)).map(|p| &p.id);
            if let (Some(chosen), Some(current)) = (chosen, pair.get_untracked()) {
                go(ctx, choose(&current, left_side, chosen), dim.get_untracked());
            }
        }>
            {options}
        </select>
    }
}

/// The picker for the row in focus, or all rows; choosing one goes to it.
#[component]
fn DimensionPicker(pair: Memo<Option<Pair>>, dim: Memo<Option<DimensionId>>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let options = data
        .dimensions
        .iter()
        .map(|d| {
            view! { <option value=d.id.to_string()>{move || ctx.text(&d.label)}</option> }
        })
        .collect_view();
    view! {
        <label for="compare-dimension">{move || ctx.t(|s| &s.dimension_picker)}</label>
        <select
            id="compare-dimension"
            prop:value=move || dim.get().map(|d| d.to_string()).unwrap_or_default()
            on:change=move |ev| {
            let dim = data.dimension(&event_target_value(&ev)).map(|d| d.id.clone());
            if let Some(current) = pair.get_untracked() {
                go(ctx, current, dim);
            }
        }>
            <option value="">{move || ctx.t(|s| &s.all_dimensions)}</option>
            {options}
        </select>
    }
}

/// The comparison table of a pair (one row group per dimension), then its charts; nothing if
/// either programme is unknown.
fn comparison(ctx: Ctx, pair: Pair, dim: Memo<Option<DimensionId>>) -> Option<impl IntoView> {
    let data = ctx.data;
    let left = data.policy(pair.left.as_str())?;
    let right = data.policy(pair.right.as_str())?;
    let body = rows(data, &pair)
        .into_iter()
        .map(|row| comparison_row(ctx, row, dim, left, right))
        .collect_view();
    Some(view! {
        <p class="comparison-hint">{move || ctx.t(|s| &s.comparison_hint)}</p>
        <div class="table-scroll">
            <table class="comparison">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{move || ctx.text(&left.name)}</th>
                        <th scope="col">{move || ctx.text(&right.name)}</th>
                    </tr>
                </thead>
                {body}
            </table>
        </div>
        <PairCharts left=left right=right/>
    })
}

/// One row of the table as a row group: a line with the dimension's button and the first line
/// of each side; opened, both texts in full with their markers and notes, and a second line
/// with the row's sources drawer. Open while it is the row in focus (`?dim=`) or as toggled;
/// hidden while another row is in focus.
fn comparison_row(
    ctx: Ctx,
    row: Row<'static>,
    dim: Memo<Option<DimensionId>>,
    left: &'static Policy,
    right: &'static Policy,
) -> impl IntoView {
    let data = ctx.data;
    let dimension = row.dimension;
    let scope = Scope::new("row", dimension.id.as_str());
    let mut notes = Footnotes::default();
    let mut marks = |cell: Option<&'static Cell>| {
        cell.map(|cell| notes.cite(sources_of(data, &cell.sources)))
            .unwrap_or_default()
    };
    let (left_marks, right_marks) = (marks(row.left), marks(row.right));
    let toggled = RwSignal::new(None::<bool>);
    let open = Signal::derive(move || {
        toggled
            .get()
            .unwrap_or_else(|| dim.with(|d| d.as_ref() == Some(&dimension.id)))
    });
    let hidden = move || dim.with(|dim| dim.as_ref().is_some_and(|d| *d != dimension.id));
    let toggle = move || toggled.set(Some(!open.get_untracked()));
    // A click anywhere on a closed row opens it (the button is the keyboard's way).
    let on_row_click = move |ev: web_sys::MouseEvent| {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a, button, summary, details").ok().flatten())
            .is_some();
        if !on_control && !open.get_untracked() {
            toggle();
        }
    };
    view! {
        <tbody class="dim-row" class:dim-hidden=hidden class:open=open data-dimension=dimension.id.to_string()>
            <tr class="row-main" on:click=on_row_click>
                <th scope="row">
                    <button type="button" class="row-toggle" aria-expanded=move || open.get().to_string() on:click=move |_| toggle()>
                        {move || ctx.text(&dimension.label)}
                    </button>
                </th>
                <CellView cell=row.left label=&left.name scope=scope.clone() marks=left_marks open=open/>
                <CellView cell=row.right label=&right.name scope=scope.clone() marks=right_marks open=open/>
            </tr>
            <tr class="row-sources" hidden=move || !open.get()>
                <td colspan="3"><SourcesDrawer scope=scope sources=notes.into_sources()/></td>
            </tr>
        </tbody>
    }
}

/// One cell: the first line of what the sources say; opened, all of it with its source
/// markers, and any disagreement.
#[component]
fn CellView(
    cell: Option<&'static Cell>,
    label: &'static content::Text,
    scope: Scope,
    marks: Vec<(usize, &'static Source)>,
    open: Signal<bool>,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    // On phones the table stacks; each cell then shows its programme's name from `data-label`.
    let label = move || ctx.text(label);
    match cell {
        Some(cell) => view! {
            <td class:has-note=move || cell.note.is_some() && open.get() data-label=label>
                <p class="cell-text"><Cited text=&cell.text scope=scope marks=marks shown=open/></p>
                {cell.note.is_some().then(|| view! {
                    <div class="cell-note" hidden=move || !open.get()><DisagreementNote note=&cell.note/></div>
                })}
            </td>
        }
        .into_any(),
        None => view! { <td class="no-cell" data-label=label><p class="cell-text">{move || ctx.t(|s| &s.label_no_cell)}</p></td> }.into_any(),
    }
}

/// One row of a pair's small charts: both programmes' series of one kind, on one scale.
#[derive(Clone, Copy)]
pub struct PairRow {
    pub heading: fn(&crate::data::Strings) -> &content::Text,
    /// What the printed handout calls its picture (`data-picture`).
    pub key: &'static str,
    pub pair: [(&'static Policy, Option<&'static Series>); 2],
    /// The larger value of both series: the shared scale's top.
    pub max: f64,
    /// Whether the page offers "Download image" for it.
    pub download: bool,
}

/// The rows of small charts a pair of programmes shows: US funding, then homicide rates.
pub fn pair_rows(
    data: &'static Dataset,
    left: &'static Policy,
    right: &'static Policy,
) -> [PairRow; 2] {
    let series =
        |id: &Option<crate::data::SeriesId>| id.as_ref().and_then(|id| data.series(id.as_str()));
    let row =
        |heading, key, a: Option<&'static Series>, b: Option<&'static Series>, download| PairRow {
            heading,
            key,
            pair: [(left, a), (right, b)],
            max: [a, b]
                .into_iter()
                .flatten()
                .flat_map(|s| s.points.iter().map(|p| p.value))
                .fold(0.0_f64, f64::max),
            download,
        };
    [
        row(
            |s: &crate::data::Strings| &s.funding_chart_heading,
            "funding",
            series(&left.funding_series),
            series(&right.funding_series),
            true,
        ),
        row(
            |s: &crate::data::Strings| &s.homicide_chart_heading,
            "policy-homicide",
            series(&left.homicide_series),
            series(&right.homicide_series),
            false,
        ),
    ]
}

/// US funding and homicide rates for the two programmes, each pair of charts on one scale.
#[component]
fn PairCharts(left: &'static Policy, right: &'static Policy) -> impl IntoView {
    let ctx = Ctx::use_context();
    pair_rows(ctx.data, left, right)
        .into_iter()
        .map(|row| {
            let charts = NodeRef::<leptos::html::Div>::new();
            let [(l, a), (r, b)] = row.pair;
            let max = row.max;
            let heading = row.heading;
            view! {
                <div class="pair-charts">
                    <h4>{move || ctx.t(heading)}</h4>
                    <div class="pair-charts-row" node_ref=charts>
                        <MiniChart series=a max=max name=&l.name/>
                        <MiniChart series=b max=max name=&r.name/>
                    </div>
                    {row.download.then(|| view! {
                        <DownloadImage picture=move || pair_picture(ctx, row, charts)/>
                    })}
                </div>
            }
        })
        .collect_view()
}

/// A row of the pair's small charts as shown, for "Download image": drawn at the width it has on
/// screen, in the page's theme.
fn pair_picture(
    ctx: Ctx,
    row: PairRow,
    charts: NodeRef<leptos::html::Div>,
) -> Option<(Picture, String)> {
    let on_screen = charts
        .get_untracked()
        .map_or(0.0, |c| f64::from(c.client_width()));
    let picture = pair_drawing(
        &ctx,
        row,
        picture::drawing_width(on_screen),
        picture::browser::palette(),
    );
    let [(left, _), (right, _)] = row.pair;
    let stem = format!(
        "{}-{}-{}",
        picture::said(&ctx, |s| &s.picture.file_funding),
        left.id.as_str(),
        right.id.as_str()
    );
    Some((picture, picture::file_stem(&stem)))
}

/// A row of the pair's small charts as a picture `width` drawing pixels wide: both programmes
/// side by side on one scale, each captioned as on the page, with the sources of both series.
/// The printed handout draws it too, in the light theme.
pub fn pair_drawing(ctx: &Ctx, row: PairRow, width: f64, palette: picture::Palette) -> Picture {
    let lang = ctx.lang.get_untracked();
    let panels: Vec<Panel> = row
        .pair
        .iter()
        .map(|&(policy, series)| match series {
            Some(series) => Panel {
                caption: Some(format!(
                    "{}: {} ({})",
                    policy.name.get(lang),
                    series.name.get(lang),
                    series.unit.get(lang)
                )),
                bars: series
                    .points
                    .iter()
                    .map(|p| Bar {
                        year: p.year,
                        value: p.value,
                        value_text: content::format::number(p.value, lang),
                    })
                    .collect(),
                message: None,
            },
            None => Panel {
                caption: Some(policy.name.get(lang).to_string()),
                bars: Vec::new(),
                message: Some(picture::said(ctx, |s| &s.label_no_series)),
            },
        })
        .collect();
    let style = ChartStyle {
        colour: palette.accent.clone(),
        bar_ratio: 0.85,
        slots: Slots::Even,
        plot_height: 140.0,
    };
    let body = bar_chart(&panels, row.max, &style, &palette, width);
    let [(left, _), (right, _)] = row.pair;
    let title = format!(
        "{}: {}, {}",
        (row.heading)(&ctx.data.strings).get(lang),
        left.name.get(lang),
        right.name.get(lang)
    );
    let sources = picture::sources_of(
        ctx,
        row.pair
            .iter()
            .filter_map(|(_, series)| *series)
            .flat_map(|series| series.sources.iter()),
    );
    picture::picture(ctx, title, body, palette, sources, None)
}

/// A small bar chart of one series against a shared maximum, so two charts compare directly.
#[component]
fn MiniChart(
    series: Option<&'static Series>,
    max: f64,
    name: &'static content::Text,
) -> impl IntoView {
    let ctx = Ctx::use_context();
    let Some(series) = series else {
        return view! {
            <figure class="mini-chart empty">
                <figcaption>{move || ctx.text(name)}</figcaption>
                <p>{move || ctx.t(|s| &s.label_no_series)}</p>
            </figure>
        }
        .into_any();
    };
    let max = max.max(f64::MIN_POSITIVE);
    let bars = series
        .points
        .iter()
        .map(|point| {
            let value = point.value;
            let label = move || {
                let number = crate::ui::cite::format_number(&ctx, value);
                let computed = if point.computed { " *" } else { "" };
                format!("{}: {number}{computed}", point.year)
            };
            view! {
                <li tabindex="0" data-year=point.year>
                    <span class="bar-fill" style:height=format!("{:.1}%", value / max * 100.0)></span>
                    <span class="bar-value">{label}</span>
                </li>
            }
        })
        .collect_view();
    let first = series.points.first().map(|p| p.year);
    let last = series.points.last().map(|p| p.year);
    view! {
        <figure class="mini-chart" data-series=series.id.to_string()>
            <figcaption>
                {move || ctx.text(name)} ": " {move || ctx.text(&series.name)} " (" {move || ctx.text(&series.unit)} ")"
            </figcaption>
            <ol class="mini-bars">{bars}</ol>
            <p class="mini-axis" aria-hidden="true"><span>{first}</span><span>{last}</span></p>
            <SeriesSources series=series/>
        </figure>
    }
    .into_any()
}

/// Angelo's four lessons and the CSIS five areas: each its title and summary, with its evidence,
/// rows, events, note and sources folded under them.
#[component]
fn Lessons() -> impl IntoView {
    let ctx = Ctx::use_context();
    let data = ctx.data;
    let group = move |group: LessonGroup| {
        data.lessons
            .iter()
            .filter(move |l| l.group == group)
            .map(|lesson| {
                let events = lesson
                    .events
                    .iter()
                    .filter_map(|id| data.event(id.as_str()))
                    .map(|event| view! {
                        <li><a href=move || ctx.href(Selection::Event(event.id.clone()))>{move || ctx.text(&event.title)}</a></li>
                    })
                    .collect_view();
                let rows = lesson
                    .dimensions
                    .iter()
                    .filter_map(|id| data.dimensions.iter().find(|d| d.id == *id))
                    .map(|dimension| {
                        let href = move || {
                            ctx.href_state(ViewState {
                                view: View::Policies,
                                selection: ctx.state.with(|s| s.pair().cloned().map(Selection::Pair)),
                                dim: Some(dimension.id.clone()),
                                ..ViewState::default()
                            })
                        };
                        view! { <li><a href=href>{move || ctx.text(&dimension.label)}</a></li> }
                    })
                    .collect_view();
                let sources = sources_of(data, &lesson.sources);
                let count = sources.len();
                let more = move || footnotes::fill(&ctx.t(|s| &s.lesson_more), count, "");
                view! {
                    <li class="lesson" id=format!("lesson-{}", lesson.id)>
                        <h5>{move || ctx.text(&lesson.title)}</h5>
                        <p>{move || ctx.text(&lesson.summary)}</p>
                        <details class="lesson-more">
                            <summary>{more}</summary>
                            <p class="evidence"><strong>{move || ctx.t(|s| &s.label_evidence)} ": "</strong>{move || ctx.text(&lesson.evidence)}</p>
                            {(!lesson.dimensions.is_empty()).then(|| view! {
                                <div class="lesson-links"><span>{move || ctx.t(|s| &s.label_related_rows)} ": "</span><ul>{rows}</ul></div>
                            })}
                            {(!lesson.events.is_empty()).then(|| view! {
                                <div class="lesson-links"><span>{move || ctx.t(|s| &s.label_related_events)} ": "</span><ul>{events}</ul></div>
                            })}
                            <DisagreementNote note=&lesson.note/>
                            <p class="fn-caption">{move || ctx.t(|s| &s.label_sources)}</p>
                            <NoteList scope=Scope::new("lesson", lesson.id.as_str()) sources=sources/>
                        </details>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="lessons" aria-labelledby="lessons-heading">
            <h3 id="lessons-heading">{move || ctx.t(|s| &s.lessons_heading)}</h3>
            <p class="intro">{move || ctx.t(|s| &s.lessons_intro)}</p>
            <h4>{move || ctx.t(|s| &s.lessons_angelo)}</h4>
            <ol class="lesson-list">{group(LessonGroup::Angelo)}</ol>
            <h4>{move || ctx.t(|s| &s.lessons_csis)}</h4>
            <ol class="lesson-list">{group(LessonGroup::Csis)}</ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each row of small charts holds both programmes' series of its kind, on one scale that
    // reaches the larger value; funding first, and only funding offers "Download image".
    #[test]
    fn pair_rows_share_one_scale_per_kind() {
        let data = crate::data::dataset();
        let pair = default_pair(data).expect("a default pair");
        let left = data.policy(pair.left.as_str()).expect("left");
        let right = data.policy(pair.right.as_str()).expect("right");
        let rows = pair_rows(data, left, right);
        assert_eq!(rows.map(|r| r.key), ["funding", "policy-homicide"]);
        assert_eq!(rows.map(|r| r.download), [true, false]);
        let kinds = [
            (&left.funding_series, &right.funding_series),
            (&left.homicide_series, &right.homicide_series),
        ];
        for (row, (a, b)) in rows.iter().zip(kinds) {
            let ids = row.pair.map(|(_, s)| s.map(|s| s.id.as_str()));
            assert_eq!(
                ids,
                [
                    a.as_ref().map(|i| i.as_str()),
                    b.as_ref().map(|i| i.as_str())
                ]
            );
            let top = row
                .pair
                .iter()
                .filter_map(|(_, s)| *s)
                .flat_map(|s| s.points.iter().map(|p| p.value))
                .fold(0.0_f64, f64::max);
            assert!(top > 0.0, "{}: no values", row.key);
            assert_eq!(row.max, top);
        }
    }
}
