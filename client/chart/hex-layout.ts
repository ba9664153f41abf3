// Where each area's hexagon sits on the tile map. No boundary files are available offline, so
// regions have hand-placed tiles (roughly geographic: North East top right, South West bottom
// left) and ICBs are grown as clusters around their NHS region's tile. Pure and deterministic.
import type { MapRole } from './chart-kind';

/** A pointy-top hexagon in axial coordinates (q along a row, r down the rows). */
export interface HexTile { readonly code: string; readonly q: number; readonly r: number }

interface Place { readonly code: string; readonly short: string; readonly col: number; readonly row: number }

// Drawn as "odd-r" offset rows (odd rows sit half a tile to the right), as on paper:
//            NE
//         NW    Y&H
//       WM   EM   EoE
//     SW   SE   LDN
const ONS_REGIONS: readonly Place[] = [
  { code: 'E12000001', short: 'NE', col: 2, row: 0 },
  { code: 'E12000002', short: 'NW', col: 1, row: 1 },
  { code: 'E12000003', short: 'Y&H', col: 2, row: 1 },
  { code: 'E12000005', short: 'WM', col: 1, row: 2 },
  { code: 'E12000004', short: 'EM', col: 2, row: 2 },
  { code: 'E12000006', short: 'EoE', col: 3, row: 2 },
  { code: 'E12000009', short: 'SW', col: 0, row: 3 },
  { code: 'E12000008', short: 'SE', col: 1, row: 3 },
  { code: 'E12000007', short: 'LDN', col: 2, row: 3 },
];

//       NW   NE&Y
//         Mids  EoE
//       SW   SE   LDN
const NHS_REGIONS: readonly Place[] = [
  { code: 'Y62', short: 'NW', col: 1, row: 0 },
  { code: 'Y63', short: 'NE&Y', col: 2, row: 0 },
  { code: 'Y60', short: 'Mids', col: 1, row: 1 },
  { code: 'Y61', short: 'EoE', col: 2, row: 1 },
  { code: 'Y58', short: 'SW', col: 1, row: 2 },
  { code: 'Y59', short: 'SE', col: 2, row: 2 },
  { code: 'Y56', short: 'LDN', col: 3, row: 2 },
];

/** ICB clusters sit on the NHS region layout scaled up by this much, leaving room to grow. */
const CLUSTER_SPACING = 4;

const PLACES: ReadonlyMap<string, ReadonlyMap<string, Place>> = new Map([
  ['ons-region', new Map(ONS_REGIONS.map((p) => [p.code, p]))],
  ['nhs-region', new Map(NHS_REGIONS.map((p) => [p.code, p]))],
]);
const NHS_PLACES = new Map(NHS_REGIONS.map((p) => [p.code, p]));

/** A short tile label: region abbreviations; ICBs (and unknown codes) by their code. */
export function tileShortLabel(role: MapRole, code: string): string {
  return PLACES.get(role)?.get(code)?.short ?? code;
}

/** Tiles for the codes that can be placed; codes a region layout lacks (e.g. "Wales",
 *  "not known") are left out. Every ICB gets a tile: clustered under its parent NHS region
 *  when `parents` knows it, otherwise in a grid ordered by code. */
export function hexLayout(role: MapRole, codes: readonly string[], parents?: ReadonlyMap<string, string> | undefined): HexTile[] {
  const places = PLACES.get(role);
  if (places) return codes.flatMap((code) => { const p = places.get(code); return p ? [axial(code, p.col, p.row)] : []; });
  const unique = [...new Set(codes)];
  const parentOf = (code: string) => { const p = parents?.get(code); return p !== undefined && NHS_PLACES.has(p) ? p : null; };
  if (unique.every((code) => parentOf(code) === null)) return gridLayout(unique);
  return clusterLayout(unique, parentOf);
}

function axial(code: string, col: number, row: number): HexTile {
  return { code, q: col - (row - (row & 1)) / 2, r: row };
}

function gridLayout(codes: readonly string[]): HexTile[] {
  const sorted = [...codes].sort();
  const columns = Math.max(1, Math.ceil(Math.sqrt(sorted.length * 1.5)));
  return sorted.map((code, i) => axial(code, i % columns, Math.floor(i / columns)));
}

const NEIGHBOURS: readonly (readonly [number, number])[] = [[1, 0], [1, -1], [0, -1], [-1, 0], [-1, 1], [0, 1]];
const key = (q: number, r: number) => `${q},${r}`;
export const hexDistance = (a: { q: number; r: number }, b: { q: number; r: number }) =>
  (Math.abs(a.q - b.q) + Math.abs(a.r - b.r) + Math.abs(a.q + a.r - b.q - b.r)) / 2;

// Regions take turns adding one ICB each, every cluster growing into the free cell next to it
// that is nearest its own centre, so clusters stay whole, compact and never overlap.
function clusterLayout(codes: readonly string[], parentOf: (code: string) => string | null): HexTile[] {
  const groups = new Map<string, { centre: { q: number; r: number }; codes: string[]; cells: HexTile[] }>();
  const orphanRow = NHS_REGIONS.reduce((max, p) => Math.max(max, p.row), 0) + 1;
  for (const code of [...codes].sort()) {
    const parent = parentOf(code) ?? '';
    let group = groups.get(parent);
    if (!group) {
      // ICBs whose region is unknown gather below the map.
      const place = NHS_PLACES.get(parent) ?? { col: 0, row: orphanRow };
      const c = axial('', place.col, place.row);
      group = { centre: { q: c.q * CLUSTER_SPACING, r: c.r * CLUSTER_SPACING }, codes: [], cells: [] };
      groups.set(parent, group);
    }
    group.codes.push(code);
  }
  const order = [...NHS_REGIONS.map((p) => p.code), ''].flatMap((code) => { const g = groups.get(code); return g ? [g] : []; });
  const taken = new Set<string>();
  for (let turn = 0; order.some((g) => g.cells.length < g.codes.length); turn++) {
    for (const group of order) {
      const code = group.codes[turn];
      if (code === undefined) continue;
      const cell = nearestFree(group.cells, group.centre, taken);
      taken.add(key(cell.q, cell.r));
      group.cells.push({ code, q: cell.q, r: cell.r });
    }
  }
  return order.flatMap((g) => g.cells);
}

function nearestFree(cluster: readonly HexTile[], centre: { q: number; r: number }, taken: ReadonlySet<string>): { q: number; r: number } {
  const seeds = cluster.length > 0 ? cluster : [centre];
  const candidates: { q: number; r: number }[] = [];
  // Ring by ring outwards from the seeds; the first ring with a free cell holds the answer.
  for (let radius = cluster.length > 0 ? 1 : 0; candidates.length === 0; radius++) {
    for (const seed of seeds) {
      for (const cell of ring(seed, radius)) if (!taken.has(key(cell.q, cell.r))) candidates.push(cell);
    }
  }
  candidates.sort((a, b) => hexDistance(a, centre) - hexDistance(b, centre) || a.r - b.r || a.q - b.q);
  return candidates[0] ?? centre;
}

function ring(centre: { q: number; r: number }, radius: number): { q: number; r: number }[] {
  if (radius === 0) return [centre];
  const out: { q: number; r: number }[] = [];
  const [startQ, startR] = NEIGHBOURS[4] ?? [0, 0];
  let q = centre.q + startQ * radius;
  let r = centre.r + startR * radius;
  for (const [dq, dr] of NEIGHBOURS) {
    for (let step = 0; step < radius; step++) { out.push({ q, r }); q += dq; r += dr; }
  }
  return out;
}
