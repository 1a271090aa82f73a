//! Fresh ids for copied columns and offers.

/// `base`, or `base-2`, `base-3`, … — the first that `taken` refuses.
pub(super) fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
