//! The interface's own words (buttons, headings, notices), read from `data/strings.toml`.
//!
//! Each field is a [`Text`] in both languages; the struct is the list of keys the code may use, so
//! a key missing from the file, or a key in the file the code does not know, is a data error.

use serde::{Deserialize, Serialize};

use crate::lang::{Lang, Str, Text};
use crate::model::{Category, List, PlaceKind, SourceKind};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub app_title: Text,
    pub app_subtitle: Text,
    pub skip_to_content: Text,
    pub nav_label: Text,
    pub lang_switch_label: Text,
    pub view_timeline: Text,
    pub view_map: Text,
    pub view_policies: Text,
    pub view_about: Text,
    pub view_story: Text,
    pub notice_bad_link: Text,
    pub notice_unknown_item: Text,
    /// The other language's data file could not be fetched.
    pub notice_lang_failed: Text,
    pub notice_dismiss: Text,
    pub timeline_intro: Text,
    pub timeline_list_label: Text,
    pub timeline_keys_hint: Text,
    pub filter_label: Text,
    pub zoom_label: Text,
    pub zoom_all: Text,
    pub zoom_decade: Text,
    pub zoom_year: Text,
    pub pan_earlier: Text,
    pub pan_later: Text,
    /// "{n} events here: zoom in" — `{n}` is replaced by the number.
    pub cluster_label: Text,
    pub no_events_visible: Text,
    pub eras_label: Text,
    pub chart_hint: Text,
    pub chart_sources_summary: Text,
    pub map_intro: Text,
    /// How the keyboard moves over the drawn map (one tab stop, arrow keys inside).
    pub map_keys_hint: Text,
    pub map_list_label: Text,
    pub routes_heading: Text,
    /// The summary of the folded lists in an embedded map.
    pub map_lists_summary: Text,
    pub map_title: Text,
    pub map_description: Text,
    pub map_scale_label: Text,
    pub map_scale_region: Text,
    pub map_scale_world: Text,
    pub map_layers_label: Text,
    pub map_zoom_in: Text,
    pub map_zoom_out: Text,
    pub map_reset: Text,
    pub map_pan_north: Text,
    pub map_pan_south: Text,
    pub map_pan_east: Text,
    pub map_pan_west: Text,
    pub map_credit: Text,
    /// The key to the routes' width: all the same (no route has a sourced yearly tonnage), or
    /// by the tonnage where one has.
    pub map_width_same: Text,
    pub map_width_volume: Text,
    pub map_event_places: Text,
    pub commodities: CommodityNames,
    pub tools: ToolStrings,
    pub label_path: Text,
    pub label_volume: Text,
    pub policies_intro: Text,
    pub compare_heading: Text,
    pub compare_left: Text,
    pub compare_right: Text,
    pub dimension_picker: Text,
    pub all_dimensions: Text,
    pub label_compare: Text,
    pub label_no_cell: Text,
    pub funding_chart_heading: Text,
    pub homicide_chart_heading: Text,
    pub label_no_series: Text,
    /// Above the comparison: its rows open to the full texts.
    pub comparison_hint: Text,
    /// "Sources ({n})": the drawer of a card's or a comparison row's numbered sources.
    pub sources_count: Text,
    /// "Source {n}: {source}": what a footnote marker says to a screen reader.
    pub footnote_label: Text,
    /// "Evidence and sources ({n})": what a lesson folds away.
    pub lesson_more: Text,
    /// After a source's full entry in a drawer: the link to the same source in the bibliography.
    pub label_bibliography_entry: Text,
    pub lessons_heading: Text,
    pub lessons_intro: Text,
    pub lessons_angelo: Text,
    pub lessons_csis: Text,
    pub label_evidence: Text,
    pub label_related_events: Text,
    pub label_related_rows: Text,
    pub about_intro: Text,
    pub about_method: Text,
    pub bibliography_heading: Text,
    pub seeds_heading: Text,
    pub externals_heading: Text,
    pub downloads_heading: Text,
    pub downloads_intro: Text,
    pub download_names: DownloadNames,
    pub label_sources: Text,
    pub label_note: Text,
    pub label_places: Text,
    pub label_events_here: Text,
    pub label_role: Text,
    pub label_coordinates: Text,
    pub label_undated: Text,
    /// "and" between two names ("Berg and Bledsoe").
    pub label_and: Text,
    /// After the full citation of a source with no public address.
    pub label_no_public_copy: Text,
    /// The link from a short citation's entry to the bibliography.
    pub label_in_bibliography: Text,
    pub label_approximate: Text,
    pub label_back_to_list: Text,
    pub label_on_map: Text,
    pub label_core: Text,
    pub precision_day: Text,
    pub precision_month: Text,
    pub precision_year: Text,
    pub precision_range: Text,
    pub footer_text: Text,
    /// The static first view's notices (`src/first_view.rs`, shown by its loader).
    pub first_view_opening: Text,
    pub first_view_slow: Text,
    pub first_view_failed: Text,
    pub first_view_retry: Text,
    pub first_view_noscript: Text,
    /// Each language's name in that language ("English", "Español"), for the switch.
    /// Each language's name in itself ("English", "Español"): the language switch shows both
    /// whatever the page's language, so these are not a [`Text`] (an app's data file carries
    /// the words of one language only, see `crate::wire`).
    pub language_names: LanguageNames,
    pub months: MonthNames,
    pub categories: CategoryNames,
    pub place_kinds: PlaceKindNames,
    pub source_kinds: SourceKindNames,
    /// The story mode's own words.
    pub story: StoryStrings,
    /// "Download image" on the map and the charts (`src/picture/`).
    pub picture: PictureStrings,
}

