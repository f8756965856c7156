import {
  builtinDrugs,
  diagnosisSets,
  edVisit,
  factorFor,
  focusMarkets,
  inCodeSet,
} from '../reference/index.ts';
import type { MemberRecords } from './generate-member.ts';
import type { MedicalClaim, PharmacyClaim } from './model.ts';
import { isDetoxLine } from './population-tally.ts';

/**
 * Yearly rates of a generated population, measured on its claims over
 * the last 365 days before the as-of date, so tests
 * and the report can compare the generator with the plan it imitates.
 * Simplified on purpose: original claim versions, reversed ones dropped.
 */
export interface PopulationRates {
  members: number;
  claimLinesPerMember: number;
  opioidUserShare: number;
  longTermOpioidShare: number;
  highMmeShareOfUsers: number;
  benzoOverlapShareOfUsers: number;
  shoppingShareOfUsers: number;
  oudShare: number;
  moudShareOfOud: number;
  edVisitsPer100: number;
  overdosesPer1000: number;
  /** Members with a withdrawal management (detox) service in the year, per 1,000. */
  detoxPer1000: number;
  focusMarketShare: number;
  commercialShare: number;
  /**
   * Members who look like worklist members (RISK-RULES §7, approximated:
   * eligible commercial focus-market member on the as-of date, an emergency in
   * the last 90 days, a risk factor; exclusions ignored).
   */
  worklistLike: number;
}

const drugByNdc = new Map(builtinDrugs.map((d) => [d.ndc, d]));
const edProcedures = new Set<string>(edVisit.procedureCodes);
const edRevenue = new Set<string>(edVisit.revenueCodes);
const focus = new Set<string>(focusMarkets);

function dailyMme(fill: PharmacyClaim): number {
  const drug = drugByNdc.get(fill.ndc);
  if (drug?.drugClass !== 'opioid_analgesic') return 0;
  const factor = factorFor('cdc-2022', drug.ingredient, drug.routeGroup) ?? 0;
  return (drug.strength * fill.quantity * factor) / fill.daysSupply;
}

function classOf(fill: PharmacyClaim): string | null {
  return drugByNdc.get(fill.ndc)?.drugClass ?? null;
}

/** Accumulates one member at a time; `result()` gives the rates. */
export class RateMeter {
  private members = 0;
  private lines = 0;
  private opioidUsers = 0;
  private longTerm = 0;
  private highMme = 0;
  private benzoOverlap = 0;
  private shopping = 0;
  private oud = 0;
  private moudOfOud = 0;
  private edVisits = 0;
  private overdoses = 0;
  private detox = 0;
  private focusMembers = 0;
  private commercial = 0;
  private worklistLike = 0;

  constructor(private readonly asOf: number) {}

