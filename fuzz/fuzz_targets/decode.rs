//! Fuzzes every way a scenario gets into the app: the bytes as a link's
//! fragment (lossy UTF-8, with and without the `v1.` prefix), as base64url
//! link data (so the fuzzer also reaches the decompressor and the JSON behind
//! it), and as a scenario file; whatever decodes is compared. Nothing may
//! panic: a decoder returns an error saying what is wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offer_compare::codec::json::scenario_from_json;
use offer_compare::codec::link::scenario_from_link;
use offer_compare::engine::compare::compare;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded URL-safe base64 (the link codec's own is private).
fn b64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let links = [
        text.to_string(),
        format!("v1.{text}"),
        // The raw bytes as the compressed stream itself.
        format!("v1.{}", b64(data)),
    ];
    for link in &links {
        if let Ok(scenario) = scenario_from_link(link) {
            let _ = compare(&scenario);
        }
    }
    if let Ok(scenario) = scenario_from_json(&text) {
        let _ = compare(&scenario);
    }
});
