//! `codec::base64url` against the `base64` crate (URL-safe alphabet, no
//! padding): the same text for every byte string, and the same bytes — or a
//! refusal from both — for every string.
//!
//! Why: the link's outer layer is hand-written to keep a crate out of the
//! bundle; a slip in its bit arithmetic (a chunk's last character, the
//! 2- and 3-character tails) would make links that another tool, or a later
//! version, reads differently. The reference is configured as our decoder
//! behaves: it refuses padding and accepts nonzero unused bits in the last
//! character (a link cut by hand still decodes as before).

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use offer_compare::codec::base64url::{decode, encode};
use proptest::prelude::*;

const REFERENCE: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

fn same_decoding(text: &str) {
    match (decode(text), REFERENCE.decode(text)) {
        (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{text:?}"),
        (Err(_), Err(_)) => {}
        (ours, theirs) => panic!("{text:?}: ours {ours:?}, base64 {theirs:?}"),
    }
}

#[test]
fn the_tails_and_the_refusals_agree() {
    for text in [
        "", "A", "AA", "AAA", "AAAA", "AB", "AAB", "Zh", "Zm9", "Zm9vYh", "-_8", "-_-_", "Zg==",
        "Zg=", "Zm9v+", "Zm/v", "Zé", " Zg", "Zg\n", "%3D",
    ] {
        same_decoding(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn encoding_agrees(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = encode(&bytes);
        prop_assert_eq!(&text, &REFERENCE.encode(&bytes));
        prop_assert_eq!(decode(&text), Ok(bytes));
    }

    #[test]
    fn decoding_the_alphabet_agrees(text in "[A-Za-z0-9_-]{0,200}") {
        same_decoding(&text);
    }

    #[test]
    fn decoding_anything_agrees(text in "[A-Za-z0-9_+/=%. -]{0,40}|\\PC{0,20}") {
        same_decoding(&text);
    }
}
