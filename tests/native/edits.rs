//! Scenario edits in the engine (`Scenario::apply`), as the page and the
//! command line make them: columns added, moved and removed, the baseline,
//! pay protection, a custom copy of an offer, and the rota edits.

use offer_compare::codec::json::scenario_from_json;
use offer_compare::engine::date::Date;
use offer_compare::engine::edit::rota::{built_in_templates, RotaEdit};
use offer_compare::engine::edit::{source_key, Edit, EditError};
use offer_compare::engine::scenario::{ProtectionSection, Scenario};
use offer_compare::engine::time::Weekday;
use offer_compare::presets;

fn scenario() -> Scenario {
    scenario_from_json(crate::common::STRIKE_2016).unwrap()
}

fn apply(s: &mut Scenario, edit: RotaEdit) {
    s.apply(Edit::Rota(edit)).unwrap();
}

fn column_ids(s: &Scenario) -> Vec<&str> {
    s.columns.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn an_added_column_gets_a_fresh_id_and_a_pay_date_its_offer_covers() {
    let mut s = scenario();
    let offer = presets::find_offer("tcs-today@1").unwrap();
    s.apply(Edit::AddColumn(offer.clone())).unwrap();
    s.apply(Edit::AddColumn(offer)).unwrap();
    assert_eq!(&column_ids(&s)[5..], ["tcs-today", "tcs-today-2"]);
    // One copy of the offer, on the rota in use.
    assert_eq!(s.offers.iter().filter(|o| o.id == "tcs-today").count(), 1);
    assert_eq!(s.columns[5].rota, s.rotas[0].id);
    // tcs-today has no 2016 pay year: paid at the start of its latest one.
    assert_eq!(
        s.columns[5].pay_date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-01")
    );
    // An offer covering the scenario's date is paid at it.
    s.pay_date = Date::new(2019, 4, 1).unwrap();
    s.apply(Edit::AddColumn(presets::find_offer("tcs-2016@1").unwrap()))
        .unwrap();
    assert_eq!(s.columns[7].id, "tcs-2016");
    assert_eq!(s.columns[7].pay_date, None);
}

#[test]
fn columns_move_within_the_ends_and_a_removed_baseline_passes_on() {
    let mut s = scenario();
    s.apply(Edit::MoveColumn("contract-2002".into(), -1))
        .unwrap();
    assert_eq!(column_ids(&s)[0], "contract-2002");
    s.apply(Edit::MoveColumn("contract-2002".into(), 1))
        .unwrap();
    assert_eq!(&column_ids(&s)[..2], ["nov-2015", "contract-2002"]);
    s.apply(Edit::SetBaseline("may-2016".into())).unwrap();
    s.apply(Edit::RemoveColumn("may-2016".into())).unwrap();
    assert_eq!(s.baseline.as_deref(), Some("nov-2015"));
    // The offer no column uses is dropped with it.
    assert!(s.offer("tcs-2016").is_none());
    assert_eq!(s.offers.len(), 4);
}

#[test]
fn an_offer_a_column_protects_against_is_kept_when_its_own_column_goes() {
    let mut s = scenario();
    let contract = presets::find_offer("contract-2002@1").unwrap();
    s.apply(Edit::SetProtection("may-2016".into(), Some(contract)))
        .unwrap();
    let p = s.columns[4].protection.clone().unwrap();
    assert_eq!(p.section, ProtectionSection::CashFloor);
    assert_eq!(p.offer, "contract-2002");
    assert_eq!(p.day_before, Date::new(2016, 8, 2).unwrap());
    assert_eq!(
        s.offers.iter().filter(|o| o.id == "contract-2002").count(),
        1
    );
    s.apply(Edit::RemoveColumn("contract-2002".into())).unwrap();
    assert!(s.offer("contract-2002").is_some());
    s.apply(Edit::SetProtection("may-2016".into(), None))
        .unwrap();
    assert_eq!(s.columns[3].protection, None);
}

#[test]
fn protection_brings_its_2002_offer_when_the_scenario_has_none() {
    let mut s = scenario();
    s.apply(Edit::RemoveColumn("contract-2002".into())).unwrap();
    assert!(s.offer("contract-2002").is_none());
    let contract = presets::find_offer("contract-2002@1").unwrap();
    s.apply(Edit::SetProtection("may-2016".into(), Some(contract)))
        .unwrap();
    assert!(s.offer("contract-2002").is_some());
}

#[test]
fn a_duplicate_is_a_custom_offer_beside_its_column_saying_where_it_came_from() {
    let mut s = scenario();
    let today = Date::new(2026, 1, 2).unwrap();
    s.apply(Edit::DuplicateOffer {
        column: "may-2016".into(),
        today,
        preset: Some("tcs-2016@1".into()),
    })
    .unwrap();
    assert_eq!(&column_ids(&s)[4..], ["may-2016", "tcs-2016-custom"]);
    let copy = s.offer("tcs-2016-custom").unwrap().clone();
    assert_eq!(copy.version, 1);
    assert_eq!(copy.derived_from.as_deref(), Some("tcs-2016@1"));
    assert!(copy.name.ends_with(" (edited)"), "{}", copy.name);
    let last = copy.status.last().unwrap();
    assert_eq!(last.date, today);
    assert!(last
        .status
        .starts_with("hypothetical: edited from tcs-2016@1"));
    // A copy of the copy: named after the original, origin kept, one "(edited)".
    s.apply(Edit::DuplicateOffer {
        column: "tcs-2016-custom".into(),
        today,
        preset: None,
    })
    .unwrap();
    let again = s.offer("tcs-2016-custom-2").unwrap();
    assert_eq!(again.derived_from.as_deref(), Some("tcs-2016@1"));
    assert_eq!(again.name, copy.name);
    assert_eq!(s.columns[6].offer, "tcs-2016-custom-2");
}

#[test]
fn an_offer_with_no_recorded_origin_came_from_itself() {
    let mut offer = presets::find_offer("tcs-2016@1").unwrap();
    assert_eq!(source_key(&offer), "tcs-2016@1");
    offer.derived_from = Some("contract-2002@1".into());
    assert_eq!(source_key(&offer), "contract-2002@1");
}

#[test]
fn a_preset_rota_is_used_by_every_column() {
    let mut s = scenario();
    let rota = presets::find_rota("breaches-2016@1").unwrap().rota;
    s.apply(Edit::UseRota(rota)).unwrap();
    assert_eq!(s.rotas.len(), 1);
    assert!(s.columns.iter().all(|c| c.rota == "breaches-2016"));
}

#[test]
fn an_edit_naming_a_column_or_offer_not_there_is_refused_and_changes_nothing() {
    let s = scenario();
    let contract = presets::find_offer("contract-2002@1").unwrap();
    let mut stranger = contract.clone();
    stranger.id = "nobody".into();
    let refused = [
        Edit::RemoveColumn("x".into()),
        Edit::MoveColumn("x".into(), 1),
        Edit::SetBaseline("x".into()),
        Edit::SetBandOverride("x".into(), None),
        Edit::SetProtection("x".into(), Some(contract)),
        Edit::DuplicateOffer {
            column: "x".into(),
            today: Date::APRIL_2016_STRIKE,
            preset: None,
        },
        Edit::ReplaceOffer(stranger),
    ];
    for edit in refused {
        let mut t = s.clone();
        let error = t.apply(edit.clone()).unwrap_err();
        assert_eq!(t, s, "{edit:?}");
        assert!(matches!(
            error,
            EditError::NoColumn(_) | EditError::NoOffer(_)
        ));
        assert!(error.to_string().starts_with("there is no "), "{error}");
    }
}

#[test]
fn an_offer_is_replaced_in_place() {
    let mut s = scenario();
    let mut offer = s.offers[1].clone();
    offer.name = "Changed".into();
    s.apply(Edit::ReplaceOffer(offer)).unwrap();
    assert_eq!(s.offers[1].name, "Changed");
    assert_eq!(s.offers.len(), 5);
}

#[test]
fn a_band_override_is_set_and_cleared() {
    let mut s = scenario();
    let band = offer_compare::engine::offer::Band::B1A;
    s.apply(Edit::SetBandOverride("contract-2002".into(), Some(band)))
        .unwrap();
    assert_eq!(s.columns[0].band_override, Some(band));
    s.apply(Edit::SetBandOverride("contract-2002".into(), None))
        .unwrap();
    assert_eq!(s.columns[0].band_override, None);
}

#[test]
fn patterns_place_the_shifts_they_say() {
    let mut s = scenario();
    let night = built_in_templates()[3].clone();
    apply(&mut s, RotaEdit::SetWeeks(2));
    apply(
        &mut s,
        RotaEdit::Replace {
            weeks: 2,
            shifts: vec![],
        },
    );
    // Four nights from week 2 Saturday wrap into week 1.
    apply(
        &mut s,
        RotaEdit::Nights {
            week: 2,
            day: Weekday::Sat,
            count: 4,
            template: night,
        },
    );
    let placed: Vec<(u8, Weekday)> = s.rotas[0].shifts.iter().map(|x| (x.week, x.day)).collect();
    assert_eq!(
        placed,
        [
            (2, Weekday::Sat),
            (2, Weekday::Sun),
            (1, Weekday::Mon),
            (1, Weekday::Tue)
        ]
    );
    assert!(s.rotas[0].name.ends_with("(edited)"));
    apply(&mut s, RotaEdit::CopyWeek { from: 1, to: 2 });
    assert_eq!(s.rotas[0].shifts.iter().filter(|x| x.week == 2).count(), 2);
    apply(&mut s, RotaEdit::SetWeeks(4));
    apply(&mut s, RotaEdit::RepeatWeekOne);
    assert_eq!(s.rotas[0].shifts.len(), 8);
    let long_day = built_in_templates()[1].clone();
    apply(
        &mut s,
        RotaEdit::EveryNthWeekend {
            n: 3,
            template: long_day,
        },
    );
    let weekends: Vec<u8> = s.rotas[0]
        .shifts
        .iter()
        .filter(|x| x.day == Weekday::Sat)
        .map(|x| x.week)
        .collect();
    assert_eq!(weekends, [1, 4]);
    apply(
        &mut s,
        RotaEdit::CopyDay {
            from: (1, Weekday::Mon),
            to: (3, Weekday::Wed),
        },
    );
    assert!(s.rotas[0]
        .shifts
        .iter()
        .any(|x| x.week == 3 && x.day == Weekday::Wed && x.start.to_string() == "20:00"));
    let n = s.rotas[0].shifts.len();
    apply(&mut s, RotaEdit::Delete(99));
    apply(&mut s, RotaEdit::Delete(0));
    assert_eq!(s.rotas[0].shifts.len(), n - 1);
}
