//! Entry point: install the crash card, then mount the app. Everything else lives in the library.

fn main() {
    ecuador_explainer::ui::browser::install_panic_hook();
    ecuador_explainer::ui::browser::mount(ecuador_explainer::App);
}
