import type { Pdf } from './pdf-document.ts';

/** A table with a header row and a caption above it, starting on a new page when little room is left. */
export function pdfTable(
  doc: Pdf,
  table: { caption: string; head: string[]; rows: string[][] },
  options: { fontSize?: number } = {},
): void {
  const size = options.fontSize ?? 8.5;
  const rowHeight = size * 2.2;
  const room = doc.page.height - doc.page.margins.bottom - doc.y;
  if (room < rowHeight * Math.min(4, table.rows.length + 2) + 20) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(table.caption);
  doc.moveDown(0.25);
  doc.font('Helvetica').fontSize(size);
  doc.table({
    columnStyles: (i) => (i === 0 ? { width: '*', minWidth: 90 } : { width: '*' }),
    defaultStyle: { padding: [3, 4], border: 0.4, borderColor: '#b9c0c8' },
    rowStyles: (i) => (i === 0 ? { backgroundColor: '#eef1f4' } : undefined),
    data: [
      table.head.map((text) => ({ text, type: 'TH' as const, font: { family: 'Helvetica-Bold', size } })),
      ...table.rows.map((row) =>
        row.map((text, i) => ({
          text,
          font: { family: 'Helvetica', size },
          ...(i === 0 ? { type: 'TH' as const } : {}),
        })),
      ),
    ],
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
}
