// The explainer's loader (the post-build tool writes it as boot-<hash>.js with the names of
// this build's files, see src/bin/post_build/first_view.rs).
//
// The page already works: it is the static first view, with every event and its detail. This
// script loads the app (the wasm) once the page has painted (when the browser is idle, at most
// a second later), or at once when the address asks for something the static view cannot show
// (another view, a filter, an embed). The app mounts over the page and reads the same address,
// so the selection survives. If the app cannot load (a missing or damaged file, a timeout),
// the static view stays and a calm notice offers to try again. Nothing here throws.
const GLUE = "./__GLUE__";
const WASM = "./__WASM__";
const TIMEOUT_MS = Number(window.explainerBootTimeoutMs) || 15000;

const root = document.documentElement;
// The query never changes while the page is open (only the fragment does).
const query = new URLSearchParams(location.search);
const status = document.querySelector(".fv-status");
let loading = false;
let done = false;
let tries = 0;
let timer = 0;

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
  import(GLUE + again)
    .then((glue) => glue.default({ module_or_path: WASM + again }))
    .then((wasm) => {
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
