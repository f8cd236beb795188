//! The app: its context, the router that keeps the view state in the URL fragment, the shell
//! and the header's tools. `App` renders the shell plus one of four views (or a presentation).

pub mod languages;
pub mod router;
pub mod shell;
pub mod tools;

use leptos::prelude::*;

use crate::classroom::deck::EventFilter;
use crate::classroom::scope::HandoutScope;
use crate::classroom::{handout, presentation};
use crate::data::{Dataset, EventId, Strings};
use crate::embed::host as embed_host;
use crate::embed::EmbedOptions;
use crate::ui::{browser, return_to};
use crate::url_state::{Notice, Selection, View, ViewState};
use crate::{about, policies, route_map, story, timeline};
use content::{Lang, Text};

/// What every component may read: the data, the current state, the language, the notice.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: &'static Dataset,
    pub state: ReadSignal<ViewState>,
    pub lang: Memo<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    /// The event last selected on the timeline, whose places the map highlights.
    pub last_event: RwSignal<Option<EventId>>,
    /// The embed options when the page is embedded in another (`?embed=…`).
    pub embed: Option<&'static EmbedOptions>,
    /// Where the reader was before a tap took them far (`ui::return_to`).
    pub return_point: RwSignal<Option<return_to::ReturnPoint>>,
    /// The timeline's category filter: kept across views, and what a presentation of the
    /// timeline follows.
    pub filter: RwSignal<EventFilter>,
}

impl Ctx {
    /// The context for a view state and its language: no notice, no event selected yet.
    pub fn new(
        data: &'static Dataset,
        state: ReadSignal<ViewState>,
        lang: Memo<Lang>,
        embed: Option<&'static EmbedOptions>,
    ) -> Ctx {
        Ctx {
            data,
            state,
            lang,
            notice: RwSignal::new(None),
            last_event: RwSignal::new(None),
            embed,
            return_point: RwSignal::new(None),
            filter: RwSignal::new(EventFilter::default()),
        }
    }

    pub fn use_context() -> Ctx {
        expect_context::<Ctx>()
    }

    /// A UI string in the current language (reactive).
    pub fn t(&self, pick: fn(&Strings) -> &Text) -> String {
        pick(&self.data.strings).get(self.lang.get()).to_string()
    }

    /// A piece of data text in the current language (reactive).
    pub fn text(&self, text: &Text) -> String {
        text.get(self.lang.get()).to_string()
    }

    /// A piece of data text in the current language, without subscribing.
    pub fn data_text_untracked<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang.get_untracked())
    }

    /// A view's name, as its tab says it.
    pub fn view_name(&self, view: View) -> String {
        match view {
            View::Story => self.t(|s| &s.view_story),
            View::Timeline => self.t(|s| &s.view_timeline),
            View::Map => self.t(|s| &s.view_map),
            View::Policies => self.t(|s| &s.view_policies),
            View::About => self.t(|s| &s.view_about),
        }
    }

    /// The link to a view, keeping the current language.
    pub fn href_view(&self, view: View) -> String {
        self.href_state(ViewState::new(view))
    }

    /// The link to a record in its own view, keeping the current language.
    pub fn href(&self, selection: Selection) -> String {
        self.href_state(ViewState::of(selection))
    }

    /// The link to a full state, keeping the current language.
    pub fn href_state(&self, mut state: ViewState) -> String {
        state.lang = Some(self.lang.get());
        state.to_hash()
    }

    /// The state in the language the reader is reading (without subscribing).
    pub fn keep_lang(&self, mut state: ViewState) -> ViewState {
        state.lang = Some(self.lang.get_untracked());
        state
    }
}

thread_local! {
    /// A notice carried from one mount of the app to the next (`languages`).
    static CARRIED_NOTICE: std::cell::Cell<Option<Notice>> = const { std::cell::Cell::new(None) };
}

