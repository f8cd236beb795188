//! Finishes a Trunk build (run by Trunk after each build, see `Trunk.toml`, in
//! `$TRUNK_STAGING_DIR`; or give the folder: `post-build <dir>`):
//!
//! 1. writes the dataset as CSV and JSON downloads into `downloads/`;
//! 2. writes the dataset the app reads, a file per language, `data-en-<hash>.bin` and
//!    `data-es-<hash>.bin` (`content::wire`), plus `data-all-<hash>.bin` with both for the offline
//!    single file; and the pages readers open, `index.html` (English) and `es.html` (Spanish), with the
//!    static first view rendered into them, and our loader `boot-<hash>.js` in place of Trunk's
//!    inline one (so the app runs under a Content-Security-Policy without `'unsafe-inline'`, and
//!    loads after the first view is painted; `first_view.rs`);
//! 3. writes `oembed.json`, the oEmbed document `index.html` links to. Its iframe needs an absolute
//!    address: set `EXPLAINER_URL` to where the release is published (default: the address
//!    `scripts/serve.sh` serves at);
//! 4. writes `.gz` and `.br` siblings of every text and wasm file (`compress.rs`), for hosts that
//!    serve pre-compressed files (`deploy/`).
//!
//! The tool runs on the host; the wasm build (clippy's `--all-targets`) sees an empty program.

#![recursion_limit = "256"]

#[cfg(not(target_arch = "wasm32"))]
mod compress;
#[cfg(not(target_arch = "wasm32"))]
mod first_view;
#[cfg(not(target_arch = "wasm32"))]
mod host;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}
