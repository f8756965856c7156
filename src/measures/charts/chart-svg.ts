import type { EChartsOption } from 'echarts';
import { echarts } from './echarts-setup.ts';

/** A chart rendered to SVG on the server (ECharts' server-side rendering: no DOM). */
export function chartSvg(option: EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