#[component]
pub fn App() -> impl IntoView {
    let data = crate::data::dataset();
    let embed: Option<&'static EmbedOptions> =
        embed_host::read_options().map(|options| &*Box::leak(Box::new(options)));
    embed_host::mark_document(embed);
    let (initial, initial_notice) = router::read_location(data, embed);
    // The notice an app mounted before this one (in the other language) was showing.
    let initial_notice = initial_notice.or_else(|| CARRIED_NOTICE.with(|n| n.take()));
    // The latest timeline selection stays until another replaces it, so the map can show where
    // that event happened.
    let initial_event = initial.event().cloned();
    let (state, set_state) = signal(initial);
    // An embed's own choice; else the page's language (`es.html` is Spanish; its loader has
    // already sent a Spanish browser there); else the browser's.
    let browser_lang = match embed {
        Some(embed) => embed.lang,
        None => browser::page_lang(),
    }
    .unwrap_or_else(browser::browser_lang);
    // The language the address asks for; the page speaks it once the dataset holds its words
    // (a page loads its own language's only: `languages`), and its first language until then.
    let wanted_lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(browser_lang));
    let lang = Memo::new(move |_| {
        let wanted = wanted_lang.get();
        match crate::data::only_lang() {
            Some(only) if only != wanted => only,
            _ => wanted,
        }
    });
    let ctx = Ctx::new(data, state, lang, embed);
    ctx.notice.set(initial_notice);
    ctx.last_event.set(initial_event);
    let (notice, last_event) = (ctx.notice, ctx.last_event);

    return_to::install(ctx);
    router::follow(data, embed, move |next, next_notice| {
        notice.set(next_notice);
        if let Some(event) = next.event() {
            last_event.set(Some(event.clone()));
        }
        return_to::arrived(ctx, &next);
        if state.with_untracked(|s| *s != next) {
            set_state.set(next);
        }
    });
    Effect::new(move |_| {
        let wanted = wanted_lang.get();
        if lang.get_untracked() == wanted {
            return;
        }
        let keep = move || CARRIED_NOTICE.with(|n| n.set(notice.try_get_untracked().flatten()));
        languages::load_then_remount(wanted, keep, move |why| {
            leptos::logging::warn!("The other language could not load: {why}");
            // The address says the language the page speaks, so trying again is a real change.
            let mut shown = state.get_untracked();
            shown.lang = Some(lang.get_untracked());
            router::navigate(&shown, router::History::Replace);
            notice.set(Some(Notice::LangFailed));
        });
    });
    Effect::new(move |_| browser::set_document_lang(lang.get()));
    Effect::new(move |_| {
        let title = data.strings.app_title.get(lang.get()).to_string();
        document().set_title(&title);
    });

    // Only a change of view re-creates the view; a new selection or language updates it in place
    // (keeping its filters, zoom and focus).
    let current_view = Memo::new(move |_| state.with(|s| s.view));
    let presenting = Memo::new(move |_| state.with(|s| s.present));

    provide_context(ctx);

    if let Some(embed) = embed {
        embed_host::connect(embed, state, data);
        embed_host::send_other_views_to_full_explainer(embed);
    }

    // The handout is drawn only for printing, in the scope the Print dialog chose; the browser's
    // own Print (Ctrl+P) cannot ask, so it prints the full reference, which leaves nothing out.
    let printing = RwSignal::new(None::<HandoutScope>);
    browser::window_listener(leptos::ev::beforeprint, move |_| {
        if printing.get_untracked().is_none() {
            printing.set(Some(HandoutScope::Everything));
        }
    });
    browser::window_listener(leptos::ev::afterprint, move |_| printing.set(None));

    // A single-item embed (`embed=event`, `embed=step`) shows its item alone, when it exists (if
    // its `id=` names none, the embed shows the item's whole view, with a notice).
    let single_item = embed.is_some_and(|e| e.item(data).is_some());
    let explainer = move || {
        view! {
            <shell::SkipLink/>
            <shell::Header printing=printing/>
            <shell::NoticeBar/>
            <main id="content" tabindex="-1">
                // The story in brief, above the first view (not in an embed, which shows one part).
                {move || (embed.is_none() && current_view.get() == View::Timeline)
                    .then(|| view! { <crate::lede::Lede/> })}
                {move || match (current_view.get(), single_item) {
                    (View::Story, true) => view! { <story::StoryView single=true/> }.into_any(),
                    (View::Timeline, true) => view! { <timeline::EventCard/> }.into_any(),
                    (View::Story, false) => view! { <story::StoryView/> }.into_any(),
                    (View::Timeline, false) => view! { <timeline::TimelineView/> }.into_any(),
                    (View::Map, _) => view! { <route_map::RouteMapView/> }.into_any(),
                    (View::Policies, _) => view! { <policies::PoliciesView/> }.into_any(),
                    (View::About, _) => view! { <about::AboutView/> }.into_any(),
                }}
                <return_to::ReturnButton/>
            </main>
            <shell::Footer/>
        }
    };
    view! {
        {move || if presenting.get() {
            view! { <presentation::Presentation/> }.into_any()
        } else {
            explainer().into_any()
        }}
        {move || printing.get().map(|scope| view! { <handout::Handout scope=scope/> })}
    }
}
