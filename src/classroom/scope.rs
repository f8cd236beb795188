//! What a printed handout holds, as plain logic tested without a browser: the scope a teacher
//! picks in the Print dialog ([`HandoutScope`], with the slug its choice is written as), the parts
//! each scope prints ([`Contents::of`]), and the class sheet's numbered short citations
//! ([`number_citations`], [`refs_text`]).
//!
//! ```
//! use ecuador_explainer::classroom::scope::{Contents, HandoutScope};
//! use ecuador_explainer::url_state::View;
//! let sheet = Contents::of(HandoutScope::ClassSheet, View::Map);
//! assert!(sheet.chart && !sheet.map && sheet.numbered);
//! assert_eq!(HandoutScope::parse("class-sheet"), Some(HandoutScope::ClassSheet));
//! ```

use crate::url_state::View;

/// What the teacher prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HandoutScope {
    /// Two A4 pages for a class: the lede and its key number, the story's steps, the homicide
    /// chart and the sources as numbered short citations.
    ClassSheet,
    /// The view on screen (the story, the timeline as filtered, the map, the comparison in view).
    View,
    /// Every step of the story with its full sources, the homicide chart and the map.
    Story,
    /// The full reference: the story, every event, the comparison in view and every route. What
    /// the browser's own Print (Ctrl+P) prints, since it cannot ask: it leaves nothing out.
    #[default]
    Everything,
}

impl HandoutScope {
    /// The choices in the order the Print dialog offers them.
    pub const CHOICES: [HandoutScope; 4] = [
        HandoutScope::ClassSheet,
        HandoutScope::View,
        HandoutScope::Story,
        HandoutScope::Everything,
    ];

    /// The choice as the dialog's form and the handout's `data-scope` write it.
    pub fn slug(self) -> &'static str {
        match self {
            HandoutScope::ClassSheet => "class-sheet",
            HandoutScope::View => "view",
            HandoutScope::Story => "story",
            HandoutScope::Everything => "everything",
        }
    }

    /// The scope a slug names; `None` for anything else.
    pub fn parse(slug: &str) -> Option<HandoutScope> {
        HandoutScope::CHOICES.into_iter().find(|s| s.slug() == slug)
    }
}

/// How the story's steps are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryDetail {
    /// Title and paragraph, with the numbers of their sources (the class sheet).
    Brief,
    /// Title, paragraph and the full citations.
    Full,
}

/// The parts of a handout, in the order they print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Contents {
    /// The story in brief and its key number.
    pub lede: bool,
    pub story: Option<StoryDetail>,
    /// The homicide chart, as the "Download image" picture draws it.
    pub chart: bool,
    /// The map with the routes and places in question lit.
    pub map: bool,
    /// Every event (or, for the timeline in view, the events its filter shows).
    pub timeline: bool,
    /// Only the events the timeline's filter shows.
    pub filtered: bool,
    /// The policy comparison in view (or the default pair).
    pub comparison: bool,
    /// That pair's small charts (US funding, homicide rates), as the policy view shows them.
    pub pair_charts: bool,
    pub routes: bool,
    /// Sources as one numbered list of short citations at the end, the text citing numbers;
    /// otherwise each item carries its full citations.
    pub numbered: bool,
}

impl Contents {
    /// What `scope` prints while the reader is on `view`.
    pub fn of(scope: HandoutScope, view: View) -> Contents {
        let none = Contents::default();
        match scope {
            HandoutScope::ClassSheet => Contents {
                lede: true,
                story: Some(StoryDetail::Brief),
                chart: true,
                numbered: true,
                ..none
            },
            HandoutScope::Story => Contents {
                lede: true,
                story: Some(StoryDetail::Full),
                chart: true,
                map: true,
                ..none
            },
            HandoutScope::Everything => Contents {
                lede: true,
                story: Some(StoryDetail::Full),
                chart: true,
                map: true,
                timeline: true,
                comparison: true,
                pair_charts: true,
                routes: true,
                ..none
            },
            HandoutScope::View => match view {
                View::Story => Contents::of(HandoutScope::Story, view),
                View::Timeline => Contents {
                    lede: true,
                    chart: true,
                    timeline: true,
                    filtered: true,
                    ..none
                },
                View::Map => Contents {
                    map: true,
                    routes: true,
                    ..none
                },
                View::Policies => Contents {
                    comparison: true,
                    pair_charts: true,
                    ..none
                },
                // About is the sources and the method: its printed form is the full reference.
                View::About => Contents::of(HandoutScope::Everything, view),
            },
        }
    }
}

/// Short citations numbered in order of first use, each once, and for each group (the lede, then
/// each step) the numbers it cites.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Numbered {
    /// The list as printed: number `i + 1` is `list[i]`.
    pub list: Vec<String>,
    /// Each group's numbers, ascending, each once.
    pub refs: Vec<Vec<usize>>,
}

