//! Native server-side rendering of the whole app: components touch no browser
//! API while rendering, so the page's figures can be checked without a browser.
use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::compare;
use offer_compare::ui::App;

#[tokio::test]
async fn the_app_renders_every_figure_of_the_default_scenario() {
    let html = yew::LocalServerRenderer::<App>::new().render().await;
    let scenario = scenario_from_json(offer_compare::DEFAULT_SCENARIO).unwrap();
    let comparison = compare(&scenario, offer_compare::reference()).unwrap();
    assert!(html.contains(&scenario.title), "title missing");
    for column in &comparison.columns {
        for figure in column.figures() {
            let cell = format!(
                r#"data-offer="{}" data-line="{}" data-value="{}""#,
                column.id, figure.id, figure.value
            );
            assert!(html.contains(&cell), "missing cell {cell}");
        }
    }
}
