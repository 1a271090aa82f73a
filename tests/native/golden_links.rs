//! Links made once, frozen: each must open, for ever, as the same comparison
//! (every column's offer and gross annual pay as they were on the day the
//! link was made, worked out then from `examples/default.json` and
//! `examples/inline-offers.json`). Format 1 (`v1.`) links were made before
//! format 2 (`v2.`, issue 22: the default on the `@2` presets); both are read.
//!
//! Why: a share link is a promise — someone pasted it in a message and will
//! open it next year. `links.rs` freezes the dictionary; this freezes the
//! whole path from text to figures (base64, decompression, preset keys,
//! decoding, the engine). If one fails, the format or a released preset
//! changed: make a new link format or a new preset version instead.

use offer_compare::codec::link::scenario_from_link;
use offer_compare::engine::compare::compare;
use offer_compare::presets::offer_key;
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

/// `examples/default.json` as a link in format 2, as it was when format 2 was
/// made (`contract-2002@2`, `imposed-2016-02@2`, `tcs-2016@2`, take-home pay,
/// the May 2016 contract for a new entrant and a doctor in post): dictionary 2
/// ends with this very scenario, so it is a single reference.
const DEFAULT_V2: &str = "v2.ALsFvgUA";

/// `examples/inline-offers.json` as a link in format 2.
const INLINE_OFFERS_V2: &str = concat!(
    "v2.AAm-BQNub3YDrMIEAA24BQAGGgAEjQMAEOKNEQAO-QIGLWV4YW1wCPTpFgNqYW4L_QQAEIyWEAAYSQBXywMAF",
    "8XnBAAP2bUZAATX9wwUKEYxLCBGMiwgUmVnMeKAk1JlZzQCzLsNAA_dsA0BUAvfphAABprHCwAHww4AArGPBAAF6",
    "PoMAAni-QsAB7ysBAAI6tAEAErykBEAHfGQEQAb_NcYAAFbAAT_nxEAEaqwGQAW0pIGACih9xAAgAGFjgYAE8mNB",
    "gAdsI0GACzYkQQAFJoBBDQwIGgL4MYGAIwCz8cZAAW8BwADwAYAFaR6ACjNxxkAEY8DATMIg74ZAALhBwNbP10L8",
    "x4ABqC0GAAMk9UMACmv8BAAUIABACvd7hAAT4IBACyL7RAAUIIBATgquesQAE-CAQAs5-kQAEOCAQCdAZXoEAAcs",
    "cIZAEihDQAUr9kFAFqu5xAABZuxDAAZy80MAFLqAQBkyOYQAATOpw4AhgHjAQCVAv7cBQAKjNAGABvt3AUABJa-D",
    "AAC5oMFAB2c0AYAEbu0BQAitNwFAASx8wQAEavcBQE9G42nDAAyks0MALoBz58MABP1ggUAC86CBQAHyoIFAAK9g",
    "gUAHPmBBQExAbUNAAq0GgAgztIPAAK9zQQAEuuSDQFhDceSDQFSAv7VDAABt00ABZPWDAAHiJgNAAWB0xAADcUKA",
    "WEF6qMFAiksBZvZBgAF6tYJABSvxhAAFtkaAEP7sBkAB0oABYDZBAAI-I8RASAKuLQPBiAoSFNKKUKH9BgAGMutB",
    "gAcs5oQADWckREAtwL8GgC0Aa-UCQAEwQcAG_IaACqt7w0AFIYDABHICAAG5bYFAALbywQABcKWDQAE0pAFAAeUx",
    "QEAKaLuDQBUhQEAKpftDQBThQEAK4zsDQBHhQEAmwHg7gwAGfoYAGW9CwAzlBkAOerpDAAGigEAG7EXAGyFAgBi8",
    "JcPACKtGQCCAfsBALYGxxkAH5U3AAO_FwAQlTUABbMIA0ZZMgSzzwQAFvasEgA8q68TANkC1KMTAIEBkewRANQBl",
    "Y0TACvW8REAE8aMEwAq1vERACHVjRMAM4kBACrW8REAIYGNEwDLAdKvEgCTAezrEQA48U0DRlkyAs1NAA3oCwE6D",
    "IC-DgJ2cwfc-Q8ACMwiAAqHQwA",
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

#[test]
fn the_format_2_default_link_opens_as_it_did() {
    // 2002 band 1A (2 weekends in 8, 1 in 4 or more often): 28,357 × 1.5 = £42,535.50;
    // the doctor in post keeps that as a cash floor under the May 2016 terms.
    opens_as(
        DEFAULT_V2,
        &[
            ("contract-2002", "contract-2002", "42535.50"),
            ("imposed", "imposed-2016-02", "38282.26"),
            ("may-2016", "tcs-2016", "39400.30"),
            ("may-2016+", "tcs-2016", "42535.50"),
        ],
    );
    let scenario = scenario_from_link(DEFAULT_V2).expect("the link opens");
    let keys: Vec<String> = scenario.offers.iter().map(offer_key).collect();
    assert_eq!(keys, ["contract-2002@2", "imposed-2016-02@2", "tcs-2016@2"]);
}

#[test]
fn the_format_2_inline_offers_link_opens_as_it_did() {
    opens_as(
        INLINE_OFFERS_V2,
        &[
            ("nov2015", "gov-offer-2015-11", "40717.92"),
            ("jan2016", "gov-offer-2016-01", "39808.86"),
        ],
    );
}
