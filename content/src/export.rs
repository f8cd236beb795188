//! The dataset as CSV and JSON for readers to download (About & sources), written from the same
//! records the app shows, so the downloads cannot drift from the page. Run at build time by
//! `src/bin/post_build/`; nothing here ships in the wasm.

use serde::Serialize;

use crate::lang::Text;
use crate::{Dataset, Source, SourceId};

/// One download: its file name and contents.
pub struct Download {
    pub name: String,
    pub body: String,
}

/// The datasets offered, as (file stem, CSV, JSON).
pub fn downloads(data: &Dataset) -> Vec<Download> {
    let mut out = Vec::new();
    let mut add = |stem: &str, csv: String, json: String| {
        out.push(Download {
            name: format!("{stem}.csv"),
            body: csv,
        });
        out.push(Download {
            name: format!("{stem}.json"),
            body: json,
        });
    };
    add("ecuador-events", events_csv(data), json(&data.events));
    add("ecuador-places", places_csv(data), json(&data.places));
    add("ecuador-routes", routes_csv(data), json(&data.routes));
    add(
        "ecuador-policies",
        policies_csv(data),
        json(&serde_json::json!({
            "policies": data.policies,
            "dimensions": data.dimensions,
            "cells": data.cells,
        })),
    );
    add(
        "ecuador-indicators",
        indicators_csv(data),
        json(&data.series),
    );
    add(
        "ecuador-sources",
        sources_csv(data),
        json(&public_sources(data)),
    );
    out
}

/// The sources as readers may see them: without our research keys (`ref`).
fn public_sources(data: &Dataset) -> serde_json::Value {
    let mut sources = serde_json::to_value(&data.sources).unwrap_or_default();
    for source in sources.as_array_mut().into_iter().flatten() {
        if let Some(fields) = source.as_object_mut() {
            fields.remove("ref");
        }
    }
    sources
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The kebab-case name serde gives an enum value (as in the data files).
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn ids(list: &[SourceId]) -> String {
    list.iter()
        .map(SourceId::as_str)
        .collect::<Vec<_>>()
        .join(";")
}

fn opt(text: &Option<Text>) -> [String; 2] {
    match text {
        Some(t) => [t.en.to_string(), t.es.to_string()],
        None => [String::new(), String::new()],
    }
}

/// RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; CRLF rows.
pub fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    let mut line = |fields: Vec<String>| {
        let cells: Vec<String> = fields
            .into_iter()
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row);
    }
    out
}

pub fn events_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "ref",
        "date",
        "date_note_en",
        "date_note_es",
        "priority",
        "categories",
        "places",
        "sources",
        "title_en",
        "title_es",
        "summary_en",
        "summary_es",
        "note_en",
        "note_es",
    ];
    let rows = data.events.iter().map(|e| {
        let [date_note_en, date_note_es] = opt(&e.date_note);
        let [note_en, note_es] = opt(&e.note);
        vec![
            e.id.to_string(),
            e.reference.to_string(),
            e.date.to_string(),
            date_note_en,
            date_note_es,
            name(&e.priority),
            e.categories
                .iter()
                .map(|c| c.key())
                .collect::<Vec<_>>()
                .join(";"),
            e.places
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            ids(&e.sources),
            e.title.en.to_string(),
            e.title.es.to_string(),
            e.summary.en.to_string(),
            e.summary.es.to_string(),
            note_en,
            note_es,
        ]
    });
    csv(&header, rows)
}

pub fn places_csv(data: &Dataset) -> String {
    let header = [
        "id", "name_en", "name_es", "kind", "lat", "lon", "role_en", "role_es", "sources",
        "note_en", "note_es",
    ];
    let rows = data.places.iter().map(|p| {
        let [note_en, note_es] = opt(&p.note);
        vec![
            p.id.to_string(),
            p.name.en.to_string(),
            p.name.es.to_string(),
            name(&p.kind),
            p.lat.to_string(),
            p.lon.to_string(),
            p.role.en.to_string(),
            p.role.es.to_string(),
            ids(&p.sources),
            note_en,
            note_es,
        ]
    });
    csv(&header, rows)
}

pub fn routes_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "ref",
        "name_en",
        "name_es",
        "commodity",
        "modes",
        "path",
        "summary_en",
        "summary_es",
        "volume_en",
        "volume_es",
        "tonnes_per_year",
        "sources",
        "note_en",
        "note_es",
    ];
    let rows = data.routes.iter().map(|r| {
        let [volume_en, volume_es] = opt(&r.volume);
        let [note_en, note_es] = opt(&r.note);
        vec![
            r.id.to_string(),
            r.reference.to_string(),
            r.name.en.to_string(),
            r.name.es.to_string(),
            name(&r.commodity),
            r.modes.iter().map(name).collect::<Vec<_>>().join(";"),
            r.path
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            r.summary.en.to_string(),
            r.summary.es.to_string(),
            volume_en,
            volume_es,
            r.tonnes_per_year.map(|t| t.to_string()).unwrap_or_default(),
            ids(&r.sources),
            note_en,
            note_es,
        ]
    });
    csv(&header, rows)
}

