/**
 * One row of the `drug` table as code sees it (RISK-RULES §4). The classes and
 * route groups are closed sets: the risk SQL compares against these spellings.
 */
export const drugClasses = [
  'opioid_analgesic',
  'buprenorphine',
  'benzodiazepine',
  'naltrexone',
  'naloxone',
] as const;
export type DrugClass = (typeof drugClasses)[number];

/**
 * Route groups pick the conversion factor. `buccal` covers fentanyl buccal and
 * sublingual tablets and lozenges (0.13 per mcg); `mucosal` covers fentanyl
 * buccal films and sublingual (oral) sprays (0.18 per mcg, CDC 2018 file
 * documentation note 3); `nasal` covers nasal sprays (fentanyl 0.16 per mcg).
 * `injectable` gets no factor: CDC's factors are for oral and transmucosal use.
 */
export const routeGroups = [
  'oral',
  'transdermal',
  'buccal',
  'mucosal',
  'nasal',
  'injectable',
  'other',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

export type DrugSource = 'builtin' | 'cdc-ndc-2016' | 'cdc-ndc-2018' | 'omtk';

export interface DrugProduct {
  /** 11 digits, no dashes. */
  ndc: string;
  rxcui: string | null;
  name: string;
  /** Lower case: oxycodone, fentanyl, buprenorphine, alprazolam, … */
  ingredient: string;
  /** Of the controlled ingredient, per `unit` (CDC 2018 file: "Strength Per Unit"). */
  strength: number;
  unit: string;
  form: string;
  routeGroup: RouteGroup;
  drugClass: DrugClass;
  longActing: boolean;
  source: DrugSource;
}
