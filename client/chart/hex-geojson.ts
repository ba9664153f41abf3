// Turns hex tiles into the GeoJSON that echarts.registerMap takes: one hexagon polygon per
// tile, named by its code so map series data find their area. North is up (GeoJSON y grows
// northwards), so row r sits at y = -1.5 r.
import type { HexTile } from './hex-layout';

export interface HexFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}
export interface HexFeatureCollection { type: 'FeatureCollection'; features: HexFeature[] }

/** Corner distance from the centre; a little under 1 leaves a gap between tiles. */
const TILE_RADIUS = 0.94;

export function hexCentre(tile: Pick<HexTile, 'q' | 'r'>): readonly [number, number] {
  return [Math.sqrt(3) * (tile.q + tile.r / 2), -1.5 * tile.r];
}

export function hexGeoJson(tiles: readonly HexTile[]): HexFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: tiles.map((tile) => {
      const [x, y] = hexCentre(tile);
      // Pointy-top corners at 30°, 90°, …; the ring is closed by repeating the first corner.
      const corners = [0, 1, 2, 3, 4, 5, 0].map((i) => {
        const angle = (Math.PI / 180) * (60 * i + 30);
        return [round(x + TILE_RADIUS * Math.cos(angle)), round(y + TILE_RADIUS * Math.sin(angle))];
      });
      return { type: 'Feature', properties: { name: tile.code }, geometry: { type: 'Polygon', coordinates: [corners] } };
    }),
  };
}

/** A registerMap name that changes whenever the tiles do, so each layout is registered once. */
export function hexMapName(role: string, tiles: readonly HexTile[]): string {
  const text = tiles.map((t) => `${t.code}@${t.q},${t.r}`).join(';');
  // FNV-1a: a short, stable fingerprint of the layout.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `hes-hex-${role}-${tiles.length}-${hash.toString(16)}`;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