pub fn policies_csv(data: &Dataset) -> String {
    let header = [
        "policy",
        "policy_en",
        "policy_es",
        "dimension",
        "dimension_en",
        "dimension_es",
        "text_en",
        "text_es",
        "sources",
        "note_en",
        "note_es",
    ];
    let rows = data.cells.iter().map(|c| {
        let policy = data.policy(c.policy.as_str());
        let dimension = data.dimensions.iter().find(|d| d.id == c.dimension);
        let [note_en, note_es] = opt(&c.note);
        vec![
            c.policy.to_string(),
            policy.map(|p| p.name.en.to_string()).unwrap_or_default(),
            policy.map(|p| p.name.es.to_string()).unwrap_or_default(),
            c.dimension.to_string(),
            dimension
                .map(|d| d.label.en.to_string())
                .unwrap_or_default(),
            dimension
                .map(|d| d.label.es.to_string())
                .unwrap_or_default(),
            c.text.en.to_string(),
            c.text.es.to_string(),
            ids(&c.sources),
            note_en,
            note_es,
        ]
    });
    csv(&header, rows)
}

pub fn indicators_csv(data: &Dataset) -> String {
    let header = [
        "series", "name_en", "name_es", "unit_en", "unit_es", "place", "year", "value", "computed",
        "sources", "note_en", "note_es",
    ];
    let rows = data.series.iter().flat_map(|s| {
        s.points.iter().map(move |p| {
            let [note_en, note_es] = opt(&p.note);
            let sources = if p.sources.is_empty() {
                &s.sources
            } else {
                &p.sources
            };
            vec![
                s.id.to_string(),
                s.name.en.to_string(),
                s.name.es.to_string(),
                s.unit.en.to_string(),
                s.unit.es.to_string(),
                s.place.to_string(),
                p.year.to_string(),
                p.value.to_string(),
                p.computed.to_string(),
                ids(sources),
                note_en,
                note_es,
            ]
        })
    });
    csv(&header, rows)
}

pub fn sources_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "kind",
        "authors",
        "title",
        "description_en",
        "description_es",
        "publisher",
        "publisher_short",
        "date",
        "date_approximate",
        "url",
        "checked",
        "note_en",
        "note_es",
    ];
    let rows = data.sources.iter().map(|s: &Source| {
        let [note_en, note_es] = opt(&s.note);
        let [description_en, description_es] = opt(&s.description);
        vec![
            s.id.to_string(),
            name(&s.kind),
            s.authors.join("; "),
            s.title.as_deref().unwrap_or_default().to_string(),
            description_en,
            description_es,
            s.publisher.as_deref().unwrap_or_default().to_string(),
            s.publisher_short.as_deref().unwrap_or_default().to_string(),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
            s.date_approximate.to_string(),
            s.url.as_deref().unwrap_or_default().to_string(),
            name(&s.checked),
            note_en,
            note_es,
        ]
    });
    csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Spreadsheet users must get one cell per field, whatever the text holds.
    #[test]
    fn quotes_fields_that_need_it() {
        let text = csv(
            &["a", "b"],
            [vec![
                "plain".to_string(),
                "has, comma and \"quotes\"\nand a line".to_string(),
            ]],
        );
        assert_eq!(
            text,
            "a,b\r\nplain,\"has, comma and \"\"quotes\"\"\nand a line\"\r\n"
        );
    }

    // Our research keys (`ref`) are for traceability, never for readers: the sources download
    // must not carry them, even though the records do.
    #[test]
    fn the_sources_download_has_no_research_keys() {
        let data = &crate::load::shipped();
        assert!(data.sources.iter().all(|s| !s.reference.is_empty()));
        let downloads = downloads(data);
        let json = &downloads
            .iter()
            .find(|d| d.name == "ecuador-sources.json")
            .expect("a sources download")
            .body;
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        let sources = value.as_array().expect("a list");
        assert_eq!(sources.len(), data.sources.len());
        assert!(sources
            .iter()
            .all(|s| s.get("ref").is_none() && s.get("id").is_some()));
    }

    #[test]
    fn every_record_becomes_a_row() {
        let data = &crate::load::shipped();
        let rows = |text: &str| text.matches("\r\n").count() - 1;
        let downloads = downloads(data);
        let get = |name: &str| &downloads.iter().find(|d| d.name == name).expect(name).body;
        // Embedded line breaks would inflate the count; the data has none in these files.
        assert_eq!(rows(get("ecuador-events.csv")), data.events.len());
        assert_eq!(rows(get("ecuador-places.csv")), data.places.len());
        assert_eq!(rows(get("ecuador-sources.csv")), data.sources.len());
        let points: usize = data.series.iter().map(|s| s.points.len()).sum();
        assert_eq!(rows(get("ecuador-indicators.csv")), points);
        let events: serde_json::Value = serde_json::from_str(get("ecuador-events.json")).unwrap();
        assert_eq!(events.as_array().map(Vec::len), Some(data.events.len()));
        assert_eq!(downloads.len(), 12);
    }
}
