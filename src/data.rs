//! The dataset the app shows: the content crate's records, compiled into the wasm as static
//! values by `build.rs` (from the same `data/` files the loader checks): nothing to parse at
//! start-up and no parser in the download.

pub use content::*;

mod compiled {
    #![allow(clippy::all)]
    use std::borrow::Cow;

    use content::strings::*;
    use content::*;

    include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
}

/// The data compiled into the app. It is unchecked at run time: the build checked these very
/// values (`build.rs` stops on any problem) and `tests/compiled_data.rs` proves they equal the
/// files.
pub fn embedded() -> &'static Dataset {
    &compiled::DATASET
}
