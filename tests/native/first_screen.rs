//! The first screen written into `index.html` (src/ui/first_screen.html) is
//! the app's own first render of the default comparison, byte for byte: the
//! page shows it before the WebAssembly arrives, so a stale copy would show
//! figures the app does not.
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::ui::first_screen::FirstScreen;

const COPY: &str = "src/ui/first_screen.html";

async fn render() -> String {
    yew::LocalServerRenderer::<FirstScreen>::new()
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn the_written_first_screen_is_the_apps_first_render() {
    let fresh = render().await;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COPY);
    if std::env::var_os("OC_WRITE_FIRST_SCREEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == fresh,
        "{COPY} is not the app's first render of the default comparison: write it again with \
         `OC_WRITE_FIRST_SCREEN=1 cargo test --test native first_screen`"
    );
}

#[tokio::test]
async fn the_first_screen_carries_every_summary_figure_of_the_default() {
    let html = render().await;
    let scenario = scenario_from_json(offer_compare::DEFAULT_SCENARIO).unwrap();
    let comparison = compare(&scenario, offer_compare::reference()).unwrap();
    assert!(html.contains("data-summary-sentence"));
    // Every offer's card, with its gross pay per year as the engine computes it.
    for column in &comparison.columns {
        let gross = column.gross_annual();
        let card = format!(r#"data-summary-offer="{}""#, column.id);
        assert!(html.contains(&card), "no card for {}", column.id);
        let value = format!(r#"data-summary-line="gross" data-summary-value="{gross}""#);
        assert!(html.contains(&value), "no gross {gross} for {}", column.id);
    }
    // Nothing that takes input: typing before the app starts would be lost.
    for tag in ["<input", "<select", "<textarea", "<form"] {
        assert!(!html.contains(tag), "the first screen has {tag}");
    }
}

/// The pay history's first screen (src/ui/history/first_screen.html, written
/// into history.html at build time) is the page's own first render of its
/// default choices, byte for byte, with the command line's sentence.
#[tokio::test]
async fn the_written_history_first_screen_is_the_pages_first_render() {
    const HISTORY_COPY: &str = "src/ui/history/first_screen.html";
    let fresh = yew::LocalServerRenderer::<offer_compare::ui::history::HistoryFirstScreen>::new()
        .hydratable(false)
        .render()
        .await;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(HISTORY_COPY);
    if std::env::var_os("OC_WRITE_FIRST_SCREEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == fresh,
        "{HISTORY_COPY} is not the page's first render: write it again with \
         `OC_WRITE_FIRST_SCREEN=1 cargo test --test native first_screen`"
    );
    assert!(fresh.contains(
        "By RPI (annual averages), FY1 basic pay in 2025/26 buys 5.26% less than in 2008/09; a rise of 5.55% would restore it."
    ));
    for tag in ["<input", "<select", "<textarea", "<form"] {
        assert!(!fresh.contains(tag), "the first screen has {tag}");
    }
}
