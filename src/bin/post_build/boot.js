// The explainer's loader (the post-build tool writes it as boot-<hash>.js with the names of
// this build's files, see src/bin/post_build/first_view.rs).
//
// The page already works: it is the static first view, with every event and its detail. This
// script loads the app (the wasm) once the page has painted (when the browser is idle, at most
// a second later), or at once when the address asks for something the static view cannot show
// (another view, a filter, an embed). The wasm (code) and the data file (the dataset, see
// content/src/wire.rs) are fetched side by side; the app mounts over the page and reads the same
// address, so the selection survives. If the app cannot load (a missing or damaged file, a data
// file of another build, a timeout), the static view stays and a calm notice offers to try
// again. Nothing here throws.
const GLUE = "./__GLUE__";
const WASM = "./__WASM__";
// The dataset, a file per language: the reader's own first, the other only if they switch.
const DATA = { en: "./__DATA_EN__", es: "./__DATA_ES__" };
const TIMEOUT_MS = Number(window.explainerBootTimeoutMs) || 15000;

const root = document.documentElement;
// The query never changes while the page is open (only the fragment does).
const query = new URLSearchParams(location.search);
const status = document.querySelector(".fv-status");
let loading = false;
let done = false;
let tries = 0;
let timer = 0;
// What has arrived, kept across a retry so that only what failed is asked for again.
let app = null;
let data = null;

/** Whether the page's own address needs the app: an embed, or a fragment no element answers. */
function needsApp() {
  if (query.has("embed")) return true;
  const hash = location.hash;
  if (hash === "" || hash === "#") return false;
  try {
    return !document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch (_) {
    return true;
  }
}

/** The language the app will speak: the address's, an embed's, the page's, or the browser's. */
function wantedLang() {
  const named = /[?&]lang=(en|es)(&|$)/.exec(location.hash);
  if (named) return named[1];
  const embedLang = query.has("embed") && query.get("lang");
  if (embedLang === "en" || embedLang === "es") return embedLang;
  const page = root.getAttribute("data-page-lang");
  if (page === "en" || page === "es") return page;
  return /^es\b/i.test(navigator.language || "") ? "es" : "en";
}

/** A language's data file, as bytes; rejects on any failure (the app says so and goes on). */
function fetchData(lang, again) {
  const url = (DATA[lang] || DATA.en) + (again || "");
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  });
}

/** Shows one of the notices the page carries (data-opening, -slow, -failed), or none. */
function say(kind) {
  if (!status) return;
  status.textContent = "";
  const text = kind && status.dataset[kind];
  if (!text) return;
  const box = document.createElement("div");
  box.className = "notice";
  const p = document.createElement("p");
  p.textContent = text;
  box.append(p);
  if (kind === "failed" && status.dataset.retry) {
    const retry = document.createElement("button");
    retry.type = "button";
    retry.textContent = status.dataset.retry;
    retry.addEventListener("click", () => {
      say(needsApp() ? "opening" : null);
      start();
    });
    box.append(retry);
  }
  status.append(box);
}

function fail(error) {
  loading = false;
  tries += 1;
  clearTimeout(timer);
  root.removeAttribute("data-app-loading");
  say("failed");
  console.warn("The explainer's app could not load; the page stays as it is.", error);
}

function start() {
  if (loading || done) return;
  loading = true;
  root.setAttribute("data-app-loading", "");
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!done) say("slow");
  }, TIMEOUT_MS);
  // A retry asks for fresh copies: the browser keeps a failed module import.
  const again = tries ? `?retry=${tries}` : "";
  const code = app
    ? Promise.resolve(app)
    : import(GLUE + again).then((glue) =>
        glue.default({ module_or_path: WASM + again }).then((wasm) => (app = { glue, wasm })),
      );
  const bytes = data ? Promise.resolve(data) : fetchData(wantedLang(), again).then((file) => (data = file));
  Promise.all([code, bytes])
    .then(([{ glue, wasm }, file]) => {
      try {
        // Refuses a data file that is not this build's (and mounts nothing then). The app asks
        // for the other language's file when the reader switches.
        glue.start(file, (lang) => fetchData(lang));
      } catch (error) {
        data = null;
        throw error;
      }
      done = true;
      loading = false;
      clearTimeout(timer);
      root.removeAttribute("data-app-loading");
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
    })
    .catch(fail);
}

// An embed shows one view: the static list stays out of its frame until the app draws it, and a
// host that fixes the language (`controls=min`) never sees the language switch.
if (query.has("embed")) root.setAttribute("data-boot-embed", "");
if (query.has("embed") && query.get("controls") === "min") root.setAttribute("data-boot-controls", "min");

addEventListener("hashchange", () => {
  if (done || !needsApp()) return;
  say("opening");
  start();
});

if (needsApp()) {
  start();
} else {
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 1));
  // Two frames: the first view has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => idle(start, { timeout: 1000 })));
}
