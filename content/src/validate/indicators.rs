//! `data/indicators.toml`: yearly series, one value a year in increasing order.

use super::{Known, Report};
use crate::Dataset;

const FILE: &str = "data/indicators.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for series in data.series.iter() {
        let record = format!("series `{}`", series.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("name"), &series.name);
        out.text(at("unit"), &series.unit);
        if let Some(note) = &series.note {
            out.text(at("note"), note);
        }
        if !known.places.contains(series.place.as_str()) {
            out.add(at("place"), format!("unknown place `{}`", series.place));
        }
        out.sources(at("sources"), &series.sources, &known.sources);
        if series.points.is_empty() {
            out.add(at("points"), "has no values");
        }
        for (i, point) in series.points.iter().enumerate() {
            let field = format!("points[{i}] ({})", point.year);
            if i > 0 && point.year <= series.points[i - 1].year {
                out.add(at(&field), "years must increase, one value per year");
            }
            if !point.value.is_finite() {
                out.add(at(&field), "the value is not a number");
            }
            if !(1900..=2100).contains(&point.year) {
                out.add(at(&field), "the year is outside 1900–2100");
            }
            if !point.sources.is_empty() {
                out.sources(
                    at(&format!("{field}.sources")),
                    &point.sources,
                    &known.sources,
                );
            }
            if let Some(note) = &point.note {
                out.text(at(&format!("{field}.note")), note);
            }
        }
    }
}
