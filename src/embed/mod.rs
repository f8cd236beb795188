//! Embedding in news pages, as plain logic: the options a host writes in the iframe's address
//! (`?embed=timeline&lang=es&dark=auto&controls=min`), the height and state messages the embed
//! posts to its host in the conventions hosts already listen for, the commands a host may send,
//! and the snippet the Embed dialog hands out. The browser side is in `host.rs`, the dialog in
//! `dialog.rs`; the host page's script is `static/embed.js` (its constants are checked against
//! these by `tests/embed_constants.rs`).
//!
//! Everything here treats its input as hostile: the address comes from any page that frames us
//! (Pym.js adds its own keys), and messages come from any window. Nothing panics; anything not
//! understood is ignored.

pub mod dialog;
pub mod host;

use crate::data::Dataset;
use crate::ui::html::escape;
use crate::url_state::{resolve, Link, Notice, Parsed, Selection, View, ViewState, MAX_LEN};
use content::Lang;

/// The longest key=value pair we read; longer ones (Pym.js adds the article's address and
/// title, with whatever tracking the host put in it) are skipped, not fatal.
pub const MAX_PAIR_LEN: usize = 256;
/// The most pairs we look at.
pub const MAX_PAIRS: usize = 32;
/// Heights outside this range are not ours to post, nor the host script's to accept.
pub const MIN_HEIGHT: u32 = 100;
pub const MAX_HEIGHT: u32 = 20_000;
/// The `type` of the messages the explainer and its host script exchange.
pub const MSG_HEIGHT: &str = "ecuador-explainer:height";
pub const MSG_STATE: &str = "ecuador-explainer:state";
pub const CMD_NAVIGATE: &str = "ecuador-explainer:navigate";
pub const CMD_REQUEST_HEIGHT: &str = "ecuador-explainer:request-height";

/// What part of the explainer an embed shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    All,
    Only(View),
    /// One event's card (`?embed=event&id=<event>`), for an article that wants one moment.
    Event,
    /// One story step with its live view (`?embed=step&id=<step>`), without the stepper.
    Step,
}

impl Scope {
    pub const CHOICES: [Scope; 7] = [
        Scope::All,
        Scope::Only(View::Story),
        Scope::Only(View::Timeline),
        Scope::Only(View::Map),
        Scope::Only(View::Policies),
        Scope::Step,
        Scope::Event,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Only(view) => view.slug(),
            Scope::Event => "event",
            Scope::Step => "step",
        }
    }

    fn from_slug(slug: &str) -> Option<Scope> {
        match slug {
            "all" | "" | "1" | "true" => Some(Scope::All),
            "story" | "timeline" | "map" | "policies" => View::from_slug(slug).map(Scope::Only),
            "event" => Some(Scope::Event),
            "step" => Some(Scope::Step),
            _ => None,
        }
    }

    /// Whether the scope shows a single item, named by the address's `id=`.
    pub fn is_single(self) -> bool {
        matches!(self, Scope::Event | Scope::Step)
    }

    pub fn allows(self, view: View) -> bool {
        match self {
            Scope::All => true,
            scope => scope.home() == view,
        }
    }

    /// The view an embed opens on when its link names none, or one outside the scope.
    pub fn home(self) -> View {
        match self {
            Scope::All => View::default(),
            Scope::Only(view) => view,
            Scope::Event => View::Timeline,
            Scope::Step => View::Story,
        }
    }
}

/// The host's choice of colours: follow the reader's setting, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Dark,
    Light,
}

impl Theme {
    pub const CHOICES: [Theme; 3] = [Theme::Auto, Theme::Dark, Theme::Light];

    /// The value of `dark=` in the address.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Dark => "true",
            Theme::Light => "false",
        }
    }

    fn from_code(code: &str) -> Option<Theme> {
        match code {
            "auto" => Some(Theme::Auto),
            "true" | "1" => Some(Theme::Dark),
            "false" | "0" => Some(Theme::Light),
            _ => None,
        }
    }

    /// The CSS `color-scheme` the page declares, matching what it paints, so a host in another
    /// scheme does not get an opaque box behind the frame.
    pub fn color_scheme(self) -> &'static str {
        match self {
            Theme::Auto => "light dark",
            Theme::Dark => "dark",
            Theme::Light => "light",
        }
    }
}

/// How much of the embed's own chrome the host wants: all of it, or the minimum for a host that
/// fixes the language itself (`controls=min`: no language switch).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Controls {
    #[default]
    Full,
    Min,
}

