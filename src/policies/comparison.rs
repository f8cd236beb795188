//! The policy comparison's headless model: which two programmes are compared, the rows where
//! either says something, and how a pair is written in a link (`plan-colombia-vs-merida-initiative`).

use crate::data::{Cell, Dataset, Dimension};

/// Two programmes side by side, as indices into `Dataset::policies`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
}

const SEPARATOR: &str = "-vs-";

/// Plan Colombia against Mérida: the first two programmes in the data.
pub fn default_pair(data: &Dataset) -> Option<Pair> {
    (data.policies.len() >= 2).then_some(Pair { left: 0, right: 1 })
}

/// The link form of a pair.
pub fn pair_id(data: &Dataset, pair: Pair) -> Option<String> {
    let left = data.policies.get(pair.left)?;
    let right = data.policies.get(pair.right)?;
    Some(format!("{}{SEPARATOR}{}", left.id, right.id))
}

/// Reads a pair from a link; `None` unless both are known and different.
pub fn parse_pair(data: &Dataset, item: &str) -> Option<Pair> {
    let (left, right) = item.split_once(SEPARATOR)?;
    let index = |id: &str| data.policies.iter().position(|p| p.id.as_str() == id);
    let pair = Pair {
        left: index(left)?,
        right: index(right)?,
    };
    (pair.left != pair.right).then_some(pair)
}

/// Picks a new programme for one side; picking the other side's programme swaps them.
pub fn choose(pair: Pair, left_side: bool, policy: usize) -> Pair {
    match (left_side, policy) {
        (true, p) if p == pair.right => Pair {
            left: p,
            right: pair.left,
        },
        (true, p) => Pair { left: p, ..pair },
        (false, p) if p == pair.left => Pair {
            left: pair.right,
            right: p,
        },
        (false, p) => Pair { right: p, ..pair },
    }
}

/// One row of the comparison.
pub struct Row<'a> {
    pub dimension: &'a Dimension,
    pub left: Option<&'a Cell>,
    pub right: Option<&'a Cell>,
}

/// The rows, in the data's dimension order, where at least one side says something.
pub fn rows(data: &Dataset, pair: Pair) -> Vec<Row<'_>> {
    let (Some(left), Some(right)) = (data.policies.get(pair.left), data.policies.get(pair.right))
    else {
        return Vec::new();
    };
    data.dimensions
        .iter()
        .map(|dimension| Row {
            dimension,
            left: data.cell(&left.id, &dimension.id),
            right: data.cell(&right.id, &dimension.id),
        })
        .filter(|row| row.left.is_some() || row.right.is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::embedded()
    }

    // The default is the comparison the explainer is about.
    #[test]
    fn defaults_to_plan_colombia_against_merida() {
        let pair = default_pair(data()).unwrap();
        assert_eq!(
            pair_id(data(), pair).unwrap(),
            "plan-colombia-vs-merida-initiative"
        );
    }

    #[test]
    fn pairs_round_trip_through_links_and_reject_nonsense() {
        for left in 0..data().policies.len() {
            for right in 0..data().policies.len() {
                let pair = Pair { left, right };
                let id = pair_id(data(), pair).unwrap();
                let parsed = parse_pair(data(), &id);
                assert_eq!(parsed, (left != right).then_some(pair), "{id}");
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
            assert_eq!(parse_pair(data(), bad), None, "{bad}");
        }
    }

    // Choosing the programme already on the other side swaps instead of comparing it with itself.
    #[test]
    fn choosing_the_other_sides_programme_swaps() {
        let pair = Pair { left: 0, right: 1 };
        assert_eq!(choose(pair, true, 1), Pair { left: 1, right: 0 });
        assert_eq!(choose(pair, false, 0), Pair { left: 1, right: 0 });
        assert_eq!(choose(pair, true, 2), Pair { left: 2, right: 1 });
        assert_eq!(choose(pair, false, 3), Pair { left: 0, right: 3 });
    }

    #[test]
    fn rows_follow_the_dimension_order_and_skip_empty_ones() {
        let pair = default_pair(data()).unwrap();
        let rows = rows(data(), pair);
        assert!(!rows.is_empty());
        let order: Vec<usize> = rows
            .iter()
            .map(|r| {
                data()
                    .dimensions
                    .iter()
                    .position(|d| d.id == r.dimension.id)
                    .unwrap()
            })
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        assert!(rows.iter().all(|r| r.left.is_some() || r.right.is_some()));
    }
}
