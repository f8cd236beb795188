//! An interactive, bilingual explainer on Ecuador's security crisis.
//!
//! `App` (in [`app`]) reads the dataset ([`data`]), keeps the view state in the URL fragment (one
//! typed codec, [`url_state`], and one router, [`app::router`]) and renders the shell plus one
//! of four views. Each view and feature lives in its own folder; pure logic (the content crate,
//! the codec, each view's headless state) is plain Rust tested with `cargo test`.

// The host build renders views to HTML (the post-build tool, `into_any` of whole views), which
// nests types deeper than the default limit.
#![recursion_limit = "256"]

pub mod app;
pub mod classroom;
pub mod data;
pub mod embed;
pub mod first_view;
pub mod lede;
pub mod picture;
pub mod ui;
pub mod url_state;

mod about;
pub mod policies;
pub mod route_map;
pub mod story;
pub mod timeline;

pub use app::{App, Ctx};
