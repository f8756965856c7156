import type { Random } from './prng.ts';

/**
 * What kind of patient a member is over the two years: the clinical patterns
 * the generator then turns into claims. Rates aim at a US commercial
 * plan's at enrichment 1; enrichment multiplies the high-risk groups (capped).
 */
export type ChronicCondition =
  | 'hypertension'
  | 'hyperlipidemia'
  | 'diabetes'
  | 'hypothyroid'
  | 'depression'
  | 'asthma';

export interface ChronicOpioid {
  start: number;
  end: number;
  highMme: boolean;
  taper: boolean;
  earlyRefills: boolean;
  /** 0–99: picks the products and doses. */
  regimen: number;
}

export type MoudKind = 'buprenorphine' | 'naltrexone' | 'otp';

export interface Profile {
  adult: boolean;
  conditions: ChronicCondition[];
  acuteEpisodes: number;
  subacute: boolean;
  chronic: ChronicOpioid | null;
  /** Benzodiazepine fills: none, on their own, or alongside the member's opioids. */
  benzo: 'none' | 'alone' | 'with-opioid';
  shopper: boolean;
  oud: { moud: { kind: MoudKind; start: number; dropout: boolean } | null } | null;
  otherSud: boolean;
  cancer: { onset: number; code: string } | null;
  /** Codes next to the exclusions that must not exclude: C44 skin cancer, D57.3 trait. */
  skinCancer: boolean;
  sickleCell: boolean;
  sickleTrait: boolean;
  hospice: boolean;
  naloxone: boolean;
  /** Multiplies the member's ED visit rate. */
  edMultiplier: number;
}

const conditionRates: readonly (readonly [ChronicCondition, number, number])[] = [
  // condition, rate under 45, rate 45 and over
  ['hypertension', 0.08, 0.35],
  ['hyperlipidemia', 0.06, 0.3],
  ['diabetes', 0.03, 0.13],
  ['hypothyroid', 0.04, 0.08],
  ['depression', 0.1, 0.09],
  ['asthma', 0.08, 0.07],
];

const cancerCodes = ['C50.911', 'C61', 'C18.9', 'C34.90', 'C64.9', 'C43.9', 'C92.00'];

/** Draws a member's profile. */
export function drawProfile(
  random: Random,
  age: number,
  enrichment: number,
  windowStart: number,
  asOf: number,
): Profile {
  const adult = age >= 18;
  const rate = (base: number, cap: number) => Math.min(cap, base * enrichment);
  const inWindow = () => random.int(windowStart, asOf);
  const conditions = adult
    ? conditionRates.filter(([, young, old]) => random.chance(age >= 45 ? old : young)).map(([c]) => c)
    : random.chance(0.08)
      ? (['asthma'] as ChronicCondition[])
      : [];
  const cancer =
    adult && random.chance(age >= 65 ? 0.05 : age >= 45 ? 0.02 : 0.006)
      ? { onset: inWindow() - random.int(0, 200), code: random.pick(cancerCodes) }
      : null;
  const sickleCell = random.chance(0.0005);
  const chronicP = adult ? rate(0.036, 0.45) + (cancer ? 0.3 : 0) + (sickleCell ? 0.4 : 0) : 0;
  let chronic: ChronicOpioid | null = null;
  if (random.chance(chronicP)) {
    const ongoingAtStart = random.chance(0.55);
    const start = ongoingAtStart ? windowStart - random.int(0, 300) : inWindow() - 60;
    const end = random.chance(0.65) ? asOf + 60 : start + random.int(120, 540);
    chronic = {
      start,
      end,
      highMme: random.chance(0.32),
      taper: random.chance(0.2),
      earlyRefills: random.chance(0.4),
      regimen: random.int(0, 99),
    };
  }
  const oudP = adult ? rate(0.005, 0.3) + (chronic ? 0.03 : 0) : 0;
  const oud = random.chance(oudP)
    ? {
        moud: random.chance(0.4)
          ? {
              kind: random.weighted([
                ['buprenorphine', 0.6],
                ['naltrexone', 0.15],
                ['otp', 0.25],
              ] as const),
              start: inWindow(),
              dropout: random.chance(0.5),
            }
          : null,
      }
    : null;
  const otherSud = adult && random.chance(rate(0.015, 0.3) + (oud ? 0.3 : 0));
  const shopper = adult && random.chance(rate(0.0008, 0.08) + (oud ? 0.03 : 0));
  const benzoAlone = adult && random.chance(0.03);
  const benzoWithOpioid = chronic !== null && random.chance(0.55);
  const subacute = adult && random.chance(0.025);
  const risky = chronic !== null || oud !== null || otherSud || shopper;
  const hospice = random.chance(age >= 65 ? 0.02 : 0.0003);
  const baseEd = random.weighted([
    [0.3, 0.4],
    [1, 0.45],
    [3, 0.15],
  ] as const);
  const enrichedEd = risky && enrichment > 1 ? 1 + Math.min(4, (enrichment - 1) * 0.3) : 1;
  return {
    adult,
    conditions,
    acuteEpisodes: random.chance(adult ? 0.2 : 0.02)
      ? random.weighted([
          [1, 0.75],
          [2, 0.2],
          [3, 0.05],
        ] as const)
      : 0,
    subacute,
    chronic,
    benzo: benzoWithOpioid ? 'with-opioid' : benzoAlone ? 'alone' : 'none',
    shopper,
    oud,
    otherSud,
    cancer,
    skinCancer: adult && random.chance(age >= 45 ? 0.02 : 0.004),
    sickleCell,
    sickleTrait: random.chance(0.004),
    hospice,
    naloxone: random.chance(chronic ? 0.2 : oud ? 0.3 : 0.001),
    edMultiplier:
      baseEd * enrichedEd * (chronic ? 2 : 1) * (oud ? 3.5 : 1) * (otherSud ? 2.2 : 1) * (sickleCell ? 5 : 1),
  };
}
