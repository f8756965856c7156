import { type CareContext, localOrganization, localPractitioner } from '../care-context.ts';
import type { Random } from '../prng.ts';

/**
 * The member's random lane (prng.ts) for withdrawal management. The pattern came
 * after the others: drawing on its own lane leaves every earlier draw, and so the
 * rest of the population, as it was.
 */
export const withdrawalManagementLane = 1;

/** F11.2x: opioid dependence, mostly "with withdrawal" (F11.23), the reason for the episode. */
const withdrawalDiagnoses = [
  ['F11.23', 0.8],
  ['F11.20', 0.2],
] as const;

/** Chance a member's MOUD start follows a detox episode (naltrexone needs one more often: see below). */
const beforeMoud = { naltrexone: 0.5, buprenorphine: 0.25, otp: 0.25 } as const;
/** Chance a survived overdose leads to a detox episode within three weeks. */
const afterOverdose = 0.2;
/** Chance an OUD member with no other episode has one at some point (no MOUD follows). */
const standalone = 0.06;
/** Share of episodes in a residential program instead of ambulatory. */
const residentialShare = 0.15;

interface Episode {
  start: number;
  days: number;
  residential: boolean;
}

function drawEpisode(random: Random): Omit<Episode, 'start'> {
  const residential = random.chance(residentialShare);
  // Short-acting opioid withdrawal lasts about a week; ambulatory programs see the member 3–5 days.
  return { residential, days: residential ? random.int(3, 7) : random.int(3, 5) };
}

/**
 * Withdrawal management (detox) for some members with opioid use disorder: before
 * a MOUD start, after a survived overdose, or on its own. At enrichment 1 about
 * one member in a thousand has an episode in the two years (rare in a
 * commercial plan). Every draw comes from `random`, the member's own lane for this pattern.
 */
export function addWithdrawalManagement(
  ctx: CareContext,
  overdoseDays: readonly number[],
  random: Random,
): void {
  const oud = ctx.profile.oud;
  if (!oud) return;
  const own: CareContext = { ...ctx, random };
  const episodes: Episode[] = [];
  const moud = oud.moud;
  if (moud && random.chance(beforeMoud[moud.kind])) {
    const episode = drawEpisode(random);
    // Naltrexone needs 7–10 opioid-free days before the first dose (Vivitrol label); buprenorphine
    // and methadone start the day after or so, as ASAM advises linking withdrawal management to MOUD.
    const gap = moud.kind === 'naltrexone' ? random.int(7, 10) : random.int(1, 2);
    episodes.push({ ...episode, start: moud.start - gap - episode.days });
  }
  for (const day of overdoseDays) {
    if (!random.chance(afterOverdose)) continue;
    const start = day + random.int(3, 21);
    if (episodes.some((e) => Math.abs(e.start - start) < 30)) continue;
    episodes.push({ ...drawEpisode(random), start });
  }
  if (episodes.length === 0 && random.chance(standalone)) {
    episodes.push({ ...drawEpisode(random), start: random.int(ctx.windowStart, ctx.asOf) });
  }
  for (const episode of episodes) {
    if (episode.residential) addResidentialEpisode(own, episode, random);
    else addAmbulatoryEpisode(own, episode, random);
  }
}

function diagnosesOf(ctx: CareContext, random: Random): string[] {
  return [random.weighted(withdrawalDiagnoses), ...(ctx.profile.otherSud ? ['F10.20'] : [])];
}

/**
 * Ambulatory withdrawal management (ASAM 2-WM): HCPCS H0014 once a day, per diem,
 * on one professional claim with a line per service day at place of service 57
 * (non-residential substance abuse treatment facility). The program bills; its
 * addiction medicine physician renders. The directory's opioid treatment programs
 * stand in for the program: adding a kind of provider would change every member.
 */
function addAmbulatoryEpisode(ctx: CareContext, episode: Episode, random: Random): void {
  const program = localOrganization(ctx, 'otp');
  const physician = localPractitioner(ctx, 'addiction medicine');
  ctx.builder.professional({
    day: episode.start,
    diagnoses: diagnosesOf(ctx, random),
    renderingNpi: physician.npi,
    billingNpi: program.npi,
    cost: 'deductible',
    random,
    lines: Array.from({ length: episode.days }, (_, offset) => ({
      procedureCode: 'H0014',
      placeOfService: '57',
      offset,
    })),
  });
}

/**
 * Residential withdrawal management on a UB-04: bill type 861 (residential
 * facility, admit through discharge), room and board detox per night — 0126
 * with H0010 (sub-acute, clinically managed, ASAM 3.2-WM) or, for a quarter,
 * 0136 with H0011 (acute, medically monitored, ASAM 3.7-WM) — and the pharmacy.
 * Setting "outpatient" because CSV ingest (and the CARIN subtype) call every
 * bill type but 11x outpatient, as for hospice (81x); no admission type, which
 * the UB-04 asks of hospital inpatients only, so no stay looks like an emergency.
 */
function addResidentialEpisode(ctx: CareContext, episode: Episode, random: Random): void {
  const acute = random.chance(0.25);
  const facility = localOrganization(ctx, 'otp');
  // Nights billed up to the as-of date (or a fatal-looking overdose), as the claim's end is.
  const nights = Math.min(episode.start + episode.days, ctx.builder.lastDay) - episode.start;
  if (nights < 1) return;
  ctx.builder.institutional({
    setting: 'outpatient',
    startDay: episode.start,
    endDay: episode.start + nights,
    billType: '861',
    diagnoses: diagnosesOf(ctx, random),
    facilityNpi: facility.npi,
    attendingNpi: localPractitioner(ctx, 'addiction medicine').npi,
    random,
    lines: [
      { revenueCode: acute ? '0136' : '0126', procedureCode: acute ? 'H0011' : 'H0010', units: nights },
      { revenueCode: '0250', units: 1 },
    ],
  });
}
