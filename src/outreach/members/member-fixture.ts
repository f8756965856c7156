import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { loadBuiltinReference } from '../../reference/index.ts';

/** The fixture's as-of date. */
export const fixtureAsOf = '2026-06-30';

/**
 * Test fixture: a member with an ED visit for an opioid overdose, high-MME oxycodone
 * fills, and two claims labeled 42 CFR Part 2 (an OUD diagnosis visit and a
 * buprenorphine fill). Names and numbers are unmistakable so log tests can look for them.
 */
export async function seedMemberWithClaims(w: Warehouse, memberId: string): Promise<void> {
  const [drugs] = await w.all<{ n: number }>('select count(*) as n from drug');
  if (!drugs?.n) await loadBuiltinReference(w);
  const b = 'fixture';
  await w.run(
    `insert into member (member_id, first_name, last_name, birth_date, gender, phone, address_line, city, state, zip, batch_id)
     values ($1, 'Zebediah', 'Quillfeather', '1971-04-05', 'male', '555-0199-7788', '12 Larkspur Lane', 'Newark', 'NJ', '07102', $2)`,
    [memberId, b],
  );
  await w.run(
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, plan_id, payer, batch_id)
     values ($1, '2025-01-01', null, 'commercial', 'PPO', 'PPO-1', 'Demo Health', $2)`,
    [memberId, b],
  );
  const medical = async (claimId: string, date: string, dx: string, revenue: string | null) => {
    await w.run(
      `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting, claim_date, start_date, end_date, batch_id)
       values ($1, 1, true, false, $2, 'institutional', 'outpatient', cast($3 as date), cast($3 as date), cast($3 as date), $4)`,
      [claimId, memberId, date, b],
    );
    await w.run(
      `insert into medical_claim_line (claim_id, version, line_number, service_date, revenue_code) values ($1, 1, 1, cast($2 as date), $3)`,
      [claimId, date, revenue],
    );
    await w.run(
      `insert into medical_claim_dx (claim_id, version, position, code, is_principal) values ($1, 1, 1, $2, true)`,
      [claimId, dx],
    );
  };
  await medical(`${memberId}-ED`, '2026-06-10', 'T400X1A', '0450');
  await medical(`${memberId}-OUD`, '2026-05-02', 'F1120', null);
  const fill = async (claimId: string, date: string, ndc: string, qty: number, days: number) =>
    w.run(
      `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity, days_supply, prescriber_npi, pharmacy_npi, batch_id)
       values ($1, 1, true, false, $2, cast($3 as date), $4, $5, $6, '1234567893', '1999999984', $7)`,
      [claimId, memberId, date, ndc, qty, days, b],
    );
  for (const [i, date] of ['2026-04-01', '2026-05-01', '2026-05-31'].entries())
    await fill(`${memberId}-RX${i}`, date, '00228287911', 120, 30);
  await fill(`${memberId}-BUP`, '2026-06-15', '00054017713', 30, 30);
  await w.run(
    `insert into claim_label (claim_kind, claim_id, label, reason) values ('medical', $1, 'part2', 'SUD_DIAGNOSIS'), ('pharmacy', $2, 'part2', 'MOUD_FILL')`,
    [`${memberId}-OUD`, `${memberId}-BUP`],
  );
}
