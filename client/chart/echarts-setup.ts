// ECharts from echarts/core with only what the workbench draws, so the bundle does not carry
// the whole library. Loaded lazily (load-echarts.ts): the first screen does not wait for it.
import { BarChart, HeatmapChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { HexFeatureCollection } from './hex-geojson';

echarts.use([
  BarChart, LineChart, HeatmapChart, PieChart, MapChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapContinuousComponent, CanvasRenderer,
]);

/** Registers a tile map's hexagons once per layout (the name changes with the layout). */
export function ensureMap(name: string, geoJson: HexFeatureCollection): void {
  if (echarts.getMap(name) == null) echarts.registerMap(name, geoJson);
}

export { echarts };
