//! The pay-history page's program (`history.html`): its own WebAssembly, so
//! the comparison page's download does not carry the history (issue #24).
//! Off the browser it says where the history is on the command line.

// Talc, as the comparison page's program (src/main.rs).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    offer_compare::ui::history::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the pay-history page runs in the browser; on the command line: offer-compare history --help");
}
