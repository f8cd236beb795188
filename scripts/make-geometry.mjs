// Regenerates data/geometry.json: land and borders from Natural Earth (public domain), via the
// npm package world-atlas, pre-projected and simplified for the route map. Run:
//   node scripts/make-geometry.mjs
// The projection must match src/route_map/projection.rs (a test there checks known places).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { presimplify, simplify, quantile } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8'));

// Equirectangular with a standard parallel of 25°: x = lon × 10 × cos 25°, y = −lat × 10.
const UNITS_PER_DEGREE = 10;
const COS_STANDARD = Math.cos((25 * Math.PI) / 180);
const project = ([lon, lat]) => [lon * UNITS_PER_DEGREE * COS_STANDARD, -lat * UNITS_PER_DEGREE];

// The two scales the reader moves between (bounds in degrees: west, south, east, north).
const VIEWS = {
  world: { file: 'countries-110m.json', bounds: [-130, -45, 50, 62], keep: 0.35, decimals: 0 },
  region: { file: 'countries-50m.json', bounds: [-93, -17, -66, 9], keep: 0.3, decimals: 1 },
};

function intersects(a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function ringBounds(rings) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (const [lon, lat] of ring) {
    b[0] = Math.min(b[0], lon); b[1] = Math.min(b[1], lat); b[2] = Math.max(b[2], lon); b[3] = Math.max(b[3], lat);
  }
  return b;
}

function pathFor(polygons, decimals) {
  const f = 10 ** decimals;
  const round = (v) => Math.round(v * f) / f;
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let prev = null;
      let first = true;
      for (const point of ring) {
        const [x, y] = project(point).map(round);
        if (prev && x === prev[0] && y === prev[1]) continue;
        if (first) { d += `M${x} ${y}`; first = false; } else { d += `L${x} ${y}`; }
        prev = [x, y];
      }
      d += 'Z';
    }
  }
  return d.replace(/L/g, ' ').replace(/ (-)/g, '$1');
}

const out = {
  source: `Natural Earth (public domain), via world-atlas ${pkg.version}; simplified and projected by scripts/make-geometry.mjs`,
  projection: { kind: 'equirectangular', standard_parallel: 25, units_per_degree: UNITS_PER_DEGREE },
};
for (const [name, view] of Object.entries(VIEWS)) {
  let topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${view.file}`), 'utf8'));
  topology = presimplify(topology);
  // Keep the `keep` share of points that matter most (largest effective area).
  topology = simplify(topology, quantile(topology, view.keep));
  const countries = feature(topology, topology.objects.countries).features;
  const shapes = [];
  for (const country of countries) {
    if (!country.geometry) continue;
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const kept = polygons.filter((p) => intersects(ringBounds(p), view.bounds));
    if (!kept.length) continue;
    const [w, s, e, n] = ringBounds(kept.flat());
    const [x0, y1] = project([w, s]);
    const [x1, y0] = project([e, n]);
    shapes.push({ name: country.properties.name, d: pathFor(kept, view.decimals), bbox: [x0, y0, x1, y1].map((v) => Math.round(v * 10) / 10) });
  }
  const [x0, y1] = project([view.bounds[0], view.bounds[1]]);
  const [x1, y0] = project([view.bounds[2], view.bounds[3]]);
  out[name] = { view_box: [x0, y0, x1 - x0, y1 - y0].map((v) => Math.round(v * 10) / 10), shapes };
}
const text = JSON.stringify(out);
writeFileSync(new URL('../data/geometry.json', import.meta.url), text + '\n');
console.log(`data/geometry.json: ${text.length} bytes; world ${out.world.shapes.length} shapes, region ${out.region.shapes.length} shapes`);
