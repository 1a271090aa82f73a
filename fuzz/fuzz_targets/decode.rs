//! Fuzzes every way a scenario gets into the app: the bytes as a link's
//! fragment (lossy UTF-8, with and without the `v1.` prefix), as base64url
//! link data (so the fuzzer also reaches the decompressor and the JSON behind
//! it), and as a scenario file; whatever decodes is compared. Nothing may
//! panic: a decoder returns an error saying what is wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offer_compare::codec::base64url;
use offer_compare::codec::json::scenario_from_json;
use offer_compare::codec::link::scenario_from_link;
use offer_compare::engine::compare::compare;


fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let links = [
        text.to_string(),
        format!("v1.{text}"),
        // The raw bytes as the compressed stream itself.
        format!("v1.{}", base64url::encode(data)),
    ];
    for link in &links {
        if let Ok(scenario) = scenario_from_link(link) {
            let _ = compare(&scenario, offer_compare::reference());
        }
    }
    if let Ok(scenario) = scenario_from_json(&text) {
        let _ = compare(&scenario, offer_compare::reference());
    }
});
