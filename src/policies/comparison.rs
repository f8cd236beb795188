//! The policy comparison's headless model: which two programmes are compared, the rows where
//! either says something, and what choosing a programme for one side does. A pair is written in
//! a link as `plan-colombia-vs-merida-initiative` (see [`Pair`]).

use crate::data::{Cell, Dataset, Dimension, PolicyId};
pub use crate::url_state::Pair;

/// Plan Colombia against Mérida: the first two programmes in the data.
pub fn default_pair(data: &Dataset) -> Option<Pair> {
    match data.policies.as_ref() {
        [left, right, ..] => Some(Pair {
            left: left.id.clone(),
            right: right.id.clone(),
        }),
        _ => None,
    }
}

/// Picks a new programme for one side; picking the other side's programme swaps them.
pub fn choose(pair: &Pair, left_side: bool, policy: &PolicyId) -> Pair {
    let (left, right) = (pair.left.clone(), pair.right.clone());
    let policy = policy.clone();
    match left_side {
        true if policy == right => Pair {
            left: right,
            right: left,
        },
        true => Pair {
            left: policy,
            right,
        },
        false if policy == left => Pair {
            left: right,
            right: left,
        },
        false => Pair {
            left,
            right: policy,
        },
    }
}

/// One row of the comparison.
pub struct Row<'a> {
    pub dimension: &'a Dimension,
    pub left: Option<&'a Cell>,
    pub right: Option<&'a Cell>,
}

/// The rows, in the data's dimension order, where at least one side says something.
pub fn rows<'a>(data: &'a Dataset, pair: &Pair) -> Vec<Row<'a>> {
    data.dimensions
        .iter()
        .map(|dimension| Row {
            dimension,
            left: data.cell(&pair.left, &dimension.id),
            right: data.cell(&pair.right, &dimension.id),
        })
        .filter(|row| row.left.is_some() || row.right.is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset()
    }

    fn id(text: &'static str) -> PolicyId {
        PolicyId(text.into())
    }

    // The default is the comparison the explainer is about.
    #[test]
    fn defaults_to_plan_colombia_against_merida() {
        let pair = default_pair(data()).unwrap();
        assert_eq!(pair.id(), "plan-colombia-vs-merida-initiative");
    }

    #[test]
    fn pairs_round_trip_through_links_and_reject_nonsense() {
        for left in data().policies.iter() {
            for right in data().policies.iter() {
                let pair = Pair {
                    left: left.id.clone(),
                    right: right.id.clone(),
                };
                let parsed = Pair::parse(data(), &pair.id());
                assert_eq!(
                    parsed,
                    (left.id != right.id).then_some(pair.clone()),
                    "{}",
                    pair.id()
                );
            }
        }
        for bad in [
            "",
            "-vs-",
            "plan-colombia",
            "plan-colombia-vs-",
            "plan-colombia-vs-atlantis",
            "x-vs-y-vs-z",
        ] {
            assert_eq!(Pair::parse(data(), bad), None, "{bad}");
        }
    }

    // Choosing the programme already on the other side swaps instead of comparing it with itself.
    #[test]
    fn choosing_the_other_sides_programme_swaps() {
        let pair = |l: &'static str, r: &'static str| Pair {
            left: id(l),
            right: id(r),
        };
        let start = pair("a", "b");
        assert_eq!(choose(&start, true, &id("b")), pair("b", "a"));
        assert_eq!(choose(&start, false, &id("a")), pair("b", "a"));
        assert_eq!(choose(&start, true, &id("c")), pair("c", "b"));
        assert_eq!(choose(&start, false, &id("d")), pair("a", "d"));
    }

    #[test]
    fn rows_follow_the_dimension_order_and_skip_empty_ones() {
        let pair = default_pair(data()).unwrap();
        let rows = rows(data(), &pair);
        assert!(!rows.is_empty());
        let order: Vec<usize> = rows
            .iter()
            .filter_map(|r| {
                data()
                    .dimensions
                    .iter()
                    .position(|d| d.id == r.dimension.id)
            })
            .collect();
        assert_eq!(order.len(), rows.len());
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        assert!(rows.iter().all(|r| r.left.is_some() || r.right.is_some()));
    }
}
