//! The link compressor against itself: whatever bytes go in come back out,
//! against the real link dictionary, an empty one and a tiny one.
//!
//! Why: `codec::lz` is hand-written, and a compressor that drops or reorders a
//! byte for some input would make a link that opens as something else — or not
//! at all. The inputs favour its edges: empty data, data shorter than a match,
//! long runs (overlapping back-references), repeats of the dictionary's own
//! text and matches that cross from the dictionary into the data.

use offer_compare::codec::link::dictionary_bytes;
use offer_compare::codec::lz::{compress, decompress, Dictionary};
use offer_compare::presets;
use proptest::prelude::*;
use std::sync::OnceLock;

/// The dictionary of `v1.` links, built once for every case.
fn link_dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| Dictionary::new(dictionary_bytes(presets::library(), 1)))
}

/// Compresses and decompresses `data` against `dict`, with room for exactly
/// its length (so the size limit is checked at its edge too).
fn round_trip(data: &[u8], dict: &Dictionary) {
    let packed = compress(data, dict);
    assert_eq!(
        decompress(&packed, dict.bytes(), data.len()).as_deref(),
        Ok(data)
    );
    if !data.is_empty() {
        assert!(decompress(&packed, dict.bytes(), data.len() - 1).is_err());
    }
}

/// Bytes that compress: short arbitrary pieces repeated, and slices of the
/// dictionary, mixed with arbitrary bytes.
fn repetitive() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        (proptest::collection::vec(any::<u8>(), 1..8), 1usize..600)
            .prop_map(|(unit, times)| unit.repeat(times)),
        (any::<prop::sample::Index>(), 0usize..300).prop_map(|(at, len)| {
            let dict = link_dictionary().bytes();
            let start = at.index(dict.len());
            dict[start..(start + len).min(dict.len())].to_vec()
        }),
        proptest::collection::vec(any::<u8>(), 0..40),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

#[test]
fn the_edges_round_trip() {
    let empty = Dictionary::new(Vec::new());
    for data in [
        &b""[..],
        b"a",
        b"abc",
        b"abcd",
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        b"abcabcabcabcabcabcabcabcabcabcabcabc",
        b"\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff",
    ] {
        round_trip(data, &empty);
        round_trip(data, link_dictionary());
    }
    // Long enough that lengths and distances need several varint bytes.
    let long: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    round_trip(&long, &empty);
    round_trip(&vec![7u8; 100_000], &empty);
    round_trip(link_dictionary().bytes(), link_dictionary());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_bytes_round_trip(data in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        round_trip(&data, &Dictionary::new(Vec::new()));
        round_trip(&data, link_dictionary());
    }

    #[test]
    fn arbitrary_text_round_trips(text in "\\PC{0,400}") {
        round_trip(text.as_bytes(), link_dictionary());
    }

    #[test]
    fn repetitive_bytes_round_trip(data in repetitive(), tiny in proptest::collection::vec(any::<u8>(), 0..16)) {
        round_trip(&data, &Dictionary::new(tiny));
        round_trip(&data, link_dictionary());
    }
}
