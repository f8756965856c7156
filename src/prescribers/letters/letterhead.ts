import { accent, muted, type Pdf, renderPdf } from '../../platform/pdf/pdf-document.ts';
import type { PlanLetterhead } from './letter-words.ts';

/** A letter-size PDF with the plan's letterhead on page one; `draw` fills it and the bytes come back. */
export function renderLetterPdf(
  meta: { title: string; letterhead: PlanLetterhead; createdOn: string },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  return renderPdf(
    { title: meta.title, author: meta.letterhead.planName, footer: meta.letterhead.planName },
    (doc) => {
      drawLetterhead(doc, meta.letterhead);
      draw(doc);
    },
  );
}

function drawLetterhead(doc: Pdf, head: PlanLetterhead): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(16).fillColor(accent).text(head.planName);
  doc.font('Helvetica').fontSize(10).fillColor(muted).text(head.department);
  doc.text(`${head.address}  ·  ${head.phone}`);
  const y = doc.y + 6;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + width, y)
    .lineWidth(1)
    .strokeColor(accent)
    .stroke();
  doc.y = y + 14;
  doc.fillColor('black');
}
