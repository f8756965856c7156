import { z } from 'zod';
import type { CdcField, CdcHeader } from './cdc-ndc-layout.ts';
import type { DrugClass, DrugProduct } from './drug-product.ts';
import type { RowOutcome } from './import-result.ts';
import { drugClassOf, ingredientOf, routeGroupOf } from './route-group.ts';

const required = (what: string) => z.string().trim().min(1, `${what} is missing`);

const cdcRow = z.object({
  // Excel drops leading zeros; the digits that remain are the same NDC.
  ndc: z
    .string()
    .trim()
    .regex(/^\d{6,11}$/, 'NDC must be 6 to 11 digits')
    .transform((ndc) => ndc.padStart(11, '0')),
  productName: required('product name'),
  genericName: z.string().trim(),
  masterForm: required('dosage form'),
  cdcClass: required('class'),
  drug: required('drug'),
  longShort: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['LA', 'SA', ''], { error: 'must be LA, SA or blank' })),
  strength: required('strength')
    .transform(Number)
    .pipe(z.number({ error: 'strength is not a number' }).positive('strength must be positive')),
  uom: required('unit of measure').toUpperCase(),
  factor: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : Number(s)))
    .pipe(z.number({ error: 'factor is not a number' }).nonnegative().nullable()),
});

/** CDC `Class` values of the 2018 file's other sheets (muscle relaxants, stimulants, zolpidem as Misc). */
const otherClasses = /muscle|stimulant|zolpidem|misc/i;

/**
 * Validates one CDC sheet row and classifies it (RISK-RULES §4): opioids are
 * analgesics except buprenorphine (MOUD, whatever factor the file gives it).
 */
export function classifyCdcRow(
  header: CdcHeader,
  cells: Record<string, string>,
): RowOutcome<DrugProduct & { fileFactor: number | null }> {
  const raw = Object.fromEntries(
    Object.entries(header.columns).map(([field, column]) => [field, cells[column] ?? '']),
  );
  const parsed = cdcRow.safeParse({ factor: '', ...raw });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '') as CdcField;
    return { kind: 'rejected', field: header.columns[field] ?? field, reason: issue?.message ?? 'invalid' };
  }
  const row = parsed.data;
  const ingredient = ingredientOf(row.drug);
  const drugClass = classOf(row.cdcClass, ingredient);
  if (drugClass === null) {
    if (otherClasses.test(row.cdcClass)) return { kind: 'skipped', reason: `class ${row.cdcClass}` };
    return {
      kind: 'rejected',
      field: header.columns.cdcClass ?? 'Class',
      reason: `unknown class ${row.cdcClass}`,
    };
  }
  const form = row.masterForm.toLowerCase();
  // Subsys (sublingual spray) carries the film/oral-spray factor 0.18; Lazanda (nasal) 0.16.
  const routeGroup =
    ingredient === 'fentanyl' && /spray/.test(form) && row.factor === 0.18
      ? 'mucosal'
      : routeGroupOf(ingredient, form, row.productName);
  return {
    kind: 'loaded',
    value: {
      ndc: row.ndc,
      rxcui: null,
      name: row.productName,
      ingredient,
      strength: row.strength,
      unit: row.uom,
      form,
      routeGroup,
      drugClass,
      longActing: row.longShort === 'LA',
      source: header.layout,
      fileFactor: row.factor,
    },
  };
}

function classOf(cdcClass: string, ingredient: string): DrugClass | null {
  const byIngredient = drugClassOf(ingredient);
  if (byIngredient) return byIngredient;
  if (/^opioid/i.test(cdcClass)) return 'opioid_analgesic';
  if (/^benzo/i.test(cdcClass)) return 'benzodiazepine';
  return null;
}
