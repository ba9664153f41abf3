import { describe, expect, it } from 'vitest';
import { ICB_MEMBERS, ICB_PARENTS, NHS_REGION_MEMBERS, ONS_REGIONS } from './chart-fixtures';
import { hexCentre, hexGeoJson, hexMapName } from './hex-geojson';
import { hexDistance, hexLayout, type HexTile } from './hex-layout';

const positions = (tiles: readonly HexTile[]) => new Set(tiles.map((t) => `${t.q},${t.r}`));
const byCode = (tiles: readonly HexTile[]) => new Map(tiles.map((t) => [t.code, t]));
const icbCodes = ICB_MEMBERS.map((m) => m.code);

describe('hexLayout', () => {
  it('gives the nine ONS regions distinct tiles, roughly where they are', () => {
    const tiles = hexLayout('ons-region', ONS_REGIONS.map((r) => r.code));
    expect(tiles).toHaveLength(9); // Wales has no tile
    expect(positions(tiles).size).toBe(9);
    const at = (code: string) => { const t = byCode(tiles).get(code); if (!t) throw new Error(code); return hexCentre(t); };
    const [neX, neY] = at('E12000001');
    const [nwX] = at('E12000002');
    const [swX, swY] = at('E12000009');
    const [londonX] = at('E12000007');
    const ys = tiles.map((t) => hexCentre(t)[1]);
    const xs = tiles.map((t) => hexCentre(t)[0]);
    expect(neY).toBe(Math.max(...ys)); // North East at the top, right of North West
    expect(neX).toBeGreaterThan(nwX);
    expect([swX, swY]).toEqual([Math.min(...xs), Math.min(...ys)]); // South West bottom left
    expect(londonX).toBeGreaterThan(at('E12000008')[0]); // London east of the South East
  });

  it('gives the seven NHS regions distinct tiles', () => {
    const tiles = hexLayout('nhs-region', NHS_REGION_MEMBERS.map((r) => r.code));
    expect(tiles).toHaveLength(7);
    expect(positions(tiles).size).toBe(7);
  });

  it('clusters 42 ICBs around their NHS region without overlap, the same way whatever the order', () => {
    const tiles = hexLayout('icb', icbCodes, ICB_PARENTS);
    expect(tiles).toHaveLength(42);
    expect(positions(tiles).size).toBe(42);
    expect(hexLayout('icb', [...icbCodes].reverse(), ICB_PARENTS)).toEqual(tiles);
    // Every ICB touches another of its region (clusters are whole) and none touches another region's.
    const regionOf = (t: HexTile) => ICB_PARENTS.get(t.code);
    for (const tile of tiles) {
      const touching = tiles.filter((o) => o !== tile && hexDistance(o, tile) === 1);
      expect(touching.some((o) => regionOf(o) === regionOf(tile))).toBe(true);
      expect(touching.filter((o) => regionOf(o) !== regionOf(tile))).toEqual([]);
    }
  });

  it('places ICB clusters where their regions are: North West above South West', () => {
    const tiles = hexLayout('icb', icbCodes, ICB_PARENTS);
    const meanY = (region: string) => {
      const ys = tiles.filter((t) => ICB_PARENTS.get(t.code) === region).map((t) => hexCentre(t)[1]);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    expect(meanY('Y62')).toBeGreaterThan(meanY('Y60'));
    expect(meanY('Y60')).toBeGreaterThan(meanY('Y58'));
  });

  it('lays ICBs out in a grid ordered by code when their parents are unknown', () => {
    const tiles = hexLayout('icb', ['Q903', 'Q901', 'Q902']);
    expect(tiles).toEqual([{ code: 'Q901', q: 0, r: 0 }, { code: 'Q902', q: 1, r: 0 }, { code: 'Q903', q: 2, r: 0 }]);
    expect(positions(hexLayout('icb', icbCodes)).size).toBe(42);
  });

  it('still places ICBs whose region is unknown, apart from the rest', () => {
    const parents = new Map([...ICB_PARENTS].filter(([code]) => code !== 'Q901'));
    const tiles = hexLayout('icb', [...icbCodes, 'QZZ'], parents);
    expect(tiles).toHaveLength(43);
    expect(positions(tiles).size).toBe(43);
  });
});

describe('hexGeoJson', () => {
  it('draws one closed hexagon per tile, named by code, no two overlapping', () => {
    const tiles = hexLayout('icb', icbCodes, ICB_PARENTS);
    const geo = hexGeoJson(tiles);
    expect(geo.features.map((f) => f.properties.name)).toEqual(tiles.map((t) => t.code));
    for (const feature of geo.features) {
      const [ring] = feature.geometry.coordinates;
      expect(ring).toHaveLength(7);
      expect(ring?.[0]).toEqual(ring?.[6]);
    }
    // Neighbouring centres are √3 apart and corners under 1 from the centre, so hexagons cannot meet.
    const centres = tiles.map(hexCentre);
    const closest = Math.min(...centres.flatMap(([x, y], i) => centres.slice(i + 1).map(([u, v]) => Math.hypot(x - u, y - v))));
    expect(closest).toBeCloseTo(Math.sqrt(3));
  });

  it('names each layout once and differently', () => {
    const a = hexLayout('icb', icbCodes, ICB_PARENTS);
    expect(hexMapName('icb', a)).toBe(hexMapName('icb', hexLayout('icb', icbCodes, ICB_PARENTS)));
    expect(hexMapName('icb', a)).not.toBe(hexMapName('icb', a.slice(1)));
  });
});
