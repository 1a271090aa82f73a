//! Why an edit could not be made.

/// Why an edit could not be made; the scenario is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No column has this id.
    NoColumn(String),
    /// No offer has this id.
    NoOffer(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoColumn(id) => write!(f, "there is no column '{id}'"),
            EditError::NoOffer(id) => write!(f, "there is no offer '{id}'"),
        }
    }
}

impl std::error::Error for EditError {}
