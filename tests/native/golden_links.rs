//! Links made today, frozen: each must open, for ever, as the same comparison
//! (every column's offer and gross annual pay as they were on the day the
//! link was made, worked out then from `examples/default.json` and
//! `examples/inline-offers.json`).
//!
//! Why: a share link is a promise — someone pasted it in a message and will
//! open it next year. `links.rs` freezes the dictionary; this freezes the
//! whole path from text to figures (base64, decompression, preset keys,
//! decoding, the engine). If one fails, the format or a released preset
//! changed: make a `v2.` format or a new preset version instead.

use offer_compare::codec::link::scenario_from_link;
use offer_compare::engine::compare::compare;
use rust_decimal::Decimal;

/// `examples/default.json` as a link: presets named by key.
const DEFAULT: &str = concat!(
    "v1.AFLGCQAPkgkABfkIA25vdgG9BwAHPgAQ4asIABhCAAS0nAYABkEADvD2BgAYPwAC3_YCAAQ7ABPIpAYAGEADb",
    "WF5F70KABTECwAQUQATwQoBMgbBCgExXb8KADSKCgAi7wkACOIJADHgCAhha2VfaG9tZQLtDQAk7wgFbiBGWTIR9",
    "AgAA44BAAH8CAAJkggBfQ",
);

/// `examples/inline-offers.json` as a link: custom offers written out.
const INLINE_OFFERS: &str = concat!(
    "v1.AAnGCQNub3YD2t4CAA3ACQAGGgAErggAEJarCAAOigkGLWV4YW1wCMjJBQNqYW4L-AgAEK_zBwAYSQAT9QgBM",
    "gb1CAExNPMIABf75gIAD62VCAAE16sGFShGMSwgRjIsIFJlZzHigJNSZWc0KQKEnAMAAtrQAgACw98DAAPG4wIAC",
    "7-VCAACloIHA3JvbQi-BgACtYsGAAXorgYACZTXBQAHstsCAAju4gIASqauCAAd8bcHABvQtwcAAVsBKQOmgAYAE",
    "f6PCABCzKkIAIAB6MwDABOszAMAHZPMAwAs68oCABSaAQQ0MCBoC9HnAwCMAqOnCAAFvAcAA8AGAEGhpwgAEY8DA",
    "TMI150IAALhBwNbP10L5eUBAAb0kwcADOyWBgAptKYIAFCAAQArx6UIAE-CAQAs2qQIAFCCAQE4Ku2jCABPggEAL",
    "ICjCABDggEAnQGToggAHIWiCABIoQ0AFIOwAwBa0KEIAAS9rQMAHe-eCABP6gEAZNmgCAAEtKsHAIYB4wEAlQLSs",
    "wMAAoKyAQAE4PYDABvBswMBXSrw9gMAEeicAwAiiLMDAXcD-JgBABH_sgMBPQn-sgMARPyyAwC6AY37BQATq4IDA",
    "AuEggMAB4CCAwAC84EDAB6vgQMBLDHb3wcAGOvGBgAOx8YGAVIC15cGBHMgaW4G7JcGAAeQywYBLA2CywYADtKeB",
    "gIpLAWz-AMABfD0BAAJi7wGAAevnQYAFtkaAEPPkAgAB0oABN4aAAnEtgcBIAXo0wcAAp8CBShIU0opQtvTBwA4n",
    "IsIADXHwwgAtwL8GgC0AeTQBAAEwQcAG_IaACrziAcAFIYDABHICAAGmqIDAAvCygYABIiQAwAH2r8CACnohwcAV",
    "IUBACrdhgcAU4UBACvShQcAR4UBAJsBubAGABn6GABlvQsAM5QZADnDqwYABooBABuxFwBshQIAYpvGBwAirRkAg",
    "gH7AQC2BscZAB--OwAOn4MCAAWVNQAJp4MCAAMcABbKjAEAPP-OAgDZAqiDAgCBAeVLANQB6ewBACuqUQATmuwBA",
    "CqqUQAhqe0BADOJAQAqqlEAIdXsAQDLAaaPAQCTAcBLADjsRQNGWTICyEUADegLAToLlMoHAyB2cwaEFAAJzCIAC",
    "Y1FAX0",
);

/// Opens `link` and checks each column's (id, offer, gross annual pay).
fn opens_as(link: &str, expected: &[(&str, &str, &str)]) {
    let scenario = scenario_from_link(link).expect("the link opens");
    let comparison = compare(&scenario, offer_compare::reference()).expect("it compares");
    let columns: Vec<(&str, &str, Decimal)> = comparison
        .columns
        .iter()
        .map(|c| (c.id.as_str(), c.offer_id.as_str(), c.gross_annual()))
        .collect();
    let expected: Vec<(&str, &str, Decimal)> = expected
        .iter()
        .map(|&(id, offer, gross)| (id, offer, gross.parse().expect("decimal")))
        .collect();
    assert_eq!(columns, expected);
}

#[test]
fn the_default_link_opens_as_it_did() {
    opens_as(
        DEFAULT,
        &[
            ("contract-2002", "contract-2002", "39699.80"),
            ("nov-2015", "gov-offer-2015-11", "39006.26"),
            ("imposed", "imposed-2016-02", "38282.26"),
            ("bma", "bma-position-2016-02", "38223.67"),
            ("may-2016", "tcs-2016", "39400.30"),
        ],
    );
}

#[test]
fn the_inline_offers_link_opens_as_it_did() {
    opens_as(
        INLINE_OFFERS,
        &[
            ("nov2015", "gov-offer-2015-11", "40717.92"),
            ("jan2016", "gov-offer-2016-01", "39808.86"),
        ],
    );
}
