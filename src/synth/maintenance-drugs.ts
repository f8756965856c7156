/**
 * Non-opioid products for ordinary fills. Real NDCs (brand packages), outside
 * the drug reference: the rules ignore them; they give the pharmacy file a
 * realistic volume. Prices are allowed amounts in cents per fill of 30 days.
 */
export interface OrdinaryDrug {
  key: string;
  ndc: string;
  /** Units per day (tablets) or per fill for inhalers and antibiotic packs. */
  perDay: number;
  brand: boolean;
  price30: number;
}

// biome-ignore format: one product per line reads as a table
export const ordinaryDrugs = {
  atorvastatin: { key: 'atorvastatin-10', ndc: '00071015523', perDay: 1, brand: false, price30: 1_200 }, // Lipitor 10 mg, 0071-0155-23
  amlodipine: { key: 'amlodipine-5', ndc: '00069153068', perDay: 1, brand: false, price30: 900 }, // Norvasc 5 mg, 0069-1530-68
  metformin: { key: 'metformin-500', ndc: '00087606005', perDay: 2, brand: false, price30: 800 }, // Glucophage 500 mg, 0087-6060-05
  levothyroxine: { key: 'levothyroxine-50', ndc: '00074455290', perDay: 1, brand: true, price30: 3_500 }, // Synthroid 50 mcg, 0074-4552-90
  sertraline: { key: 'sertraline-50', ndc: '00049496050', perDay: 1, brand: false, price30: 1_100 }, // Zoloft 50 mg, 0049-4960-50
  albuterol: { key: 'albuterol-hfa', ndc: '00173068220', perDay: 0, brand: true, price30: 6_000 }, // Ventolin HFA 18 g, 0173-0682-20
  azithromycin: { key: 'azithromycin-250', ndc: '00069306075', perDay: 0, brand: false, price30: 1_500 }, // Zithromax 250 mg x 6, 0069-3060-75
} as const satisfies Record<string, OrdinaryDrug>;
