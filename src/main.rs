//! Entry point: install the crash card, then mount the app. Everything else lives in the library.
// The host build renders views to HTML too (the post-build tool), which nests types deeper.
#![recursion_limit = "256"]

fn main() {
    ecuador_explainer::ui::browser::install_panic_hook();
    ecuador_explainer::ui::browser::mount(ecuador_explainer::App);
}
