import { type CareContext, localOrganization } from '../care-context.ts';
import { ordinaryDrugs } from '../maintenance-drugs.ts';
import type { ChronicCondition } from '../profile.ts';

const conditionCodes: Record<ChronicCondition, string> = {
  hypertension: 'I10',
  hyperlipidemia: 'E78.5',
  diabetes: 'E11.9',
  hypothyroid: 'E03.9',
  depression: 'F32.9',
  asthma: 'J45.909',
};

const conditionDrugs: Record<ChronicCondition, keyof typeof ordinaryDrugs> = {
  hypertension: 'amlodipine',
  hyperlipidemia: 'atorvastatin',
  diabetes: 'metformin',
  hypothyroid: 'levothyroxine',
  depression: 'sertraline',
  asthma: 'albuterol',
};

const everydayDiagnoses = [
  'J06.9',
  'M54.50',
  'R05.9',
  'K21.9',
  'L30.9',
  'H10.9',
  'M25.561',
  'R53.83',
  'F41.1',
];

/**
 * Ordinary care that makes up most of a plan's volume: office visits with
 * common diagnoses and lab work, a yearly preventive visit, maintenance fills
 * for chronic conditions (30- or 90-day), and the odd antibiotic.
 */
export function addRoutineCare(ctx: CareContext): void {
  const { random, builder, profile, age } = ctx;
  const years = (ctx.asOf - ctx.windowStart + 1) / 365;
  const lab = localOrganization(ctx, 'lab');
  const visits = random.poisson((age >= 65 ? 5 : age < 18 ? 2.5 : 3.2) * years);
  for (let i = 0; i < visits; i++) {
    const day = random.int(ctx.windowStart, ctx.asOf);
    const chronic =
      profile.conditions.length > 0 && random.chance(0.6) ? random.pick(profile.conditions) : null;
    const diagnoses = chronic
      ? [
          conditionCodes[chronic],
          ...profile.conditions.filter((c) => c !== chronic).map((c) => conditionCodes[c]),
        ]
      : [random.pick(everydayDiagnoses)];
    builder.professional({
      day,
      diagnoses,
      renderingNpi: ctx.pcp.npi,
      lines: [
        {
          procedureCode: random.weighted([
            ['99213', 0.6],
            ['99214', 0.3],
            ['99212', 0.1],
          ] as const),
          placeOfService: '11',
        },
      ],
    });
    if (random.chance(0.5)) {
      builder.professional({
        day,
        diagnoses,
        renderingNpi: lab.npi,
        cost: 'deductible',
        lines: [
          { procedureCode: '80053', placeOfService: '81' },
          { procedureCode: '85025', placeOfService: '81' },
          ...(chronic === 'diabetes' ? [{ procedureCode: '83036', placeOfService: '81' }] : []),
          ...(chronic === 'hyperlipidemia' ? [{ procedureCode: '80061', placeOfService: '81' }] : []),
        ],
      });
    }
    if (!chronic && random.chance(0.35)) {
      const drug = ordinaryDrugs.azithromycin;
      builder.fill({
        day,
        ndc: drug.ndc,
        quantity: 6,
        daysSupply: 5,
        prescriberNpi: ctx.pcp.npi,
        pharmacyNpi: ctx.pharmacy.npi,
        price: drug.price30,
      });
    }
  }
  for (let year = 0; year < 2; year++) {
    if (!random.chance(0.5)) continue;
    const day = ctx.windowStart + year * 365 + random.int(0, 364);
    builder.professional({
      day,
      diagnoses: [age < 18 ? 'Z00.129' : 'Z00.00', 'Z23'],
      renderingNpi: ctx.pcp.npi,
      cost: 'deductible',
      lines: [
        { procedureCode: age >= 40 ? '99396' : '99395', placeOfService: '11' },
        { procedureCode: '90471', placeOfService: '11' },
        { procedureCode: '90686', placeOfService: '11' },
      ],
    });
  }
  for (const condition of profile.conditions) addMaintenanceFills(ctx, condition);
}

function addMaintenanceFills(ctx: CareContext, condition: ChronicCondition): void {
  const { random, builder } = ctx;
  const drug = ordinaryDrugs[conditionDrugs[condition]];
  const inhaler = drug.perDay === 0;
  const days = inhaler ? 25 : random.chance(0.25) ? 90 : 30;
  let day = ctx.windowStart - random.int(0, days - 1);
  while (day <= ctx.asOf) {
    if (!random.chance(0.08)) {
      builder.fill({
        day,
        ndc: drug.ndc,
        quantity: inhaler ? 18 : drug.perDay * days,
        daysSupply: days,
        prescriberNpi: ctx.pcp.npi,
        pharmacyNpi: ctx.pharmacy.npi,
        price: Math.round((drug.price30 * days) / 30),
        brand: drug.brand,
      });
    }
    day += inhaler ? random.int(30, 120) : days + random.int(-3, 6);
  }
}
