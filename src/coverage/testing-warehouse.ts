import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/** Inserts one current medical claim with lines and diagnoses (test data for coverage's warehouse queries). */
export async function insertTestMedicalClaim(
  warehouse: Warehouse,
  claim: {
    claimId: string;
    memberId: string;
    date: string;
    billingNpi?: string;
    reversed?: boolean;
    dx?: string[];
    lines?: Array<{ procedureCode?: string; revenueCode?: string; units?: number; date?: string }>;
    deductible?: number;
    part2?: boolean;
  },
): Promise<void> {
  await warehouse.run(
    `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, claim_date,
       billing_npi, deductible_amount, copay_amount, coinsurance_amount, batch_id)
     values ($1, 1, true, $2, $3, 'professional', cast($4 as date), $5, $6, 0, 0, 'test')`,
    [
      claim.claimId,
      claim.reversed ?? false,
      claim.memberId,
      claim.date,
      claim.billingNpi ?? null,
      claim.deductible ?? 0,
    ],
  );
  for (const [i, code] of (claim.dx ?? []).entries())
    await warehouse.run(
      `insert into medical_claim_dx (claim_id, version, position, code, is_principal) values ($1, 1, $2, $3, $4)`,
      [claim.claimId, i + 1, code, i === 0],
    );
  for (const [i, line] of (claim.lines ?? []).entries())
    await warehouse.run(
      `insert into medical_claim_line (claim_id, version, line_number, service_date, procedure_code, revenue_code, units)
       values ($1, 1, $2, cast($3 as date), $4, $5, $6)`,
      [
        claim.claimId,
        i + 1,
        line.date ?? claim.date,
        line.procedureCode ?? null,
        line.revenueCode ?? null,
        line.units ?? 1,
      ],
    );
  if (claim.part2)
    await warehouse.run(
      `insert into claim_label (claim_kind, claim_id, label, reason) values ('medical', $1, 'part2', 'SUD_DIAGNOSIS')`,
      [claim.claimId],
    );
}
