import type { Claim, MedicalClaim, PharmacyClaim } from './model.ts';
import type { Random } from './prng.ts';

/** Per claim: a few per thousand are adjusted (resent with changed values), a few reversed. */
export const adjustmentRate = 0.004;
export const reversalRate = 0.003;

function adjustPharmacy(claim: PharmacyClaim, random: Random): PharmacyClaim {
  // The pharmacy corrects the quantity (and so the price); days supply stays.
  const quantity = Math.max(1, claim.quantity + random.pick([-2, -1, 1, 2, 5]));
  const ratio = quantity / claim.quantity;
  const allowed = Math.round(claim.amounts.allowed * ratio);
  const memberShare = claim.amounts.copay + claim.amounts.deductible + claim.amounts.coinsurance;
  return {
    ...claim,
    quantity,
    amounts: {
      ...claim.amounts,
      charge: Math.round(claim.amounts.charge * ratio),
      allowed,
      paid: Math.max(0, allowed - memberShare),
    },
  };
}

function adjustMedical(claim: MedicalClaim, random: Random): MedicalClaim {
  // The provider adds a secondary diagnosis and the payer reprices the first line.
  const lines = claim.lines.map((line, i) => {
    if (i > 0) return line;
    const allowed = Math.round(line.amounts.allowed * (0.9 + random.next() * 0.2));
    const memberShare = line.amounts.copay + line.amounts.deductible + line.amounts.coinsurance;
    return { ...line, amounts: { ...line.amounts, allowed, paid: Math.max(0, allowed - memberShare) } };
  });
  const extra = random.pick(['Z79.899', 'R53.83', 'Z91.19']);
  const diagnoses = claim.diagnoses.includes(extra) ? claim.diagnoses : [...claim.diagnoses, extra];
  return { ...claim, diagnoses, lines };
}

/**
 * The later copies of a member's claims: adjustments (a new version with
 * changed values) and reversals (a cancelled copy), each paid some days after
 * the original and never after the as-of date. Originals are left unchanged.
 */
export function laterCopies(
  claims: readonly Claim[],
  streamOf: (claim: Claim) => Random,
  asOf: number,
): Claim[] {
  const copies: Claim[] = [];
  for (const claim of claims) {
    // Each claim draws from its own pattern's stream when it has one (ClaimBuilder.streamOf).
    const random = streamOf(claim);
    const roll = random.next();
    if (roll >= adjustmentRate + reversalRate) continue;
    const paidDay = Math.min(asOf, claim.paidDay + random.int(5, 40));
    if (roll < reversalRate) {
      copies.push({ ...claim, reversed: true, version: 2, paidDay });
    } else if (claim.kind === 'pharmacy') {
      copies.push({ ...adjustPharmacy(claim, random), version: 2, paidDay });
    } else {
      copies.push({ ...adjustMedical(claim, random), version: 2, paidDay });
    }
  }
  return copies;
}
