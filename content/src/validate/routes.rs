//! `data/routes.toml`: paths through known places, volumes with their figure.

use super::{Known, Report};
use crate::Dataset;

const FILE: &str = "data/routes.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    // Places and routes share the map's links (#map/<id>), so their ids must not collide.
    for id in known.routes.intersection(&known.places) {
        let record = format!("route `{id}`");
        out.add(
            (FILE, &record, "id".into()),
            "is also a place id; links to the map would be ambiguous",
        );
    }
    for route in data.routes.iter() {
        let record = format!("route `{}`", route.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("name"), &route.name);
        out.text(at("summary"), &route.summary);
        for (field, text) in [("volume", &route.volume), ("note", &route.note)] {
            if let Some(text) = text {
                out.text(at(field), text);
            }
        }
        if route.modes.is_empty() {
            out.add(at("modes"), "needs at least one mode");
        }
        if route.path.len() < 2 {
            out.add(
                at("path"),
                "needs at least two places (origin and destination)",
            );
        }
        for place in route.path.iter() {
            if !known.places.contains(place.as_str()) {
                out.add(at("path"), format!("unknown place `{place}`"));
            }
        }
        if route.path.windows(2).any(|pair| pair[0] == pair[1]) {
            out.add(at("path"), "names the same place twice in a row");
        }
        if let Some(tonnes) = route.tonnes_per_year {
            if !(tonnes.is_finite() && tonnes > 0.0) {
                out.add(
                    at("tonnes_per_year"),
                    format!("{tonnes} is not a positive amount"),
                );
            }
            if route.volume.is_none() {
                out.add(
                    at("volume"),
                    "a route with tonnes_per_year must say in `volume` what the figure is",
                );
            }
        }
        out.sources(at("sources"), &route.sources, &known.sources);
    }
}
