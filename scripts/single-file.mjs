// Turns the built release (dist/) into ONE self-contained HTML file, for a USB stick or an
// e-mail attachment: the stylesheet, the wasm-bindgen glue and the wasm inlined, so it works when
// opened from disk (file://) with no network at all. The data file with both languages
// (data-all-*.bin, which the post-build tool writes for this) is inlined too and handed to the
// app; the dataset downloads (dist/downloads/) are not included, and the page says so (it
// carries <meta name="explainer-build" content="single-file">).
// The wasm and the data file are inlined gzip-compressed, as base64, and unpacked in the page by
// the browser's DecompressionStream: base64 of the raw wasm gzips to about 1.3 times the wasm's
// own gzip size (the data's to 1.45 times), base64 of gzip bytes to about 1.0 times, so the file
// gzipped or zipped is about 180 KB smaller than with raw base64 (200 KB with zopfli), and half
// the size raw. A browser without DecompressionStream (before Chrome 80, Firefox 113, Safari
// 16.4) keeps the static first view and shows its calm notice; one without top-level await in
// modules (before Chrome 89, Firefox 89, Safari 15) cannot run the script at all and keeps the
// static first view with no notice, as it did before.
//   node scripts/single-file.mjs [--dist dist] [--out target/single/ecuador-explainer.html]
// Run scripts/build.sh first, or scripts/build-single.sh for both. Node built-ins only; if the
// `zopfli` command is installed (Debian's zopfli package), it is tried too for the two payloads
// (about 4% smaller than gzip -9), and the smallest gzip stream that unpacks to the same bytes
// is used: zopfli's, dist/'s .gz sibling or Node's gzip -9.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// --- Options: --dist / --out (also --dist=…); given paths are relative to the working folder,
// the defaults to the repository.
const args = process.argv.slice(2);
const option = (name, fallback) => {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}` && args[i + 1]) return resolve(args[i + 1]);
    if (args[i].startsWith(`--${name}=`)) return resolve(args[i].slice(name.length + 3));
  }
  return fallback;
};
for (const a of args) {
  if (a.startsWith('--') && !/^--(dist|out)(=|$)/.test(a)) fail(`unknown option ${a}`);
}
const distDir = option('dist', join(root, 'dist'));
const outFile = option('out', join(root, 'target/single/ecuador-explainer.html'));

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}
const notes = [];
const note = (message) => notes.push(message);

// The smallest gzip stream of a file's bytes that unpacks to exactly them: Node's gzip -9, the
// build's pre-compressed .gz sibling (written by the post-build tool), and zopfli's if the
// command is installed. Returns the bytes and which it is.
let zopfli = null; // whether the zopfli command runs, found out on first use
function smallestGzip(file, bytes) {
  const candidates = [{ how: 'gzip -9 (Node)', gz: gzipSync(bytes, { level: 9 }) }];
  if (existsSync(`${file}.gz`)) candidates.push({ how: "dist/'s .gz sibling", gz: readFileSync(`${file}.gz`) });
  if (zopfli !== false) {
    try {
      const gz = execFileSync('zopfli', ['--i5', '-c', file], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
      zopfli = true;
      candidates.push({ how: 'zopfli --i5', gz });
    } catch {
      zopfli = false;
    }
  }
  const sound = candidates.filter(({ gz }) => {
    try {
      return gunzipSync(gz).equals(bytes);
    } catch {
      return false;
    }
  });
  if (!sound.some((c) => c.how.startsWith('gzip -9'))) fail(`gzip of ${file} does not unpack to the same bytes`);
  for (const c of candidates.filter((c) => !sound.includes(c))) note(`${c.how} of ${relative(distDir, file)} does not unpack to the file: not used`);
  return sound.reduce((best, c) => (c.gz.length < best.gz.length ? c : best));
}

// --- The files of the build.
const indexPath = join(distDir, 'index.html');
if (!existsSync(indexPath)) fail(`${indexPath} not found: build first (bash scripts/build.sh)`);
const html = readFileSync(indexPath, 'utf8');
const topFiles = readdirSync(distDir).filter((f) => statSync(join(distDir, f)).isFile());

// Of several candidates, the one the page (or a script it loads) names; Trunk empties dist/ on
// each build, so normally there is exactly one.
const referenced = (candidates, kind) => {
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) fail(`no ${kind} in ${distDir}`);
  const texts = [html, ...topFiles.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(distDir, f), 'utf8'))];
  const named = candidates.filter((c) => texts.some((t) => t.includes(c)));
  if (named.length !== 1) fail(`cannot tell which ${kind} is the app's: ${candidates.join(', ')}`);
  return named[0];
};

