import { z } from 'zod';
import { isoDaySchema } from '../platform/calendar/iso-day-schema.ts';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import { focusMarkets } from '../reference/index.ts';

/** RISK-RULES §10 as written; every run says which version it computed. */
export const measureVersion = '2026.1';

/** What a plan configures about its program: when it started and which markets are the focus. */
export const measureConfigSchema = z
  .object({
    programStart: isoDaySchema.default('2025-01-01'),
    focusMarkets: z
      .array(z.enum(focusMarkets))
      .min(1)
      .default([...focusMarkets]),
  })
  .strict();
export type MeasureConfig = z.output<typeof measureConfigSchema>;

/** Parses a measure configuration, reporting every problem at once. */
export function parseMeasureConfig(input: unknown): MeasureConfig {
  const parsed = measureConfigSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      'The measure configuration is not valid.',
      issuesFromZod(parsed.error.issues),
    );
  return parsed.data;
}
