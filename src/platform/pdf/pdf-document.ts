import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

export const accent = '#1f4e79';
export const muted = '#555555';

/**
 * A letter-size PDF: `draw` fills it, every page gets `footer` and its number, and the bytes
 * come back. Letters, notices and the program report are all made this way.
 */
export async function renderPdf(
  meta: { title: string; author: string; footer: string; layout?: 'portrait' | 'landscape' },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: meta.layout ?? 'portrait',
    margins: { top: 54, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    info: { Title: meta.title, Author: meta.author, Subject: meta.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  numberPages(doc, meta.footer);
  doc.end();
  return done;
}

function numberPages(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(muted)
      .text(`${footer}  ·  Page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
        align: 'center',
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** A section heading in the accent colour. */
export function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11.5).fillColor(accent).text(text).fillColor('black');
  doc.moveDown(0.2);
}

/** A body paragraph. */
export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc
    .font('Helvetica')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? 'black')
    .text(text, { align: 'left', lineGap: 1.5 });
  doc.moveDown(0.4);
}

/** A bulleted list. */
export function bullets(doc: Pdf, items: readonly string[]): void {
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('black')
    .list([...items], { bulletRadius: 1.6, textIndent: 10, lineGap: 1.5 });
  doc.moveDown(0.4);
}
