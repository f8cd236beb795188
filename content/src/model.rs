//! The typed records read from `data/`. Each struct mirrors one file's records; field names are
//! the keys a content editor writes in TOML.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::DateSpec;
use crate::lang::{Str, Text};
use crate::Dataset;

/// A list as the dataset holds it: a static slice in the app, a vector when read from files.
pub type List<T> = Cow<'static, [T]>;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Str);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A timeline event, e.g. `tc-television-raid`.
    EventId
);
id_type!(
    /// A place on the map, e.g. `guayaquil`.
    PlaceId
);
id_type!(
    /// A source document or reference, e.g. `angelo-2024` or `e08`.
    SourceId
);
id_type!(
    /// A policy programme, e.g. `plan-colombia`.
    PolicyId
);
id_type!(
    /// A dimension of the policy comparison, e.g. `years`.
    DimensionId
);
id_type!(
    /// A trafficking route on the map, e.g. `colombia-to-europe-containers`.
    RouteId
);
id_type!(
    /// A yearly indicator series, e.g. `ecuador-homicide-rate`.
    SeriesId
);
id_type!(
    /// A period drawn behind the timeline, e.g. `plan-colombia`.
    EraId
);
id_type!(
    /// A lesson for Ecuador, e.g. `follow-the-money`.
    LessonId
);
id_type!(
    /// A step of the story mode, e.g. `manta-closes`.
    StepId
);

/// Where a source sits: one of the five seed documents, or an external reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Seed,
    External,
}

/// How a source record was verified (not shown to readers, except that a source with no public
/// copy says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Checked {
    /// A copy of the page was read, and it supports what the dataset cites it for.
    Read,
    /// Title and address from the research notes; no copy could be read.
    Listed,
    /// No public copy found: the record has no address.
    None,
}

/// A document a fact is traced to; readers see a short citation ("Angelo, War on the Rocks,
/// Feb 2024") that opens the full entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub kind: SourceKind,
    /// The key in the research notes (`E08`, or the seed's file name), for traceability. Never
    /// shown to readers, nor written into the downloads (`export.rs`) or the app's data file
    /// (`build.rs` blanks it).
    #[serde(rename = "ref")]
    pub reference: Str,
    /// Who published it; absent only when no public copy was found and the publisher is unknown.
    #[serde(default)]
    pub publisher: Option<Str>,
    /// A short name for short citations, when `publisher` is long ("GI-TOC").
    #[serde(default)]
    pub publisher_short: Option<Str>,
    /// Full bylined names, in order.
    #[serde(default)]
    pub authors: List<Str>,
    /// The real headline or document title, in its original language; absent when none was
    /// found (then `description` says what the document is).
    #[serde(default)]
    pub title: Option<Str>,
    /// What the document is, in words (shown as a description, never as a title).
    #[serde(default)]
    pub description: Option<Text>,
    /// Publication date at the precision known; absent for undated documents.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// True when the date is inferred from the text rather than printed on the document.
    #[serde(default)]
    pub date_approximate: bool,
    /// The public address of the original; absent when no public copy was found.
    #[serde(default)]
    pub url: Option<Str>,
    pub checked: Checked,
    /// A remark about the source itself (e.g. "reposted copy; prefer the original outlet").
    #[serde(default)]
    pub note: Option<Text>,
}

/// One line of the fact-check ledger (`data/ledger.toml`): which source supports a figure in an
/// event's summary. Checked at build time; not shipped to readers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub event: EventId,
    /// The figure as written in the English summary.
    pub value: Str,
    pub sources: List<SourceId>,
    /// Where and what the source says.
    pub says: Str,
}

/// The six kinds of event the timeline colours and filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Violence,
    Prisons,
    Politics,
    Cooperation,
    Trafficking,
    Justice,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Violence,
        Category::Prisons,
        Category::Politics,
        Category::Cooperation,
        Category::Trafficking,
        Category::Justice,
    ];

    /// The kebab-case name used in data files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Category::Violence => "violence",
            Category::Prisons => "prisons",
            Category::Politics => "politics",
            Category::Cooperation => "cooperation",
            Category::Trafficking => "trafficking",
            Category::Justice => "justice",
        }
    }
}

