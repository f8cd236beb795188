//! The policy view: a card per programme with its verdict, and the comparison table, one row per
//! dimension, each cell with its sources and any disagreement.

use leptos::prelude::*;

use crate::cite::{DisagreementNote, Sources};
use crate::data::{Dimension, Policy};
use crate::Ctx;

#[component]
pub fn PoliciesView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let cards = ctx
        .data
        .policies
        .iter()
        .map(|policy| {
            view! {
                <li class="policy-card" id=format!("policy-{}", policy.id)>
                    <h3>{move || ctx.text(&policy.name)}</h3>
                    <p class="verdict">{move || ctx.text(&policy.verdict)}</p>
                    <Sources ids=&policy.sources/>
                </li>
            }
        })
        .collect_view();
    let header = ctx
        .data
        .policies
        .iter()
        .map(|policy| view! { <th scope="col">{move || ctx.text(&policy.name)}</th> })
        .collect_view();
    let rows = ctx
        .data
        .dimensions
        .iter()
        .map(|dimension| view! { <DimensionRow dimension=dimension/> })
        .collect_view();
    view! {
        <section class="view policies-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_policies)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.policies_intro)}</p>
            <ul class="policy-cards">{cards}</ul>
            <div class="table-scroll">
                <table class="comparison">
                    <thead><tr><td></td>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn DimensionRow(dimension: &'static Dimension) -> impl IntoView {
    let ctx = Ctx::use_context();
    let cells = ctx
        .data
        .policies
        .iter()
        .map(|policy: &'static Policy| {
            ctx.data
                .cell(&policy.id, &dimension.id)
                .map(|cell| {
                    view! {
                        <td>
                            <p>{move || ctx.text(&cell.text)}</p>
                            <DisagreementNote note=&cell.note/>
                            <Sources ids=&cell.sources/>
                        </td>
                    }
                    .into_any()
                })
                .unwrap_or_else(|| view! { <td>"—"</td> }.into_any())
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{move || ctx.text(&dimension.label)}</th>
            {cells}
        </tr>
    }
}
