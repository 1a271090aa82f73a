//! The one binary: the app in the browser, the command line elsewhere.

#[cfg(target_arch = "wasm32")]
fn main() {
    offer_compare::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    offer_compare::cli::main()
}
