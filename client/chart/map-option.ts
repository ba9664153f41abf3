// The tile map: one hexagon per area (region or ICB) coloured on a continuous scale.
// Suppressed areas are hatched grey and empty ones pale, both outside the scale, so neither
// reads as a low value. Rows with no place on the map (Wales, "not known") are listed instead.
import { EMPTY_MARK, formatNumber, SUPPRESSED_MARK } from '../pivot/format-value';
import { pickCategories, type ChartData } from './chart-data';
import type { MapRole } from './chart-kind';
import {
  chartPoints, describeValue, EMPTY_COLOUR, escapeHtml, NO_VALUE, SCALE_COLOURS, SUPPRESSED_COLOUR, SUPPRESSED_DECAL,
  TEXT_COLOUR, titleOf, valueExtent, type ChartOption,
} from './chart-style';
import { hexGeoJson, hexMapName, type HexFeatureCollection } from './hex-geojson';
import { hexLayout, tileShortLabel, type HexTile } from './hex-layout';

export interface MapPlot {
  readonly role: MapRole;
  /** The name the GeoJSON is registered under with echarts.registerMap. */
  readonly name: string;
  readonly geoJson: HexFeatureCollection;
  readonly tiles: readonly HexTile[];
  /** Labels of rows that have no tile (not an area of England). */
  readonly leftOut: readonly string[];
}

/** Keeps the categories that have a tile, in their table order, and lays the tiles out. */
export function mapPlot(data: ChartData, role: MapRole, parents?: ReadonlyMap<string, string> | undefined): { data: ChartData; map: MapPlot } {
  const tiles = hexLayout(role, data.codes, parents);
  const placed = new Set(tiles.map((t) => t.code));
  const seen = new Set<string>();
  const positions = data.codes.flatMap((code, i) => {
    if (!placed.has(code) || seen.has(code)) return [];
    seen.add(code);
    return [i];
  });
  const kept = new Set(positions);
  return {
    data: pickCategories(data, positions),
    map: {
      role, tiles,
      name: hexMapName(role, tiles),
      geoJson: hexGeoJson(tiles),
      leftOut: data.categories.filter((_, i) => !kept.has(i)),
    },
  };
}

export interface MapItem {
  name: string;
  value: number | typeof NO_VALUE;
  itemStyle?: { areaColor: string; decal?: typeof SUPPRESSED_DECAL };
  label?: { color: string };
}

/** One item per tile, named by code; suppressed and empty tiles carry no value and a fixed colour. */
export function mapItems(data: ChartData): MapItem[] {
  const series = data.series[0];
  const [min, max] = valueExtent(data);
  return data.codes.map((code, i): MapItem => {
    const value = series?.values[i] ?? null;
    if (series?.suppressed[i] === true) return { name: code, value: NO_VALUE, itemStyle: { areaColor: SUPPRESSED_COLOUR, decal: SUPPRESSED_DECAL } };
    if (value === null) return { name: code, value: NO_VALUE, itemStyle: { areaColor: EMPTY_COLOUR } };
    // White text on the darker half of the scale.
    return { name: code, value, label: { color: (value - min) / (max - min) > 0.5 ? '#ffffff' : TEXT_COLOUR } };
  });
}

export function mapOption(data: ChartData, map: MapPlot): ChartOption {
  const [min, max] = valueExtent(data);
  const indexOf = new Map(data.codes.map((code, i) => [code, i]));
  const describe = (code: string) => describeValue(data, 0, indexOf.get(code) ?? -1);
  // Tile text as the grid writes it: the number, '*' when suppressed, '–' when empty.
  const valueText = (code: string) => {
    const i = indexOf.get(code) ?? -1;
    const value = data.series[0]?.values[i];
    if (data.series[0]?.suppressed[i] === true) return SUPPRESSED_MARK;
    return typeof value === 'number' ? formatNumber(value, data.decimals) : EMPTY_MARK;
  };
  const isIcb = map.role === 'icb';
  return {
    animation: false,
    title: titleOf(data),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const code = chartPoints(params)[0]?.name ?? '';
        const i = indexOf.get(code);
        return i === undefined ? '' : `<b>${escapeHtml(data.categories[i] ?? code)}</b><br/>${describe(code)}`;
      },
    },
    visualMap: {
      type: 'continuous', seriesIndex: 0, min, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: SCALE_COLOURS }, formatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, data.decimals) : ''),
    },
    series: [{
      type: 'map', map: map.name, name: data.measureLabel, roam: false, aspectScale: 1, selectedMode: false,
      // Sized by its longer side against the box's shorter one, so hexagons keep their shape
      // and clear the title and the scale.
      layoutCenter: ['50%', '49%'], layoutSize: '76%',
      itemStyle: { areaColor: EMPTY_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true, fontSize: isIcb ? 9 : 11, lineHeight: isIcb ? 11 : 14, color: TEXT_COLOUR,
        // ICB tiles are small: the code (starred when suppressed); regions also show their value.
        formatter: (params: unknown) => {
          const code = chartPoints(params)[0]?.name ?? '';
          const short = tileShortLabel(map.role, code);
          if (!isIcb) return `${short}\n${valueText(code)}`;
          return valueText(code) === SUPPRESSED_MARK ? `${short}*` : short;
        },
      },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffb81c' } },
      data: mapItems(data),
    }],
  };
}