impl Controls {
    pub const CHOICES: [Controls; 2] = [Controls::Full, Controls::Min];

    /// The value of `controls=` in the address.
    pub fn code(self) -> &'static str {
        match self {
            Controls::Full => "full",
            Controls::Min => "min",
        }
    }

    fn from_code(code: &str) -> Option<Controls> {
        match code {
            "full" => Some(Controls::Full),
            "min" => Some(Controls::Min),
            _ => None,
        }
    }

    /// Whether the header offers the language switch.
    pub fn shows_language_switch(self) -> bool {
        self == Controls::Full
    }
}

/// The options of an embedded explainer, read from `location.search`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    pub scope: Scope,
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// `controls=min` hides the language switch (for hosts that fix the language).
    pub controls: Controls,
    /// The id Pym.js gives its child (`childId=`), needed for Pym's height message.
    pub child_id: Option<String>,
    /// An id for Datawrapper-style height messages (`id=`), matched by such hosts against the
    /// iframe's `src` or id. In a single-item embed (`embed=event`, `embed=step`) it names the
    /// item.
    pub id: Option<String>,
}

/// Ids from a host: short, and only characters that need no escaping anywhere.
fn is_safe_token(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl EmbedOptions {
    /// Reads the address query (with or without its `?`). `None` means "not embedded": there is
    /// no `embed` key. Unknown keys (hosts add their own) and bad values are ignored, keeping the
    /// defaults, so a damaged embed address still shows the explainer.
    pub fn parse(search: &str) -> Option<EmbedOptions> {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut embed = None;
        let mut options = EmbedOptions::default();
        let pairs = search.split('&').filter(|pair| pair.len() <= MAX_PAIR_LEN);
        for pair in pairs.take(MAX_PAIRS) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" if embed.is_none() => {
                    embed = Some(Scope::from_slug(value).unwrap_or_default());
                }
                "lang" if options.lang.is_none() => options.lang = Lang::from_code(value),
                "dark" => options.theme = Theme::from_code(value).unwrap_or(options.theme),
                "controls" => {
                    options.controls = Controls::from_code(value).unwrap_or(options.controls);
                }
                "childId" if is_safe_token(value) => options.child_id = Some(value.to_string()),
                "id" if is_safe_token(value) => options.id = Some(value.to_string()),
                _ => {}
            }
        }
        options.scope = embed?;
        Some(options)
    }

    /// The address query for these options, as the snippet writes it.
    pub fn to_query(&self) -> String {
        let mut out = format!("?embed={}", self.scope.slug());
        if let Some(id) = self.id.as_deref().filter(|_| self.scope.is_single()) {
            out.push_str("&id=");
            out.push_str(id);
        }
        if let Some(lang) = self.lang {
            out.push_str("&lang=");
            out.push_str(lang.code());
        }
        out.push_str("&dark=");
        out.push_str(self.theme.code());
        // The default is left out, so the snippets handed out before this option stay as they were.
        if self.controls != Controls::default() {
            out.push_str("&controls=");
            out.push_str(self.controls.code());
        }
        out
    }

    /// The id used in Datawrapper-style messages.
    fn message_id(&self) -> &str {
        self.id
            .as_deref()
            .or(self.child_id.as_deref())
            .unwrap_or("ecuador-explainer")
    }

    /// The item a single-item embed shows, if its `id=` names one that exists.
    pub fn item(&self, data: &Dataset) -> Option<Selection> {
        let id = self.id.as_deref().filter(|_| self.scope.is_single())?;
        Selection::find(data, self.scope.home(), id)
    }

    /// Whether a state belongs in this embed: its view, and for a single-item embed its item (one
    /// whose `id=` names nothing shows the item's whole view instead).
    pub fn allows(&self, state: &ViewState, data: &Dataset) -> bool {
        self.scope.allows(state.view)
            && match self.item(data) {
                Some(item) => state.selection.as_ref() == Some(&item),
                None => true,
            }
    }

    /// Keeps a state inside the embed's scope: a view outside it opens the embed's own view, and
    /// a single-item embed always shows its item (or, if its `id=` names none, its whole view,
    /// with a notice). Presentation mode is for the full explainer (its decks span views), so an
    /// embed never presents.
    pub fn confine(&self, mut state: ViewState, data: &Dataset) -> (ViewState, Option<Notice>) {
        state.present = false;
        state.part = 0;
        // The notice says once, on the bare view, that the embed's own item was not found.
        let unknown = self.scope.is_single() && self.item(data).is_none();
        if self.allows(&state, data) {
            let notice = (unknown && state.selection.is_none()).then_some(Notice::UnknownItem);
            return (state, notice);
        }
        let home = ViewState {
            lang: state.lang,
            ..ViewState::new(self.scope.home())
        };
        if !self.scope.is_single() {
            return (home, None);
        }
        match self.item(data) {
            Some(item) => (
                ViewState {
                    selection: Some(item),
                    ..home
                },
                None,
            ),
            None => (home, Some(Notice::UnknownItem)),
        }
    }
}

