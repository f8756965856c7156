import { anyPlaceProvider, type CareContext, localOrganization, localPractitioner } from '../care-context.ts';
import type { Provider } from '../model.ts';
import type { Specialty } from '../providers.ts';
import { fillProduct } from './drug-fill.ts';

type Regimen = readonly (readonly [key: string, perDay: number])[];

/** Daily doses for long-term therapy; the comment gives the CDC 2022 daily MME. */
const usualRegimens: readonly Regimen[] = [
  [['hydrocodone-apap-10-325', 4]], // 40
  [['oxycodone-ir-10', 3]], // 45
  [['tramadol-50', 4]], // 40
  [['oxycodone-ir-5', 4]], // 30
  [
    ['morphine-er-15', 2],
    ['oxycodone-ir-5', 2],
  ], // 30 + 15
  [['tapentadol-50', 4]], // 80
  [['hydrocodone-apap-7.5-325', 4]], // 30
  [['codeine-apap-300-30', 4]], // 18
  [['fentanyl-patch-12', 1 / 3]], // 28.8
];

const highRegimens: readonly Regimen[] = [
  [
    ['oxycodone-er-40', 2],
    ['oxycodone-ir-10', 3],
  ], // 120 + 45
  [['fentanyl-patch-50', 1 / 3]], // 120
  [
    ['morphine-er-30', 3],
    ['morphine-ir-15', 2],
  ], // 90 + 30
  [['methadone-10', 3]], // 141
  [['hydromorphone-4', 5]], // 100
  [
    ['oxymorphone-er-10', 2],
    ['oxymorphone-ir-5', 3],
  ], // 60 + 45
  [['oxycodone-ir-30', 4]], // 180
  [['oxycodone-ir-15', 5]], // 112.5
  [['fentanyl-patch-75', 1 / 3]], // 180
  [['methadone-solution-2-per-ml', 15]], // 141
];

const acuteProducts = [
  ['hydrocodone-apap-5-325', 0.4],
  ['oxycodone-ir-5', 0.25],
  ['tramadol-50', 0.2],
  ['codeine-apap-300-30', 0.1],
  ['oxycodone-ir-10', 0.05],
] as const;

const benzoProducts = [
  ['alprazolam-0.5', 3],
  ['alprazolam-1', 2],
  ['lorazepam-1', 2],
  ['clonazepam-1', 2],
  ['diazepam-5', 2],
] as const;

function otherPharmacy(ctx: CareContext): Provider {
  return ctx.random.chance(0.92) ? ctx.pharmacy : localOrganization(ctx, 'pharmacy');
}

/** Short fills after dental work, surgery or an injury: 3–14 days, sometimes one refill. */
export function addAcuteOpioids(ctx: CareContext): void {
  const { random, builder } = ctx;
  for (let i = 0; i < ctx.profile.acuteEpisodes; i++) {
    const day = random.int(ctx.windowStart, ctx.asOf);
    const reason = random.weighted([
      ['dental', 0.35],
      ['surgery', 0.35],
      ['injury', 0.3],
    ] as const);
    let prescriber: Provider;
    if (reason === 'dental') prescriber = localPractitioner(ctx, 'dentistry');
    else if (reason === 'surgery') {
      prescriber = localPractitioner(ctx, 'orthopedic surgery');
      builder.institutional({
        setting: 'outpatient',
        startDay: day,
        endDay: day,
        billType: '131',
        diagnoses: ['M23.205'],
        facilityNpi: ctx.hospital.npi,
        lines: [{ revenueCode: '0360', procedureCode: '29881' }],
      });
      builder.professional({
        day,
        diagnoses: ['M23.205'],
        renderingNpi: prescriber.npi,
        cost: 'deductible',
        lines: [{ procedureCode: '29881', placeOfService: '22' }],
      });
    } else {
      prescriber = localPractitioner(ctx, 'orthopedic surgery');
      builder.professional({
        day,
        diagnoses: [random.pick(['S52.501A', 'S82.101A', 'S42.001A'])],
        renderingNpi: prescriber.npi,
        lines: [
          { procedureCode: '99203', placeOfService: '11' },
          { procedureCode: '73610', placeOfService: '11' },
        ],
      });
    }
    const key = random.weighted(acuteProducts);
    const days = random.weighted([
      [3, 0.25],
      [5, 0.3],
      [7, 0.3],
      [10, 0.1],
      [14, 0.05],
    ] as const);
    const perDay = key === 'tramadol-50' ? 4 : random.int(3, 4);
    fillProduct(ctx, key, day + random.int(0, 1), days, perDay, prescriber, otherPharmacy(ctx));
    if (random.chance(0.1))
      fillProduct(ctx, key, day + days + random.int(0, 3), 5, perDay, prescriber, ctx.pharmacy);
  }
}

/** A few weeks to months of back-pain fills from the primary care doctor; some with a benzodiazepine. */
export function addSubacuteOpioids(ctx: CareContext): void {
  const { random, builder } = ctx;
  let day = random.int(ctx.windowStart, ctx.asOf - 30);
  const key = random.pick(['hydrocodone-apap-5-325', 'hydrocodone-apap-7.5-325', 'tramadol-50'] as const);
  const fills = random.int(2, 4);
  const start = day;
  for (let i = 0; i < fills; i++) {
    const days = random.pick([14, 21, 30] as const);
    builder.professional({
      day,
      diagnoses: ['M54.50'],
      renderingNpi: ctx.pcp.npi,
      lines: [{ procedureCode: '99213', placeOfService: '11' }],
    });
    fillProduct(ctx, key, day, days, random.int(3, 4), ctx.pcp, otherPharmacy(ctx));
    day += days + random.int(0, 10);
  }
  if (random.chance(0.4)) addBenzoFills(ctx, start, random.int(2, 3), ctx.pcp);
}

