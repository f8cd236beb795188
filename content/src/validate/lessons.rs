//! `data/lessons.toml`: lessons that point at known programmes, rows and events.

use super::{Known, Report};
use crate::Dataset;

const FILE: &str = "data/lessons.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for lesson in data.lessons.iter() {
        let record = format!("lesson `{}`", lesson.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("title"), &lesson.title);
        out.text(at("summary"), &lesson.summary);
        out.text(at("evidence"), &lesson.evidence);
        if let Some(note) = &lesson.note {
            out.text(at("note"), note);
        }
        for id in lesson.policies.iter() {
            if !known.policies.contains(id.as_str()) {
                out.add(at("policies"), format!("unknown policy `{id}`"));
            }
        }
        for id in lesson.dimensions.iter() {
            if !known.dimensions.contains(id.as_str()) {
                out.add(at("dimensions"), format!("unknown dimension `{id}`"));
            }
        }
        for id in lesson.events.iter() {
            if !known.events.contains(id.as_str()) {
                out.add(at("events"), format!("unknown event `{id}`"));
            }
        }
        out.sources(at("sources"), &lesson.sources, &known.sources);
    }
}