/// One message for the host, and how to post it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Post {
    /// Posted as a string.
    Text(String),
    /// JSON to post as an object (some hosts only read objects).
    Object(String),
}

/// A string as a JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The page's height in every convention: ours (for `embed.js`), Pym.js (only when Pym gave a
/// child id), Datawrapper, AMP and `iframe.resize`. `href` is the embed's own address.
pub fn height_posts(options: &EmbedOptions, height: u32, href: &str) -> Vec<Post> {
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let mut posts = vec![Post::Object(format!(
        r#"{{"type":"{MSG_HEIGHT}","height":{height}}}"#
    ))];
    if let Some(child) = &options.child_id {
        posts.push(Post::Text(format!(
            "pymxPYMx{child}xPYMxheightxPYMx{height}"
        )));
    }
    posts.push(Post::Object(format!(
        r#"{{"datawrapper-height":{{{}:{height}}}}}"#,
        json_string(options.message_id())
    )));
    posts.push(Post::Object(format!(
        r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#
    )));
    posts.push(Post::Text(format!(
        r#"{{"src":{},"context":"iframe.resize","height":{height}}}"#,
        json_string(href)
    )));
    posts
}

/// Tells the host the embed's deep link changed, so it can mirror it.
pub fn state_post(hash: &str) -> Post {
    Post::Object(format!(
        r#"{{"type":"{MSG_STATE}","hash":{}}}"#,
        json_string(hash)
    ))
}

/// What a host page may ask of an embed. Nothing else a message says has any effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostCommand {
    /// Open a deep link (`{"type":"ecuador-explainer:navigate","hash":"#map/guayaquil"}`).
    Navigate(ViewState),
    /// Post the height again (`{"type":"ecuador-explainer:request-height"}`).
    RequestHeight,
}

/// Validates a host's message, already split into its `type` and `hash` fields. A navigation
/// must be a valid link to an existing item inside the embed's scope; anything else is `None`.
pub fn parse_command(
    kind: &str,
    hash: Option<&str>,
    options: &EmbedOptions,
    data: &Dataset,
) -> Option<HostCommand> {
    match kind {
        CMD_REQUEST_HEIGHT => Some(HostCommand::RequestHeight),
        CMD_NAVIGATE => {
            let hash = hash.filter(|h| h.len() <= MAX_LEN)?;
            let Parsed::Valid(state) = Link::parse(hash) else {
                return None;
            };
            let (state, notice) = resolve(Parsed::Valid(state), data);
            (notice.is_none() && !state.present && options.allows(&state, data))
                .then_some(HostCommand::Navigate(state))
        }
        _ => None,
    }
}

/// Whether a link clicked inside an embed stays in it, or belongs in the full explainer (a view
/// outside the embed's scope, or another item than a single-item embed's own).
pub fn stays_in_embed(options: &EmbedOptions, hash: &str, data: &Dataset) -> bool {
    match Link::parse(hash) {
        Parsed::Missing => true,
        Parsed::Valid(link) | Parsed::Invalid { salvaged: link, .. } => {
            if !options.scope.is_single() {
                return options.scope.allows(link.view);
            }
            let (state, _) = resolve(Parsed::Valid(link), data);
            options.allows(&state, data)
        }
    }
}

/// The folder an address is in (`https://x.org/a/index.html?embed=map#map` → `https://x.org/a/`),
/// the base the snippet and the full-explainer link are built on.
pub fn base_url(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    match path.rfind('/') {
        Some(slash) => &path[..=slash],
        None => path,
    }
}

