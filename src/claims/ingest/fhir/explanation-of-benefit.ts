import { createHash } from 'node:crypto';
import {
  normalizeDiagnosis,
  optionalText,
  parseDay,
  parseNdc,
  parseOptionalDay,
  parseOptionalNumber,
} from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import { readClaimType } from './claim-types.ts';
import {
  asObject,
  asObjects,
  codeOf,
  codings,
  hasCode,
  identifierByType,
  type JsonObject,
  referenceId,
} from './fhir-access.ts';

/**
 * What one ExplanationOfBenefit stages: a pharmacy fill, a medical claim with lines and
 * diagnoses, or nothing for a claim type the rules do not use (oral, vision), which is counted.
 */
export type EobRows =
  | { kind: 'pharmacy'; rx: StagedRow<'stg_rx'> }
  | { kind: 'unused'; claimType: string }
  | {
      kind: 'medical';
      claim: StagedRow<'stg_med_claim'>;
      lines: Array<StagedRow<'stg_med_line'>>;
      dx: Array<StagedRow<'stg_med_dx'>>;
    };

const ndcSystem = 'http://hl7.org/fhir/sid/ndc';
const reversedStatuses = new Set(['cancelled', 'entered-in-error']);
const knownStatuses = new Set(['active', 'draft', ...reversedStatuses]);
const nonProcedureSystems = /snomed|ndc|loinc|rxnorm|icd/i;

/**
 * Maps a CARIN Blue Button ExplanationOfBenefit to staged rows; `vkey`
 * is the file line, which orders copies of one claim inside the file.
 */
export function mapExplanationOfBenefit(resource: JsonObject, vkey: number): EobRows {
  const claimId = identifierByType(resource.identifier, 'uc') ?? optionalText(resource.id);
  if (!claimId) fail('id', 'missing claim id (no uc identifier, no id)');
  const status = optionalText(resource.status) ?? fail('status', 'missing');
  if (!knownStatuses.has(status)) fail('status', `unknown status ${JSON.stringify(status)}`);
  const typeCode = codeOf(resource.type) ?? fail('type', 'missing claim type');
  const reading =
    readClaimType(resource.type) ??
    fail('type', `unsupported claim type ${JSON.stringify(typeCode.slice(0, 40))}`);
  if (reading.use === 'unused') return { kind: 'unused', claimType: reading.code };
  const claimType = reading.use;
  const personRef = referenceId(resource.patient) ?? fail('patient', 'missing');
  const meta = asObject(resource.meta);
  const sourceUpdated = parseTimestamp(meta?.lastUpdated ?? resource.created, 'meta.lastUpdated');
  const billable = asObject(resource.billablePeriod);
  const start = parseOptionalDay(billable?.start, 'billablePeriod.start');
  const end = parseOptionalDay(billable?.end, 'billablePeriod.end');
  const info = asObjects(resource.supportingInfo);
  const careTeam = asObjects(resource.careTeam);
  const totals = readTotals(resource.total);
  const paid =
    parseOptionalNumber(asObject(asObject(resource.payment)?.amount)?.value, 'payment.amount') ??
    totals.benefit ??
    null;
  const isReversed = reversedStatuses.has(status);

  if (claimType === 'pharmacy') {
    const item = asObjects(resource.item)[0] ?? fail('item', 'pharmacy claim has no item');
    const quantity = parseOptionalNumber(asObject(item.quantity)?.value, 'item[0].quantity');
    if (quantity === null) fail('item[0].quantity', 'missing');
    if (quantity <= 0) fail('item[0].quantity', `quantity must be positive, got ${quantity}`);
    const supply = info.find((i) => hasCode(i.category, 'dayssupply'));
    const days = parseOptionalNumber(asObject(supply?.valueQuantity)?.value, 'supportingInfo.dayssupply');
    if (days === null) fail('supportingInfo.dayssupply', 'missing days supply');
    if (!Number.isInteger(days) || days < 1)
      fail('supportingInfo.dayssupply', `days supply must be a whole number ≥ 1, got ${days}`);
    const prescriber = careTeam.find((c) => hasCode(c.role, 'prescribing'));
    const rx: StagedRow<'stg_rx'> = {
      vkey,
      claim_id: claimId,
      person_ref: personRef,
      fill_date: parseDay(
        item.servicedDate ?? asObject(item.servicedPeriod)?.start ?? billable?.start,
        'item[0].servicedDate',
      ),
      ndc: parseNdc(
        codeOf(item.productOrService, (s) => s === ndcSystem) ?? codeOf(item.productOrService),
        'item[0].productOrService',
      ),
      quantity,
      days_supply: days,
      prescriber_ref: prescriber ? referenceId(prescriber.provider) : null,
      pharmacy_ref: referenceId(resource.provider),
      paid_amount: paid,
      ...amountsOf(totals),
      is_reversed: isReversed,
      source_updated: sourceUpdated,
      content_hash: null,
    };
    rx.content_hash = hashContent([rx], ['vkey', 'source_updated', 'content_hash']);
    return { kind: 'pharmacy', rx };
  }
  const lines = asObjects(resource.item).map((item, i) => mapItem(item, i, vkey, careTeam));
  const numbers = new Set(lines.map((l) => l.line_number));
  if (numbers.size !== lines.length) fail('item.sequence', 'two items share a sequence number');
  const dx = mapDiagnoses(resource.diagnosis, vkey);
  const serviceDates = lines.map((l) => l.service_date).filter((d): d is string => d !== null);
  const claimDate = serviceDates.length > 0 ? [...serviceDates].sort()[0] : start;
  if (!claimDate) fail('billablePeriod.start', 'no service date on any item and no billable period');
  const billType = codeOf(info.find((i) => hasCode(i.category, 'typeofbill'))?.code);
  const claim: StagedRow<'stg_med_claim'> = {
    vkey,
    claim_id: claimId,
    person_ref: personRef,
    claim_type: claimType,
    setting:
      reading.use === 'institutional'
        ? (reading.setting ?? institutionalSetting(resource.subType, billType))
        : null,
    claim_date: claimDate,
    start_date: start,
    end_date: end,
    admission_type: codeOf(info.find((i) => hasCode(i.category, 'admtype'))?.code),
    bill_type: billType,
    billing_ref: referenceId(resource.provider),
    paid_amount: paid,
    ...amountsOf(totals),
    is_reversed: isReversed,
    source_updated: sourceUpdated,
    content_hash: null,
  };
  claim.content_hash = hashContent([claim, ...lines, ...dx], ['vkey', 'source_updated', 'content_hash']);
  return { kind: 'medical', claim, lines, dx };
}

