//! Dates as the sources give them: a day, a month, a year, or a range between two of those.
//!
//! Written in `data/` as `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `START/END` (ISO 8601 interval
//! style, e.g. `2023-07-22/2023-07-25`). The precision is part of the fact: "September 1999" must
//! never be shown as "1 September 1999".

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// One calendar point at the precision the source supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    Year(i32),
    Month(i32, u8),
    Day(i32, u8, u8),
}

/// A dated fact: a single point, or an inclusive range from `start` to `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateSpec {
    pub start: Point,
    pub end: Option<Point>,
}

/// How precisely a date is known, as shown to readers next to the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
}

impl Point {
    pub fn year(self) -> i32 {
        match self {
            Point::Year(y) | Point::Month(y, _) | Point::Day(y, _, _) => y,
        }
    }

    pub fn month(self) -> Option<u8> {
        match self {
            Point::Year(_) => None,
            Point::Month(_, m) | Point::Day(_, m, _) => Some(m),
        }
    }

    pub fn day(self) -> Option<u8> {
        match self {
            Point::Day(_, _, d) => Some(d),
            _ => None,
        }
    }

    /// The first day this point covers, as (year, month, day).
    pub fn first_day(self) -> (i32, u8, u8) {
        match self {
            Point::Year(y) => (y, 1, 1),
            Point::Month(y, m) => (y, m, 1),
            Point::Day(y, m, d) => (y, m, d),
        }
    }

    /// The last day this point covers, as (year, month, day).
    pub fn last_day(self) -> (i32, u8, u8) {
        match self {
            Point::Year(y) => (y, 12, 31),
            Point::Month(y, m) => (y, m, days_in_month(y, m)),
            Point::Day(y, m, d) => (y, m, d),
        }
    }

    /// Position on a continuous time axis in fractional years (2000.0 is 1 January 2000),
    /// at the middle of the period the point covers.
    pub fn as_year_fraction(self) -> f64 {
        let start = year_fraction(self.first_day());
        let end = year_fraction(self.last_day()) + 1.0 / days_in_year(self.year()) as f64;
        (start + end) / 2.0
    }