// The wasm: `<name>_bg.wasm`.
const wasmName = referenced(topFiles.filter((f) => f.endsWith('_bg.wasm')), 'wasm (*_bg.wasm)');
const wasmBytes = readFileSync(join(distDir, wasmName));
const wasmGzip = smallestGzip(join(distDir, wasmName), wasmBytes);
const wasmBase64 = wasmGzip.gz.toString('base64');

// The data file with both languages (see content/src/wire.rs); the pages' per-language files
// (data-en-*, data-es-*) are not needed.
const dataName = referenced(topFiles.filter((f) => f.startsWith('data-all-') && f.endsWith('.bin')), 'data file (data-all-*.bin)');
const dataBytes = readFileSync(join(distDir, dataName));
const dataGzip = smallestGzip(join(distDir, dataName), dataBytes);
const dataBase64 = dataGzip.gz.toString('base64');

// The wasm-bindgen glue: the .js that ends with `export{…, X as default}` (the async init).
const EXPORT_LIST = /export\s*\{([^{}]*)\}\s*;?/g;
const glueCandidates = topFiles.filter((f) => {
  if (!f.endsWith('.js')) return false;
  const text = readFileSync(join(distDir, f), 'utf8');
  return /export\s*\{[^{}]*\bas\s+default\b[^{}]*\}\s*;?\s*(\/\/[^\n]*\s*)*$/.test(text) && /__wbg_|initSync/.test(text);
});
const glueName = referenced(glueCandidates, 'wasm-bindgen glue (*.js ending with export{… as default})');
let glue = readFileSync(join(distDir, glueName), 'utf8');

// Parse the export list: local names and exported names; the default export is the init function.
const lists = [...glue.matchAll(EXPORT_LIST)];
if (lists.length !== 1) fail(`expected one export{…} statement in ${glueName}, found ${lists.length}`);
const exportList = lists[0];
const specifiers = exportList[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
  const m = s.match(/^([\w$]+)(?:\s+as\s+([\w$]+))?$/);
  if (!m) fail(`cannot read the export specifier "${s}" in ${glueName}`);
  return { local: m[1], exported: m[2] || m[1] };
});
const initName = specifiers.find((s) => s.exported === 'default')?.local;
if (!initName) fail(`no default export (the init function) in ${glueName}`);
// Remove the statement (a module that is never imported needs no exports); `export class` and
// `export function` declarations stay: they are legal in an inline module and harmless.
glue = glue.slice(0, exportList.index) + glue.slice(exportList.index + exportList[0].length);
const declared = [...glue.matchAll(/(?:^|[;}\s])export\s+(?:async\s+)?(?:class|function\*?|const|let|var)\s+([\w$]+)/g)].map((m) => m[1]);
const bindings = [...specifiers.map((s) => [s.exported, s.local]), ...declared.map((d) => [d, d])];

