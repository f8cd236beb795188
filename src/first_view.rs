//! The static first view: what a reader gets before the wasm arrives, and all a reader without
//! JavaScript gets. The post-build tool (`src/bin/post_build/`) renders it to HTML at build time,
//! once per language, with the same components the app uses for an event's detail and its
//! sources, so there is one source of markup.
//!
//! Every event is a link to its app address (`#timeline/<id>?lang=…`) and every event's detail is
//! in the page, shown by CSS `:target` under its link: selecting works with a mouse, a keyboard
//! or a deep link, with no script at all. The app mounts over this view when it is needed
//! (`browser::mount`), and reads the same address, so the selection survives the swap.

use leptos::prelude::*;

use crate::data::{Dataset, Event, Priority};
use crate::timeline::EventDetail;
use crate::url_state::{Selection, View, ViewState};
use crate::Ctx;
use content::Lang;

/// The page of each language: English at the release's root, Spanish beside it.
pub fn page_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "index.html",
        Lang::Es => "es.html",
    }
}

/// The events grouped by the year they start in, in the dataset's (chronological) order.
pub fn events_by_year(data: &Dataset) -> Vec<(i32, Vec<&Event>)> {
    let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
    for event in data.events.iter() {
        let year = event.date.start.year();
        match years.last_mut() {
            Some((last, events)) if *last == year => events.push(event),
            _ => years.push((year, vec![event])),
        }
    }
    years
}

/// The addresses of a state as element ids: the app's own form for this page's language
/// (`timeline/<id>?lang=es`) and the short form without one (`timeline/<id>`), so both kinds of
/// link are a move within the page, shown through `:target`, not a request for the app.
fn anchor_ids(state: ViewState, lang: Lang) -> [String; 2] {
    let short = state.to_hash();
    let long = state.with_lang(lang).to_hash();
    [long[1..].to_string(), short[1..].to_string()]
}

/// The anchors that select an event (its detail shows under its link).
pub fn event_anchor_ids(event: &Event, lang: Lang) -> [String; 2] {
    anchor_ids(ViewState::of(Selection::Event(event.id.clone())), lang)
}

#[component]
pub fn FirstView() -> impl IntoView {
    let ctx = Ctx::use_context();
    let lang = ctx.lang.get_untracked();
    let strings = &ctx.data.strings;
    let t = move |text: &content::Text| text.get(lang).to_string();
    let views = View::ALL
        .into_iter()
        .map(|view| {
            let name = match view {
                View::Story => &strings.view_story,
                View::Timeline => &strings.view_timeline,
                View::Map => &strings.view_map,
                View::Policies => &strings.view_policies,
                View::About => &strings.view_about,
            };
            view! {
                <li>
                    <a
                        href=ctx.href_view(view)
                        class="nav-link"
                        aria-current=(view == View::Timeline).then_some("page")
                        data-view=view.slug()
                    >
                        {t(name)}
                    </a>
                </li>
            }
        })
        .collect_view();
    let languages = Lang::ALL
        .into_iter()
        .map(|other| {
            view! {
                <li>
                    <a
                        href=format!(
                            "./{}{}",
                            page_name(other),
                            ViewState::new(View::Timeline).with_lang(other).to_hash()
                        )
                        hreflang=other.code()
                        lang=other.code()
                        class="lang-link"
                        aria-current=(other == lang).then_some("true")
                    >
                        {strings.lang_name(other).to_string()}
                    </a>
                </li>
            }
        })
        .collect_view();
    // The timeline's own addresses, where the header's Timeline link and the language links lead.
    let [timeline_long, timeline_short] = anchor_ids(ViewState::new(View::Timeline), lang);
    let years = events_by_year(ctx.data)
        .into_iter()
        .map(|(year, events)| view! { <Year year=year events=events/> })
        .collect_view();
    view! {
        <header class="site-header fv-header">
            <div class="title-block">
                <h1>{t(&strings.app_title)}</h1>
                <p class="subtitle">{t(&strings.app_subtitle)}</p>
            </div>
            <nav class="lang-switch" aria-label=t(&strings.lang_switch_label)>
                <ul>{languages}</ul>
            </nav>
            <nav class="views-nav" aria-label=t(&strings.nav_label)>
                <ul>{views}</ul>
            </nav>
        </header>
        // The loader fills it: loading a view the page cannot show, slow, failed (with a retry).
        <div
            class="fv-status"
            role="status"
            aria-live="polite"
            data-opening=t(&strings.first_view_opening)
            data-slow=t(&strings.first_view_slow)
            data-failed=t(&strings.first_view_failed)
            data-retry=t(&strings.first_view_retry)
        ></div>
        <noscript><p class="fv-noscript">{t(&strings.first_view_noscript)}</p></noscript>
        <main id="content" class="fv-main">
            <crate::lede::Lede/>
            <section class="view fv-timeline" aria-labelledby="fv-heading">
                <span class="fv-anchor" id=timeline_long></span>
                <span class="fv-anchor" id=timeline_short></span>
                <h2 id="fv-heading">{t(&strings.view_timeline)}</h2>
                <p class="intro">{t(&strings.timeline_intro)}</p>
                {years}
            </section>
        </main>
        <footer class="site-footer">
            <p>{t(&strings.footer_text)}</p>
        </footer>
    }
}

