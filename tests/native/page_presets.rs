//! The preset texts the release page carries (`external-presets`): what the
//! app takes from the page. (Whether the page's block reproduces the presets
//! is what every end-to-end test checks: they run on the release bundle.)

use offer_compare::presets::provide_external;

#[test]
fn the_page_block_is_a_map_of_texts_given_once() {
    assert!(provide_external("[1, 2]")
        .unwrap_err()
        .starts_with("the page's presets: "));
    assert_eq!(provide_external(r#"{"offers/x@1.json": "{}"}"#), Ok(()));
    assert_eq!(
        provide_external("{}"),
        Err("the page's presets were already given".to_string())
    );
}
