//! The browser's part of a picture: the theme's colours as computed here, the drawn map's markup
//! with its look written in, and saving a file (the SVG as it is, the PNG drawn from it on a
//! canvas). Nothing is sent anywhere: the files are made in the page and handed to the browser's
//! downloads through an object URL.

use std::time::Duration;

use leptos::prelude::{document, set_timeout, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlCanvasElement, Url};

use super::document::Palette;
use super::styles::{attribute, units_per_pixel, view_box_size, DRAWN, PROPERTIES};

/// A computed property of an element, or an empty string.
fn computed(element: &Element, property: &str) -> String {
    window()
        .get_computed_style(element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value(property).ok())
        .unwrap_or_default()
}

/// The current theme's colours: a probe element takes each of the stylesheet's colours in turn
/// (`.picture-probe[data-tone]` in `style/main.css`), so light, dark and high contrast all come
/// out as the reader sees them.
pub fn palette() -> Palette {
    let fallback = Palette::default();
    let Some(body) = document().body() else {
        return fallback;
    };
    let Ok(probe) = document().create_element("span") else {
        return fallback;
    };
    probe.set_class_name("picture-probe");
    let _ = probe.set_attribute("aria-hidden", "true");
    let _ = body.append_child(&probe);
    let tone = |name: &str, or: String| {
        let _ = probe.set_attribute("data-tone", name);
        let colour = computed(&probe, "color");
        if colour.is_empty() {
            or
        } else {
            colour
        }
    };
    let palette = Palette {
        background: tone("bg", fallback.background),
        surface: tone("surface", fallback.surface),
        text: tone("text", fallback.text),
        muted: tone("muted", fallback.muted),
        border: tone("border", fallback.border),
        accent: tone("accent", fallback.accent),
        alarm: tone("alarm", fallback.alarm),
    };
    probe.remove();
    palette
}

/// The page's font stack.
pub fn font_family() -> String {
    document()
        .body()
        .map(|body| computed(&body, "font-family"))
        .filter(|font| !font.is_empty())
        .unwrap_or_else(|| "system-ui, sans-serif".to_string())
}

/// The page's address.
pub fn address() -> String {
    window().location().href().unwrap_or_default()
}

/// The drawn map as a standalone `<svg>` of `width` × `height` pixels: a copy with each shape's
/// computed look written in as attributes, without the pointer's hit areas, tooltips, links and
/// the page's classes and ids (bar the arrowheads' ids, which the routes point to).
pub fn map_markup(svg: &Element, width: f64, height: f64) -> Option<String> {
    let view_box = svg.get_attribute("viewBox")?;
    let size = view_box_size(&view_box)?;
    let on_screen = (
        f64::from(svg.client_width()),
        f64::from(svg.client_height()),
    );
    let per_pixel = units_per_pixel(size, on_screen);
    let copy: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    if originals.length() != copies.length() {
        return None;
    }
    let mut unwanted = Vec::new();
    for i in 0..originals.length() {
        let (Some(original), Some(element)) = (
            originals.item(i).and_then(|n| n.dyn_into::<Element>().ok()),
            copies.item(i).and_then(|n| n.dyn_into::<Element>().ok()),
        ) else {
            continue;
        };
        let tag = original.local_name();
        if tag == "title" || tag == "desc" || original.class_list().contains("hit") {
            unwanted.push(element);
            continue;
        }
        strip_page_attributes(&element, tag == "marker");
        if !DRAWN.contains(&tag.as_str()) {
            continue;
        }
        let Some(style) = window().get_computed_style(&original).ok().flatten() else {
            continue;
        };
        let value = |p: &str| style.get_property_value(p).unwrap_or_default();
        if value("display") == "none" {
            unwanted.push(element);
            continue;
        }
        let non_scaling = value("vector-effect") == "non-scaling-stroke";
        for (property, _) in PROPERTIES {
            if let Some(v) = attribute(property, &value(property), per_pixel, non_scaling) {
                let _ = element.set_attribute(property, &v);
            }
        }
    }
    for element in unwanted {
        element.remove();
    }
    strip_page_attributes(&copy, false);
    let _ = copy.set_attribute("width", &format!("{width:.1}"));
    let _ = copy.set_attribute("height", &format!("{height:.1}"));
    web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()
}

/// Removes what only the page needs: links, focus order, ARIA, data, classes and (unless
/// `keep_id`) ids.
fn strip_page_attributes(element: &Element, keep_id: bool) {
    let names = element.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        let page_only = name.starts_with("data-")
            || name.starts_with("aria-")
            || matches!(name.as_str(), "href" | "tabindex" | "class" | "role")
            || (name == "id" && !keep_id);
        if page_only {
            let _ = element.remove_attribute(&name);
        }
    }
}

/// Hands a file to the browser's downloads.
fn save_blob(blob: &Blob, file: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let link: HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file);
    link.click();
    // Once the download has started the address is no longer needed.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// Saves an SVG document as `file`.
pub fn save_svg(svg: &str, file: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(&blob, file)
}

/// Draws an SVG document on a canvas at its own size (the document is written at the PNG's size)
/// and saves it as a PNG `file`. The image is a `data:` address, which the page's
/// Content-Security-Policy allows for images, so nothing is fetched.
pub async fn save_png(svg: &str, file: &str) -> Result<(), JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    ));
    JsFuture::from(image.decode()).await?;
    let (width, height) = (image.natural_width(), image.natural_height());
    if width == 0 || height == 0 {
        return Err(JsValue::from_str("empty image"));
    }
    let canvas: HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(
        &image,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )?;
    let made = js_sys::Promise::new(&mut |resolve, reject| {
        if canvas.to_blob_with_type(&resolve, "image/png").is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    let blob: Blob = JsFuture::from(made).await?.dyn_into()?;
    save_blob(&blob, file)
}
