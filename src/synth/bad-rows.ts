import { claimRows, csvRow, eligibilityHeader, eligibilityRow } from './csv-writer.ts';
import { formatDay } from './dates.ts';
import { eobResource } from './fhir-writer.ts';
import type { FileSink } from './file-sink.ts';
import type { Member, PharmacyClaim } from './model.ts';

/**
 * The deliberately bad rows `--bad-rows` adds (README.md lists them). Each is a
 * good record with exactly one thing wrong, so an ingest must reject that row
 * with a reason and still load the rest of the file.
 */
export type BadRowKind =
  | 'malformed-json'
  | 'malformed-csv-row'
  | 'unknown-resource-type'
  | 'missing-key'
  | 'bad-date'
  | 'negative-quantity'
  | 'zero-days-supply'
  | 'unknown-member';

export interface BadRow {
  file: string;
  /** 1-based line number in the file (the CSV header is line 1). */
  line: number;
  kind: BadRowKind;
  claimId: string | null;
}

const unknownMember: Member = {
  seq: 99_999_999,
  memberId: 'M99999999',
  personId: 'P99999999',
  firstName: 'Nobody',
  lastName: 'Unknownson',
  gender: 'female',
  birthDay: 0,
  phone: '000-555-0100',
  addressLine: '1 Example Ave',
  city: 'Nowhere',
  state: 'NJ',
  zip: '07102',
  countyFips: null,
  market: 'NJ',
  spans: [],
};

function fillLike(
  template: PharmacyClaim,
  claimId: string,
  change: Partial<PharmacyClaim> = {},
): PharmacyClaim {
  return { ...template, claimId, version: 1, reversed: false, ...change };
}

type Emit = (sink: FileSink, text: string, kind: BadRowKind, claimId: string | null) => void;

function emitter(out: BadRow[], name: (sink: FileSink) => string): Emit {
  return (sink, text, kind, claimId) => {
    sink.write(text);
    out.push({ file: name(sink), line: sink.lines, kind, claimId });
  };
}

/** Writes one bad NDJSON line of each kind into the EOB file, using a real member's fill as the template. */
export function writeBadFhirRows(
  eobs: FileSink,
  fileName: (sink: FileSink) => string,
  member: Member,
  template: PharmacyClaim,
): BadRow[] {
  const out: BadRow[] = [];
  const emit = emitter(out, fileName);
  const good = (claim: PharmacyClaim, who: Member = member) =>
    JSON.parse(eobResource(claim, who)) as Record<string, unknown>;
  emit(
    eobs,
    `${eobResource(fillLike(template, 'BAD-JSON-1'), member).slice(0, 120)}\n`,
    'malformed-json',
    'BAD-JSON-1',
  );
  emit(
    eobs,
    `${JSON.stringify({ resourceType: 'ClaimResponse', id: 'BAD-TYPE-1', status: 'active' })}\n`,
    'unknown-resource-type',
    'BAD-TYPE-1',
  );
  const noKey = good(fillLike(template, 'BAD-KEY-1'));
  delete noKey.id;
  delete noKey.identifier;
  emit(eobs, `${JSON.stringify(noKey)}\n`, 'missing-key', null);
  const badDate = eobResource(fillLike(template, 'BAD-DATE-1'), member).replaceAll(
    `"${formatDay(template.fillDay)}"`,
    '"2025-02-30"',
  );
  emit(eobs, `${badDate}\n`, 'bad-date', 'BAD-DATE-1');
  emit(
    eobs,
    `${eobResource(fillLike(template, 'BAD-QTY-1', { quantity: -30 }), member)}\n`,
    'negative-quantity',
    'BAD-QTY-1',
  );
  emit(
    eobs,
    `${eobResource(fillLike(template, 'BAD-DAYS-1', { daysSupply: 0 }), member)}\n`,
    'zero-days-supply',
    'BAD-DAYS-1',
  );
  emit(
    eobs,
    `${eobResource(fillLike(template, 'BAD-MEMBER-1'), unknownMember)}\n`,
    'unknown-member',
    'BAD-MEMBER-1',
  );
  return out;
}

/** Writes bad CSV rows of each kind that applies to CSV into the pharmacy and eligibility files. */
export function writeBadCsvRows(
  pharmacy: FileSink,
  eligibility: FileSink,
  fileName: (sink: FileSink) => string,
  member: Member,
  template: PharmacyClaim,
): BadRow[] {
  const out: BadRow[] = [];
  const emit = emitter(out, fileName);
  const row = (claim: PharmacyClaim, who: Member = member) => claimRows(claim, who);
  emit(pharmacy, csvRow(['BAD-CSV-1', 1, member.personId]), 'malformed-csv-row', 'BAD-CSV-1');
  emit(pharmacy, row(fillLike(template, '')), 'missing-key', null);
  emit(
    pharmacy,
    row(fillLike(template, 'BAD-DATE-1')).replace(formatDay(template.fillDay), '2025-02-30'),
    'bad-date',
    'BAD-DATE-1',
  );
  emit(pharmacy, row(fillLike(template, 'BAD-QTY-1', { quantity: -30 })), 'negative-quantity', 'BAD-QTY-1');
  emit(pharmacy, row(fillLike(template, 'BAD-DAYS-1', { daysSupply: 0 })), 'zero-days-supply', 'BAD-DAYS-1');
  emit(pharmacy, row(fillLike(template, 'BAD-MEMBER-1'), unknownMember), 'unknown-member', 'BAD-MEMBER-1');
  const span = member.spans[0];
  if (span) {
    const fields = eligibilityRow(member, span).split(',');
    fields[eligibilityHeader.indexOf('member_id')] = '';
    fields[eligibilityHeader.indexOf('person_id')] = '';
    emit(eligibility, fields.join(','), 'missing-key', null);
    emit(
      eligibility,
      eligibilityRow(member, { ...span }).replace(formatDay(span.start), 'not-a-date'),
      'bad-date',
      null,
    );
  }
  return out;
}
