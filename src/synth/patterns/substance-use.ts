import { type CareContext, localOrganization, localPractitioner } from '../care-context.ts';
import { fillProduct } from './drug-fill.ts';

const oudCodes = [
  ['F11.20', 0.6],
  ['F11.10', 0.15],
  ['F11.23', 0.1],
  ['F11.21', 0.1],
  ['F11.90', 0.05],
] as const;

const otherSudCodes = ['F10.20', 'F10.10', 'F12.20', 'F14.20', 'F15.20', 'F13.20', 'F19.20'];

/**
 * Opioid use disorder: visits coded F11.x, and for some a MOUD start —
 * buprenorphine or naltrexone fills, or weekly opioid treatment program
 * bundles (G2067) — that continues to the as-of date or drops out.
 */
export function addOpioidUseDisorder(ctx: CareContext): void {
  const { random, builder, profile } = ctx;
  const oud = profile.oud;
  if (!oud) return;
  const clinician = localPractitioner(ctx, random.chance(0.5) ? 'addiction medicine' : 'psychiatry');
  const visits = random.int(2, 8);
  for (let i = 0; i < visits; i++) {
    builder.professional({
      day: random.int(ctx.windowStart, ctx.asOf),
      diagnoses: [random.weighted(oudCodes), ...(profile.otherSud ? [random.pick(otherSudCodes)] : [])],
      renderingNpi: clinician.npi,
      lines: [
        {
          procedureCode: random.pick(['99214', '90837'] as const),
          placeOfService: random.pick(['11', '02'] as const),
        },
      ],
    });
  }
  const moud = oud.moud;
  if (!moud) return;
  const months = moud.dropout ? random.int(1, 4) : 30;
  const end = Math.min(ctx.asOf, moud.start + months * 30);
  if (profile.naloxone) fillProduct(ctx, 'naloxone-nasal-4', moud.start, 30, 2 / 30, clinician, ctx.pharmacy);
  if (moud.kind === 'otp') {
    const otp = localOrganization(ctx, 'otp');
    for (let month = moud.start; month <= end; month += 28) {
      builder.professional({
        day: month,
        diagnoses: ['F11.20'],
        renderingNpi: otp.npi,
        cost: 'deductible',
        lines: [0, 7, 14, 21]
          .filter((d) => month + d <= end)
          .map((d) => ({
            procedureCode: d === 0 && month === moud.start ? 'H0020' : 'G2067',
            placeOfService: '58',
          })),
      });
    }
    return;
  }
  const key =
    moud.kind === 'naltrexone'
      ? 'naltrexone-50'
      : random.pick(['buprenorphine-naloxone-film-8', 'buprenorphine-sl-8'] as const);
  const perDay = moud.kind === 'naltrexone' ? 1 : random.pick([1, 2, 2, 3] as const);
  for (let day = moud.start; day <= end; ) {
    const days = random.chance(0.8) ? 30 : 14;
    fillProduct(ctx, key, day, days, perDay, clinician, ctx.pharmacy);
    day += days + (random.chance(0.15) ? random.int(3, 20) : random.int(-2, 1));
  }
}

/** Other substance use disorders (alcohol, cannabis, cocaine, stimulants…): a few coded visits. */
export function addOtherSubstanceUse(ctx: CareContext): void {
  const { random, builder } = ctx;
  const code = random.pick(otherSudCodes);
  const clinician = random.chance(0.5) ? ctx.pcp : localPractitioner(ctx, 'psychiatry');
  for (let i = random.int(1, 5); i > 0; i--) {
    builder.professional({
      day: random.int(ctx.windowStart, ctx.asOf),
      diagnoses: [code],
      renderingNpi: clinician.npi,
      lines: [{ procedureCode: '99214', placeOfService: '11' }],
    });
  }
}