/// Whether the story needs an event (core) or it adds context (optional).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    Core,
    Optional,
}

/// One dated event on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: EventId,
    /// The row in the research notes (`A01` …), for traceability.
    #[serde(rename = "ref")]
    pub reference: Str,
    pub date: DateSpec,
    /// Extra words on the date where the sources give more than one (e.g. "announced 10 Aug").
    #[serde(default)]
    pub date_note: Option<Text>,
    pub priority: Priority,
    /// The first category is the main one (it sets the marker's colour and shape).
    pub categories: List<Category>,
    #[serde(default)]
    pub places: List<PlaceId>,
    pub sources: List<SourceId>,
    pub title: Text,
    /// A few words naming the event on the timeline's axis ("Fito escapes"), at most
    /// [`Event::SHORT_MAX`] characters; every core event has one.
    #[serde(default)]
    pub short: Option<Text>,
    pub summary: Text,
    /// Where sources disagree: the value used and the alternatives.
    #[serde(default)]
    pub note: Option<Text>,
}

impl Event {
    /// The longest short label, in characters, in either language.
    pub const SHORT_MAX: usize = 24;
}

/// What a place is on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    Country,
    City,
    Port,
    BorderCrossing,
    CocaRegion,
    DestinationPort,
    TransitPoint,
}

/// A place on the map, with its role in the trade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: PlaceId,
    pub name: Text,
    pub kind: PlaceKind,
    /// Latitude in decimal degrees (south negative).
    pub lat: f64,
    /// Longitude in decimal degrees (west negative).
    pub lon: f64,
    pub role: Text,
    pub sources: List<SourceId>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A security programme compared on the policy cards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub id: PolicyId,
    pub name: Text,
    /// One line drawn from the sources.
    pub verdict: Text,
    pub sources: List<SourceId>,
    /// The indicator series charted for it: US funding per year, and the homicide rate of the
    /// country concerned.
    #[serde(default)]
    pub funding_series: Option<SeriesId>,
    #[serde(default)]
    pub homicide_series: Option<SeriesId>,
    /// The card's key figures (years, US funding, context), each short and sourced.
    #[serde(default)]
    pub key_figures: List<KeyFigure>,
}

/// One key figure on a programme's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    pub label: Text,
    pub value: Text,
    pub sources: List<SourceId>,
}

/// A row of the policy comparison (years, funding, outcomes …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: DimensionId,
    pub label: Text,
}

/// What the sources say about one policy on one dimension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub policy: PolicyId,
    pub dimension: DimensionId,
    pub text: Text,
    pub sources: List<SourceId>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// What moves along a route. Each is a layer the reader can toggle on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Commodity {
    Cocaine,
    WeaponsAndAmmunition,
    Money,
}

/// How it moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Containers,
    GoFastBoats,
    FishingBoats,
    SemiSubmersibles,
    Overland,
    River,
    FinancialSystem,
}

/// A flow between places, in the order it travels (the first place is the origin).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: RouteId,
    /// The row in the research notes (`R1` …), for traceability.
    #[serde(rename = "ref")]
    pub reference: Str,
    pub name: Text,
    pub commodity: Commodity,
    pub modes: List<Mode>,
    /// Place ids from origin to destination; at least two.
    pub path: List<PlaceId>,
    pub summary: Text,
    /// The sourced volume or estimate, in words ("up to 5 t a month …"), if any.
    #[serde(default)]
    pub volume: Option<Text>,
    /// Tonnes a year where a sourced figure exists; sets the line's width on the map.
    #[serde(default)]
    pub tonnes_per_year: Option<f64>,
    pub sources: List<SourceId>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A yearly series for the charts (homicides, seizures, prison population …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: SeriesId,
    pub name: Text,
    /// The unit, in words ("per 100,000 people", "tonnes").
    pub unit: Text,
    /// The country (or place) measured.
    pub place: PlaceId,
    pub sources: List<SourceId>,
    /// Where official series disagree, how this series was chosen and what the others say.
    #[serde(default)]
    pub note: Option<Text>,
    /// In increasing year order, one per year.
    pub points: List<DataPoint>,
}