    fn parse(text: &str) -> Result<Point, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, what: &str, digits: usize| -> Result<u32, String> {
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{text}`: the {what} must be {digits} digits (YYYY, YYYY-MM or YYYY-MM-DD)"
                ));
            }
            part.parse::<u32>().map_err(|e| format!("`{text}`: {e}"))
        };
        let year = number(parts[0], "year", 4)? as i32;
        if !(1900..=2100).contains(&year) {
            return Err(format!("`{text}`: year {year} is outside 1900–2100"));
        }
        match parts.len() {
            1 => Ok(Point::Year(year)),
            2 | 3 => {
                let month = number(parts[1], "month", 2)? as u8;
                if !(1..=12).contains(&month) {
                    return Err(format!("`{text}`: there is no month {month}"));
                }
                if parts.len() == 2 {
                    return Ok(Point::Month(year, month));
                }
                let day = number(parts[2], "day", 2)? as u8;
                let last = days_in_month(year, month);
                if day == 0 || day > last {
                    return Err(format!(
                        "`{text}`: month {month} of {year} has days 1 to {last}, not {day}"
                    ));
                }
                Ok(Point::Day(year, month, day))
            }
            _ => Err(format!(
                "`{text}` is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            )),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl DateSpec {
    pub fn parse(text: &str) -> Result<DateSpec, String> {
        let text = text.trim();
        match text.split_once('/') {
            None => Ok(DateSpec {
                start: Point::parse(text)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = Point::parse(a)?;
                let end = Point::parse(b)?;
                if start.last_day() >= end.first_day() {
                    return Err(format!(
                        "`{text}`: a range must end after it starts ({start} is not before {end})"
                    ));
                }
                Ok(DateSpec {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.end, self.start) {
            (Some(_), _) => Precision::Range,
            (None, Point::Day(..)) => Precision::Day,
            (None, Point::Month(..)) => Precision::Month,
            (None, Point::Year(_)) => Precision::Year,
        }
    }

    /// The last point the date covers (the end of a range, or the point itself).
    pub fn last(&self) -> Point {
        self.end.unwrap_or(self.start)
    }

    /// Chronological order: by first day, then by last day (a day sorts before the month that
    /// contains it only when it is the first day; otherwise after).
    pub fn chronological(&self, other: &DateSpec) -> Ordering {
        self.start
            .first_day()
            .cmp(&other.start.first_day())
            .then(self.last().last_day().cmp(&other.last().last_day()))
    }

    /// Formats the date for readers with the given month names (January first).
    /// `day_month_year` joins day, month name and year in the reader's language.
    pub fn format<S: AsRef<str>>(&self, months: &[S], style: DateStyle) -> String {
        let month = |m: u8| {
            months
                .get(usize::from(m).saturating_sub(1))
                .map(AsRef::as_ref)
                .unwrap_or("?")
        };
        let point = |p: Point| match p {
            Point::Year(y) => y.to_string(),
            Point::Month(y, m) => style.month_year(month(m), y),
            Point::Day(y, m, d) => style.day_month_year(d, month(m), y),
        };
        match (self.start, self.end) {
            (p, None) => point(p),
            (Point::Day(y1, m1, d1), Some(Point::Day(y2, m2, d2))) if y1 == y2 && m1 == m2 => {
                style.day_month_year_span(d1, d2, month(m1), y1)
            }
            (Point::Month(y1, m1), Some(Point::Month(y2, m2))) if y1 == y2 => {
                style.month_span(month(m1), month(m2), y1)
            }
            // Within one year, the year is written once: "July – 22 August 2007".
            (Point::Month(y1, m1), Some(b)) if y1 == b.year() => {
                format!("{} – {}", month(m1), point(b))
            }
            (Point::Day(y1, m1, d1), Some(b)) if y1 == b.year() => {
                format!("{} – {}", style.day_month(d1, month(m1)), point(b))
            }
            (a, Some(b)) => format!("{} – {}", point(a), point(b)),
        }
    }
}

/// How a language writes dates. English: "13 July 2000"; Spanish: "13 de julio de 2000".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    English,
    Spanish,
}

impl DateStyle {
    fn month_year(self, month: &str, year: i32) -> String {
        match self {
            DateStyle::English => format!("{month} {year}"),
            DateStyle::Spanish => format!("{month} de {year}"),
        }
    }

    fn day_month_year(self, day: u8, month: &str, year: i32) -> String {
        match self {
            DateStyle::English => format!("{day} {month} {year}"),
            DateStyle::Spanish => format!("{day} de {month} de {year}"),
        }
    }

    fn day_month(self, day: u8, month: &str) -> String {
        match self {
            DateStyle::English => format!("{day} {month}"),
            DateStyle::Spanish => format!("{day} de {month}"),
        }
    }

    fn day_month_year_span(self, d1: u8, d2: u8, month: &str, year: i32) -> String {
        match self {
            DateStyle::English => format!("{d1}–{d2} {month} {year}"),
            DateStyle::Spanish => format!("{d1}–{d2} de {month} de {year}"),
        }
    }

    fn month_span(self, m1: &str, m2: &str, year: i32) -> String {
        match self {
            DateStyle::English => format!("{m1}–{m2} {year}"),
            DateStyle::Spanish => format!("{m1}–{m2} de {year}"),
        }
    }
}

impl TryFrom<String> for DateSpec {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        DateSpec::parse(&text)
    }
}

impl From<DateSpec> for String {
    fn from(date: DateSpec) -> String {
        date.to_string()
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None => write!(f, "{}", self.start),
            Some(end) => write!(f, "{}/{}", self.start, end),
        }
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_in_year(year: i32) -> u16 {
    if is_leap(year) {
        366
    } else {
        365
    }
}

fn year_fraction((y, m, d): (i32, u8, u8)) -> f64 {
    let before: u16 = (1..m).map(|month| u16::from(days_in_month(y, month))).sum();
    y as f64 + f64::from(before + u16::from(d) - 1) / f64::from(days_in_year(y))
}

/// English month names, for tests here and in `citation`.
#[cfg(test)]
pub(crate) const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn months() -> Vec<String> {
        MONTHS_EN.map(String::from).to_vec()
    }

    // A wrong date is a bug: impossible days must be refused, leap days accepted.
    #[test]
    fn refuses_impossible_days_and_accepts_leap_days() {
        assert!(DateSpec::parse("2023-02-29").is_err());
        assert!(DateSpec::parse("2024-02-29").is_ok());
        assert!(DateSpec::parse("1900-02-29").is_err());
        assert!(DateSpec::parse("2000-02-29").is_ok());
        assert!(DateSpec::parse("2021-04-31").is_err());
        assert!(DateSpec::parse("2021-13").is_err());
        assert!(DateSpec::parse("2021-00").is_err());
        assert!(DateSpec::parse("2021-1-05").is_err());
        assert!(DateSpec::parse("21-01-05").is_err());
        assert!(DateSpec::parse("2021-01-05-01").is_err());
        assert!(DateSpec::parse("").is_err());
        assert!(DateSpec::parse("١٩٩٩").is_err());
    }

    #[test]
    fn precision_follows_the_written_form() {
        assert_eq!(
            DateSpec::parse("1999").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            DateSpec::parse("1999-09").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            DateSpec::parse("2000-07-13").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            DateSpec::parse("2023-07-22/2023-07-25")
                .unwrap()
                .precision(),
            Precision::Range
        );
    }

    // Guards against ranges that end before they start, including a month that contains its "end".
    #[test]
    fn ranges_must_move_forward() {
        assert!(DateSpec::parse("2023-07-25/2023-07-22").is_err());
        assert!(DateSpec::parse("2023-07/2023-07-10").is_err());
        assert!(DateSpec::parse("2023-07-22/2023-07-22").is_err());
        assert!(DateSpec::parse("2009-07/2009-09-18").is_ok());
    }

    #[test]
    fn round_trips_through_text() {
        for text in [
            "1999",
            "1999-09",
            "2000-07-13",
            "2009-07/2009-09-18",
            "2017/2022",
        ] {
            assert_eq!(DateSpec::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn formats_each_precision_for_readers() {
        let m = months();
        let f = |s: &str, style| DateSpec::parse(s).unwrap().format(&m, style);
        assert_eq!(f("2000-07-13", DateStyle::English), "13 July 2000");
        assert_eq!(f("2000-07-13", DateStyle::Spanish), "13 de July de 2000");
        assert_eq!(f("1999-09", DateStyle::English), "September 1999");
        assert_eq!(f("2012", DateStyle::English), "2012");
        assert_eq!(
            f("2023-07-22/2023-07-25", DateStyle::English),
            "22–25 July 2023"
        );
        assert_eq!(f("2007-07/2007-08", DateStyle::English), "July–August 2007");
        assert_eq!(
            f("2009-07/2009-09-18", DateStyle::English),
            "July – 18 September 2009"
        );
        assert_eq!(
            f("2022-05-25/2022-09-19", DateStyle::Spanish),
            "25 de May – 19 de September de 2022"
        );
        assert_eq!(f("2017/2022", DateStyle::English), "2017 – 2022");
        assert_eq!(
            f("2008-11/2009-01", DateStyle::English),
            "November 2008 – January 2009"
        );
    }

    #[test]
    fn orders_chronologically_and_places_points_mid_period() {
        let a = DateSpec::parse("2024-01-07").unwrap();
        let b = DateSpec::parse("2024-01-09").unwrap();
        let month = DateSpec::parse("2024-01").unwrap();
        assert_eq!(a.chronological(&b), Ordering::Less);
        assert_eq!(month.chronological(&a), Ordering::Less);
        let mid = Point::Year(2001).as_year_fraction();
        assert!((mid - 2001.5).abs() < 1e-9, "{mid}");
        let jan1 = Point::Day(2000, 1, 1).as_year_fraction();
        assert!(jan1 > 2000.0 && jan1 < 2000.01, "{jan1}");
    }
}
