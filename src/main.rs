//! Entry point: install the crash card, then mount the app. Everything else lives in the library.

fn main() {
    ecuador_explainer::browser::install_panic_hook();
    ecuador_explainer::browser::mount(ecuador_explainer::App);
}
