import { marketOf } from '../reference/index.ts';
import { endOfMonth, endOfYear, formatDay, parseDay } from './dates.ts';
import { marketWeights, type Place, places, placesByMarket, streetNames } from './geography.ts';
import type { EnrollmentSpan, LineOfBusiness, Member, Plan } from './model.ts';
import { familyNames, givenNames } from './names.ts';
import { commercialPlanWeights, lineOfBusinessWeights, medicarePlanWeights, planNamed } from './plans.ts';
import type { Random } from './prng.ts';

export interface BuiltMember {
  member: Member;
  /** Index into `places`. */
  placeIndex: number;
  age: number;
}

const focusShare = 0.6;
/** Addresses in a county-coded place that arrive without the county, so ZIP or state decides the market. */
const noCountyShare = 0.15;

function firstOfMonth(day: number): number {
  return parseDay(`${formatDay(day).slice(0, 7)}-01`);
}

function pickPlan(random: Random, lob: LineOfBusiness): Plan {
  if (lob === 'medicare') return planNamed(random.weighted(medicarePlanWeights));
  if (lob === 'medicaid') return planNamed('CKP-MCD-HMO-800');
  return planNamed(random.weighted(commercialPlanWeights));
}

/**
 * Enrollment over the window: most members covered throughout (through the end
 * of the as-of year), some joining, some leaving, some with a gap, some
 * changing plans at a plan-year boundary.
 */
function buildSpans(
  random: Random,
  lob: LineOfBusiness,
  windowStart: number,
  asOf: number,
): EnrollmentSpan[] {
  const planYearEnd = endOfYear(asOf);
  const earliest = firstOfMonth(windowStart - random.int(0, 1500));
  const plan = pickPlan(random, lob);
  const shape = random.weighted([
    ['throughout', 0.74],
    ['joined', 0.1],
    ['left', 0.07],
    ['gap', 0.04],
    ['switched', 0.05],
  ] as const);
  const monthIn = () => firstOfMonth(windowStart + random.int(30, 700));
  if (shape === 'joined') return [{ start: Math.min(monthIn(), firstOfMonth(asOf)), end: planYearEnd, plan }];
  if (shape === 'left') return [{ start: earliest, end: endOfMonth(monthIn()), plan }];
  if (shape === 'gap') {
    const gapStart = monthIn();
    const gapEnd = firstOfMonth(gapStart + random.int(35, 130));
    if (gapEnd > asOf) return [{ start: earliest, end: gapStart - 1, plan }];
    return [
      { start: earliest, end: gapStart - 1, plan },
      { start: gapEnd, end: planYearEnd, plan: random.chance(0.5) ? plan : pickPlan(random, lob) },
    ];
  }
  if (shape === 'switched') {
    const boundary = endOfYear(windowStart + random.int(0, 364));
    const next = pickPlan(random, lob);
    if (next.planId === plan.planId || boundary >= asOf) return [{ start: earliest, end: planYearEnd, plan }];
    return [
      { start: earliest, end: boundary, plan },
      { start: boundary + 1, end: planYearEnd, plan: next },
    ];
  }
  return [{ start: earliest, end: planYearEnd, plan }];
}

function pickPlace(random: Random): number {
  const market = random.chance(focusShare) ? random.weighted(marketWeights) : 'other';
  const candidates = placesByMarket.get(market) ?? [];
  const place = random.pick(candidates) as Place;
  return places.indexOf(place);
}

/** Draws one member: demographics, an obviously synthetic name, phone and address, and enrollment spans. */
export function buildMember(random: Random, seq: number, windowStart: number, asOf: number): BuiltMember {
  const lob = random.weighted(lineOfBusinessWeights);
  const age =
    lob === 'medicare'
      ? random.int(65, 92)
      : random.chance(0.2)
        ? random.int(0, 17)
        : random.chance(0.5)
          ? random.int(18, 44)
          : random.int(45, 64);
  const gender = random.chance(0.51) ? 'female' : 'male';
  const birthDay = asOf - age * 365 - random.int(0, 364);
  const placeIndex = pickPlace(random);
  const place = places[placeIndex] as Place;
  const zip = random.pick(place.zips);
  const countyFips = random.chance(noCountyShare) ? null : place.countyFips;
  const member: Member = {
    seq,
    memberId: `M${String(seq).padStart(8, '0')}`,
    personId: `P${String(seq).padStart(8, '0')}`,
    firstName: random.pick(givenNames[gender]),
    lastName: random.pick(familyNames),
    gender,
    birthDay,
    phone: `${place.areaCode}-555-01${String(random.int(0, 99)).padStart(2, '0')}`,
    addressLine: `${random.int(1, 999)} ${random.pick(streetNames)}${random.chance(0.3) ? ` Apt ${random.int(1, 30)}` : ''}`,
    city: place.city,
    state: place.state,
    zip,
    countyFips,
    market: marketOf({ countyFips, zip, state: place.state }),
    spans: buildSpans(random, lob, windowStart, asOf),
  };
  return { member, placeIndex, age };
}