// An inline module cannot import relative files: refuse glue that imports other modules
// (wasm-bindgen snippets, for example) rather than write a page that fails to start.
const imports = glue.match(/(?:^|[;}\s])import\s*(?:[\w$*{][^;()]*?\bfrom\s*)?["'`][^"'`]+["'`]/g);
if (imports) fail(`${glueName} imports other modules, which a single file cannot: ${imports.join(' | ')}`);

// --- Tags of the page.
const parseAttrs = (tag) => {
  const attrs = {};
  const body = tag.replace(/^<[\w-]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
};
// A link to a file of the build (not data:, blob:, http: or a protocol-relative address).
const isLocal = (url) => !!url && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());
const localFile = (url) => join(distDir, decodeURIComponent(url.trim().replace(/^\.\//, '').replace(/[?#].*$/, '')));
const short = (tag) => (tag.length > 120 ? `${tag.slice(0, 117)}…` : tag);

let page = html;
const removed = [];

// Every <script>: Trunk's inline loader, or its external boot script, or the glue itself; the
// single file brings its own loader at the end of the body.
page = page.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, (element) => {
  const open = element.match(/^<script\b[^>]*>/i)[0];
  const attrs = parseAttrs(open);
  const inline = element.slice(open.length).replace(/<\/script\s*>$/i, '');
  if (!attrs.src && !/TrunkApplicationStarted|_bg\.wasm|import\s*init/.test(inline)) {
    note(`removed an inline script that does not look like Trunk's loader: ${short(element)}`);
  }
  // An external boot script bigger than Trunk's loader (about 250 bytes) may do more than load
  // the wasm: say so, as the single file's own loader only loads it.
  if (isLocal(attrs.src) && existsSync(localFile(attrs.src)) && relative(distDir, localFile(attrs.src)) !== glueName) {
    const size = statSync(localFile(attrs.src)).size;
    if (size > 400) note(`removed ${attrs.src} (${size} bytes): check the single file's loader does all it does`);
  }
  removed.push(short(attrs.src ? open : element));
  return '';
});

