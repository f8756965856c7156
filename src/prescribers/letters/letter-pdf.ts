import { bullets, heading, muted, paragraph } from '../../platform/pdf/pdf-document.ts';
import type { PrescriberLetterContent } from './letter-types.ts';
import {
  confidentialityLine,
  defaultLetterhead,
  letterIntro,
  lockInExplanation,
  type PlanLetterhead,
  part2Notice,
  resources,
} from './letter-words.ts';
import { renderLetterPdf } from './letterhead.ts';

/** Renders one prescriber's letter as a PDF: letterhead, members and facts, resources, lock-in, contact. */
export async function renderPrescriberLetter(
  content: PrescriberLetterContent,
  createdOn: string,
  letterhead: PlanLetterhead = defaultLetterhead,
): Promise<Buffer> {
  const who = content.prescriber.name ?? `Prescriber NPI ${content.prescriber.npi}`;
  return renderLetterPdf({ title: `Opioid safety letter for ${who}`, letterhead, createdOn }, (doc) => {
    doc.font('Helvetica').fontSize(10).text(formatLongDate(createdOn));
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').text(who);
    doc.font('Helvetica').text(`NPI ${content.prescriber.npi}`);
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').text('Re: Patients at higher risk of opioid overdose');
    doc.moveDown(0.3);
    paragraph(doc, confidentialityLine, { size: 8.5, color: muted });
    paragraph(doc, `Dear ${content.prescriber.name ?? 'Prescriber'},`);
    paragraph(doc, letterIntro(content.members.length));

    heading(doc, 'Your patients and what our claims show');
    for (const member of content.members) {
      const born = member.birthDate ? `, born ${member.birthDate}` : '';
      doc.font('Helvetica-Bold').fontSize(10).text(`${member.name}${born} (member ID ${member.memberId})`);
      doc.moveDown(0.2);
      bullets(
        doc,
        member.facts.map((f) => f.text),
      );
    }
    paragraph(doc, `Facts are as of ${content.asOf}, from pharmacy and medical claims paid by the plan.`, {
      size: 8.5,
      color: muted,
    });

    if (content.prescriberVolume) {
      const v = content.prescriberVolume;
      heading(doc, 'Your opioid prescribing in the last 90 days');
      paragraph(
        doc,
        `${v.opioidFills} opioid prescriptions filled for ${v.opioidPatients} of our members, ${v.opioidDaysSupply} days supply in all; ${v.highRiskPatients} of these members are listed above.`,
      );
    }

    heading(doc, 'Support available to you and your patients');
    bullets(
      doc,
      resources.map((r) => `${r.title}. ${r.text}`),
    );
    heading(doc, 'How lock-in works');
    paragraph(doc, lockInExplanation);
    heading(doc, 'Contact');
    paragraph(
      doc,
      `Questions, or to refer a patient: ${letterhead.contactName}, ${letterhead.phone}, ${letterhead.email}. Thank you for caring for our members.`,
    );
    paragraph(doc, `Sincerely,\n${letterhead.contactName}\n${letterhead.planName}`);
    if (content.members.some((m) => m.facts.some((f) => f.part2))) {
      heading(doc, 'Notice of federal confidentiality (42 CFR part 2)');
      paragraph(doc, part2Notice, { size: 8.5 });
    }
  });
}

/** "November 23, 2026" from 2026-11-23. */
export function formatLongDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