/// Numbers the citations of `groups`. Two sources with the same short citation (two reports of
/// one publisher in one month) share a number: the reader could not tell them apart anyway.
pub fn number_citations(groups: impl IntoIterator<Item = Vec<String>>) -> Numbered {
    let mut out = Numbered::default();
    for group in groups {
        let mut refs: Vec<usize> = group
            .into_iter()
            .map(
                |citation| match out.list.iter().position(|c| *c == citation) {
                    Some(i) => i + 1,
                    None => {
                        out.list.push(citation);
                        out.list.len()
                    }
                },
            )
            .collect();
        refs.sort_unstable();
        refs.dedup();
        out.refs.push(refs);
    }
    out
}

/// Reference numbers as printed after a paragraph: runs of three or more joined ("1–3, 5, 7–9"),
/// pairs kept apart ("4, 5").
pub fn refs_text(refs: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < refs.len() {
        let mut j = i;
        while j + 1 < refs.len() && refs[j + 1] == refs[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}–{}", refs[i], refs[j]));
        } else {
            parts.extend(refs[i..=j].iter().map(usize::to_string));
        }
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The dialog's form writes the slug and reads it back: every choice must survive the trip,
    // and a stray value must not pick a scope.
    #[test]
    fn slugs_round_trip() {
        for scope in HandoutScope::CHOICES {
            assert_eq!(HandoutScope::parse(scope.slug()), Some(scope));
        }
        assert_eq!(HandoutScope::parse(""), None);
        assert_eq!(HandoutScope::parse("Class-Sheet"), None);
        assert_eq!(HandoutScope::default(), HandoutScope::Everything);
    }

    // The class sheet must stay short: no event list, no table, no route list, one picture.
    #[test]
    fn the_class_sheet_is_the_story_in_brief_with_one_picture() {
        for view in View::ALL {
            let sheet = Contents::of(HandoutScope::ClassSheet, view);
            assert_eq!(sheet.story, Some(StoryDetail::Brief));
            assert!(sheet.lede && sheet.numbered);
            assert_eq!(u8::from(sheet.chart) + u8::from(sheet.map), 1);
            assert!(!sheet.timeline && !sheet.comparison && !sheet.pair_charts && !sheet.routes);
        }
    }

    // The full reference keeps everything today's handout printed, and adds the story and every
    // picture (the homicide chart, the map, the pair's small charts).
    #[test]
    fn everything_prints_every_part() {
        let all = Contents::of(HandoutScope::Everything, View::Policies);
        assert!(all.lede && all.chart && all.map && all.timeline && all.comparison && all.routes);
        assert!(all.pair_charts);
        assert_eq!(all.story, Some(StoryDetail::Full));
        assert!(!all.filtered && !all.numbered);
    }

    // "This view" prints what is on screen, and nothing from the other views.
    #[test]
    fn this_view_prints_the_view_on_screen() {
        let timeline = Contents::of(HandoutScope::View, View::Timeline);
        assert!(timeline.timeline && timeline.filtered && timeline.chart);
        assert!(!timeline.map && !timeline.comparison && timeline.story.is_none());
        assert!(!timeline.pair_charts);
        let map = Contents::of(HandoutScope::View, View::Map);
        assert!(map.map && map.routes && !map.timeline && !map.chart && !map.pair_charts);
        // The comparison with the small charts beside it on screen, and no other picture.
        let policies = Contents::of(HandoutScope::View, View::Policies);
        assert!(policies.comparison && policies.pair_charts);
        assert!(!policies.timeline && !policies.routes && !policies.chart && !policies.map);
        assert_eq!(
            Contents::of(HandoutScope::View, View::Story),
            Contents::of(HandoutScope::Story, View::Story)
        );
        assert_eq!(
            Contents::of(HandoutScope::View, View::About),
            Contents::of(HandoutScope::Everything, View::About)
        );
    }

    // A source cited by several steps keeps its first number; sources that read the same share
    // one; each group's numbers come sorted and once.
    #[test]
    fn citations_are_numbered_in_order_of_first_use() {
        let numbered = number_citations([
            vec!["B, 2024".to_string(), "A, 2020".to_string()],
            vec![
                "C, 2021".to_string(),
                "A, 2020".to_string(),
                "C, 2021".to_string(),
            ],
            vec![],
        ]);
        assert_eq!(numbered.list, ["B, 2024", "A, 2020", "C, 2021"]);
        assert_eq!(numbered.refs, [vec![1, 2], vec![2, 3], vec![]]);
    }

    #[test]
    fn reference_runs_are_joined() {
        assert_eq!(refs_text(&[1, 2, 3, 5, 7, 8, 9, 10]), "1–3, 5, 7–10");
        assert_eq!(refs_text(&[4, 5]), "4, 5");
        assert_eq!(refs_text(&[6]), "6");
        assert_eq!(refs_text(&[]), "");
    }
}