/** Benzodiazepine fills of 30 days in a row from `start`. */
export function addBenzoFills(ctx: CareContext, start: number, fills: number, prescriber: Provider): void {
  const [key, perDay] = ctx.random.pick(benzoProducts);
  let day = start;
  for (let i = 0; i < fills; i++) {
    fillProduct(ctx, key, day, 30, perDay, prescriber, otherPharmacy(ctx));
    day += 30 + ctx.random.int(-3, 4);
  }
}

/**
 * Long-term opioid therapy: fills every 28–30 days from one prescriber, with
 * early refills now and then, some gaps, product switches, tapers, and high
 * daily MME for some; a benzodiazepine alongside for some; naloxone for some.
 */
export function addChronicOpioids(ctx: CareContext): void {
  const { random, profile } = ctx;
  const chronic = profile.chronic;
  if (!chronic) return;
  const pool = chronic.highMme ? highRegimens : usualRegimens;
  let regimen = pool[chronic.regimen % pool.length] ?? usualRegimens[0]!;
  const specialty: Specialty = profile.cancer
    ? 'oncology'
    : profile.sickleCell
      ? 'hematology'
      : 'pain medicine';
  const prescriber = random.chance(0.6) ? localPractitioner(ctx, specialty) : ctx.pcp;
  const taperFrom = chronic.taper ? chronic.start + Math.floor((chronic.end - chronic.start) / 2) : Infinity;
  let scale = 1;
  let day = chronic.start;
  while (day <= Math.min(chronic.end, ctx.asOf)) {
    const days = random.chance(0.85) ? 30 : 28;
    if (day >= taperFrom) scale = Math.max(0.3, scale - random.pick([0.1, 0.15, 0.25]));
    const writer = random.chance(0.05) ? localPractitioner(ctx, 'family medicine') : prescriber;
    if (random.chance(0.35)) {
      // A visit every few months keeps the prescription going.
      ctx.builder.professional({
        day,
        diagnoses: [profile.cancer?.code ?? (profile.sickleCell ? 'D57.1' : 'G89.29'), 'Z79.891'],
        renderingNpi: prescriber.npi,
        lines: [{ procedureCode: '99214', placeOfService: '11' }],
      });
    }
    for (const [key, perDay] of regimen)
      fillProduct(ctx, key, day, days, perDay * scale, writer, otherPharmacy(ctx));
    if (random.chance(0.04)) regimen = random.pick(pool);
    const early = chronic.earlyRefills && random.chance(0.25) ? random.int(2, 7) : 0;
    const late = random.chance(0.06) ? random.int(5, 30) : random.int(0, 2);
    day += days - early + late;
  }
  const from = Math.max(chronic.start, ctx.windowStart);
  if (profile.benzo === 'with-opioid') {
    const benzoStart = random.int(from, Math.max(from, Math.min(chronic.end, ctx.asOf) - 60));
    addBenzoFills(
      ctx,
      benzoStart,
      random.int(3, 12),
      random.chance(0.5) ? prescriber : localPractitioner(ctx, 'psychiatry'),
    );
  }
  if (profile.naloxone) {
    fillProduct(
      ctx,
      'naloxone-nasal-4',
      random.int(from, Math.min(chronic.end, ctx.asOf)),
      30,
      2 / 30,
      prescriber,
      ctx.pharmacy,
    );
  }
}

/**
 * Doctor and pharmacy shopping: over about five months, overlapping short fills
 * from four to seven prescribers at four to six pharmacies across the region.
 */
export function addShopping(ctx: CareContext): void {
  const { random } = ctx;
  const start = random.int(ctx.asOf - 330, ctx.asOf - 40);
  const specialties: Specialty[] = [
    'emergency medicine',
    'dentistry',
    'family medicine',
    'orthopedic surgery',
  ];
  const prescribers = Array.from({ length: random.int(4, 7) }, (_, i) =>
    anyPlaceProvider(ctx, specialties[i % specialties.length] ?? 'family medicine'),
  );
  const pharmacies = Array.from({ length: random.int(4, 6) }, () => anyPlaceProvider(ctx, 'pharmacy'));
  const fills = random.int(Math.max(prescribers.length, pharmacies.length), 12);
  let day = start;
  for (let i = 0; i < fills; i++) {
    const key = random.pick(['oxycodone-ir-10', 'hydrocodone-apap-10-325', 'oxycodone-ir-15'] as const);
    const days = random.pick([7, 10, 15] as const);
    fillProduct(
      ctx,
      key,
      day,
      days,
      random.int(4, 6),
      prescribers[i % prescribers.length] as Provider,
      pharmacies[i % pharmacies.length] as Provider,
    );
    day += random.int(5, 16);
  }
}

/** Benzodiazepine users with no opioid: anxiety and insomnia fills. */
export function addBenzoAlone(ctx: CareContext): void {
  const start = ctx.random.int(ctx.windowStart, ctx.asOf - 30);
  addBenzoFills(
    ctx,
    start,
    ctx.random.int(1, 10),
    ctx.random.chance(0.5) ? ctx.pcp : localPractitioner(ctx, 'psychiatry'),
  );
}
