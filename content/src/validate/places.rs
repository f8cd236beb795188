//! `data/places.toml`: both languages, real coordinates, sources.

use super::{Known, Report};
use crate::Dataset;

const FILE: &str = "data/places.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for place in data.places.iter() {
        let record = format!("place `{}`", place.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("name"), &place.name);
        out.text(at("role"), &place.role);
        if let Some(note) = &place.note {
            out.text(at("note"), note);
        }
        if !(-90.0..=90.0).contains(&place.lat) {
            out.add(
                at("lat"),
                format!("{} is not a latitude (-90 to 90)", place.lat),
            );
        }
        if !(-180.0..=180.0).contains(&place.lon) {
            out.add(
                at("lon"),
                format!("{} is not a longitude (-180 to 180)", place.lon),
            );
        }
        out.sources(at("sources"), &place.sources, &known.sources);
    }
}
