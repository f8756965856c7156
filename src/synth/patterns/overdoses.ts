import type { Market } from '../../reference/index.ts';
import { type CareContext, localPractitioner } from '../care-context.ts';
import { endOfMonth } from '../dates.ts';
import type { Random } from '../prng.ts';
import { fillProduct } from './drug-fill.ts';
import { addEmergency } from './emergencies.ts';

/** The program effect's own random lane, so that turning it on leaves every other draw as it was. */
export const programLane = 7;

/**
 * Overdose rates differ by place as public surveillance shows (higher in Philadelphia,
 * Maryland, DC and Connecticut, lower in New York City and Virginia); about 1 on average.
 */
const marketHazard: Record<Market, number> = {
  PHILADELPHIA: 1.6,
  MD: 1.4,
  DC: 1.3,
  CT: 1.2,
  NJ: 1.1,
  CHICAGO: 1.1,
  NYC: 0.8,
  VA: 0.7,
  other: 1,
};

/** Opioid poisoning codes, initial encounter (NCHS): heroin, other opioids, fentanyl, methadone, unspecified. */
const overdoseCodes = [
  ['T40.1X1A', 0.25],
  ['T40.2X1A', 0.3],
  ['T40.411A', 0.2],
  ['T40.3X1A', 0.05],
  ['T40.601A', 0.1],
  ['T40.2X2A', 0.05],
  ['T40.2X4A', 0.05],
] as const;

/** Yearly overdose hazard by risk: higher with OUD, high MME, benzodiazepines, as in published cohorts. */
function yearlyHazard(ctx: CareContext): number {
  const p = ctx.profile;
  let hazard = 0.00012;
  if (p.oud) hazard += 0.04;
  if (p.chronic) hazard += p.chronic.highMme ? 0.008 : 0.002;
  if (p.benzo === 'with-opioid') hazard += 0.006;
  if (p.otherSud) hazard += 0.003;
  if (p.shopper) hazard += 0.02;
  return hazard * marketHazard[ctx.market];
}

/**
 * Opioid overdoses: an ambulance, an ED visit or emergency admission coded
 * T40.xx1A; a quarter of survivors overdose again within the year; about one
 * in ten looks fatal (no claims afterwards, coverage ends that month). Some
 * get naloxone afterwards. Returns the days of the overdoses survived.
 */
export function addOverdoses(ctx: CareContext, programRandom: Random): number[] {
  const { random, builder, profile } = ctx;
  const program = ctx.program;
  const reached =
    program !== undefined && ctx.market !== 'other' && programRandom.chance(program.reachedShare);
  const years = (ctx.asOf - ctx.windowStart + 1) / 365;
  const count = random.poisson(yearlyHazard(ctx) * years);
  let next = count > 0 ? random.int(ctx.windowStart, ctx.asOf) : Infinity;
  let repeats = 0;
  const survived: number[] = [];
  while (next <= ctx.asOf && repeats < 4) {
    const day = next;
    // Reached by the program after it started: some overdoses do not happen, and nor do those after.
    if (reached && program && day >= program.start && programRandom.chance(program.reduction)) break;
    const code = random.weighted(overdoseCodes);
    const diagnoses = [
      code,
      ...(profile.oud ? ['F11.20'] : []),
      ...(profile.benzo !== 'none' ? ['T42.4X1A'] : []),
    ];
    addEmergency(ctx, day, diagnoses, {
      ambulance: random.chance(0.8),
      admitted: random.chance(0.25),
      acuity: 5,
    });
    if (random.chance(0.1)) {
      builder.lastDay = Math.min(builder.lastDay, day);
      const month = endOfMonth(day);
      ctx.builder.member.spans = ctx.builder.member.spans
        .filter((s) => s.start <= day)
        .map((s) => (s.end > month ? { ...s, end: month } : s));
      return survived;
    }
    survived.push(day);
    if (random.chance(0.4)) {
      fillProduct(
        ctx,
        'naloxone-nasal-4',
        day + random.int(1, 14),
        30,
        2 / 30,
        localPractitioner(ctx, 'emergency medicine'),
        ctx.pharmacy,
      );
    }
    repeats++;
    next = random.chance(0.25) ? day + random.int(14, 330) : Infinity;
  }
  return survived;
}
