//! `data/eras.toml`: periods that end after they start.

use super::{Known, Report};
use crate::Dataset;

const FILE: &str = "data/eras.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for era in data.eras.iter() {
        let record = format!("era `{}`", era.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("name"), &era.name);
        if let Some(note) = &era.note {
            out.text(at("note"), note);
        }
        if let Some(end) = &era.end {
            if end.start.first_day() <= era.start.last().last_day() {
                out.add(
                    at("end"),
                    format!("{end} is not after the start, {}", era.start),
                );
            }
        }
        out.sources(at("sources"), &era.sources, &known.sources);
    }
}
