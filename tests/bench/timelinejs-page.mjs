// Builds the benchmark's comparison page: a self-hosted TimelineJS (the npm package
// @knight-lab/timelinejs, pinned in package.json and used by nothing else) showing our own events,
// converted from the build's downloads/ecuador-events.json (and its sources) to TimelineJS's JSON
// format. Written by tests/bench/bench.mjs to target/bench/timelinejs/; on its own:
//
//   node tests/bench/timelinejs-page.mjs [--dist dist] [--out target/bench/timelinejs]
//
// The folder mirrors the package's dist/ layout (js/timeline.js, css/timeline.css, css/icons/)
// so the stylesheet's relative icon-font URLs resolve on the same origin. Nothing comes from a CDN:
// `font: null` turns off the font stylesheet that would load Google Fonts, `language: 'en'` is
// built into timeline.js (no locale request), and no media, analytics or Sheets URL is used.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@knight-lab/timelinejs/package.json'));
export const timelinejsVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

/** The options the page passes to TL.Timeline (printed by the benchmark, so the setup is visible). */
export const timelinejsOptions = { font: null, language: 'en', hash_bookmark: false };

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** "2021", "2021-09" or "2021-09-28" as a TimelineJS date, keeping only the precision given. */
function point(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`unexpected date "${text}" in the events file`);
  const date = { year: Number(m[1]) };
  if (m[2]) date.month = Number(m[2]);
  if (m[3]) date.day = Number(m[3]);
  return date;
}

/** A citation as the explainer writes one: author, “title”. publisher, date (approximate). */
function citation(source) {
  const date = source.date ? `${source.date_approximate ? 'approx. ' : ''}${source.date}` : 'undated';
  const text = `${source.author ? `${source.author}, ` : ''}“${source.title}”. ${source.publisher}, ${date}.`;
  const link = source.url ? ` <a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>` : '';
  return `<li>${escapeHtml(text)}${link}</li>`;
}

/**
 * Converts the build's events (and their sources) to a TimelineJS document. Every event becomes a
 * slide: start_date (and end_date for a period "a/b") to the precision the data has, the English
 * title as headline, and as text the English summary, the date note, the disagreement note and the
 * source citations, i.e. what our detail panel shows. group = first category (ours colours
 * markers by it too). Eras and the homicide chart are not converted.
 */
export function toTimelinejs(events, sources) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    events: events.map((e) => {
      const [start, end] = e.date.split('/');
      const parts = [`<p>${escapeHtml(e.summary.en)}</p>`];
      if (e.date_note) parts.push(`<p><em>${escapeHtml(e.date_note.en)}</em></p>`);
      if (e.note) parts.push(`<p><strong>Note:</strong> ${escapeHtml(e.note.en)}</p>`);
      const cited = e.sources.map((id) => byId.get(id)).filter(Boolean);
      if (cited.length) parts.push(`<p>Sources:</p><ul>${cited.map(citation).join('')}</ul>`);
      return {
        unique_id: e.id,
        start_date: point(start),
        ...(end ? { end_date: point(end) } : {}),
        text: { headline: escapeHtml(e.title.en), text: parts.join('') },
        group: e.categories[0] || '',
      };
    }),
  };
}

/** Reads a downloads file by the names the build has used. */
function readDownload(dist, names) {
  for (const name of names) {
    const path = join(dist, 'downloads', name);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  }
  throw new Error(`none of ${names.join(', ')} in ${join(dist, 'downloads')}: is ${dist} a release build?`);
}

/** Writes the page to `out` (emptied first) and returns what it holds. */
export function writeTimelinejsPage({ dist, out }) {
  const events = readDownload(dist, ['ecuador-events.json', 'events.json']);
  const sources = readDownload(dist, ['ecuador-sources.json', 'sources.json']);
  const doc = toTimelinejs(events, sources);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'js'), { recursive: true });
  mkdirSync(join(out, 'css'), { recursive: true });
  cpSync(join(packageDir, 'dist/js/timeline.js'), join(out, 'js/timeline.js'));
  cpSync(join(packageDir, 'dist/css/timeline.css'), join(out, 'css/timeline.css'));
  cpSync(join(packageDir, 'dist/css/icons'), join(out, 'css/icons'), { recursive: true });
  writeFileSync(join(out, 'timeline.json'), JSON.stringify(doc));
  // The embed as TimelineJS documents it: a sized div, the script, and the data by URL.
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Ecuador's security crisis (TimelineJS ${timelinejsVersion}, benchmark comparison)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="css/timeline.css">
<script src="js/timeline.js"></script>
</head>
<body style="margin:0">
<div id="timeline-embed" style="width:100%;height:600px"></div>
<script>
  window.timeline = new TL.Timeline('timeline-embed', 'timeline.json',
    Object.assign(${JSON.stringify(timelinejsOptions)}, { script_path: new URL('js/', location.href).href }));
</script>
</body>
</html>
`,
  );
  return { dir: out, events: doc.events.length, version: timelinejsVersion };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const page = writeTimelinejsPage({
    dist: resolve(option('dist', 'dist')),
    out: resolve(option('out', 'target/bench/timelinejs')),
  });
  console.log(`TimelineJS ${page.version} page with ${page.events} events in ${page.dir}`);
}
