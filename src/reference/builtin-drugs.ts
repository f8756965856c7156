import type { DrugClass, DrugProduct, RouteGroup } from './drug-product.ts';

/** A built-in product: a drug row plus a stable key the generator picks products by. */
export interface BuiltinDrug extends DrugProduct {
  key: string;
}

type Spec = [
  key: string,
  ndc: string,
  name: string,
  ingredient: string,
  strength: number,
  unit: string,
  form: string,
  routeGroup: RouteGroup,
  drugClass: DrugClass,
  longActing: boolean,
];

/**
 * Products a synthetic commercial population fills. Every NDC except the
 * naltrexone and naloxone ones is a real 11-digit NDC of the CDC 2018 NDC/MME
 * file (sheet Opioids or Benzos), and strength, unit, form, ingredient, route
 * group, class and long-acting agree with that file as the `cdc-ndc` importer
 * reads it, so a generated claim means the same under either reference.
 */
// biome-ignore format: one product per line reads as a table
const specs: readonly Spec[] = [
  ['oxycodone-ir-5', '00228287611', 'Oxycodone HCl 5 mg tablet', 'oxycodone', 5, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxycodone-ir-10', '00603499321', 'Oxycodone HCl 10 mg tablet', 'oxycodone', 10, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxycodone-ir-15', '00228287811', 'Oxycodone HCl 15 mg tablet', 'oxycodone', 15, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxycodone-ir-30', '00228287911', 'Oxycodone HCl 30 mg tablet', 'oxycodone', 30, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxycodone-er-10', '59011041010', 'OxyContin 10 mg ER tablet', 'oxycodone', 10, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['oxycodone-er-20', '00093003101', 'Oxycodone HCl 20 mg ER tablet', 'oxycodone', 20, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['oxycodone-er-40', '00093003201', 'Oxycodone HCl 40 mg ER tablet', 'oxycodone', 40, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['hydrocodone-apap-5-325', '00406012301', 'Hydrocodone/APAP 5/325 mg tablet', 'hydrocodone', 5, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['hydrocodone-apap-7.5-325', '00406012401', 'Hydrocodone/APAP 7.5/325 mg tablet', 'hydrocodone', 7.5, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['hydrocodone-apap-10-325', '00406012501', 'Hydrocodone/APAP 10/325 mg tablet', 'hydrocodone', 10, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['morphine-ir-15', '00054023525', 'Morphine sulfate 15 mg tablet', 'morphine', 15, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['morphine-er-15', '00034051410', 'MS Contin 15 mg ER tablet', 'morphine', 15, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['morphine-er-30', '00034051510', 'MS Contin 30 mg ER tablet', 'morphine', 30, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['hydromorphone-2', '00054439225', 'Hydromorphone HCl 2 mg tablet', 'hydromorphone', 2, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['hydromorphone-4', '00054026425', 'Hydromorphone HCl 4 mg tablet', 'hydromorphone', 4, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['tramadol-50', '00093005801', 'Tramadol HCl 50 mg tablet', 'tramadol', 50, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['tapentadol-50', '16590086315', 'Nucynta 50 mg tablet', 'tapentadol', 50, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['codeine-apap-300-30', '00093015001', 'Acetaminophen/codeine 300/30 mg tablet', 'codeine', 30, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxymorphone-ir-5', '00054028325', 'Oxymorphone HCl 5 mg tablet', 'oxymorphone', 5, 'MG', 'tablet', 'oral', 'opioid_analgesic', false],
  ['oxymorphone-er-10', '00115123201', 'Oxymorphone HCl 10 mg ER tablet', 'oxymorphone', 10, 'MG', 'tablet, extended release', 'oral', 'opioid_analgesic', true],
  ['methadone-10', '00054457125', 'Methadone HCl 10 mg tablet', 'methadone', 10, 'MG', 'tablet', 'oral', 'opioid_analgesic', true],
  ['methadone-solution-2-per-ml', '00054355663', 'Methadone HCl 10 mg/5 mL oral solution', 'methadone', 2, 'MG/ML', 'solution', 'oral', 'opioid_analgesic', true],
  ['fentanyl-patch-12', '00378911916', 'Fentanyl 12 mcg/hr transdermal patch', 'fentanyl', 12, 'MCG/HR', 'patch, extended release', 'transdermal', 'opioid_analgesic', true],
  ['fentanyl-patch-25', '00378912116', 'Fentanyl 25 mcg/hr transdermal patch', 'fentanyl', 25, 'MCG/HR', 'patch, extended release', 'transdermal', 'opioid_analgesic', true],
  ['fentanyl-patch-50', '00378912216', 'Fentanyl 50 mcg/hr transdermal patch', 'fentanyl', 50, 'MCG/HR', 'patch, extended release', 'transdermal', 'opioid_analgesic', true],
  ['fentanyl-patch-75', '00378912316', 'Fentanyl 75 mcg/hr transdermal patch', 'fentanyl', 75, 'MCG/HR', 'patch, extended release', 'transdermal', 'opioid_analgesic', true],
  ['fentanyl-patch-100', '00378912416', 'Fentanyl 100 mcg/hr transdermal patch', 'fentanyl', 100, 'MCG/HR', 'patch, extended release', 'transdermal', 'opioid_analgesic', true],
  ['fentanyl-buccal-100', '63459054128', 'Fentora 100 mcg buccal tablet', 'fentanyl', 100, 'MCG', 'tablet', 'buccal', 'opioid_analgesic', false],
  ['buprenorphine-sl-8', '00054017713', 'Buprenorphine HCl 8 mg sublingual tablet', 'buprenorphine', 8, 'MG', 'tablet', 'buccal', 'buprenorphine', true],
  ['buprenorphine-naloxone-film-8', '12496120801', 'Suboxone 8/2 mg sublingual film', 'buprenorphine', 8, 'MG', 'film', 'buccal', 'buprenorphine', true],
  // Not in the CDC file (it lists no antagonists): SpecGx naltrexone HCl 50 mg, bottle of 30 (NDC 0406-1170-03).
  ['naltrexone-50', '00406117003', 'Naltrexone HCl 50 mg tablet', 'naltrexone', 50, 'MG', 'tablet', 'oral', 'naltrexone', false],
  // Not in the CDC file: Narcan 4 mg nasal spray, carton of 2 (NDC 69547-353-02).
  ['naloxone-nasal-4', '69547035302', 'Narcan 4 mg nasal spray', 'naloxone', 4, 'MG', 'spray', 'nasal', 'naloxone', false],
  ['alprazolam-0.5', '00228202910', 'Alprazolam 0.5 mg tablet', 'alprazolam', 0.5, 'MG', 'tablet', 'oral', 'benzodiazepine', false],
  ['alprazolam-1', '00228203110', 'Alprazolam 1 mg tablet', 'alprazolam', 1, 'MG', 'tablet', 'oral', 'benzodiazepine', false],
  ['lorazepam-1', '00093060701', 'Lorazepam 1 mg tablet', 'lorazepam', 1, 'MG', 'tablet', 'oral', 'benzodiazepine', false],
  ['clonazepam-1', '00093083301', 'Clonazepam 1 mg tablet', 'clonazepam', 1, 'MG', 'tablet', 'oral', 'benzodiazepine', false],
  ['diazepam-5', '00093047301', 'Diazepam 5 mg tablet', 'diazepam', 5, 'MG', 'tablet', 'oral', 'benzodiazepine', false],
];

export const builtinDrugs: readonly BuiltinDrug[] = specs.map(
  ([key, ndc, name, ingredient, strength, unit, form, routeGroup, drugClass, longActing]) => ({
    key,
    ndc,
    rxcui: null,
    name,
    ingredient,
    strength,
    unit,
    form,
    routeGroup,
    drugClass,
    longActing,
    source: 'builtin',
  }),
);

/** NDCs the CDC 2018 file does not list; tests check every other built-in NDC against it. */
export const builtinNdcsOutsideCdc: readonly string[] = ['00406117003', '69547035302'];

const byKey = new Map(builtinDrugs.map((d) => [d.key, d]));

/** The built-in product with this key; throws on an unknown key (a generator bug, not data). */
export function builtinDrug(key: string): BuiltinDrug {
  const drug = byKey.get(key);
  if (!drug) throw new Error(`no built-in drug with key ${key}`);
  return drug;
}