/// "Download image": the buttons, the failure notice and the files' names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PictureStrings {
    /// The group's name and visible label: "Download image".
    pub download_label: Text,
    /// The buttons' visible words (the formats' names).
    pub svg_button: Text,
    pub png_button: Text,
    /// The buttons' full names, which contain their visible words.
    pub as_svg: Text,
    pub as_png: Text,
    /// Said beside the buttons when this browser could not make the image.
    pub failed: Text,
    /// The files' names without extension: letters, digits and hyphens only.
    pub file_map: Text,
    pub file_homicide: Text,
    pub file_funding: Text,
}

/// The story mode: its entry in the lede, the stepper and the panels beside the paragraph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStrings {
    /// The lede's entry: "Start the story".
    pub start: Text,
    /// What the story's section is called for screen readers.
    pub label: Text,
    /// "Step {n} of {total}".
    pub step_of: Text,
    pub previous: Text,
    pub next: Text,
    /// The list of every step, to jump to one.
    pub steps_label: Text,
    pub keys_hint: Text,
    /// The live view beside the paragraph.
    pub stage_label: Text,
    pub timeline_heading: Text,
    pub map_heading: Text,
    pub comparison_heading: Text,
    /// "Homicide rate up to {year}".
    pub curve_heading: Text,
    /// The links to the full views, with the step's state.
    pub open_timeline: Text,
    pub open_map: Text,
    pub open_policies: Text,
    /// After the last step: back to the first.
    pub restart: Text,
}

/// Each language's own name for itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageNames {
    pub en: Str,
    pub es: Str,
}

/// Month names, January first, twelve in each language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthNames {
    pub en: List<Str>,
    pub es: List<Str>,
}

