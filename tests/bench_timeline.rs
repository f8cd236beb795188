//! Benchmark, not a timed test: the timeline with 10,000 synthetic events, rendered in headless
//! Chromium. Prints first-render time, category-toggle time and DOM size; `scripts/bench-timeline.sh`
//! runs it and reports. Budgets (issue 4): first render ≤ 200 ms, toggle ≤ 16 ms, DOM bounded.
#![cfg(target_arch = "wasm32")]

use std::borrow::Cow;

use content::{Lang, Text};
use ecuador_explainer::data::{
    Category, Dataset, DateSpec, Event, EventId, Point, Priority, SourceId,
};
use ecuador_explainer::timeline::TimelineView;
use ecuador_explainer::url_state::{View, ViewState};
use ecuador_explainer::Ctx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How many events: 10,000 by default; `BENCH_EVENTS=2000` at build time for the short run in
/// the test command.
fn events() -> usize {
    option_env!("BENCH_EVENTS")
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// The shipped dataset with its events replaced by `count` generated ones spread over 1999–2026.
fn synthetic(count: usize) -> &'static Dataset {
    // In the browser the app gets its data file from the loader; here, this build's file.
    let file = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));
    let shipped = ecuador_explainer::data::install(file).expect("the build's data file reads");
    assert!(
        !shipped.sources.is_empty(),
        "the shipped dataset has sources"
    );
    let mut data = shipped.clone();
    let source = data.sources[0].id.clone();
    let events: Vec<Event> = (0..count)
        .map(|i| {
            let day = i * (27 * 365) / count;
            let (year, rest) = (1999 + (day / 365) as i32, day % 365);
            let (month, dom) = ((rest / 31).min(11) as u8 + 1, (rest % 28) as u8 + 1);
            Event {
                id: EventId(Cow::Owned(format!("synthetic-{i}"))),
                reference: Cow::Borrowed("S"),
                date: DateSpec {
                    start: Point::Day(year, month, dom),
                    end: None,
                },
                date_note: None,
                priority: if i % 3 == 0 {
                    Priority::Core
                } else {
                    Priority::Optional
                },
                categories: Cow::Owned(vec![Category::ALL[i % 6]]),
                places: Cow::Owned(Vec::new()),
                sources: Cow::Owned(vec![SourceId(source.0.clone())]),
                title: Text {
                    en: Cow::Owned(format!("Synthetic event {i}")),
                    es: Cow::Owned(format!("Hecho sintético {i}")),
                },
                short: Some(Text {
                    en: Cow::Owned(format!("Event {i}")),
                    es: Cow::Owned(format!("Hecho {i}")),
                }),
                summary: Text {
                    en: Cow::Borrowed("Generated for the benchmark."),
                    es: Cow::Borrowed("Generado para la prueba."),
                },
                note: None,
            }
        })
        .collect();
    data.events = Cow::Owned(events);
    Box::leak(Box::new(data))
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// Resolves after the current task and every microtask queued by it (the reactive effects that
/// update the DOM) have run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn timeline_with_many_events() {
    let data = synthetic(events());
    let container = document()
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    document().body().unwrap().append_child(&container).unwrap();

    // The pure layout on its own, for comparison with the toggle.
    let mut state = ecuador_explainer::timeline::initial_state(data);
    let t = now();
    for _ in 0..10 {
        state.toggle(Category::Violence);
        std::hint::black_box(state.markers(None));
    }
    let layout_ms = (now() - t) / 10.0;

    let start = now();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let (state, _) = signal(ViewState::new(View::Timeline));
        let lang = Memo::new(|_| Lang::En);
        provide_context(Ctx::new(data, state, lang, None));
        view! { <TimelineView/> }
    });
    settle().await;
    let first_render = now() - start;
    let nodes = container.query_selector_all("*").unwrap().length();
    let markers = container
        .query_selector_all(".markers li")
        .unwrap()
        .length();

    // What waiting for the DOM update costs on its own (a timer turn), to subtract.
    let mut idle = Vec::new();
    for _ in 0..5 {
        let t = now();
        settle().await;
        idle.push(now() - t);
    }
    idle.sort_by(f64::total_cmp);
    let idle = idle[idle.len() / 2];
    let mut toggles = Vec::new();
    let mut to_next_task = Vec::new();
    for category in [
        "violence", "prisons", "violence", "prisons", "justice", "justice",
    ] {
        let button = container
            .query_selector(&format!(".legend-item[data-category=\"{category}\"]"))
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        let markers_html = || {
            container
                .query_selector(".markers")
                .ok()
                .flatten()
                .map(|list| list.inner_html())
                .unwrap_or_default()
        };
        let before = markers_html();
        // When the marker list last changed: a MutationObserver notes it as the DOM updates.
        let changed_at = std::rc::Rc::new(std::cell::Cell::new(0.0));
        let observer = {
            let changed_at = changed_at.clone();
            let callback =
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || changed_at.set(now()));
            let observer =
                web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
            callback.forget();
            observer
        };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        observer
            .observe_with_options(
                &container.query_selector(".markers").unwrap().unwrap(),
                &options,
            )
            .unwrap();
        let t = now();
        button.click();
        settle().await;
        observer.disconnect();
        to_next_task.push(now() - t);
        toggles.push(changed_at.get() - t);
        // The measurement must include the DOM update: the markers changed (at 10,000 events most
        // of them are clusters, which carry no category, so the list itself is compared).
        assert!(
            changed_at.get() > t && markers_html() != before,
            "toggling {category} did not change the markers"
        );
    }
    toggles.sort_by(f64::total_cmp);
    let toggle_median = toggles[toggles.len() / 2];
    let toggle_max = toggles[toggles.len() - 1];
    to_next_task.sort_by(f64::total_cmp);
    let next_task_median = to_next_task[to_next_task.len() / 2];

    let count = events();
    console_log!(
        "BENCH events={count} first_render_ms={first_render:.1} toggle_median_ms={toggle_median:.2} toggle_max_ms={toggle_max:.2} idle_turn_ms={idle:.2} toggle_to_next_task_median_ms={next_task_median:.2} layout_ms={layout_ms:.2} dom_nodes={nodes} markers={markers}"
    );
    assert!(
        markers > 0 && (markers as usize) < events(),
        "markers must be aggregated: {markers}"
    );
    handle.forget();
}
