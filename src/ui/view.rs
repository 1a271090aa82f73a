//! The page's views (issue #21): a few pages a person moves between instead
//! of one long scroll. The view lives in the address as `?view=<id>`, beside
//! the share link in the fragment (`?view=offers#v1.…`), so a reload, the
//! Back button and a shared link all come back to the same view; the default
//! view, Compare, has no parameter. The view is the page's business alone: the
//! scenario, its files and the engine never see it.

/// One of the page's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The answer, the inputs that change it, then the results in full.
    Compare,
    /// The job form, the rota: picker, editor, paste, timeline.
    Job,
    /// The offers compared, the offer editor, terms side by side.
    Offers,
    /// Sweeps, break-even and who gains.
    Explore,
    /// Take-home pay and real terms.
    TakeHome,
    /// The share link, files, saved comparisons.
    Share,
    /// Assumptions, method and sources, glossary.
    Method,
}

impl View {
    /// Every view, in the navigation's order.
    pub const ALL: [View; 7] = [
        View::Compare,
        View::Job,
        View::Offers,
        View::Explore,
        View::TakeHome,
        View::Share,
        View::Method,
    ];

    /// The view's id in the address (`?view=<id>`) and in the page's markup.
    pub fn id(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Job => "job",
            View::Offers => "offers",
            View::Explore => "explore",
            View::TakeHome => "take-home",
            View::Share => "share",
            View::Method => "method",
        }
    }

    /// The view's name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            View::Compare => "Compare",
            View::Job => "Your job and rota",
            View::Offers => "Offers",
            View::Explore => "Explore",
            View::TakeHome => "Take-home and real terms",
            View::Share => "Share and saved",
            View::Method => "Method and sources",
        }
    }

    /// How much of [`View::label`] a phone shows: the navigation fits two
    /// rows there, leaving room for the answer.
    pub fn short_label(self) -> &'static str {
        match self {
            View::TakeHome => "Take-home",
            View::Share => "Share",
            View::Method => "Method",
            v => v.label(),
        }
    }

    /// The view with this id, if there is one.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }

    /// The view an address asks for: its query's first `view` parameter
    /// naming a view, else Compare — an unknown or missing view opens the
    /// answer rather than an error.
    pub fn from_address(address: &str) -> View {
        let before_fragment = address.split('#').next().unwrap_or_default();
        let query = before_fragment.split_once('?').map_or("", |(_, q)| q);
        query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("view="))
            .find_map(View::from_id)
            .unwrap_or(View::Compare)
    }

    /// The page an address is on: the address without query or fragment.
    pub fn page_of(address: &str) -> &str {
        address.split(['?', '#']).next().unwrap_or_default()
    }

    /// The address of this view of the comparison in `fragment` (a share
    /// link's `v1.…`, or empty), on the page at `base` (its address without
    /// query or fragment). Compare has no parameter, so the default page's
    /// address stays as it was.
    pub fn address(self, base: &str, fragment: &str) -> String {
        let mut address = base.to_string();
        if self != View::Compare {
            address.push_str("?view=");
            address.push_str(self.id());
        }
        if !fragment.is_empty() {
            address.push('#');
            address.push_str(fragment);
        }
        address
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn every_view_round_trips_through_its_address() {
        for view in View::ALL {
            let address = view.address("https://x.test/app/", "v1.abc");
            assert_eq!(View::from_address(&address), view, "{address}");
            assert_eq!(View::page_of(&address), "https://x.test/app/");
        }
        assert_eq!(View::Compare.address("./", ""), "./");
        assert_eq!(View::Offers.address("./", ""), "./?view=offers");
    }

    #[test]
    fn an_unknown_or_missing_view_is_compare() {
        for address in [
            "https://x.test/",
            "https://x.test/?",
            "https://x.test/?view=",
            "https://x.test/?view=nope",
            "https://x.test/?views=job",
            "https://x.test/#?view=job",
            "./",
        ] {
            assert_eq!(View::from_address(address), View::Compare, "{address}");
        }
        let address = "https://x.test/?x=1&view=take-home&view=job#v1.a?view=share";
        assert_eq!(View::from_address(address), View::TakeHome);
        assert_eq!(View::page_of(address), "https://x.test/");
    }
}