function mapItem(
  item: JsonObject,
  i: number,
  vkey: number,
  careTeam: JsonObject[],
): StagedRow<'stg_med_line'> {
  const field = `item[${i}]`;
  const sequence = parseOptionalNumber(item.sequence, `${field}.sequence`) ?? i + 1;
  const units = parseOptionalNumber(asObject(item.quantity)?.value, `${field}.quantity`);
  if (units !== null && units < 0) fail(`${field}.quantity`, `quantity must not be negative, got ${units}`);
  const teamSequence = Array.isArray(item.careTeamSequence) ? item.careTeamSequence[0] : undefined;
  const rendering = careTeam.find((c) => c.sequence === teamSequence);
  const revenue = codeOf(item.revenue);
  const place = codeOf(item.locationCodeableConcept);
  const procedure = codings(item.productOrService).find(
    (c) => !nonProcedureSystems.test(c.system) && /^[0-9A-Z]{5}$/.test(c.code.toUpperCase()),
  );
  return {
    vkey,
    line_number: sequence,
    service_date: parseOptionalDay(
      item.servicedDate ?? asObject(item.servicedPeriod)?.start,
      `${field}.servicedDate`,
    ),
    procedure_code: procedure ? procedure.code.toUpperCase() : null,
    revenue_code: revenue && /^\d{3,4}$/.test(revenue) ? revenue.padStart(4, '0') : revenue,
    place_of_service: place && /^\d{1,2}$/.test(place) ? place.padStart(2, '0') : place,
    units,
    rendering_ref: rendering ? referenceId(rendering.provider) : null,
    paid_amount: readTotals(item.adjudication).benefit ?? null,
  };
}

function mapDiagnoses(diagnoses: unknown, vkey: number): Array<StagedRow<'stg_med_dx'>> {
  const coded = asObjects(diagnoses).flatMap((d) => {
    const code = codeOf(d.diagnosisCodeableConcept, (s) => /icd-10/i.test(s));
    return code ? [{ code: normalizeDiagnosis(code), principal: hasCode(d.type, 'principal') }] : [];
  });
  return coded.map((d, i) => ({ vkey, position: i + 1, code: d.code, is_principal: d.principal }));
}

/** Inpatient or outpatient from the CARIN subType, else from the bill type (11x = inpatient). */
function institutionalSetting(subType: unknown, billType: string | null): string | null {
  if (hasCode(subType, 'inpatient')) return 'inpatient';
  if (hasCode(subType, 'outpatient')) return 'outpatient';
  if (billType) return billType.replace(/^0/, '').startsWith('11') ? 'inpatient' : 'outpatient';
  return null;
}

/** EOB `total[]` (or an item's `adjudication[]`) amounts by category (HL7 adjudication / CARIN BB codes). */
function readTotals(total: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [i, t] of asObjects(total).entries()) {
    const category = codeOf(t.category);
    if (category) out[category] = parseOptionalNumber(asObject(t.amount)?.value, `total[${i}].amount`);
  }
  return out;
}

function amountsOf(totals: Record<string, number | null>) {
  return {
    allowed_amount: totals.eligible ?? null,
    deductible_amount: totals.deductible ?? null,
    copay_amount: totals.copay ?? null,
    coinsurance_amount: totals.coinsurance ?? null,
  };
}

function parseTimestamp(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) fail(field, `unparseable timestamp ${JSON.stringify(String(value).slice(0, 40))}`);
  return new Date(ms).toISOString();
}

/** A hash of what a claim version says (not when it was sent), so an identical resend is recognised. */
export function hashContent(rows: object[], skip: string[]): string {
  const hash = createHash('sha1');
  for (const row of rows)
    for (const [key, value] of Object.entries(row)) if (!skip.includes(key)) hash.update(`${value}\u0001`);
  return hash.digest('base64');
}