/// One year's events: a heading and a list of links, each with its detail folded under it.
#[component]
fn Year(year: i32, events: Vec<&'static Event>) -> impl IntoView {
    let ctx = Ctx::use_context();
    let lang = ctx.lang.get_untracked();
    let heading_id = format!("fv-year-{year}");
    let labelled_by = heading_id.clone();
    let items = events
        .into_iter()
        .map(|event| {
            let [long, short] = event_anchor_ids(event, lang);
            let date = content::format::date(&event.date, &ctx.data.strings, lang);
            let core = event.priority == Priority::Core;
            let category = event.categories.first().map(|c| c.key());
            view! {
                <li class="fv-event" class:fv-core=core data-category=category>
                    <span class="fv-anchor" id=long></span>
                    <span class="fv-anchor" id=short></span>
                    <a
                        class="fv-marker"
                        data-event=event.id.to_string()
                        href=ctx.href(Selection::Event(event.id.clone()))
                    >
                        <time datetime=event.date.to_string()>{date}</time>
                        " "
                        <span class="fv-title">{event.title.get(lang).to_string()}</span>
                    </a>
                    <div class="fv-detail">
                        <EventDetail event=event heading_id=format!("fv-detail-{}", event.id)/>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="fv-year" aria-labelledby=labelled_by>
            <h3 id=heading_id>{year}</h3>
            <ol class="fv-events">{items}</ol>
        </section>
    }
}

/// The first view of one language as HTML, rendered with the app's own components. Host only:
/// the post-build tool calls it; the app never renders it.
#[cfg(not(target_arch = "wasm32"))]
pub fn render(data: &'static Dataset, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let state = ViewState::new(View::Timeline).with_lang(lang);
        let (state, _) = signal(state);
        let lang = Memo::new(move |_| lang);
        provide_context(Ctx::new(data, state, lang, None));
        // The renderer marks where dynamic children end (`<!>`) for hydration; this page is
        // never hydrated (the app replaces it), so the markers go. Text never holds a bare `<`.
        // Rendered once, never updated: reading the language outside a reactive context is
        // what is meant here (no warning for each of the thousands of reads).
        let _once = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
        view! { <FirstView/> }.to_html().replace("<!>", "")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text as the renderer writes it in an element's content.
    #[cfg(not(target_arch = "wasm32"))]
    fn text_html(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    #[test]
    fn anchors_are_the_app_addresses_of_each_event() {
        let data = crate::data::dataset();
        let event = &data.events[0];
        let [long, short] = event_anchor_ids(event, Lang::Es);
        assert_eq!(long, format!("timeline/{}?lang=es", event.id));
        assert_eq!(short, format!("timeline/{}", event.id));
    }

    #[test]
    fn years_keep_every_event_in_order() {
        let data = crate::data::dataset();
        let years = events_by_year(data);
        let flat: Vec<_> = years
            .iter()
            .flat_map(|(_, e)| e.iter().map(|e| &e.id))
            .collect();
        let all: Vec<_> = data.events.iter().map(|e| &e.id).collect();
        assert_eq!(flat, all);
        assert!(
            years.windows(2).all(|w| w[0].0 < w[1].0),
            "one group per year, rising"
        );
    }

    // The rendered page carries every event's title, its detail and its sources, in the page's
    // language, as HTML (no reactive placeholders or script markers left in it).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn renders_every_event_with_its_detail_and_sources() {
        let data = crate::data::dataset();
        for lang in Lang::ALL {
            let html = render(data, lang);
            for event in data.events.iter() {
                let [long, _] = event_anchor_ids(event, lang);
                assert!(html.contains(&format!(r#"id="{long}""#)), "{long}");
                let title = text_html(event.title.get(lang));
                assert!(html.contains(&title), "{lang:?}: title of {}", event.id);
                assert!(html.contains(&format!(r#"id="fv-detail-{}""#, event.id)));
            }
            let first_source = data.source(data.events[0].sources[0].as_str()).unwrap();
            let cite = content::citation::short_citation(first_source, &data.strings, lang);
            assert!(html.contains(&text_html(&cite)), "{cite}");
            assert!(
                !html.contains("<!"),
                "no hydration markers in a static page"
            );
            let ids: Vec<&str> = html
                .split(" id=\"")
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .collect();
            let unique: std::collections::BTreeSet<_> = ids.iter().collect();
            assert_eq!(ids.len(), unique.len(), "every id once");
        }
    }
}
