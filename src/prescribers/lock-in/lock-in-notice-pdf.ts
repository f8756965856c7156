import { bullets, heading, type Pdf, paragraph } from '../../platform/pdf/pdf-document.ts';
import { formatLongDate } from '../letters/letter-pdf.ts';
import { defaultLetterhead, type PlanLetterhead } from '../letters/letter-words.ts';
import { renderLetterPdf } from '../letters/letterhead.ts';
import type { LockIn } from './lock-in-types.ts';

export interface NoticeAddressee {
  name: string;
  addressLines: string[];
}

/** Names for the NPIs on a notice, where the warehouse knows them. */
export type ProviderNames = ReadonlyMap<string, string>;

const scopeWords = {
  pharmacy: 'one pharmacy',
  prescriber: 'one prescriber',
  both: 'one pharmacy and one prescriber',
} as const;

const neverLimited =
  'This never limits medication for opioid use disorder (buprenorphine, naltrexone or methadone treatment), naloxone, or an emergency supply of up to 3 days at any pharmacy.';

const help = [
  'Talk with your doctor about your pain care and about your options.',
  'Our care team can help: call us to talk with a nurse or a behavioral-health case manager.',
  'If you are in crisis, call or text 988, any time, free and confidential.',
  'Naloxone can reverse an opioid overdose. It is covered with no prior authorization.',
];

function reasons(lockIn: LockIn): string[] {
  const e = lockIn.evidence;
  const out: string[] = [];
  if (e.criteria.includes('MME_AND_MULTIPLE_PROVIDERS'))
    out.push(
      `In the 180 days before ${e.asOf}, your opioid prescriptions averaged ${e.averageDailyMmeW180?.toFixed(2) ?? '—'} morphine milligram equivalents (MME) a day and came from ${e.prescribersW180} prescribers and ${e.pharmaciesW180} pharmacies.`,
    );
  if (e.criteria.includes('OVERDOSE_HISTORY_WITH_OPIOID'))
    out.push('Our records show an opioid overdose in the last 12 months, and opioid prescriptions since.');
  return out;
}

/** The initial notice (RISK-RULES §9): what we propose, why, and 30 days to respond and choose. */
export async function renderInitialNotice(
  lockIn: LockIn,
  to: NoticeAddressee,
  letterhead: PlanLetterhead = defaultLetterhead,
): Promise<Buffer> {
  const on = lockIn.initialNoticeOn ?? lockIn.proposedOn;
  const scope = lockIn.scope ?? 'both';
  return renderLetterPdf(
    { title: 'Notice about your opioid prescriptions', letterhead, createdOn: on },
    (doc) => {
      addressBlock(doc, on, to, lockIn.memberId);
      doc.font('Helvetica-Bold').fontSize(12).text('Notice about your opioid prescriptions');
      doc.moveDown(0.4);
      paragraph(doc, `Dear ${to.name},`);
      paragraph(
        doc,
        `We care about your safety. After reviewing your prescriptions, our clinical pharmacist plans to limit coverage of your opioid pain medicines to ${scopeWords[scope]} for 12 months. Using one pharmacy and one prescriber helps everyone caring for you see the whole picture and keep you safe.`,
      );
      heading(doc, 'Why we are writing');
      bullets(doc, reasons(lockIn));
      heading(doc, `You have until ${formatLongDate(lockIn.responseDueOn ?? on)} to respond`);
      paragraph(
        doc,
        'Please tell us which pharmacy and which prescriber you would like to use. You can also send us any information you think we should know, for example if you are being treated for cancer or are in hospice care. We will consider your answer before we decide, and we will write to you again.',
      );
      heading(doc, 'What is never limited');
      paragraph(doc, neverLimited);
      heading(doc, 'Help is available');
      bullets(doc, help);
      contact(doc, letterhead);
    },
  );
}

/** The second notice: the limitation, the pharmacy and prescriber, its dates, and how to appeal. */
export async function renderSecondNotice(
  lockIn: LockIn,
  to: NoticeAddressee,
  names: ProviderNames,
  letterhead: PlanLetterhead = defaultLetterhead,
): Promise<Buffer> {
  const on = lockIn.secondNoticeOn ?? lockIn.proposedOn;
  const scope = lockIn.scope ?? 'both';
  const named = (npi: string) => {
    const name = names.get(npi);
    return name ? `${name} (NPI ${npi})` : `NPI ${npi}`;
  };
  return renderLetterPdf(
    { title: 'Your opioid coverage: pharmacy and prescriber', letterhead, createdOn: on },
    (doc) => {
      addressBlock(doc, on, to, lockIn.memberId);
      doc.font('Helvetica-Bold').fontSize(12).text('Your opioid coverage: pharmacy and prescriber');
      doc.moveDown(0.4);
      paragraph(doc, `Dear ${to.name},`);
      paragraph(
        doc,
        `We wrote to you on ${formatLongDate(lockIn.initialNoticeOn ?? on)}. ${lockIn.memberResponse ? 'Thank you for your reply; we took it into account.' : 'We did not hear from you within 30 days.'} From ${formatLongDate(lockIn.effectiveFrom ?? on)} to ${formatLongDate(lockIn.endsOn ?? on)}, the plan will cover opioid pain medicines for you only from ${scopeWords[scope]}:`,
      );
      bullets(
        doc,
        [
          lockIn.pharmacyNpi ? `Pharmacy: ${named(lockIn.pharmacyNpi)}` : '',
          lockIn.prescriberNpi ? `Prescriber: ${named(lockIn.prescriberNpi)}` : '',
        ].filter(Boolean),
      );
      paragraph(
        doc,
        'We may extend this once, by up to 12 more months, and we will write to you first. You can ask us to change your pharmacy or prescriber at any time, for example if you move.',
      );
      heading(doc, 'What is never limited');
      paragraph(doc, neverLimited);
      heading(doc, 'Your right to appeal');
      paragraph(
        doc,
        'If you disagree, you can appeal within 60 days of the date of this letter by calling or writing to us. A pharmacist who was not part of this decision will review it, and we will tell you the outcome in writing.',
      );
      heading(doc, 'Help is available');
      bullets(doc, help);
      contact(doc, letterhead);
    },
  );
}

function addressBlock(doc: Pdf, on: string, to: NoticeAddressee, memberId: string) {
  doc.font('Helvetica').fontSize(10).text(formatLongDate(on));
  doc.moveDown(0.6);
  doc.text(to.name);
  for (const line of to.addressLines) doc.text(line);
  doc.text(`Member ID ${memberId}`);
  doc.moveDown(0.8);
}

function contact(doc: Pdf, letterhead: PlanLetterhead) {
  heading(doc, 'Questions');
  paragraph(doc, `Call ${letterhead.contactName} at ${letterhead.phone}, or write to ${letterhead.address}.`);
  paragraph(doc, `Sincerely,\n${letterhead.contactName}\n${letterhead.planName}`);
}
