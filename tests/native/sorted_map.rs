//! `engine::sorted_map::SortedMap` against `BTreeMap` under random sequences
//! of inserts and lookups: the same answers, the same entries in the same
//! order, and the same JSON.
//!
//! Why: `SortedMap` replaces `BTreeMap` to save wasm, promising the same order
//! and semantics; a slip in its binary search (an insert at the wrong place, a
//! replaced value not returned) would reorder grades or readings silently.
//! It has no `remove`: the model never removes entries.

use offer_compare::engine::sorted_map::SortedMap;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
enum Op {
    Insert(u8, u16),
    Get(u8),
}

fn op() -> impl Strategy<Value = Op> {
    // Keys from a small range so inserts replace and lookups hit.
    prop_oneof![
        (0u8..40, any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
        (0u8..48).prop_map(Op::Get),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..200)) {
        let mut ours = SortedMap::new();
        let mut theirs = BTreeMap::new();
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                Op::Get(k) => {
                    prop_assert_eq!(ours.get(&k), theirs.get(&k));
                    prop_assert_eq!(ours.contains_key(&k), theirs.contains_key(&k));
                }
            }
            prop_assert_eq!(ours.len(), theirs.len());
            prop_assert_eq!(ours.is_empty(), theirs.is_empty());
        }
        prop_assert!(ours.iter().eq(theirs.iter()));
        prop_assert!((&ours).into_iter().eq(theirs.iter()));
        let json = serde_json::to_string(&theirs).expect("json");
        prop_assert_eq!(&serde_json::to_string(&ours).expect("json"), &json);
        let back: SortedMap<u8, u16> = serde_json::from_str(&json).expect("reads back");
        prop_assert!(back.iter().eq(theirs.iter()));
        let collected: SortedMap<u8, u16> = theirs.iter().rev().map(|(k, v)| (*k, *v)).collect();
        prop_assert!(collected.iter().eq(theirs.iter()));
    }
}
