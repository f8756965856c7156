import SVGtoPDF from 'svg-to-pdfkit';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import { bullets, heading, muted, type Pdf, paragraph, renderPdf } from '../../platform/pdf/pdf-document.ts';
import { pdfTable } from '../../platform/pdf/pdf-table.ts';
import { chartSvg } from '../charts/chart-svg.ts';
import type { MeasureChart } from '../charts/chart-types.ts';
import {
  followUpChart,
  funnelChart,
  goalTable,
  moudChart,
  opioidUseChart,
  overdoseRateChart,
} from '../charts/measure-charts.ts';
import type { MeasuresResult } from '../compute-measures.ts';
import { didWords, marketName, marketsOf } from '../measure-words.ts';
import { methodsText } from './methods.ts';

export interface ReportOptions {
  planName: string;
  /** Notes about the data itself (a synthetic demo population says so). */
  dataNotes?: readonly string[];
  createdOn?: string;
}

const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Places a chart (ECharts rendered to SVG) at the cursor, starting a page when it would not fit. */
function drawChart(
  doc: Pdf,
  chart: MeasureChart,
  size: { width: number; height: number },
  at?: { x: number; y: number },
) {
  if (!at && doc.y + size.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x = at?.x ?? doc.page.margins.left;
  const y = at?.y ?? doc.y;
  SVGtoPDF(doc as never, chartSvg(chart.option, size), x, y, {
    width: size.width,
    height: size.height,
    assumePt: true,
  });
  if (!at) {
    doc.y = y + size.height + 4;
    doc.x = doc.page.margins.left;
  }
}

function chartWithTable(doc: Pdf, chart: MeasureChart, height = 210) {
  // A heading never stays alone at the foot of a page.
  if (doc.y + height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  heading(doc, chart.title);
  drawChart(doc, chart, { width: contentWidth(doc), height });
  pdfTable(doc, chart.table);
}

/**
 * The program report a program director hands to leadership: the goal, the difference in
 * differences, every market's overdose rate over time, the funnel, follow-up, MOUD continuity
 * and opioid use, each chart with its table; the methods and caveats on the last page.
 * Built from the same de-identified result and the same charts as the dashboard.
 */
export function renderProgramReport(result: MeasuresResult, options: ReportOptions): Promise<Buffer> {
  const title = `Opioid overdose program report, ${result.from} to ${result.to}`;
  return renderPdf({ title, author: options.planName, footer: `${options.planName} · ${title}` }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#1f4e79').text('Are opioid overdoses down 25 %?');
    doc.font('Helvetica').fontSize(10).fillColor(muted);
    doc.text(
      `${options.planName} · program measures ${result.from} to ${result.to} · measure version ${result.measureVersion}`,
    );
    doc.text(`Program start ${result.programStart} · made ${options.createdOn ?? todayIso()}`);
    doc.fillColor('black').moveDown(0.6);
    for (const note of options.dataNotes ?? []) paragraph(doc, note, { color: '#8a1c1c' });
    paragraph(
      doc,
      'De-identified aggregates only: no row is about one member. Counts of 1 to 10, and what is computed from them, are shown as suppressed.',
      { size: 9, color: muted },
    );

    heading(doc, 'The goal, market by market');
    pdfTable(doc, goalTable(result));
    heading(doc, 'Focus markets against the comparison group');
    const did = result.rows.find((r) => r.measure === 'did_ratio' && r.market === 'focus');
    paragraph(doc, didWords(did));

    chartWithTable(doc, overdoseRateChart(result, 'focus'));

    doc.addPage();
    heading(doc, 'Overdose rate by month, each market (per 1,000 member-years; dashed: baseline and goal)');
    const markets = marketsOf(result.rows).filter((m) => m !== 'focus');
    const gap = 12;
    const width = (contentWidth(doc) - gap) / 2;
    const height = 128;
    let top = doc.y;
    for (const [i, market] of markets.entries()) {
      if (i % 2 === 0 && i > 0) top += height + 22;
      if (top + height + 20 > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        top = doc.y;
      }
      const x = doc.page.margins.left + (i % 2) * (width + gap);
      doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(marketName(market), x, top, { width });
      drawChart(doc, overdoseRateChart(result, market), { width, height }, { x, y: top + 12 });
    }
    doc.x = doc.page.margins.left;
    doc.y = top + height + 24;

    doc.addPage();
    chartWithTable(doc, funnelChart(result), 170);
    chartWithTable(doc, followUpChart(result));
    doc.addPage();
    chartWithTable(doc, moudChart(result));
    chartWithTable(doc, opioidUseChart(result));
    for (const market of markets) {
      const chart = overdoseRateChart(result, market);
      if (market === markets[0]) {
        doc.addPage();
        heading(doc, 'Appendix: overdose rate by month, each market');
      }
      pdfTable(doc, chart.table, { fontSize: 7.5 });
    }

    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#1f4e79').text('Methods and caveats');
    doc.fillColor('black');
    for (const section of methodsText(result)) {
      heading(doc, section.heading);
      bullets(doc, section.items);
    }
    for (const note of options.dataNotes ?? []) paragraph(doc, note, { color: '#8a1c1c' });
  });
}
