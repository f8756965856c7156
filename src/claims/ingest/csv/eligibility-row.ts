import { optionalText, parseDay, parseOptionalDay, requireText } from '../field-values.ts';
import type { StagedRow } from '../staging.ts';
import type { CsvRow } from './csv-row.ts';

const linesOfBusiness = new Set(['commercial', 'medicare', 'medicaid']);

/** Maps an eligibility row (one enrollment span) to the member and the span. */
export function mapEligibilityRow(
  row: CsvRow,
  line: number,
): { member: StagedRow<'stg_member'>; enrollment: StagedRow<'stg_enrollment'> } {
  const memberId = requireText(row.get('member_id'), 'member_id');
  const payerType = row.get('payer_type').toLowerCase();
  const planType = row.get('plan_type').toUpperCase();
  return {
    member: {
      line,
      member_id: memberId,
      person_id: requireText(row.get('person_id'), 'person_id'),
      birth_date: parseOptionalDay(row.get('birth_date'), 'birth_date'),
      gender: optionalText(row.get('gender').toLowerCase()),
      first_name: optionalText(row.get('first_name')),
      last_name: optionalText(row.get('last_name')),
      phone: optionalText(row.get('phone')),
      address_line: optionalText(row.get('address')),
      city: optionalText(row.get('city')),
      state: optionalText(row.get('state')),
      zip: optionalText(row.get('zip_code')),
      county_fips: optionalText(row.get('county_fips')),
    },
    enrollment: {
      line,
      person_ref: memberId,
      start_date: parseDay(row.get('enrollment_start_date'), 'enrollment_start_date'),
      end_date: parseOptionalDay(row.get('enrollment_end_date'), 'enrollment_end_date'),
      line_of_business: linesOfBusiness.has(payerType) ? payerType : 'other',
      plan_type: ['HMO', 'EPO', 'POS', 'PPO'].includes(planType) ? planType : null,
      plan_id: row.get('plan'),
      payer: optionalText(row.get('payer')),
    },
  };
}