  /** Adds one member's records. */
  add({ member, claims }: MemberRecords): void {
    const from365 = this.asOf - 364;
    const from180 = this.asOf - 179;
    this.members++;
    if (focus.has(member.market)) this.focusMembers++;
    if (member.spans[0]?.plan.lineOfBusiness === 'commercial') this.commercial++;
    const current = claims.filter(
      (c) => c.version === 1 && !claims.some((d) => d.version > 1 && d.reversed && d.claimId === c.claimId),
    );
    const fills = current.filter((c): c is PharmacyClaim => c.kind === 'pharmacy');
    const medical = current.filter((c): c is MedicalClaim => c.kind === 'medical');
    this.lines += fills.length + medical.reduce((n, c) => n + c.lines.length, 0);
    const opioids = fills.filter((f) => classOf(f) === 'opioid_analgesic');
    const year = opioids.filter((f) => f.fillDay >= from365 && f.fillDay <= this.asOf);
    const mmeByDay = new Map<number, number>();
    const benzoDays = new Set<number>();
    for (const f of opioids) {
      for (let d = f.fillDay; d < f.fillDay + f.daysSupply; d++) {
        if (d >= from365 && d <= this.asOf) mmeByDay.set(d, (mmeByDay.get(d) ?? 0) + dailyMme(f));
      }
    }
    for (const f of fills.filter((x) => classOf(x) === 'benzodiazepine')) {
      for (let d = f.fillDay; d < f.fillDay + f.daysSupply; d++) benzoDays.add(d);
    }
    if (year.length > 0) {
      this.opioidUsers++;
      const total = [...mmeByDay.values()].reduce((a, b) => a + b, 0);
      if (total / mmeByDay.size >= 90) this.highMme++;
      if ([...mmeByDay.keys()].filter((d) => benzoDays.has(d)).length >= 30) this.benzoOverlap++;
      const recent = year.filter((f) => f.fillDay >= from180);
      if (
        new Set(recent.map((f) => f.prescriberNpi)).size >= 4 &&
        new Set(recent.map((f) => f.pharmacyNpi)).size >= 4
      ) {
        this.shopping++;
      }
    }
    if ([...mmeByDay.keys()].filter((d) => d >= from180).length >= 90) this.longTerm++;
    const inYear = medical.filter((c) => c.startDay >= from365 && c.startDay <= this.asOf);
    const hasOud = inYear.some((c) => c.diagnoses.some((d) => inCodeSet(diagnosisSets.oud, d)));
    if (hasOud) {
      this.oud++;
      const moud = fills.some(
        (f) => f.fillDay >= from365 && ['buprenorphine', 'naltrexone'].includes(classOf(f) ?? ''),
      );
      const otp = inYear.some((c) =>
        c.lines.some((l) => l.procedureCode === 'G2067' || l.procedureCode === 'H0020'),
      );
      if (moud || otp) this.moudOfOud++;
    }
    const edDays = new Set<number>();
    const overdoseDays = new Set<number>();
    for (const c of inYear) {
      if (
        c.lines.some(
          (l) =>
            edRevenue.has(l.revenueCode ?? '') ||
            edProcedures.has(l.procedureCode ?? '') ||
            l.placeOfService === '23',
        )
      ) {
        edDays.add(c.startDay);
      }
      if (c.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d))) overdoseDays.add(c.startDay);
    }
    this.edVisits += edDays.size;
    this.overdoses += overdoseDays.size;
    if (inYear.some((c) => c.lines.some(isDetoxLine))) this.detox++;
    const span = member.spans.find((x) => x.start <= this.asOf && this.asOf <= x.end);
    if (span?.plan.lineOfBusiness !== 'commercial' || !focus.has(member.market)) return;
    const l90 = this.asOf - 89;
    const emergency = medical.some(
      (c) =>
        c.startDay >= l90 &&
        c.startDay <= this.asOf &&
        (c.admissionType === '1' ||
          c.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d)) ||
          c.lines.some(
            (l) =>
              edRevenue.has(l.revenueCode ?? '') ||
              edProcedures.has(l.procedureCode ?? '') ||
              l.placeOfService === '23' ||
              ['A0427', 'A0429', 'A0433', 'A0434'].includes(l.procedureCode ?? ''),
          )),
    );
    if (!emergency) return;
    const w180Fills = opioids.filter((f) => f.fillDay >= from180 && f.fillDay <= this.asOf);
    const days180 = [...mmeByDay.entries()].filter(([d]) => d >= from180);
    const avg180 = days180.reduce((a, [, m]) => a + m, 0) / Math.max(1, days180.length);
    const riskFactor =
      hasOud ||
      inYear.some((c) =>
        c.diagnoses.some(
          (d) => inCodeSet(diagnosisSets.opioidOverdose, d) || inCodeSet(diagnosisSets.otherSud, d),
        ),
      ) ||
      days180.length >= 90 ||
      (w180Fills.length >= 2 && avg180 >= 90) ||
      (w180Fills.length >= 2 && days180.filter(([d]) => benzoDays.has(d)).length >= 30) ||
      (new Set(w180Fills.map((f) => f.prescriberNpi)).size >= 4 &&
        new Set(w180Fills.map((f) => f.pharmacyNpi)).size >= 4);
    if (riskFactor) this.worklistLike++;
  }

  /** The rates so far. */
  result(): PopulationRates {
    const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
    return {
      members: this.members,
      claimLinesPerMember: share(this.lines, this.members),
      opioidUserShare: share(this.opioidUsers, this.members),
      longTermOpioidShare: share(this.longTerm, this.members),
      highMmeShareOfUsers: share(this.highMme, this.opioidUsers),
      benzoOverlapShareOfUsers: share(this.benzoOverlap, this.opioidUsers),
      shoppingShareOfUsers: share(this.shopping, this.opioidUsers),
      oudShare: share(this.oud, this.members),
      moudShareOfOud: share(this.moudOfOud, this.oud),
      edVisitsPer100: 100 * share(this.edVisits, this.members),
      overdosesPer1000: 1000 * share(this.overdoses, this.members),
      detoxPer1000: 1000 * share(this.detox, this.members),
      focusMarketShare: share(this.focusMembers, this.members),
      commercialShare: share(this.commercial, this.members),
      worklistLike: this.worklistLike,
    };
  }
}