/// One year's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataPoint {
    pub year: i32,
    pub value: f64,
    /// True for arithmetic done for this dataset rather than a published figure.
    #[serde(default)]
    pub computed: bool,
    /// Sources for this value when they differ from the series' own.
    #[serde(default)]
    pub sources: List<SourceId>,
    /// Alternatives and caveats for this value.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A labelled period behind the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: EraId,
    pub name: Text,
    pub start: DateSpec,
    /// The last day; `None` for an era that continues today.
    #[serde(default)]
    pub end: Option<DateSpec>,
    pub sources: List<SourceId>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// Whose list a lesson belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LessonGroup {
    /// Angelo's four lessons from the Mérida Initiative.
    Angelo,
    /// The CSIS five areas of domestic reform.
    Csis,
}

/// A lesson for a "Plan Ecuador", tied to the evidence in the comparison and to its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: LessonId,
    pub group: LessonGroup,
    pub title: Text,
    pub summary: Text,
    /// How the comparison supports it.
    pub evidence: Text,
    /// The programmes and comparison rows it draws on.
    #[serde(default)]
    pub policies: List<PolicyId>,
    #[serde(default)]
    pub dimensions: List<DimensionId>,
    /// Related timeline events.
    #[serde(default)]
    pub events: List<EventId>,
    pub sources: List<SourceId>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// The story in two or three sentences and one key number, shown above the views
/// (`data/lede.toml`). The sentences hold no digits: the number comes from [`LedeFigure`], which
/// reads it from an indicator series, so it carries that series' sources.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lede {
    pub text: Text,
    /// The sources for the sentences (the figure cites its series' points).
    pub sources: List<SourceId>,
    pub figure: LedeFigure,
}

/// The lede's key number: the values of one series in two years, shown as "5.8 → 46.5" with a
/// label ("homicides per 100,000 people").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedeFigure {
    pub series: SeriesId,
    /// The earlier year shown.
    pub from: i32,
    /// The later year shown.
    pub to: i32,
    pub label: Text,
}

impl Default for LedeFigure {
    fn default() -> LedeFigure {
        LedeFigure {
            series: SeriesId(Str::Borrowed("")),
            from: 0,
            to: 0,
            label: Text::default(),
        }
    }
}

impl LedeFigure {
    /// The series' points for `from` and `to`; `None` when the series or either point is
    /// missing (the validation rules that out for the shipped data).
    pub fn points<'a>(&self, data: &'a Dataset) -> Option<(&'a DataPoint, &'a DataPoint)> {
        let series = data.series(self.series.as_str())?;
        let point = |year: i32| series.points.iter().find(|p| p.year == year);
        Some((point(self.from)?, point(self.to)?))
    }

    /// The values for `from` and `to`, e.g. `(5.8, 46.5)`.
    pub fn values(&self, data: &Dataset) -> Option<(f64, f64)> {
        self.points(data).map(|(from, to)| (from.value, to.value))
    }

    /// The sources for the two values, in order and each once: a point's own sources, or the
    /// series' when the point cites none. Empty when the points are missing.
    pub fn sources<'a>(&self, data: &'a Dataset) -> Vec<&'a SourceId> {
        let (Some(series), Some((from, to))) =
            (data.series(self.series.as_str()), self.points(data))
        else {
            return Vec::new();
        };
        let mut sources: Vec<&SourceId> = Vec::new();
        for point in [from, to] {
            let cited = if point.sources.is_empty() {
                &series.sources
            } else {
                &point.sources
            };
            for id in cited.iter() {
                if !sources.contains(&id) {
                    sources.push(id);
                }
            }
        }
        sources
    }
}

/// The full view a story step opens ("open the full view").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoryView {
    Timeline,
    Map,
    Policies,
}

