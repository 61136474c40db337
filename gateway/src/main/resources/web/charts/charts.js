// ECharts is loaded only by the pages that draw a chart (a chunk of its own), so other pages stay small.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// only the parts drawn here, not the whole library
echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const palette = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0f766e'];

/** For the page timings (./uptake bench web): when each chart was drawn. */
function markDrawn(element) {
  performance.mark(`drawn ${element.id}`);
}

function chartOn(element) {
  const drawn = echarts.getInstanceByDom(element);
  if (drawn) {
    return drawn;
  }
  const chart = echarts.init(element, null, { renderer: 'svg' });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}

/**
 * What every chart here shares: the palette, the ARIA description, the axis tooltip and the legend, and no animation
 * (on a busy machine an animated SVG chart redraws every frame for a second, taking the processor from the rest of
 * the page while it loads; people who asked for reduced motion are spared it too).
 */
const BASE = { color: palette, aria: { enabled: true }, animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 } };

/** Bars (or lines, per series) over categories. */
export function drawBars(element, categories, series) {
  chartOn(element).setOption({
    ...BASE,
    grid: { left: 40, right: 16, bottom: 40, top: 32 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0 },
    series: series.map((one) => ({ type: one.type || 'bar', name: one.name, data: one.data })),
  }, true);
  markDrawn(element);
}

/** Lines over time; series with yAxis 1 are drawn against a 0–100 % axis on the right. */
export function drawLines(element, periods, series) {
  chartOn(element).setOption({
    ...BASE,
    grid: { left: 48, right: 48, bottom: 40, top: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: [{ type: 'value', name: 'people', min: 0 }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: series.map((one) => ({ type: 'line', name: one.name, data: one.data, yAxisIndex: one.yAxis || 0, smooth: true })),
  }, true);
  markDrawn(element);
}

/** A heat map: rows × columns, values 0..max. */
export function drawHeatmap(element, columns, rows, cells, max) {
  chartOn(element).setOption({
    aria: { enabled: true },
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 120, right: 16, bottom: 80, top: 16 },
    xAxis: { type: 'category', data: columns, axisLabel: { rotate: 30 } },
    yAxis: { type: 'category', data: rows },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#1f5fa8'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: cells.length < 200 } }],
  }, true);
  markDrawn(element);
}
