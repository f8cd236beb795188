//! `data/story.toml`: the story mode's steps. Each paragraph is short and sourced; everything a
//! step lights in the views (events, places, routes, the compared row, the curve) exists, and the
//! full view it opens has something to show.

use std::collections::HashSet;

use super::{has_duplicates, Known, Report};
use crate::lang::Lang;
use crate::model::{StoryStep, StoryView};
use crate::Dataset;

const FILE: &str = "data/story.toml";

/// A paragraph, not an essay.
pub(crate) const MAX_WORDS: usize = 80;

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for step in data.story.iter() {
        let record = format!("step `{}`", step.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("title"), &step.title);
        out.text(at("text"), &step.text);
        for lang in Lang::ALL {
            let words = step.text.get(lang).split_whitespace().count();
            if words > MAX_WORDS {
                out.add(
                    at(&format!("text.{}", lang.code())),
                    format!("has {words} words (at most {MAX_WORDS})"),
                );
            }
        }
        out.sources(at("sources"), &step.sources, &known.sources);

        let mut refs = |field: &str, kind: &str, ids: Vec<&str>, known: &HashSet<&str>| {
            for id in &ids {
                if !known.contains(id) {
                    out.add(at(field), format!("unknown {kind} `{id}`"));
                }
            }
            if has_duplicates(&ids) {
                out.add(at(field), format!("lists the same {kind} twice"));
            }
        };
        refs("events", "event", ids_of(&step.events), &known.events);
        refs("places", "place", ids_of(&step.places), &known.places);
        refs("routes", "route", ids_of(&step.routes), &known.routes);
        refs(
            "policies",
            "policy",
            ids_of(&step.policies),
            &known.policies,
        );

        check_comparison(step, known, out, &record);
        check_curve(data, step, out, &record);
        check_view(step, out, &record);
    }
}

fn ids_of<T: AsIdStr>(list: &[T]) -> Vec<&str> {
    list.iter().map(AsIdStr::id_str).collect()
}

/// The typed ids a step names, as text.
trait AsIdStr {
    fn id_str(&self) -> &str;
}

macro_rules! as_id_str {
    ($($ty:ident),*) => {$(
        impl AsIdStr for crate::model::$ty {
            fn id_str(&self) -> &str {
                self.as_str()
            }
        }
    )*};
}
as_id_str!(EventId, PlaceId, RouteId, PolicyId);

/// None or two different programmes; a row only with a pair, and a known one.
fn check_comparison(step: &StoryStep, known: &Known<'_>, out: &mut Report<'_>, record: &str) {
    let at = |field: &str| (FILE, record, field.to_string());
    match step.policies.len() {
        0 | 2 => {}
        1 => out.add(
            at("policies"),
            "names one programme (a comparison needs two, or none)",
        ),
        n => out.add(
            at("policies"),
            format!("names {n} programmes (a comparison needs two, or none)"),
        ),
    }
    if let Some(dimension) = &step.dimension {
        if !known.dimensions.contains(dimension.as_str()) {
            out.add(at("dimension"), format!("unknown dimension `{dimension}`"));
        }
        if step.pair().is_none() {
            out.add(
                at("dimension"),
                "a compared row needs two programmes in `policies`",
            );
        }
    }
}

/// `series` and `until` together, the series known, with a value up to that year.
fn check_curve(data: &Dataset, step: &StoryStep, out: &mut Report<'_>, record: &str) {
    let at = |field: &str| (FILE, record, field.to_string());
    match (&step.series, step.until) {
        (None, None) => {}
        (None, Some(_)) => out.add(at("until"), "needs a `series` to draw"),
        (Some(_), None) => out.add(at("series"), "needs `until`, the last year drawn"),
        (Some(series), Some(until)) => match data.series(series.as_str()) {
            None => out.add(at("series"), format!("unknown series `{series}`")),
            Some(found) if !found.points.iter().any(|p| p.year <= until) => out.add(
                at("until"),
                format!("series `{series}` has no value in or before {until}"),
            ),
            Some(_) => {}
        },
    }
}

/// The full view the step opens must have the step's state to show.
fn check_view(step: &StoryStep, out: &mut Report<'_>, record: &str) {
    let at = |field: &str| (FILE, record, field.to_string());
    let missing = match step.view {
        StoryView::Timeline if step.events.is_empty() => Some("an event in `events`"),
        StoryView::Map if step.places.is_empty() && step.routes.is_empty() => {
            Some("a place or a route")
        }
        StoryView::Policies if step.pair().is_none() => Some("two programmes in `policies`"),
        _ => None,
    };
    if let Some(missing) = missing {
        out.add(
            at("view"),
            format!("opens a view with nothing to show: it needs {missing}"),
        );
    }
}