// Stylesheets become <style> in place (order kept); other links to files go (see below).
let cssBytes = 0;
const inlinedCss = new Set();
page = page.replace(/<link\b[^>]*>/gi, (tag) => {
  const attrs = parseAttrs(tag);
  const rel = (attrs.rel || '').toLowerCase().split(/\s+/);
  if (!isLocal(attrs.href)) return tag; // data: icon and the like stay
  if (rel.includes('stylesheet')) {
    const file = localFile(attrs.href);
    if (!existsSync(file)) fail(`stylesheet ${attrs.href} not found in ${distDir}`);
    const css = inlineCssUrls(readFileSync(file, 'utf8'), dirname(file)).replace(/<\/(style)/gi, '<\\/$1');
    cssBytes += Buffer.byteLength(css);
    inlinedCss.add(relative(distDir, file));
    const media = attrs.media ? ` media="${attrs.media.replace(/"/g, '&quot;')}"` : '';
    return `<style${media}>${css}</style>`;
  }
  // An icon file of the build becomes a data: URL; any other link to a file (preloads, the
  // oEmbed discovery link, a manifest…) names something the single file does not carry: it goes.
  if (rel.includes('icon') && existsSync(localFile(attrs.href))) {
    const file = localFile(attrs.href);
    const type = { svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' }[file.split('.').pop().toLowerCase()] || 'application/octet-stream';
    return tag.replace(/\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>`]+)/i, `href="data:${type};base64,${readFileSync(file).toString('base64')}"`);
  }
  removed.push(short(tag));
  return '';
});
for (const css of topFiles.filter((f) => f.endsWith('.css') && !inlinedCss.has(f))) {
  note(`${css} is in dist/ but no stylesheet link names it: not inlined`);
}

// Relative url(…) in the CSS (none today) become data: URLs, so nothing is fetched.
function inlineCssUrls(css, base) {
  const types = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf' };
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _q, url) => {
    if (!isLocal(url)) return whole;
    const file = join(base, url.replace(/[?#].*$/, ''));
    if (!existsSync(file)) fail(`the stylesheet refers to ${url}, not found`);
    const type = types[file.split('.').pop().toLowerCase()] || 'application/octet-stream';
    return `url("data:${type};base64,${readFileSync(file).toString('base64')}")`;
  });
}

// A Content-Security-Policy in a meta tag would block the inline script and style: drop it
// (there is none today; a file opened from disk has no server to send one either).
page = page.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy[^>]*>/gi, (tag) => {
  note(`removed the Content-Security-Policy meta tag (it would block the inline script): ${short(tag)}`);
  return '';
});

// The one file carries the English first view; without the page's language mark, the app
// follows the reader's browser language, as there is no Spanish page to send them to.
page = page.replace(/\s+data-page-lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '');

// The language links of the first view lead to the other page (es.html), which one file does
// not have: they become links within the page, which the app follows in place.
page = page.replace(/href=(["']?)\.\/(?:index|es)\.html#/gi, 'href=$1#');

// The marker the app reads to replace the dataset download links by a note.
const marker = '<meta name="explainer-build" content="single-file">';
if (/<\/head\s*>/i.test(page)) page = page.replace(/<\/head\s*>/i, `${marker}$&`);
else if (/<body\b/i.test(page)) page = page.replace(/<body\b/i, `${marker}$&`);
else page = page.replace(/<meta\s+charset[^>]*>/i, `$&${marker}`);
if (!page.includes(marker)) fail('found no place for the explainer-build meta tag');

// --- The loader: the glue, then the wasm and the data unpacked from base64 and gzip, then
// Trunk's event. The glue's top-level names (`wasm`, …) are its own; the loader's live in a
// block, prefixed, so nothing collides. If the app cannot start (no DecompressionStream, a
// damaged payload, a data file the app refuses), the static first view stays and the page's own
// notice says so (its .fv-status element and data-failed text, as the boot script shows them;
// no retry button: the same file would fail the same way), with the reason in the console.
// Nothing in the script may end the <script> element early or open an HTML comment: `</script`,
// `<!--` and `<script` become `<\/script`, `<\x21--` and `<\x73cript`, which mean the same inside
// JS strings, templates, regular expressions and comments (the only places they can occur; base64
// has no `<`).
let escapes = 0;
const escapeScript = (js) => js.replace(/<\/(script)|<!--|<(script)/gi, (m, close, open) => {
  escapes++;
  if (close) return `<\\/${close}`;
  if (open) return `<\\x${open.charCodeAt(0).toString(16)}${open.slice(1)}`;
  return '<\\x21--';
});
const startName = specifiers.find((s) => s.exported === 'start')?.local || declared.find((d) => d === 'start');
if (!startName) fail(`no start export (the app's entry, src/main.rs) in ${glueName}`);
const statusTag = [...page.matchAll(/<[a-z][\w-]*\b[^>]*>/gi)].map((m) => parseAttrs(m[0])).find((t) => (t.class || '').split(/\s+/).includes('fv-status'));
if (!statusTag || !statusTag['data-failed']) {
  note('the page has no .fv-status element with a data-failed text: if the app cannot start, only the console says so');
}
const loader = `
{
  const __single_failed = (error) => {
    const status = document.querySelector(".fv-status");
    if (status && status.dataset.failed) {
      const box = document.createElement("div"), p = document.createElement("p");
      box.className = "notice";
      p.textContent = status.dataset.failed;
      box.append(p);
      status.replaceChildren(box);
    }
    console.warn("The explainer's app could not start; the page stays as it is.", error);
  };
  try {
    if (typeof DecompressionStream !== "function") throw new Error("this browser has no DecompressionStream to unpack the app");
    const __single_unpack = (b64) => {
      let bytes;
      if (typeof Uint8Array.fromBase64 === "function") bytes = Uint8Array.fromBase64(b64);
      else {
        const s = atob(b64), n = s.length;
        bytes = new Uint8Array(n);
        for (let i = 0; i < n; i++) bytes[i] = s.charCodeAt(i);
      }
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    };
    const [__single_code, __single_data] = await Promise.all([__single_unpack("${wasmBase64}"), __single_unpack("${dataBase64}")]);
    const __single_wasm = await ${initName}({ module_or_path: __single_code });
    ${startName}(new Uint8Array(__single_data));
    window.wasmBindings = { ${bindings.map(([name, local]) => (name === local ? name : `${JSON.stringify(name)}: ${local}`)).join(', ')} };
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __single_wasm } }));
  } catch (error) {
    __single_failed(error);
  }
}
`;
const glueJs = escapeScript(glue);
const loaderJs = escapeScript(loader);
const script = `<script type="module">${glueJs}${loaderJs}</script>`;
// At the end of the body: the static first view is parsed (and can paint) before the
// half-megabyte of script; an inline module runs after parsing wherever it stands.
// (Function replacers: the script may hold `$&` and the like, which a replacement string would
// expand.)
if (/<\/body\s*>/i.test(page)) page = page.replace(/<\/body\s*>(?![\s\S]*<\/body)/i, (end) => script + end);
else if (/<\/html\s*>/i.test(page)) page = page.replace(/<\/html\s*>/i, (end) => script + end);
else page += script;

// --- Checks: no name of a build file may remain (it would be a request for a file that is not
// there).
for (const name of [wasmName, glueName, dataName, ...inlinedCss, ...topFiles.filter((f) => /\.(js|css|wasm|bin)$/.test(f))]) {
  const withoutScript = page.replace(script, '');
  if (withoutScript.includes(name)) fail(`the page still names ${name}`);
}
for (const m of page.replace(script, '').matchAll(/<[a-z][\w-]*\b[^>]*\b(?:src|href|srcset|poster|data)\s*=\s*["']?([^\s"'>]+)/gi)) {
  if (isLocal(m[1]) && !m[1].startsWith('#')) note(`the markup still refers to a file: ${m[1]}`);
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, page);

// --- Report.
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const total = Buffer.byteLength(page);
const jsBytes = Buffer.byteLength(glueJs) + Buffer.byteLength(loaderJs) - wasmBase64.length - dataBase64.length;
const loaderCode = loaderJs.replace(wasmBase64, '').replace(dataBase64, '');
const parts = [
  [`wasm (${wasmBytes.length} B, gzip, base64)`, wasmBase64, wasmBase64.length],
  [`data, en + es (${dataBytes.length} B, gzip, base64)`, dataBase64, dataBase64.length],
  ['js (glue + loader)', glueJs + loaderCode, jsBytes],
  ['css', [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join(''), cssBytes],
];
const htmlPart = page.replace(wasmBase64, '').replace(dataBase64, '').replace(glueJs, '').replace(loaderCode, '')
  .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2');
parts.push(['html (markup)', htmlPart, total - parts.reduce((t, p) => t + p[2], 0)]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const rel = relative(process.cwd(), outFile) || outFile;
console.log(`wrote ${rel.startsWith('..') ? outFile : rel}`);
console.log(`  total${' '.repeat(37)}${String(total).padStart(9)} B ${kb(total)} raw, ${String(gz(page)).padStart(8)} B ${kb(gz(page))} gzip -9`);
for (const [label, text, bytes] of parts) {
  console.log(`  ${label.padEnd(40)} ${String(bytes).padStart(9)} B ${kb(bytes)} raw, ${String(gz(text)).padStart(8)} B ${kb(gz(text))} gzip -9 alone`);
}
console.log(`  gzip streams inlined: the wasm's ${wasmGzip.how} (${wasmGzip.gz.length} B), the data's ${dataGzip.how} (${dataGzip.gz.length} B)${zopfli ? '' : '; no zopfli command (apt-get install zopfli: about 4% smaller)'}`);
console.log(`  removed: ${removed.length ? removed.join('\n           ') : 'nothing'}`);
if (escapes) console.log(`  escaped ${escapes} "</script", "<!--" or "<script" in the script`);
for (const n of notes) console.warn(`  note: ${n}`);
