/**
 * What a drug screen reports, one result per substance. Results are coded in Checkpoint's
 * own substance system: laboratories' LOINC codes differ by method and cutoff, so the
 * facility reports the substance and the result, not the assay.
 */
export const substances = {
  fentanyl: { label: 'Fentanyl', opioid: true },
  heroin_6mam: { label: 'Heroin (6-MAM)', opioid: true },
  morphine: { label: 'Morphine', opioid: true },
  oxycodone: { label: 'Oxycodone', opioid: true },
  hydrocodone: { label: 'Hydrocodone', opioid: true },
  methadone: { label: 'Methadone', opioid: true },
  buprenorphine: { label: 'Buprenorphine', opioid: true },
  cocaine: { label: 'Cocaine', opioid: false },
  amphetamine: { label: 'Amphetamines', opioid: false },
  methamphetamine: { label: 'Methamphetamine', opioid: false },
  benzodiazepine: { label: 'Benzodiazepines', opioid: false },
  cannabis: { label: 'Cannabinoids', opioid: false },
  xylazine: { label: 'Xylazine', opioid: false },
  alcohol: { label: 'Alcohol (EtG)', opioid: false },
} as const;

export type Substance = keyof typeof substances;
export const substanceCodes = Object.keys(substances) as [Substance, ...Substance[]];

/** The opioids a positive screen always raises POSITIVE_SCREEN for, unless the plan prescribes them (§11). */
export const opioidSubstances: ReadonlySet<Substance> = new Set(
  substanceCodes.filter((s) => substances[s].opioid),
);
