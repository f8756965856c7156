import { z } from 'zod';
import type { DrugClass, RouteGroup } from './drug-product.ts';
import type { RowOutcome } from './import-result.ts';
import { drugClassOf, ingredientOf, routeGroupOf } from './route-group.ts';

/** One `drug_rxnorm` row: an RxNorm drug and one of its opioid ingredients. */
export interface RxnormDrugIngredient {
  rxcui: string;
  ingredientRxcui: string;
  name: string;
  ingredient: string;
  strength: number;
  unit: string;
  doseFormRxcui: string | null;
  form: string;
  routeGroup: RouteGroup;
  drugClass: DrugClass;
  longActing: boolean;
  source: 'omtk';
}

/** The OMTK columns (both the OMTKData2020 and the opioid-mme-r4 OMTKData 3.0.0 extracts use them). */
export const omtkColumns = [
  'drug_rxcui',
  'drug_name',
  'dose_form_rxcui',
  'dose_form_name',
  'ingredient_rxcui',
  'ingredient_name',
  'strength_value',
  'strength_unit',
] as const;

const rxcui = z.string().trim().regex(/^\d+$/, 'RxCUI must be digits');

const omtkRow = z.object({
  drug_rxcui: rxcui,
  drug_name: z.string().trim().min(1, 'drug name is missing'),
  dose_form_rxcui: z.union([rxcui, z.literal('').transform(() => null)]),
  dose_form_name: z.string().trim().min(1, 'dose form is missing'),
  ingredient_rxcui: rxcui,
  ingredient_name: z.string().trim().min(1, 'ingredient is missing'),
  strength_value: z.coerce
    .number({ error: 'strength is not a number' })
    .positive('strength must be positive'),
  strength_unit: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['MG', 'MCG', 'MG/ML', 'MG/HR', 'MG/ACTUAT'], { error: 'unknown strength unit' })),
});

const thousandTimes = (x: number): number => Number((x * 1000).toPrecision(12));

/**
 * Validates and classifies one OMTK row, and restates strengths in the CDC
 * file's units so one factor table serves both: patches MG/HR → MCG/HR,
 * fentanyl transmucosal MG → MCG and MG/ACTUAT → MCG/SPRAY.
 */
export function classifyOmtkRow(cells: Record<string, string>): RowOutcome<RxnormDrugIngredient> {
  const parsed = omtkRow.safeParse(cells);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'rejected', field: String(issue?.path[0] ?? ''), reason: issue?.message ?? 'invalid' };
  }
  const row = parsed.data;
  const ingredient = ingredientOf(row.ingredient_name);
  const form = row.dose_form_name.toLowerCase();
  // Ionsys (fentanyl 0.04 MG per activation, iontophoretic) is no 72-hour patch: 7.2 per mcg/hr does not apply.
  const byForm = routeGroupOf(ingredient, form, row.drug_name);
  const routeGroup = byForm === 'transdermal' && row.strength_unit !== 'MG/HR' ? 'other' : byForm;
  let strength = row.strength_value;
  let unit: string = row.strength_unit;
  if (unit === 'MG/HR') [strength, unit] = [thousandTimes(strength), 'MCG/HR'];
  else if (ingredient === 'fentanyl' && ['buccal', 'mucosal', 'nasal'].includes(routeGroup)) {
    if (unit === 'MG') [strength, unit] = [thousandTimes(strength), 'MCG'];
    if (unit === 'MG/ACTUAT') [strength, unit] = [thousandTimes(strength), 'MCG/SPRAY'];
  }
  return {
    kind: 'loaded',
    value: {
      rxcui: row.drug_rxcui,
      ingredientRxcui: row.ingredient_rxcui,
      name: row.drug_name,
      ingredient,
      strength,
      unit,
      doseFormRxcui: row.dose_form_rxcui,
      form,
      routeGroup,
      drugClass: drugClassOf(ingredient) ?? 'opioid_analgesic',
      // As the CDC file marks them: extended release, patches, methadone and buprenorphine are LA.
      longActing:
        /extended release|transdermal/.test(form) ||
        ['methadone', 'levomethadyl', 'buprenorphine'].includes(ingredient),
      source: 'omtk',
    },
  };
}
