//! The doctor: the job (grade, years, LTFT, pay date) and the take-home settings.

pub(super) mod job;
pub(super) mod take_home;
