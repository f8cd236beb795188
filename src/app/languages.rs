//! The reader's second language. A page loads its own language's data file only
//! (`crate::data`); when the reader switches, the loader fetches the other language's file (the
//! function it handed to `start`), the two are joined, and the app is mounted again over the
//! bilingual dataset, keeping the reader's place. Until then the page stays in its language; if
//! the file cannot be fetched, it stays so and says why.

use std::cell::RefCell;

use content::Lang;
use wasm_bindgen::{JsCast, JsValue};

/// Called when a language's file has been joined, or could not be.
type Done = Box<dyn FnOnce(Result<(), String>)>;

thread_local! {
    /// The loader's `lang => Promise<Uint8Array>`.
    static FETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Who waits for the file being fetched now (none: nothing is being fetched).
    static WAITING: RefCell<Vec<Done>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the loader's function that fetches a language's data file.
pub fn set_fetcher(fetch: js_sys::Function) {
    FETCH.with(|f| *f.borrow_mut() = Some(fetch));
}

/// Fetches `lang`'s words and mounts the app again in both languages, after `keep` (which saves
/// what the new app should carry over); or, if they cannot be had, calls `failed`.
pub fn load_then_remount(
    lang: Lang,
    keep: impl FnOnce() + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    load(lang, move |joined| match joined {
        Ok(()) => {
            keep();
            crate::ui::browser::mount(crate::App);
        }
        Err(why) => failed(why),
    });
}

/// Fetches `lang`'s words and joins them to the dataset (`crate::data::dataset` then has both
/// languages; views already drawn keep the dataset they were drawn with), then calls `done`. A
/// fetch already under way is not started twice: `done` waits for it.
pub fn load(lang: Lang, done: impl FnOnce(Result<(), String>) + 'static) {
    if crate::data::has_lang(lang) {
        done(Ok(()));
        return;
    }
    let first = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.push(Box::new(done));
        waiting.len() == 1
    });
    if !first {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let joined = fetch(lang)
            .await
            .and_then(|bytes| crate::data::complete(&bytes).map_err(|e| e.to_string()));
        for done in WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
            done(joined.clone());
        }
    });
}

async fn fetch(lang: Lang) -> Result<Vec<u8>, String> {
    let fetch = FETCH
        .with(|f| f.borrow().clone())
        .ok_or("the loader gave no way to fetch another language")?;
    let promise = fetch
        .call1(&JsValue::NULL, &JsValue::from_str(lang.code()))
        .map_err(describe)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "the loader's fetch gave no promise".to_string())?;
    let bytes = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
