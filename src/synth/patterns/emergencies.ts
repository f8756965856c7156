import { type CareContext, localOrganization, localPractitioner } from '../care-context.ts';

/** Everyday reasons for an ED visit: most visits have nothing to do with opioids. */
const everydayEdDiagnoses: readonly string[] = [
  'R07.9',
  'R10.9',
  'S93.401A',
  'J06.9',
  'N39.0',
  'R51.9',
  'S61.411A',
  'R55',
  'M54.50',
  'K52.9',
  'S06.0X0A',
  'R11.2',
  'J45.901',
  'T78.40XA',
  'S52.501A',
];

export interface EmergencyOptions {
  ambulance?: boolean;
  admitted?: boolean;
  acuity?: 3 | 4 | 5;
}

/**
 * One emergency: an ambulance run (professional claim, POS 41), then either an
 * ED visit (outpatient UB-04 with revenue 0450 and a 9928x line, plus the ED
 * physician's claim at POS 23) or an emergency admission (inpatient, admission
 * type 1, with the ED revenue line).
 */
export function addEmergency(
  ctx: CareContext,
  day: number,
  diagnoses: string[],
  options: EmergencyOptions = {},
): void {
  const { builder, random } = ctx;
  const acuity =
    options.acuity ??
    random.weighted([
      [3, 0.45],
      [4, 0.4],
      [5, 0.15],
    ] as const);
  const edCode = `9928${acuity}`;
  const edDoctor = localPractitioner(ctx, 'emergency medicine');
  if (options.ambulance) {
    const ambulance = localOrganization(ctx, 'ambulance');
    builder.professional({
      day,
      diagnoses,
      renderingNpi: ambulance.npi,
      cost: 'deductible',
      lines: [
        { procedureCode: acuity === 5 ? 'A0427' : 'A0429', placeOfService: '41' },
        { procedureCode: 'A0425', placeOfService: '41', units: random.int(2, 14) },
      ],
    });
  }
  builder.professional({
    day,
    diagnoses,
    renderingNpi: edDoctor.npi,
    cost: 'ed',
    lines: [{ procedureCode: edCode, placeOfService: '23' }],
  });
  if (options.admitted) {
    const stay = random.int(1, 6);
    builder.institutional({
      setting: 'inpatient',
      startDay: day,
      endDay: day + stay,
      admissionType: '1',
      billType: '111',
      diagnoses,
      facilityNpi: ctx.hospital.npi,
      attendingNpi: localPractitioner(ctx, 'family medicine').npi,
      lines: [
        { revenueCode: '0450', procedureCode: edCode },
        { revenueCode: '0120', units: stay },
        { revenueCode: '0250', units: 1 },
        { revenueCode: '0300', units: 1 },
      ],
    });
    return;
  }
  builder.institutional({
    setting: 'outpatient',
    startDay: day,
    endDay: day,
    billType: '131',
    diagnoses,
    facilityNpi: ctx.hospital.npi,
    cost: 'ed',
    lines: [
      { revenueCode: '0450', procedureCode: edCode },
      ...(random.chance(0.6) ? [{ revenueCode: '0300', procedureCode: '80053' }] : []),
      ...(random.chance(0.4) ? [{ revenueCode: '0320', procedureCode: '71046' }] : []),
    ],
  });
}

/** ED visits at 15–25 per 100 members a year, scaled by the member's ED multiplier; a few admitted. */
export function addEverydayEmergencies(ctx: CareContext): void {
  const { random, profile } = ctx;
  const years = (ctx.asOf - ctx.windowStart + 1) / 365;
  const visits = random.poisson(0.19 * profile.edMultiplier * years);
  for (let i = 0; i < visits; i++) {
    const day = random.int(ctx.windowStart, ctx.asOf);
    const diagnoses = [random.pick(everydayEdDiagnoses)];
    if (profile.oud && random.chance(0.35)) diagnoses.unshift(random.pick(['F11.23', 'F11.20', 'F11.129']));
    else if (profile.otherSud && random.chance(0.3))
      diagnoses.unshift(random.pick(['F10.129', 'F10.239', 'F14.20']));
    else if (profile.sickleCell && random.chance(0.6)) diagnoses.unshift('D57.00');
    else if (profile.chronic && random.chance(0.05)) diagnoses.push('T40.2X5A'); // adverse effect: not an overdose
    if (profile.oud || profile.chronic) diagnoses.push('Z79.891');
    addEmergency(ctx, day, diagnoses, {
      ambulance: random.chance(0.12),
      admitted: random.chance(ctx.age >= 65 ? 0.2 : 0.08),
    });
  }
  // Planned admissions (type 3, elective): not emergencies, a trap for the emergency-admission rule.
  if (random.chance(0.02 * years)) {
    const day = random.int(ctx.windowStart, ctx.asOf);
    const stay = random.int(1, 4);
    ctx.builder.institutional({
      setting: 'inpatient',
      startDay: day,
      endDay: day + stay,
      admissionType: '3',
      billType: '111',
      diagnoses: ['M17.11'],
      facilityNpi: ctx.hospital.npi,
      attendingNpi: localPractitioner(ctx, 'orthopedic surgery').npi,
      lines: [
        { revenueCode: '0360', procedureCode: '27447' },
        { revenueCode: '0120', units: stay },
        { revenueCode: '0250' },
      ],
    });
  }
}
