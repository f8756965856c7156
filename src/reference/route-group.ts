import type { DrugClass, RouteGroup } from './drug-product.ts';

/**
 * The route group of a product from its dosage form (CDC `Master_Form` or
 * RxNorm dose form name) and product name. Fentanyl is split as the CDC 2018
 * file splits its factors: buccal/sublingual tablets and lozenges (`buccal`),
 * buccal films and sublingual sprays such as Subsys (`mucosal`), nasal sprays
 * such as Lazanda (`nasal`), patches (`transdermal`).
 */
export function routeGroupOf(ingredient: string, form: string, name = ''): RouteGroup {
  const f = form.toLowerCase();
  const n = name.toLowerCase();
  if (/patch|transdermal/.test(f)) return 'transdermal';
  if (/inject|cartridge|syringe|subcutaneous|intravenous/.test(f)) return 'injectable';
  if (/nasal/.test(f)) return 'nasal';
  if (ingredient === 'fentanyl') {
    if (/film|strip|mucosal/.test(f) || (/spray/.test(f) && /subsys/.test(n))) return 'mucosal';
    if (/spray/.test(f)) return 'nasal';
    if (/lozenge|troche|buccal|sublingual|tablet/.test(f)) return 'buccal';
  }
  if (/spray/.test(f)) return 'nasal';
  if (/lozenge|troche|buccal|sublingual|film|strip/.test(f)) return 'buccal';
  // Buprenorphine tablets for OUD (Subutex, Zubsolv) are sublingual.
  if (ingredient === 'buprenorphine' && /tablet/.test(f)) return 'buccal';
  if (/suppositor|implant|topical|rectal|gel/.test(f)) return 'other';
  return 'oral';
}

const benzodiazepines = new Set([
  'alprazolam',
  'chlordiazepoxide',
  'clobazam',
  'clonazepam',
  'clorazepate',
  'diazepam',
  'estazolam',
  'flurazepam',
  'halazepam',
  'lorazepam',
  'midazolam',
  'oxazepam',
  'prazepam',
  'quazepam',
  'temazepam',
  'triazolam',
]);

/**
 * The class of an ingredient that is an opioid or a drug Checkpoint tracks
 * beside opioids; buprenorphine is its own class (MOUD, never MME, RISK-RULES §4).
 */
export function drugClassOf(ingredient: string): DrugClass | null {
  if (ingredient === 'buprenorphine') return 'buprenorphine';
  if (ingredient === 'naltrexone') return 'naltrexone';
  if (ingredient === 'naloxone') return 'naloxone';
  if (benzodiazepines.has(ingredient)) return 'benzodiazepine';
  return null;
}

/** Lower-case ingredient from a CDC `Drug` value ("Oxycodone SA" → "oxycodone") or an RxNorm name. */
export function ingredientOf(drug: string): string {
  return drug
    .trim()
    .replace(/\s+(SA|LA)$/i, '')
    .toLowerCase();
}