/// One step of the story mode (`data/story.toml`): a short sourced paragraph and the state it
/// sets in each view: the events highlighted on the timeline, the places and routes lit on the
/// map, the comparison row and the homicide curve up to a year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    pub id: StepId,
    pub title: Text,
    /// The paragraph, at most 80 words in each language.
    pub text: Text,
    pub sources: List<SourceId>,
    /// Highlighted on the timeline.
    #[serde(default)]
    pub events: List<EventId>,
    /// Lit on the map.
    #[serde(default)]
    pub places: List<PlaceId>,
    #[serde(default)]
    pub routes: List<RouteId>,
    /// None, or the two programmes compared side by side …
    #[serde(default)]
    pub policies: List<PolicyId>,
    /// … on this row.
    #[serde(default)]
    pub dimension: Option<DimensionId>,
    /// The series drawn as a curve, up to `until` (both or neither).
    #[serde(default)]
    pub series: Option<SeriesId>,
    #[serde(default)]
    pub until: Option<i32>,
    /// The full view the step opens.
    pub view: StoryView,
}

impl StoryStep {
    /// The compared pair, when the step names two programmes.
    pub fn pair(&self) -> Option<(&PolicyId, &PolicyId)> {
        match &self.policies[..] {
            [left, right] => Some((left, right)),
            _ => None,
        }
    }

    /// The points of the step's curve: the series' values up to `until`, in year order.
    pub fn curve<'a>(&self, data: &'a Dataset) -> Option<(&'a Series, Vec<&'a DataPoint>)> {
        let series = data.series(self.series.as_ref()?.as_str())?;
        let until = self.until?;
        let points: Vec<&DataPoint> = series.points.iter().filter(|p| p.year <= until).collect();
        (!points.is_empty()).then_some((series, points))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: i32, value: f64, sources: &[&'static str]) -> DataPoint {
        DataPoint {
            year,
            value,
            computed: false,
            sources: sources.iter().map(|s| SourceId(Str::Borrowed(s))).collect(),
            note: None,
        }
    }

    fn data() -> Dataset {
        Dataset {
            series: vec![Series {
                id: SeriesId(Str::Borrowed("rate")),
                name: Text::default(),
                unit: Text::default(),
                place: PlaceId(Str::Borrowed("ecuador")),
                sources: vec![SourceId(Str::Borrowed("series-source"))].into(),
                note: None,
                points: vec![
                    point(2017, 5.8, &["a", "b"]),
                    point(2019, 6.9, &[]),
                    point(2023, 46.5, &["b", "c"]),
                ]
                .into(),
            }]
            .into(),
            ..Dataset::default()
        }
    }

    fn figure(series: &'static str, from: i32, to: i32) -> LedeFigure {
        LedeFigure {
            series: SeriesId(Str::Borrowed(series)),
            from,
            to,
            label: Text::default(),
        }
    }

    // Guards against the lede showing a number other than the series' own value for the year.
    #[test]
    fn figure_values_are_read_from_the_series() {
        assert_eq!(
            figure("rate", 2017, 2023).values(&data()),
            Some((5.8, 46.5))
        );
    }

    // Guards against a figure silently showing a neighbouring year, or a series that is gone.
    #[test]
    fn figure_with_a_missing_year_or_series_has_no_values() {
        assert_eq!(figure("rate", 2018, 2023).values(&data()), None);
        assert_eq!(figure("gone", 2017, 2023).values(&data()), None);
        assert!(figure("gone", 2017, 2023).sources(&data()).is_empty());
    }

    // Guards against citing the figure without its points' own sources, or citing one twice.
    #[test]
    fn figure_cites_each_points_sources_once_or_the_series_for_a_point_without() {
        let ids = |f: LedeFigure| -> Vec<String> {
            f.sources(&data()).iter().map(|s| s.to_string()).collect()
        };
        assert_eq!(ids(figure("rate", 2017, 2023)), ["a", "b", "c"]);
        assert_eq!(ids(figure("rate", 2019, 2023)), ["series-source", "b", "c"]);
    }
}
