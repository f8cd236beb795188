//! The dataset the app shows: the content crate's records, read from the data files the loader
//! fetches beside the wasm (`content::wire`; written at build time from the same `data/` files the
//! loader checks). The wasm carries the code only.
//!
//! A page starts with its own language's file. When the reader switches language, the other
//! file is fetched and joined to the first ([`complete`]); the app is then mounted again over
//! the bilingual dataset (`crate::app::languages`).

use std::cell::RefCell;
use std::sync::OnceLock;

pub use content::*;

mod schema {
    include!(concat!(env!("OUT_DIR"), "/schema.rs"));
}

/// The model's fingerprint this build reads (and stamped into its data files).
pub use schema::SCHEMA;

/// The first file's dataset, and its language (`None`: both).
static FIRST: OnceLock<(Dataset, Option<Lang>)> = OnceLock::new();
/// Both languages, once the second file has joined the first.
static BOTH: OnceLock<Dataset> = OnceLock::new();

thread_local! {
    /// The first file, kept to join the second to it.
    static FIRST_FILE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// This build's data file with both languages, as `build.rs` wrote it: the post-build tool writes
/// the release's per-language files from it, and host code (the tool, the tests) reads the
/// dataset from it. Not in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub fn file() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"))
}

/// Reads the first data file and keeps its dataset for the rest of the page's life. Unchecked
/// beyond its header: the build checked these very records (`build.rs` stops on any problem) and
/// `tests/data_file.rs` proves the files hold exactly what `data/` holds. A second call keeps
/// the first dataset.
pub fn install(bytes: &[u8]) -> Result<&'static Dataset, wire::WireError> {
    if FIRST.get().is_none() {
        let first = wire::decode(bytes, SCHEMA)?;
        if first.1.is_some() {
            FIRST_FILE.with(|file| *file.borrow_mut() = bytes.to_vec());
        }
        let _ = FIRST.set(first);
    }
    Ok(dataset())
}

/// Joins another language's file to the first; from then on [`dataset`] has both languages.
pub fn complete(bytes: &[u8]) -> Result<(), wire::WireError> {
    if BOTH.get().is_some() {
        return Ok(());
    }
    let both = FIRST_FILE.with(|first| wire::complete(&first.borrow(), bytes, SCHEMA))?;
    let _ = BOTH.set(both);
    FIRST_FILE.with(|first| *first.borrow_mut() = Vec::new());
    Ok(())
}

/// Whether the dataset holds the words of `lang`.
pub fn has_lang(lang: Lang) -> bool {
    BOTH.get().is_some()
        || FIRST
            .get()
            .is_some_and(|(_, only)| only.is_none_or(|l| l == lang))
}

/// The language the dataset holds, when it holds only one.
pub fn only_lang() -> Option<Lang> {
    match (BOTH.get(), FIRST.get()) {
        (None, Some((_, only))) => *only,
        _ => None,
    }
}

/// The dataset: both languages once joined, else the first file's. On the host, this build's
/// data file; in the app before [`install`] (never, by the loader's order), an empty dataset
/// rather than a panic.
pub fn dataset() -> &'static Dataset {
    #[cfg(not(target_arch = "wasm32"))]
    if FIRST.get().is_none() {
        if let Err(e) = install(file()) {
            // Unreachable unless build.rs and this code disagree; the tests say which.
            eprintln!("the build's data file cannot be read: {e}");
        }
    }
    if let Some(both) = BOTH.get() {
        return both;
    }
    &FIRST.get_or_init(|| (Dataset::default(), None)).0
}
