//! `data/policies.toml`: programmes, comparison rows and the cells between them.

use super::{Known, Report};
use crate::Dataset;
use std::collections::HashSet;

const FILE: &str = "data/policies.toml";

pub(super) fn check(data: &Dataset, known: &Known<'_>, out: &mut Report<'_>) {
    for policy in data.policies.iter() {
        let record = format!("policy `{}`", policy.id);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        out.text(at("name"), &policy.name);
        out.text(at("verdict"), &policy.verdict);
        out.sources(at("sources"), &policy.sources, &known.sources);
        for (i, figure) in policy.key_figures.iter().enumerate() {
            out.text(at(&format!("key_figures[{i}].label")), &figure.label);
            out.text(at(&format!("key_figures[{i}].value")), &figure.value);
            out.sources(
                at(&format!("key_figures[{i}].sources")),
                &figure.sources,
                &known.sources,
            );
        }
        for (field, series) in [
            ("funding_series", &policy.funding_series),
            ("homicide_series", &policy.homicide_series),
        ] {
            if let Some(id) = series {
                if data.series(id.as_str()).is_none() {
                    out.add(at(field), format!("unknown series `{id}`"));
                }
            }
        }
    }
    for dimension in data.dimensions.iter() {
        let record = format!("dimension `{}`", dimension.id);
        out.text((FILE, record.as_str(), "label".into()), &dimension.label);
    }
    let mut seen_cells = HashSet::new();
    for cell in data.cells.iter() {
        let record = format!("cell `{}` × `{}`", cell.policy, cell.dimension);
        let at = |field: &str| (FILE, record.as_str(), field.to_string());
        if !known.policies.contains(cell.policy.as_str()) {
            out.add(at("policy"), format!("unknown policy `{}`", cell.policy));
        }
        if !known.dimensions.contains(cell.dimension.as_str()) {
            out.add(
                at("dimension"),
                format!("unknown dimension `{}`", cell.dimension),
            );
        }
        if !seen_cells.insert((&cell.policy, &cell.dimension)) {
            out.add(at(""), "appears twice");
        }
        out.text(at("text"), &cell.text);
        if let Some(note) = &cell.note {
            out.text(at("note"), note);
        }
        out.sources(at("sources"), &cell.sources, &known.sources);
    }
}