/// The HTML a newsroom pastes: an iframe with a title, lazy loading and a fixed height that
/// works where scripts are stripped, then optionally the host script that resizes it.
pub fn snippet(
    base: &str,
    options: &EmbedOptions,
    title: &str,
    height: u32,
    with_script: bool,
) -> String {
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let src = format!("{base}index.html{}", options.to_query());
    let mut out = format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" loading="lazy" allowfullscreen style="width:100%;border:0" data-ecuador-explainer></iframe>"#,
        escape(&src),
        escape(title),
    );
    if with_script {
        out.push('\n');
        out.push_str(&format!(
            r#"<script src="{}" async></script>"#,
            escape(&format!("{base}embed.js"))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(search: &str) -> EmbedOptions {
        EmbedOptions::parse(search).unwrap_or_else(|| panic!("{search:?} should embed"))
    }

    #[test]
    fn reads_the_documented_options() {
        assert_eq!(EmbedOptions::parse(""), None);
        assert_eq!(EmbedOptions::parse("?lang=es"), None);
        let o = opts("?embed=timeline&lang=es&dark=true");
        assert_eq!(o.scope, Scope::Only(View::Timeline));
        assert_eq!(o.lang, Some(Lang::Es));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(opts("embed=map&dark=false").theme, Theme::Light);
        assert_eq!(opts("?embed").scope, Scope::All);
        assert_eq!(opts("?embed=all&dark=auto").theme, Theme::Auto);
        assert_eq!(opts("?embed=policies").scope, Scope::Only(View::Policies));
        assert_eq!(opts("?embed=story").scope, Scope::Only(View::Story));
    }

    // `controls=min` takes the language switch away from a host that fixes the language; any
    // other value, or none, keeps the full chrome.
    #[test]
    fn reads_the_controls_option() {
        assert_eq!(opts("?embed=map").controls, Controls::Full);
        assert_eq!(
            opts("?embed=map&lang=es&controls=min").controls,
            Controls::Min
        );
        assert_eq!(opts("?controls=min&embed=timeline").controls, Controls::Min);
        assert_eq!(opts("?embed=map&controls=full").controls, Controls::Full);
        for bad in ["", "MIN", "none", "min%00", "minimal", "0"] {
            assert_eq!(
                opts(&format!("?embed=map&controls={bad}")).controls,
                Controls::Full,
                "controls={bad:?}"
            );
        }
        // A bad value later on does not undo a good one; a later good one wins, as for `dark`.
        assert_eq!(
            opts("?embed=map&controls=min&controls=x").controls,
            Controls::Min
        );
        assert_eq!(
            opts("?embed=map&controls=min&controls=full").controls,
            Controls::Full
        );
        // Without `embed` it is no embed at all.
        assert_eq!(EmbedOptions::parse("?controls=min"), None);
        assert!(!Controls::Min.shows_language_switch());
        assert!(Controls::Full.shows_language_switch());
    }

    // A damaged embed address still shows the explainer, with the defaults.
    #[test]
    fn bad_values_keep_the_defaults() {
        let o = opts("?embed=about&lang=fr&dark=maybe&controls=max&childId=<x>&id=a%20b");
        assert_eq!(o, EmbedOptions::default());
        // A host's long parameters are skipped; the embed still works.
        let long = format!("?parentUrl={}&embed=map&childId=c", "a".repeat(3000));
        let o = opts(&long);
        assert_eq!(
            (o.scope, o.child_id.as_deref()),
            (Scope::Only(View::Map), Some("c"))
        );
        assert_eq!(
            EmbedOptions::parse(&format!("?x={}", "&".repeat(5000))),
            None
        );
    }

    #[test]
    fn reads_what_pym_adds() {
        let o = opts("?embed=map&initialWidth=640&childId=example-graphic&parentTitle=Hi%20there&parentUrl=https%3A%2F%2Fnews.example%2Fa");
        assert_eq!(o.child_id.as_deref(), Some("example-graphic"));
        assert_eq!(o.scope, Scope::Only(View::Map));
    }

    #[test]
    fn query_round_trips() {
        for scope in Scope::CHOICES {
            for theme in Theme::CHOICES {
                for lang in [None, Some(Lang::En), Some(Lang::Es)] {
                    for controls in Controls::CHOICES {
                        let o = EmbedOptions {
                            scope,
                            lang,
                            theme,
                            controls,
                            id: scope.is_single().then(|| "an-item".to_string()),
                            ..EmbedOptions::default()
                        };
                        assert_eq!(EmbedOptions::parse(&o.to_query()), Some(o));
                    }
                }
            }
        }
    }

    #[test]
    fn posts_height_in_every_convention() {
        let o = opts("?embed=timeline&childId=c1");
        let posts = height_posts(&o, 812, "https://x.org/a/index.html?embed=timeline");
        assert_eq!(
            posts,
            vec![
                Post::Object(r#"{"type":"ecuador-explainer:height","height":812}"#.into()),
                Post::Text("pymxPYMxc1xPYMxheightxPYMx812".into()),
                Post::Object(r#"{"datawrapper-height":{"c1":812}}"#.into()),
                Post::Object(r#"{"sentinel":"amp","type":"embed-size","height":812}"#.into()),
                Post::Text(
                    r#"{"src":"https://x.org/a/index.html?embed=timeline","context":"iframe.resize","height":812}"#
                        .into()
                ),
            ]
        );
        // Without a Pym child id there is no Pym message, and heights stay in range.
        let posts = height_posts(&opts("?embed=map"), 5, "x");
        assert_eq!(posts.len(), 4);
        assert!(posts
            .iter()
            .all(|p| !matches!(p, Post::Text(t) if t.starts_with("pym"))));
        assert!(matches!(&posts[0], Post::Object(t) if t.contains(":100}")));
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(
            json_string(r#"a"b\c</script>"#),
            r#""a\"b\\c\u003c/script>""#
        );
        assert_eq!(json_string("\n"), r#""\u000a""#);
        assert_eq!(
            state_post("#map/guayaquil"),
            Post::Object(r##"{"type":"ecuador-explainer:state","hash":"#map/guayaquil"}"##.into())
        );
    }

    #[test]
    fn host_commands_are_validated() {
        let data = crate::data::dataset();
        let all = opts("?embed=all");
        let timeline = opts("?embed=timeline");
        let event = data.events[0].id.as_str();
        let place = &data.places[0].id;
        assert_eq!(
            parse_command(CMD_NAVIGATE, Some(&format!("#map/{place}")), &all, data),
            Some(HostCommand::Navigate(ViewState::of(Selection::Place(
                place.clone()
            ))))
        );
        assert_eq!(
            parse_command(CMD_REQUEST_HEIGHT, None, &all, data),
            Some(HostCommand::RequestHeight)
        );
        // Outside the scope, damaged, unknown, missing or oversized: ignored.
        for (kind, hash) in [
            (CMD_NAVIGATE, Some(format!("#map/{place}"))),
            (CMD_NAVIGATE, Some("#timeline/no-such-event".to_string())),
            (CMD_NAVIGATE, Some("#timeline/<script>".to_string())),
            (CMD_NAVIGATE, Some("#timeline?lang=fr".to_string())),
            (CMD_NAVIGATE, Some(format!("#timeline/{}", "a".repeat(600)))),
            (CMD_NAVIGATE, Some(format!("#timeline/{event}?present=1"))),
            (CMD_NAVIGATE, None),
            ("navigate", Some(format!("#timeline/{event}"))),
            ("", None),
        ] {
            assert_eq!(
                parse_command(kind, hash.as_deref(), &timeline, data),
                None,
                "{kind} {hash:?}"
            );
        }
        assert!(parse_command(
            CMD_NAVIGATE,
            Some(&format!("#timeline/{event}")),
            &timeline,
            data
        )
        .is_some());
    }

    #[test]
    fn confines_links_to_the_scope() {
        let data = crate::data::dataset();
        let timeline = opts("?embed=timeline");
        assert!(stays_in_embed(&timeline, "#timeline/x", data));
        assert!(stays_in_embed(&timeline, "", data));
        assert!(!stays_in_embed(&timeline, "#map/guayaquil", data));
        assert!(stays_in_embed(&opts("?embed=all"), "#map/guayaquil", data));
        let quito = crate::data::PlaceId("quito".into());
        let state = ViewState::of(Selection::Place(quito)).with_lang(Lang::Es);
        assert_eq!(
            timeline.confine(state, data),
            (ViewState::new(View::Timeline).with_lang(Lang::Es), None)
        );
        // An embed never presents: the decks span views.
        let mut presenting = ViewState::of(Selection::Event(crate::data::EventId("x".into())));
        presenting.present = true;
        assert!(!timeline.confine(presenting, data).0.present);
    }

    // `?embed=event&id=…` and `?embed=step&id=…` show one item, whatever the fragment says; an
    // id that names nothing shows the item's whole view with the unknown-item notice.
    #[test]
    fn a_single_item_embed_keeps_to_its_item() {
        let data = crate::data::dataset();
        let (first, second) = (&data.events[0], &data.events[1]);
        let event = opts(&format!("?embed=event&id={}&lang=es", first.id));
        assert_eq!(event.scope, Scope::Event);
        assert_eq!(event.item(data), Some(Selection::Event(first.id.clone())));
        let own = ViewState::of(Selection::Event(first.id.clone()));
        for elsewhere in [
            ViewState::default(),
            ViewState::new(View::Map),
            ViewState::of(Selection::Event(second.id.clone())),
            own.clone(),
        ] {
            assert_eq!(
                event.confine(elsewhere.with_lang(Lang::Es), data),
                (own.clone().with_lang(Lang::Es), None)
            );
        }
        // Links: the item itself stays; another event, the timeline or another view leave.
        assert!(stays_in_embed(
            &event,
            &format!("#timeline/{}", first.id),
            data
        ));
        assert!(!stays_in_embed(
            &event,
            &format!("#timeline/{}", second.id),
            data
        ));
        assert!(!stays_in_embed(&event, "#timeline", data));
        assert!(!stays_in_embed(&event, "#map/guayaquil", data));
        // A host may only navigate it to its own item.
        let to = |hash: String| parse_command(CMD_NAVIGATE, Some(&hash), &event, data);
        assert!(to(format!("#timeline/{}", first.id)).is_some());
        assert_eq!(to(format!("#timeline/{}", second.id)), None);

        let step = &data.story[1];
        let one_step = opts(&format!("?id={}&embed=step", step.id));
        assert_eq!(
            one_step.confine(ViewState::new(View::Story), data),
            (ViewState::of(Selection::Step(step.id.clone())), None)
        );
        assert!(!stays_in_embed(
            &one_step,
            &format!("#story/{}", data.story[0].id),
            data
        ));

        // Unknown, missing or unsafe ids: the whole view, and a notice.
        for search in [
            "?embed=event&id=no-such-event",
            "?embed=event",
            "?embed=event&id=<b>",
        ] {
            let o = opts(search);
            assert_eq!(o.item(data), None, "{search}");
            assert_eq!(
                o.confine(ViewState::default(), data),
                (ViewState::new(View::Timeline), Some(Notice::UnknownItem)),
                "{search}"
            );
        }
        // That whole view works: a selected event stays, with no notice.
        let unknown = opts("?embed=event&id=no-such-event");
        assert!(stays_in_embed(
            &unknown,
            &format!("#timeline/{}", second.id),
            data
        ));
        let picked = ViewState::of(Selection::Event(second.id.clone()));
        assert_eq!(unknown.confine(picked.clone(), data), (picked, None));
        // A step id is not an event id.
        let crossed = opts(&format!("?embed=event&id={}", step.id));
        assert_eq!(crossed.item(data), None);
        // `id=` names an item only in a single-item embed; elsewhere it stays the message id.
        assert_eq!(opts("?embed=map&id=x").item(data), None);
        assert!(!opts("?embed=map&id=x").to_query().contains("id="));
        assert_eq!(
            event.to_query(),
            format!("?embed=event&id={}&lang=es&dark=auto", first.id)
        );
    }

    #[test]
    fn snippet_is_escaped_and_complete() {
        let o = opts("?embed=timeline&lang=es&dark=auto");
        assert_eq!(
            base_url("https://x.org/a/index.html?embed=map#map"),
            "https://x.org/a/"
        );
        assert_eq!(
            base_url("file:///media/usb/dist/index.html"),
            "file:///media/usb/dist/"
        );
        let s = snippet("https://x.org/a/", &o, r#"Ecuador "crisis" <b>"#, 900, true);
        assert_eq!(
            s,
            r#"<iframe src="https://x.org/a/index.html?embed=timeline&amp;lang=es&amp;dark=auto" title="Ecuador &quot;crisis&quot; &lt;b&gt;" width="100%" height="900" loading="lazy" allowfullscreen style="width:100%;border:0" data-ecuador-explainer></iframe>
<script src="https://x.org/a/embed.js" async></script>"#
        );
        assert!(!snippet("https://x.org/a/", &o, "t", 900, false).contains("<script"));
        // The minimal chrome is written only when chosen, after the other options.
        let min = EmbedOptions {
            controls: Controls::Min,
            ..o
        };
        assert!(snippet("https://x.org/a/", &min, "t", 900, false).contains(
            r#"src="https://x.org/a/index.html?embed=timeline&amp;lang=es&amp;dark=auto&amp;controls=min""#
        ));
    }
}
