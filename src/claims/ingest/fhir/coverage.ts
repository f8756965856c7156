import { optionalText, parseDay, parseOptionalDay } from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import { asObject, asObjects, codeOf, hasCode, type JsonObject, referenceId } from './fhir-access.ts';

const soptSystem = 'https://nahdo.org/sopt';
/** Plan types by SOPT code: commercial 511–514, Medicare 111–113 and Medicaid 211–212 managed care. */
const planTypes: Record<string, string> = {
  '511': 'HMO',
  '512': 'PPO',
  '513': 'POS',
  '514': 'EPO',
  '111': 'HMO',
  '112': 'PPO',
  '113': 'POS',
  '211': 'HMO',
  '212': 'PPO',
};

/** Line of business from a Source of Payment Typology code: 5… commercial, 1… Medicare, 2… Medicaid. */
export function lineOfBusinessFromSopt(code: string | null): string {
  if (code?.startsWith('5')) return 'commercial';
  if (code?.startsWith('1')) return 'medicare';
  if (code?.startsWith('2')) return 'medicaid';
  return 'other';
}

/** Maps a Coverage to an enrollment span of the member its `beneficiary` names. */
export function mapCoverage(resource: JsonObject, line: number): StagedRow<'stg_enrollment'> {
  const status = optionalText(resource.status);
  if (status === 'entered-in-error' || status === 'cancelled')
    fail('status', `coverage is ${status}: not an enrollment span`);
  const personRef = referenceId(resource.beneficiary) ?? fail('beneficiary', 'missing');
  const period = asObject(resource.period) ?? fail('period', 'missing');
  const sopt = codeOf(resource.type, (s) => s === soptSystem) ?? codeOf(resource.type);
  const planClass = asObjects(resource.class).find((c) => hasCode(c.type, 'plan'));
  const payor = asObjects(resource.payor)[0];
  return {
    line,
    person_ref: personRef,
    start_date: parseDay(period.start, 'period.start'),
    end_date: parseOptionalDay(period.end, 'period.end'),
    line_of_business: lineOfBusinessFromSopt(sopt),
    plan_type: sopt ? (planTypes[sopt] ?? null) : null,
    plan_id: optionalText(planClass?.value) ?? '',
    payer: optionalText(payor?.display) ?? (payor ? referenceId(payor) : null),
  };
}
