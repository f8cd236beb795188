//! Entry point: install the crash card; the loader then hands over the data file and the app
//! mounts. Everything else lives in the library.
// The host build renders views to HTML too (the post-build tool), which nests types deeper.
#![recursion_limit = "256"]

use wasm_bindgen::prelude::*;

fn main() {
    ecuador_explainer::ui::browser::install_panic_hook();
}

/// Reads a data file's bytes (fetched by the loader beside the wasm: the page's language, or both)
/// and mounts the app; `fetch_language` (`lang => Promise<Uint8Array>`) fetches the other
/// language's file when the reader switches. A file that is not this build's, or is damaged, is
/// refused with the reason, and nothing is mounted: the loader keeps the page as it is and offers
/// to try again.
#[wasm_bindgen]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn start(data: &[u8], fetch_language: Option<js_sys::Function>) -> Result<(), JsError> {
    ecuador_explainer::data::install(data).map_err(|e| JsError::new(&e.to_string()))?;
    if let Some(fetch) = fetch_language {
        ecuador_explainer::app::languages::set_fetcher(fetch);
    }
    ecuador_explainer::ui::browser::mount(ecuador_explainer::App);
    Ok(())
}
