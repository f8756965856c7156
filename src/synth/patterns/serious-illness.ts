import { type CareContext, localOrganization, localPractitioner } from '../care-context.ts';
import { endOfMonth } from '../dates.ts';
import { addEmergency } from './emergencies.ts';

/** Cancer care: oncology visits and chemotherapy infusions for months after diagnosis (a PQA exclusion). */
export function addCancer(ctx: CareContext): void {
  const { random, builder, profile } = ctx;
  const cancer = profile.cancer;
  if (!cancer) return;
  const oncologist = localPractitioner(ctx, 'oncology');
  for (let i = 0; i < random.int(4, 10); i++) {
    const day = cancer.onset + i * random.int(21, 45);
    builder.professional({
      day,
      diagnoses: [cancer.code],
      renderingNpi: oncologist.npi,
      lines: [{ procedureCode: '99214', placeOfService: '11' }],
    });
    if (i < 6 && random.chance(0.6)) {
      builder.institutional({
        setting: 'outpatient',
        startDay: day,
        endDay: day,
        billType: '131',
        diagnoses: [cancer.code, 'Z51.11'],
        facilityNpi: ctx.hospital.npi,
        lines: [
          { revenueCode: '0335', procedureCode: '96413' },
          { revenueCode: '0636', procedureCode: 'J9267', units: 3 },
        ],
      });
    }
  }
}

/** Near-miss codes that must not exclude: skin cancer C44 and sickle-cell trait D57.3. */
export function addNearMissCodes(ctx: CareContext): void {
  const { random, builder, profile } = ctx;
  if (profile.skinCancer) {
    builder.professional({
      day: random.int(ctx.windowStart, ctx.asOf),
      diagnoses: ['C44.91'],
      renderingNpi: ctx.pcp.npi,
      lines: [{ procedureCode: '99213', placeOfService: '11' }],
    });
  }
  if (profile.sickleTrait) {
    builder.professional({
      day: random.int(ctx.windowStart, ctx.asOf),
      diagnoses: ['D57.3'],
      renderingNpi: ctx.pcp.npi,
      lines: [{ procedureCode: '99213', placeOfService: '11' }],
    });
  }
}

/** Sickle-cell disease: hematology visits and pain crises in the ED (a PQA exclusion). */
export function addSickleCell(ctx: CareContext): void {
  const { random, builder } = ctx;
  const hematologist = localPractitioner(ctx, 'hematology');
  for (let i = random.int(2, 6); i > 0; i--) {
    builder.professional({
      day: random.int(ctx.windowStart, ctx.asOf),
      diagnoses: ['D57.1'],
      renderingNpi: hematologist.npi,
      lines: [{ procedureCode: '99214', placeOfService: '11' }],
    });
  }
  for (let i = random.int(1, 3); i > 0; i--) {
    addEmergency(ctx, random.int(ctx.windowStart, ctx.asOf), ['D57.00'], { admitted: random.chance(0.4) });
  }
}

/**
 * Hospice: a palliative-care visit (Z51.5), then monthly hospice claims (bill
 * type 081x, revenue 0651, HCPCS Q5001) until coverage ends with the stay.
 */
export function addHospice(ctx: CareContext): void {
  const { random, builder, profile } = ctx;
  const start = random.int(ctx.windowStart, ctx.asOf);
  const diagnosis = profile.cancer?.code ?? random.pick(['I50.9', 'J44.9', 'G30.9']);
  builder.professional({
    day: start,
    diagnoses: [diagnosis, 'Z51.5'],
    renderingNpi: ctx.pcp.npi,
    lines: [{ procedureCode: '99214', placeOfService: '11' }],
  });
  const hospice = localOrganization(ctx, 'hospice');
  const months = random.int(1, 6);
  let day = start + 3;
  for (let i = 0; i < months && day <= ctx.asOf; i++) {
    const end = Math.min(endOfMonth(day), ctx.asOf);
    builder.institutional({
      setting: 'outpatient',
      startDay: day,
      endDay: end,
      billType: i === 0 ? '812' : '813',
      diagnoses: [diagnosis],
      facilityNpi: hospice.npi,
      lines: [{ revenueCode: '0651', procedureCode: 'Q5001', units: end - day + 1 }],
    });
    day = end + 1;
  }
  if (day <= ctx.asOf) {
    // The stay ended with the member's death: no claims afterwards, coverage ends that month.
    builder.lastDay = Math.min(builder.lastDay, day);
    const month = endOfMonth(day);
    builder.member.spans = builder.member.spans
      .filter((s) => s.start <= day)
      .map((s) => (s.end > month ? { ...s, end: month } : s));
  }
}
