import { claimRows, eligibilityRow } from './csv-writer.ts';
import { coverageResource, eobResource, patientResource } from './fhir-writer.ts';
import type { MemberRecords } from './generate-member.ts';

export type PopulationFormat = 'fhir' | 'csv';

/** The files a population is written to, by format (providers are written once, before members). */
export const memberFiles = {
  fhir: ['Patient.ndjson', 'Coverage.ndjson', 'ExplanationOfBenefit.ndjson'],
  csv: ['eligibility.csv', 'medical_claim.csv', 'pharmacy_claim.csv'],
} as const;

export type MemberFile = (typeof memberFiles)[PopulationFormat][number];

/** Where rendered records go: a file sink, or a chunk buffer in a worker. */
export type RecordWriter = (file: MemberFile, text: string, lines: number) => void;

/** Renders one member's records in a format, in the order they are written. */
export function renderMember(
  { member, claims }: MemberRecords,
  format: PopulationFormat,
  write: RecordWriter,
): void {
  if (format === 'fhir') {
    write('Patient.ndjson', `${patientResource(member)}\n`, 1);
    member.spans.forEach((span, i) => {
      write('Coverage.ndjson', `${coverageResource(member, span, i)}\n`, 1);
    });
    for (const claim of claims) write('ExplanationOfBenefit.ndjson', `${eobResource(claim, member)}\n`, 1);
    return;
  }
  for (const span of member.spans) write('eligibility.csv', eligibilityRow(member, span), 1);
  for (const claim of claims) {
    if (claim.kind === 'pharmacy') write('pharmacy_claim.csv', claimRows(claim, member), 1);
    else write('medical_claim.csv', claimRows(claim, member), claim.lines.length);
  }
}