impl MonthNames {
    pub fn get(&self, lang: Lang) -> &[Str] {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryNames {
    pub violence: Text,
    pub prisons: Text,
    pub politics: Text,
    pub cooperation: Text,
    pub trafficking: Text,
    pub justice: Text,
}

impl CategoryNames {
    pub fn get(&self, category: Category) -> &Text {
        match category {
            Category::Violence => &self.violence,
            Category::Prisons => &self.prisons,
            Category::Politics => &self.politics,
            Category::Cooperation => &self.cooperation,
            Category::Trafficking => &self.trafficking,
            Category::Justice => &self.justice,
        }
    }
}

/// Sharing, embedding, presenting and printing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolStrings {
    pub open_full: Text,
    pub new_tab: Text,
    pub tools_label: Text,
    /// The phone header's one button that opens the tools.
    pub tools_menu: Text,
    pub embed_button: Text,
    pub embed_title: Text,
    pub embed_intro: Text,
    pub embed_view: Text,
    pub embed_view_all: Text,
    pub embed_view_event: Text,
    pub embed_view_step: Text,
    pub embed_item_event: Text,
    pub embed_item_step: Text,
    pub embed_lang: Text,
    pub embed_theme: Text,
    pub theme_auto: Text,
    pub theme_dark: Text,
    pub theme_light: Text,
    pub embed_height: Text,
    pub embed_script: Text,
    pub embed_controls_min: Text,
    pub embed_code: Text,
    pub embed_copy: Text,
    pub embed_copied: Text,
    pub embed_copy_failed: Text,
    pub close: Text,
    pub present_button: Text,
    pub present_label: Text,
    pub present_full_screen: Text,
    pub present_exit: Text,
    pub present_previous: Text,
    pub present_next: Text,
    pub present_hint: Text,
    /// Marks a slide that continues the record of the slide before.
    pub present_continued: Text,
    /// Under a slide whose record goes on on the next one.
    pub present_continues: Text,
    pub print_button: Text,
    /// The Print dialog: its heading, intro, the group of choices, and each choice with a hint.
    pub print_title: Text,
    pub print_intro: Text,
    pub print_scope: Text,
    pub print_class_sheet: Text,
    pub print_class_sheet_hint: Text,
    pub print_view: Text,
    pub print_view_hint: Text,
    pub print_story: Text,
    pub print_story_hint: Text,
    pub print_everything: Text,
    pub print_everything_hint: Text,
    pub print_go: Text,
    pub print_cancel: Text,
    /// Over the class sheet's title.
    pub handout_class_sheet: Text,
    pub handout_key_number: Text,
    pub handout_pictures: Text,
    pub handout_timeline: Text,
    pub handout_comparison: Text,
    pub handout_routes: Text,
    pub handout_source: Text,
    pub downloads_offline: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceKindNames {
    pub country: Text,
    pub city: Text,
    pub port: Text,
    pub border_crossing: Text,
    pub coca_region: Text,
    pub destination_port: Text,
    pub transit_point: Text,
}

impl PlaceKindNames {
    pub fn get(&self, kind: PlaceKind) -> &Text {
        match kind {
            PlaceKind::Country => &self.country,
            PlaceKind::City => &self.city,
            PlaceKind::Port => &self.port,
            PlaceKind::BorderCrossing => &self.border_crossing,
            PlaceKind::CocaRegion => &self.coca_region,
            PlaceKind::DestinationPort => &self.destination_port,
            PlaceKind::TransitPoint => &self.transit_point,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceKindNames {
    pub seed: Text,
    pub external: Text,
}

impl SourceKindNames {
    pub fn get(&self, kind: SourceKind) -> &Text {
        match kind {
            SourceKind::Seed => &self.seed,
            SourceKind::External => &self.external,
        }
    }
}

impl Strings {
    /// A language's own name, as the switch shows it whatever the current language.
    pub fn lang_name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.language_names.en,
            Lang::Es => &self.language_names.es,
        }
    }
}

/// The names of the downloadable datasets, keyed like the files (`ecuador-<key>.csv`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadNames {
    pub events: Text,
    pub places: Text,
    pub routes: Text,
    pub policies: Text,
    pub indicators: Text,
    pub sources: Text,
}

impl DownloadNames {
    /// (file key, name) in the order the page lists them.
    pub fn all(&self) -> [(&'static str, &Text); 6] {
        [
            ("events", &self.events),
            ("places", &self.places),
            ("routes", &self.routes),
            ("policies", &self.policies),
            ("indicators", &self.indicators),
            ("sources", &self.sources),
        ]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommodityNames {
    pub cocaine: Text,
    pub weapons_and_ammunition: Text,
    pub money: Text,
}

impl CommodityNames {
    pub fn get(&self, commodity: crate::model::Commodity) -> &Text {
        match commodity {
            crate::model::Commodity::Cocaine => &self.cocaine,
            crate::model::Commodity::WeaponsAndAmmunition => &self.weapons_and_ammunition,
            crate::model::Commodity::Money => &self.money,
        }
    }
}
