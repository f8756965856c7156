import type { EChartsOption } from 'echarts';

/** A chart's data as a table: every chart is also shown, printed and downloaded this way. */
export interface MeasureTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/**
 * One chart of the program measures, the same on the dashboard (ECharts in the browser) and in
 * the PDF report (ECharts rendered to SVG on the server): its option, a sentence for screen
 * readers, and its table.
 */
export interface MeasureChart {
  id: string;
  title: string;
  summary: string;
  option: EChartsOption;
  table: MeasureTable;
}

export const palette = {
  rate: '#1d4ed8',
  band: '#bfd0f5',
  baseline: '#5b6573',
  goal: '#2f6f4f',
  second: '#b45309',
  grid: '#e3e7eb',
};

/** Options every chart shares: no animation (the server renders one frame), a readable font. */
export const chartBase: EChartsOption = {
  animation: false,
  textStyle: { fontFamily: 'Helvetica, Arial, sans-serif', fontSize: 11 },
  grid: { left: 48, right: 64, top: 28, bottom: 32 },
};
