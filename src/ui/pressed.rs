//! A button that stays pressed while a condition holds (`aria-pressed`): the timeline's legend
//! and zoom levels, the map's scales and layers. Attributes spread onto it (`{..} data-zoom=…`)
//! land on the button.

use leptos::prelude::*;

#[component]
pub fn PressedButton(
    /// Whether the button shows as pressed.
    #[prop(into)]
    pressed: Signal<bool>,
    /// What a press does.
    on_press: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            aria-pressed=move || if pressed.get() { "true" } else { "false" }
            on:click=move |_| on_press()
        >
            {children()}
        </button>
    }
}
