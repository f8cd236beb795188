//! Writes dataset values as Rust expressions that build them as `static` data: strings become
//! `Cow::Borrowed("…")`, lists `Cow::Borrowed(&[…])`, structs and enums their literal syntax.
//! Used only by `build.rs`; `tests/data_files.rs` proves the result equals the files.

use std::borrow::Cow;

use crate::data::date::{DateSpec, Point};
use crate::data::model::*;
use crate::data::strings::*;
use crate::data::Dataset;
use crate::i18n::Text;

pub trait Literal {
    fn write(&self, out: &mut String);
}

pub fn literal(value: &impl Literal) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

impl Literal for Cow<'static, str> {
    fn write(&self, out: &mut String) {
        // Debug of a str is a valid Rust string literal (quotes, escapes, \u{…}).
        out.push_str(&format!("Cow::Borrowed({:?})", self.as_ref()));
    }
}

impl<T: Literal + Clone> Literal for Cow<'static, [T]> {
    fn write(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.write(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: Literal> Literal for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.write(out);
                out.push(')');
            }
        }
    }
}

impl Literal for f64 {
    fn write(&self, out: &mut String) {
        assert!(
            self.is_finite(),
            "a coordinate must be a finite number, not {self}"
        );
        out.push_str(&format!("{self:?}_f64"));
    }
}

impl Literal for i32 {
    fn write(&self, out: &mut String) {
        out.push_str(&format!("{self}_i32"));
    }
}

impl Literal for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Literal for Point {
    fn write(&self, out: &mut String) {
        out.push_str(&format!("Point::{self:?}"));
    }
}

/// Unit-only enums: `Type::Variant`, from Debug.
macro_rules! enum_literal {
    ($($ty:ident),*) => {$(
        impl Literal for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(&format!(concat!(stringify!($ty), "::{:?}"), self));
            }
        }
    )*};
}
enum_literal!(
    SourceKind,
    Category,
    Priority,
    PlaceKind,
    Commodity,
    Mode,
    LessonGroup
);

/// Newtype ids: `Type(Cow::Borrowed("…"))`.
macro_rules! id_literal {
    ($($ty:ident),*) => {$(
        impl Literal for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), "("));
                self.0.write(out);
                out.push(')');
            }
        }
    )*};
}
id_literal!(
    EventId,
    PlaceId,
    SourceId,
    PolicyId,
    DimensionId,
    RouteId,
    SeriesId,
    EraId,
    LessonId
);

/// Structs: `Type { field: …, }`. A field left out here is a compile error in the generated code.
macro_rules! struct_literal {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Literal for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write(out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

struct_literal!(Text { en, es });
struct_literal!(DateSpec { start, end });
struct_literal!(Source {
    id,
    kind,
    reference,
    publisher,
    author,
    title,
    date,
    date_approximate,
    url,
    note
});
struct_literal!(Event {
    id,
    reference,
    date,
    date_note,
    priority,
    categories,
    places,
    sources,
    title,
    summary,
    note
});
struct_literal!(Place {
    id,
    name,
    kind,
    lat,
    lon,
    role,
    sources,
    note
});
struct_literal!(Policy {
    id,
    name,
    verdict,
    sources,
    funding_series,
    homicide_series,
    key_figures
});
struct_literal!(KeyFigure {
    label,
    value,
    sources
});
struct_literal!(Dimension { id, label });
struct_literal!(Cell {
    policy,
    dimension,
    text,
    sources,
    note
});
struct_literal!(Route {
    id,
    reference,
    name,
    commodity,
    modes,
    path,
    summary,
    volume,
    tonnes_per_year,
    sources,
    note
});
struct_literal!(Series {
    id,
    name,
    unit,
    place,
    sources,
    note,
    points
});
struct_literal!(DataPoint {
    year,
    value,
    computed,
    sources,
    note
});
struct_literal!(Era {
    id,
    name,
    start,
    end,
    sources,
    note
});
struct_literal!(Lesson {
    id,
    group,
    title,
    summary,
    evidence,
    policies,
    dimensions,
    events,
    sources,
    note
});
struct_literal!(MonthNames { en, es });
struct_literal!(CategoryNames {
    violence,
    prisons,
    politics,
    cooperation,
    trafficking,
    justice
});
struct_literal!(PlaceKindNames {
    country,
    city,
    port,
    border_crossing,
    coca_region,
    destination_port,
    transit_point
});
struct_literal!(SourceKindNames { seed, external });
struct_literal!(CommodityNames {
    cocaine,
    weapons_and_ammunition,
    money
});
struct_literal!(DownloadNames {
    events,
    places,
    routes,
    policies,
    indicators,
    sources
});
struct_literal!(ToolStrings {
    open_full,
    new_tab,
    tools_label,
    embed_button,
    embed_title,
    embed_intro,
    embed_view,
    embed_view_all,
    embed_lang,
    embed_theme,
    theme_auto,
    theme_dark,
    theme_light,
    embed_height,
    embed_script,
    embed_code,
    embed_copy,
    embed_copied,
    embed_copy_failed,
    close,
    present_button,
    present_label,
    present_full_screen,
    present_exit,
    present_previous,
    present_next,
    present_hint,
    print_button,
    handout_timeline,
    handout_comparison,
    handout_routes,
    handout_source,
    downloads_offline,
});
struct_literal!(Strings {
    app_title,
    app_subtitle,
    skip_to_content,
    nav_label,
    lang_switch_label,
    view_timeline,
    view_map,
    view_policies,
    view_about,
    notice_bad_link,
    notice_unknown_item,
    notice_dismiss,
    timeline_intro,
    timeline_list_label,
    timeline_keys_hint,
    filter_label,
    zoom_label,
    zoom_all,
    zoom_decade,
    zoom_year,
    pan_earlier,
    pan_later,
    cluster_label,
    no_events_visible,
    eras_label,
    chart_hint,
    chart_sources_summary,
    map_intro,
    map_list_label,
    routes_heading,
    map_title,
    map_description,
    map_scale_label,
    map_scale_region,
    map_scale_world,
    map_layers_label,
    map_zoom_in,
    map_zoom_out,
    map_reset,
    map_pan_north,
    map_pan_south,
    map_pan_east,
    map_pan_west,
    map_credit,
    map_event_places,
    commodities,
    tools,
    label_path,
    label_volume,
    policies_intro,
    compare_heading,
    compare_left,
    compare_right,
    dimension_picker,
    all_dimensions,
    label_compare,
    label_no_cell,
    funding_chart_heading,
    homicide_chart_heading,
    label_no_series,
    lessons_heading,
    lessons_intro,
    lessons_angelo,
    lessons_csis,
    label_evidence,
    label_related_events,
    label_related_rows,
    about_intro,
    about_method,
    bibliography_heading,
    seeds_heading,
    externals_heading,
    downloads_heading,
    downloads_intro,
    download_names,
    label_sources,
    label_note,
    label_places,
    label_events_here,
    label_role,
    label_coordinates,
    label_undated,
    label_approximate,
    label_back_to_list,
    label_on_map,
    label_core,
    precision_day,
    precision_month,
    precision_year,
    precision_range,
    footer_text,
    language_names,
    months,
    categories,
    place_kinds,
    source_kinds,
});
struct_literal!(Dataset {
    sources,
    events,
    places,
    policies,
    dimensions,
    cells,
    routes,
    series,
    eras,
    lessons,
    strings
});
