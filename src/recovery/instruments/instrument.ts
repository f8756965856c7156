/** One scored item: its link id in the assessment, its text, and its answer options as codes with scores. */
export interface InstrumentItem {
  readonly linkId: string;
  readonly text: string;
  readonly options: readonly { readonly code: string; readonly display: string; readonly score: number }[];
}

/** A scale an instrument reports: a total or a subscale, with its code (LOINC where one exists). */
export interface InstrumentScale {
  readonly code: string;
  readonly system: string;
  readonly display: string;
  readonly linkIds: readonly string[];
  readonly min: number;
  readonly max: number;
  /** The band a score falls in (e.g. PHQ-9 "moderate"), when the instrument defines bands. */
  band?(score: number): string;
}

/** A public-domain screening instrument: its items, and the scales they sum into. */
export interface Instrument {
  readonly code: string;
  readonly name: string;
  readonly source: string;
  readonly items: readonly InstrumentItem[];
  readonly scales: readonly InstrumentScale[];
}

export const loinc = 'http://loinc.org';
/** Checkpoint's own codes where an instrument's scale has no LOINC code. */
export const checkpointInstrumentSystem = 'https://checkpoint.example.org/fhir/CodeSystem/instrument-scale';

/** A 0–3 frequency item (PHQ-9, GAD-7): "Over the last 2 weeks, how often…". */
export const frequencyOptions = [
  { code: 'LA6568-5', display: 'Not at all', score: 0 },
  { code: 'LA6569-3', display: 'Several days', score: 1 },
  { code: 'LA6570-1', display: 'More than half the days', score: 2 },
  { code: 'LA6571-9', display: 'Nearly every day', score: 3 },
] as const;

/** Bands by their lower bounds, ascending: the last bound not above the score names the band. */
export function bandOf(bounds: readonly (readonly [number, string])[], score: number): string {
  let band = bounds[0]![1];
  for (const [lower, name] of bounds) if (score >= lower) band = name;
  return band;
}
