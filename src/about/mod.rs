//! About & sources: how the explainer was made, and the full bibliography.

use leptos::prelude::*;

use crate::data::SourceKind;
use crate::ui::cite::Citation;
use crate::Ctx;

#[component]
pub fn AboutView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let list = move |kind: SourceKind| {
        ctx.data
            .sources
            .iter()
            .filter(move |s| s.kind == kind)
            .map(|source| {
                let highlighted = move || ctx.state.with(|s| s.source() == Some(&source.id));
                view! {
                    <li id=format!("source-{}", source.id) class:highlighted=highlighted>
                        <Citation source=source/>
                        {source.note.as_ref().map(|note| view! { <p class="source-note">{move || ctx.text(note)}</p> })}
                    </li>
                }
            })
            .collect_view()
    };
    // A link to a source (#about/<id>) brings its entry into view.
    Effect::new(move |_| {
        if let Some(id) = ctx.state.with(|s| s.source().cloned()) {
            if let Some(entry) = document().get_element_by_id(&format!("source-{id}")) {
                if !crate::ui::browser::is_framed() {
                    entry.scroll_into_view();
                }
            }
        }
    });
    let downloads = ctx
        .data
        .strings
        .download_names
        .all()
        .into_iter()
        .map(|(key, name)| {
            // Relative links: they work from any host, sub-path or folder.
            let file = |ext: &str| format!("downloads/ecuador-{key}.{ext}");
            view! {
                <li>
                    <span class="download-name">{move || ctx.text(name)}</span>
                    " "
                    <a href=file("csv") download=format!("ecuador-{key}.csv") data-download=format!("{key}-csv")>"CSV"</a>
                    " · "
                    <a href=file("json") download=format!("ecuador-{key}.json") data-download=format!("{key}-json")>"JSON"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="view about-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{move || ctx.t(|s| &s.view_about)}</h2>
            <p class="intro">{move || ctx.t(|s| &s.about_intro)}</p>
            <p>{move || ctx.t(|s| &s.about_method)}</p>
            <h3 id="downloads">{move || ctx.t(|s| &s.downloads_heading)}</h3>
            {if crate::ui::browser::is_single_file() {
                // The one-file offline copy has no files beside it to link to.
                view! { <p class="downloads-offline">{move || ctx.t(|s| &s.tools.downloads_offline)}</p> }.into_any()
            } else {
                view! {
                    <p>{move || ctx.t(|s| &s.downloads_intro)}</p>
                    <ul class="downloads">{downloads}</ul>
                }.into_any()
            }}
            <h3>{move || ctx.t(|s| &s.bibliography_heading)}</h3>
            <p class="credit">{move || ctx.t(|s| &s.map_credit)}</p>
            <h4>{move || ctx.t(|s| &s.seeds_heading)}</h4>
            <ol class="bibliography">{list(SourceKind::Seed)}</ol>
            <h4>{move || ctx.t(|s| &s.externals_heading)}</h4>
            <ol class="bibliography">{list(SourceKind::External)}</ol>
        </section>
    }
}
