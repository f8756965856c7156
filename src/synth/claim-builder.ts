import { yearOf } from './dates.ts';
import type { Amounts, EnrollmentSpan, MedicalClaim, MedicalLine, Member, PharmacyClaim } from './model.ts';
import { type CostShareKind, DeductibleTracker } from './plans.ts';
import { basePrice } from './prices.ts';
import type { Random } from './prng.ts';

export interface LineInput {
  procedureCode?: string;
  revenueCode?: string;
  placeOfService?: string;
  units?: number;
  /** Days after the claim start (institutional stays, a professional claim's later service days); default 0. */
  offset?: number;
}

/** What a pattern with its own random stream (prng.ts lanes) passes so the claim draws from it. */
export interface OwnStream {
  /**
   * Prices, paid date and id come from this stream, and the claim is numbered after the
   * member's other claims: the other claims keep their ids, dates and later copies.
   */
  random?: Random;
}

export interface ProfessionalInput extends OwnStream {
  day: number;
  diagnoses: string[];
  lines: LineInput[];
  renderingNpi: string;
  billingNpi?: string;
  cost?: CostShareKind;
}

export interface InstitutionalInput extends OwnStream {
  setting: 'inpatient' | 'outpatient';
  startDay: number;
  endDay: number;
  admissionType?: string;
  billType: string;
  diagnoses: string[];
  lines: LineInput[];
  facilityNpi: string;
  attendingNpi?: string;
  cost?: CostShareKind;
}

export interface FillInput {
  day: number;
  ndc: string;
  quantity: number;
  daysSupply: number;
  prescriberNpi: string;
  pharmacyNpi: string;
  /** Allowed amount in cents. */
  price: number;
  brand?: boolean;
}

interface Pending {
  claim: MedicalClaim | PharmacyClaim;
  cost: CostShareKind;
  order: number;
  random: Random | null;
}

const zero: Amounts = { charge: 0, allowed: 0, paid: 0, deductible: 0, copay: 0, coinsurance: 0 };

/**
 * Collects one member's claims while the patterns run, dropping any that fall
 * outside coverage, after the as-of date or after a fatal-looking event, then
 * dates them, numbers them and prices them in service order.
 */
export class ClaimBuilder {
  private readonly pending: Pending[] = [];
  private readonly ownStreams = new Map<MedicalClaim | PharmacyClaim, Random>();
  private order = 0;
  /** No claims on or after this day (fatal-looking overdose, hospice death). */
  lastDay: number;

  constructor(
    readonly member: Member,
    private readonly random: Random,
    readonly windowStart: number,
    readonly asOf: number,
  ) {
    this.lastDay = asOf;
  }

  /** The enrollment span covering a day, or null. */
  spanOn(day: number): EnrollmentSpan | null {
    for (const span of this.member.spans) if (span.start <= day && day <= span.end) return span;
    return null;
  }

  /** Whether a claim on this day would be kept. */
  canBill(day: number): boolean {
    return day >= this.windowStart && day <= this.lastDay && this.spanOn(day) !== null;
  }

  /** Adds a professional (CMS-1500) claim; false when the day is not billable. */
  professional(input: ProfessionalInput): boolean {
    const span = this.spanOn(input.day);
    if (!span || !this.canBill(input.day)) return false;
    const random = input.random ?? this.random;
    // Later service days (a per diem week) only while billable: coverage or life may end first.
    const lines = input.lines
      .map((l) => ({ l, day: input.day + (l.offset ?? 0) }))
      .filter(({ day }) => this.canBill(day))
      .map(({ l, day }) => this.line(day, day, l, input.renderingNpi, random));
    this.push(
      {
        kind: 'medical',
        claimId: '',
        claimType: 'professional',
        setting: null,
        startDay: input.day,
        endDay: lines.reduce((end, l) => Math.max(end, l.serviceDay), input.day),
        admissionType: null,
        billType: null,
        billingNpi: input.billingNpi ?? input.renderingNpi,
        diagnoses: input.diagnoses,
        lines,
        paidDay: 0,
        reversed: false,
        version: 1,
        plan: span.plan,
        coverageId: '',
      },
      input.cost ?? 'office',
      input.random,
    );
    return true;
  }

