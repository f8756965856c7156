import { parseDay, parseNdc, parseOptionalNumber, requireText } from '../field-values.ts';
import { fail } from '../row-error.ts';
import type { StagedRow } from '../staging.ts';
import type { CsvRow } from './csv-row.ts';

/** Maps a pharmacy_claim row to a fill; `claim_status=reversed` marks a reversal. */
export function mapPharmacyClaimRow(row: CsvRow, line: number): StagedRow<'stg_rx'> {
  const isReversed = row.get('claim_status').toLowerCase() === 'reversed';
  // A reversal may restate the fill with negated quantities; an original fill may not.
  const sign = (n: number): number => (isReversed ? Math.abs(n) : n);
  const quantity = sign(parseOptionalNumber(row.get('quantity'), 'quantity') ?? fail('quantity', 'missing'));
  if (quantity <= 0) fail('quantity', `quantity must be positive, got ${row.get('quantity')}`);
  const days = sign(
    parseOptionalNumber(row.get('days_supply'), 'days_supply') ?? fail('days_supply', 'missing'),
  );
  if (!Number.isInteger(days) || days < 1)
    fail('days_supply', `days supply must be a whole number ≥ 1, got ${row.get('days_supply')}`);
  const paidDate = row.get('paid_date');
  // content_hash is left to SQL (see planClaims), cheaper there than per row in JS.
  return {
    vkey: line,
    claim_id: requireText(row.get('claim_id'), 'claim_id'),
    // Tuva claims carry member_id beside person_id; it names the enrollment exactly.
    person_ref: row.get('member_id') || requireText(row.get('person_id'), 'person_id'),
    fill_date: parseDay(row.get('dispensing_date'), 'dispensing_date'),
    ndc: parseNdc(row.get('ndc_code'), 'ndc_code'),
    quantity,
    days_supply: days,
    prescriber_ref: row.get('prescribing_provider_npi') || null,
    pharmacy_ref: row.get('dispensing_provider_npi') || null,
    paid_amount: parseOptionalNumber(row.get('paid_amount'), 'paid_amount'),
    allowed_amount: parseOptionalNumber(row.get('allowed_amount'), 'allowed_amount'),
    deductible_amount: parseOptionalNumber(row.get('deductible_amount'), 'deductible_amount'),
    copay_amount: parseOptionalNumber(row.get('copayment_amount'), 'copayment_amount'),
    coinsurance_amount: parseOptionalNumber(row.get('coinsurance_amount'), 'coinsurance_amount'),
    is_reversed: isReversed,
    source_updated: paidDate === '' ? null : parseDay(paidDate, 'paid_date'),
    content_hash: null,
  };
}
