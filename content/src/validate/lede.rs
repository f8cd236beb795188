//! `data/lede.toml`: the story in brief. Its sentences are short, sourced and hold no digits; its
//! one number is read from a published value of an indicator series.

use super::{Known, Report};
use crate::lang::Lang;
use crate::model::Lede;
use crate::Dataset;

const FILE: &str = "data/lede.toml";

/// Two or three sentences fit well under this; more is no longer a lede.
const MAX_WORDS: usize = 80;

pub(super) fn check(data: &Dataset, lede: &Lede, known: &Known<'_>, out: &mut Report<'_>) {
    let at = |field: &str| (FILE, "lede", field.to_string());
    out.text(at("text"), &lede.text);
    for lang in Lang::ALL {
        let field = format!("text.{}", lang.code());
        let text = lede.text.get(lang);
        let numbers = digit_runs(text);
        if !numbers.is_empty() {
            out.add(
                at(&field),
                format!(
                    "holds the digits `{}`: the lede's one number is its figure, which is sourced through its series",
                    numbers.join("`, `")
                ),
            );
        }
        let words = text.split_whitespace().count();
        if words > MAX_WORDS {
            out.add(
                at(&field),
                format!("has {words} words (at most {MAX_WORDS})"),
            );
        }
    }
    out.sources(at("sources"), &lede.sources, &known.sources);

    let figure = &lede.figure;
    out.text(at("figure.label"), &figure.label);
    if figure.from >= figure.to {
        out.add(
            at("figure.to"),
            format!("{} is not after figure.from, {}", figure.to, figure.from),
        );
    }
    let Some(series) = data.series(figure.series.as_str()) else {
        out.add(
            at("figure.series"),
            format!("unknown series `{}`", figure.series),
        );
        return;
    };
    for (field, year) in [("figure.from", figure.from), ("figure.to", figure.to)] {
        match series.points.iter().find(|p| p.year == year) {
            None => out.add(
                at(field),
                format!("series `{}` has no value for {year}", series.id),
            ),
            Some(point) if point.computed => out.add(
                at(field),
                format!(
                    "the {year} value of series `{}` is computed for this dataset, not published: choose a year with a published value",
                    series.id
                ),
            ),
            Some(_) => {}
        }
    }
}

/// The runs of digits in `text`, in order (`"in 2021, 79 died"` → `["2021", "79"]`).
fn digit_runs(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_found_in_order() {
        assert_eq!(digit_runs("in 2021, 79 died"), ["2021", "79"]);
        assert!(digit_runs("no numbers, only “words”").is_empty());
    }
}
