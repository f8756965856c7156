import type { RouteGroup } from './drug-product.ts';

export const factorSets = ['cdc-2022', 'cdc-2018'] as const;
export type FactorSet = (typeof factorSets)[number];
export const defaultFactorSet: FactorSet = 'cdc-2022';

/** One `mme_factor` row: MME per (strength unit × quantity ÷ days supply). */
export interface MmeFactor {
  factorSet: FactorSet;
  ingredient: string;
  /** A route group, or `*` for every route of the ingredient. */
  routeGroup: RouteGroup | '*';
  factor: number;
  source: string;
}

const guideline2022 = 'CDC 2022 guideline, Table: MME conversion factors';
const file2018 = 'CDC NDC/MME conversion file 2018, Summary_Table';

type Entry = [ingredient: string, routeGroup: RouteGroup | '*', factor: number, source: string];

/**
 * Factors in the CDC 2018 file that the 2022 table does not change; both sets
 * carry them (RISK-RULES §4: "ingredients the 2022 table does not list take the
 * CDC 2018 file's factor").
 */
const shared2018: readonly Entry[] = [
  ['fentanyl', 'buccal', 0.13, `${file2018} (buccal/SL tablet, lozenge/troche, per mcg)`],
  ['fentanyl', 'mucosal', 0.18, `${file2018} (buccal film, oral spray, per mcg)`],
  ['fentanyl', 'nasal', 0.16, `${file2018} (nasal spray, per mcg)`],
  ['meperidine', '*', 0.1, file2018],
  ['levorphanol', '*', 11, file2018],
  ['pentazocine', '*', 0.37, file2018],
  ['butorphanol', '*', 7, file2018],
  ['dihydrocodeine', '*', 0.25, file2018],
  ['opium', '*', 1, file2018],
  ['levomethadyl', '*', 8, file2018],
  // Withdrawn from the US market in 2010; the 2016 and 2018 files still list it at 0.23.
  ['propoxyphene', '*', 0.23, 'CDC NDC/MME conversion file 2018, Opioids sheet'],
];

/**
 * Fentanyl transdermal: 2.4 MME per mcg/hr per day of wear (a 25 mcg/hr patch
 * delivers 600 mcg/day ≈ 60 mg oral morphine), times 3 because one patch is
 * worn 72 hours, so 7.2 applies to mcg/hr × patches ÷ days supply (CDC 2022
 * guideline; CDC 2018 file, Documentation sheet, "Notes on select MME
 * conversion factors" 1a). The 2018 file also tells analysts to first reset
 * days supply to patches × 3; we apply 7.2 to the claim's own days supply in
 * both sets instead. The two agree whenever the claim follows the labeled one
 * patch per 72 hours (10 patches / 30 days → 60 under both sets); when it does
 * not (10 patches / 20 days, changed every 48 hours), the claim's days supply
 * is what the coverage days use, and 7.2 × 10 ÷ 20 gives the exposure it
 * implies (90), where the reset would report 60 for every patch fill.
 */
const fentanylPatch: Entry = [
  'fentanyl',
  'transdermal',
  7.2,
  'CDC 2022 guideline (2.4 per mcg/hr) × 3 days per patch; CDC 2018 file Documentation note 1',
];

const cdc2022: readonly Entry[] = [
  ['codeine', '*', 0.15, guideline2022],
  ['hydrocodone', '*', 1, guideline2022],
  ['hydromorphone', '*', 5, guideline2022],
  ['methadone', '*', 4.7, `${guideline2022} (flat, no dose bands)`],
  ['morphine', '*', 1, guideline2022],
  ['oxycodone', '*', 1.5, guideline2022],
  ['oxymorphone', '*', 3, guideline2022],
  ['tapentadol', '*', 0.4, guideline2022],
  ['tramadol', '*', 0.2, guideline2022],
  fentanylPatch,
  ...shared2018,
  ['benzhydrocodone', '*', 1.22, 'RISK-RULES §4 (Apadaz labeling: 4.54 mg ≈ 5.54 mg hydrocodone bitartrate)'],
];

const cdc2018: readonly Entry[] = [
  ['codeine', '*', 0.15, file2018],
  ['hydrocodone', '*', 1, file2018],
  ['hydromorphone', '*', 4, file2018],
  ['methadone', '*', 3, file2018],
  ['morphine', '*', 1, file2018],
  ['oxycodone', '*', 1.5, file2018],
  ['oxymorphone', '*', 3, file2018],
  ['tapentadol', '*', 0.4, file2018],
  ['tramadol', '*', 0.1, file2018],
  fentanylPatch,
  ...shared2018,
  // Approved after the 2018 file; carried over so its fills are not silently MME 0 under cdc-2018.
  ['benzhydrocodone', '*', 1.22, 'RISK-RULES §4 (not in the 2018 file; carried from cdc-2022)'],
];

const toFactors = (factorSet: FactorSet, entries: readonly Entry[]): MmeFactor[] =>
  entries.map(([ingredient, routeGroup, factor, source]) => ({
    factorSet,
    ingredient,
    routeGroup,
    factor,
    source,
  }));

/** Every factor of both sets. Buprenorphine has none in either: it is MOUD, never MME. */
export const mmeFactors: readonly MmeFactor[] = [
  ...toFactors('cdc-2022', cdc2022),
  ...toFactors('cdc-2018', cdc2018),
];

/**
 * The conversion factor of an ingredient by a route in a factor set: the
 * route-specific row first, then the `*` row; null when the set has none
 * (non-opioids, buprenorphine, injectables, fentanyl by an unknown route).
 */
export function factorFor(factorSet: FactorSet, ingredient: string, routeGroup: string): number | null {
  if (routeGroup === 'injectable') return null;
  const name = ingredient.trim().toLowerCase();
  const rows = mmeFactors.filter((f) => f.factorSet === factorSet && f.ingredient === name);
  return (
    (rows.find((f) => f.routeGroup === routeGroup) ?? rows.find((f) => f.routeGroup === '*'))?.factor ?? null
  );
}