  /** Adds an institutional (UB-04) claim; false when the start day is not billable. */
  institutional(input: InstitutionalInput): boolean {
    const span = this.spanOn(input.startDay);
    if (!span || !this.canBill(input.startDay)) return false;
    const endDay = Math.min(input.endDay, this.lastDay);
    const random = input.random ?? this.random;
    const lines = input.lines.map((l) => {
      const day = Math.min(input.startDay + (l.offset ?? 0), endDay);
      // Room and board (revenue 01xx: 0120 semi-private, 0126 semi-private detox…) spans the stay.
      const roomAndBoard = l.revenueCode?.startsWith('01') ?? false;
      return this.line(day, roomAndBoard ? endDay : day, l, input.attendingNpi ?? null, random);
    });
    this.push(
      {
        kind: 'medical',
        claimId: '',
        claimType: 'institutional',
        setting: input.setting,
        startDay: input.startDay,
        endDay,
        admissionType: input.admissionType ?? null,
        billType: input.billType,
        billingNpi: input.facilityNpi,
        diagnoses: input.diagnoses,
        lines,
        paidDay: 0,
        reversed: false,
        version: 1,
        plan: span.plan,
        coverageId: '',
      },
      input.cost ?? 'deductible',
      input.random,
    );
    return true;
  }

  /** Adds a pharmacy claim; false when the fill day is not billable. */
  fill(input: FillInput): boolean {
    const span = this.spanOn(input.day);
    if (!span || !this.canBill(input.day)) return false;
    this.push(
      {
        kind: 'pharmacy',
        claimId: '',
        fillDay: input.day,
        ndc: input.ndc,
        quantity: input.quantity,
        daysSupply: input.daysSupply,
        prescriberNpi: input.prescriberNpi,
        pharmacyNpi: input.pharmacyNpi,
        amounts: { ...zero, allowed: input.price },
        paidDay: 0,
        reversed: false,
        version: 1,
        plan: span.plan,
        coverageId: '',
      },
      input.brand ? 'rx-brand' : 'rx-generic',
    );
    return true;
  }

  private line(
    day: number,
    endDay: number,
    input: LineInput,
    renderingNpi: string | null,
    random: Random,
  ): MedicalLine {
    const units = input.units ?? 1;
    const price = basePrice(input.procedureCode ?? null, input.revenueCode ?? null);
    const allowed = Math.round(price * units * (0.85 + random.next() * 0.3));
    return {
      serviceDay: day,
      endDay,
      procedureCode: input.procedureCode ?? null,
      revenueCode: input.revenueCode ?? null,
      placeOfService: input.placeOfService ?? null,
      units,
      renderingNpi,
      amounts: { ...zero, allowed },
    };
  }

  private push(claim: MedicalClaim | PharmacyClaim, cost: CostShareKind, random?: Random): void {
    this.pending.push({ claim, cost, order: this.order++, random: random ?? null });
    if (random) this.ownStreams.set(claim, random);
  }

  /** The stream a claim draws from: its pattern's own, else the member's (laterCopies uses it too). */
  streamOf(claim: MedicalClaim | PharmacyClaim): Random {
    return this.ownStreams.get(claim) ?? this.random;
  }

  /**
   * The member's claims in service order, each with its id, paid date, coverage
   * and amounts (deductible spent in date order). Claims after `lastDay` drop.
   * Claims with their own stream draw from it and are numbered last, so adding
   * them changes no other claim's id or draws (only the deductible left, which
   * is spent in date order).
   */
  finish(): Array<MedicalClaim | PharmacyClaim> {
    const dayOf = (c: MedicalClaim | PharmacyClaim) => (c.kind === 'pharmacy' ? c.fillDay : c.startDay);
    const kept = this.pending.filter((p) => dayOf(p.claim) <= this.lastDay);
    kept.sort((a, b) => dayOf(a.claim) - dayOf(b.claim) || a.order - b.order);
    const tracker = new DeductibleTracker();
    let medical = 0;
    let pharmacy = 0;
    const seq = String(this.member.seq).padStart(8, '0');
    for (const { claim } of [...kept.filter((p) => !p.random), ...kept.filter((p) => p.random)]) {
      if (claim.kind === 'pharmacy') claim.claimId = `RX${seq}${String(++pharmacy).padStart(4, '0')}`;
      else claim.claimId = `MC${seq}${String(++medical).padStart(4, '0')}`;
    }
    return kept.map(({ claim, cost, random: own }) => {
      const random = own ?? this.random;
      const day = dayOf(claim);
      const year = yearOf(day);
      claim.paidDay = Math.min(this.asOf, day + random.int(7, 35));
      const span = this.spanOn(day);
      claim.coverageId = `cov-${this.member.memberId}-${span ? this.member.spans.indexOf(span) + 1 : 1}`;
      const markup = 1.6 + random.next();
      if (claim.kind === 'pharmacy') {
        const allowed = claim.amounts.allowed;
        claim.amounts = tracker.share(claim.plan, year, cost, allowed, Math.round(allowed * markup));
      } else {
        claim.lines.forEach((line, i) => {
          // A visit's copay applies once, to its first line; the rest go to the deductible.
          const kind = i === 0 || cost === 'deductible' ? cost : 'deductible';
          const allowed = line.amounts.allowed;
          line.amounts = tracker.share(claim.plan, year, kind, allowed, Math.round(allowed * markup));
        });
      }
      return claim;
    });
  }
}
