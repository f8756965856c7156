import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import { focusMarkets } from '../reference/index.ts';

/** The rule version this engine implements (recorded on every run, so a run says which rules made it). */
export const ruleVersion = '2026.1';

/** Factor sets the drug reference's `mme_factor` table carries (RISK-RULES §4). */
export const factorSets = ['cdc-2022', 'cdc-2018'] as const;
export type FactorSet = (typeof factorSets)[number];

const weight = z.number().int().min(0).max(1000);
const days = z.number().int().min(1).max(3650);

/**
 * A run's configuration: every threshold, window, weight, line of business and
 * market of RISK-RULES §1–7, with the written defaults. A `--config` file may
 * override any part of it.
 */
export const riskConfigSchema = z
  .object({
    factorSet: z.enum(factorSets).default('cdc-2022'),
    windows: z
      .object({
        lookbackDays: days.min(2).default(90),
        shortDays: days.default(180),
        longDays: days.default(365),
        moudDays: days.default(30),
      })
      .strict()
      .prefault({}),
    thresholds: z
      .object({
        highMme: z.number().positive().default(90),
        episodeMinFills: z.number().int().min(1).default(2),
        episodeMinDaysSupply: z.number().int().min(1).default(15),
        minPrescribers: z.number().int().min(1).default(4),
        minPharmacies: z.number().int().min(1).default(4),
        benzoMinFills: z.number().int().min(1).default(2),
        overlapMinDays: z.number().int().min(1).default(30),
        longTermMinDays: z.number().int().min(1).default(90),
      })
      .strict()
      .prefault({}),
    emergencyWeights: z
      .object({
        OPIOID_OVERDOSE: weight.default(40),
        EMERGENCY_ADMISSION: weight.default(25),
        ED_VISIT: weight.default(20),
        EMERGENCY_TRANSPORT: weight.default(15),
      })
      .strict()
      .prefault({}),
    factorWeights: z
      .object({
        OPIOID_OVERDOSE_HISTORY: weight.default(30),
        OUD_DIAGNOSIS: weight.default(20),
        HIGH_MME: weight.default(15),
        OPIOID_BENZO_OVERLAP: weight.default(15),
        MULTIPLE_PRESCRIBERS_PHARMACIES: weight.default(10),
        LONG_TERM_OPIOID: weight.default(5),
        OTHER_SUD_DIAGNOSIS: weight.default(5),
      })
      .strict()
      .prefault({}),
    recencyWeight: weight.default(10),
    linesOfBusiness: z
      .array(z.enum(['commercial', 'medicare', 'medicaid', 'other']))
      .min(1)
      .default(['commercial']),
    markets: z
      .array(z.enum([...focusMarkets, 'other']))
      .min(1)
      .default([...focusMarkets]),
  })
  .strict();

export type RiskConfig = z.output<typeof riskConfigSchema>;
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

/** Parses a configuration object, reporting every problem at once. */
export function parseRiskConfig(input: unknown): RiskConfig {
  const parsed = riskConfigSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      'The risk configuration is not valid.',
      issuesFromZod(parsed.error.issues),
    );
  return parsed.data;
}

/** Reads and parses a `--config` JSON file; a missing file or bad JSON is a validation error. */
export function readRiskConfigFile(file: string): RiskConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('bad_request', `Cannot read the configuration file ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation_failed', `The configuration file ${file} is not JSON.`, [
      { path: '', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  return parseRiskConfig(json);
}

/** A stable sha256 of the effective configuration (keys sorted), recorded with each run. */
export function hashRiskConfig(config: RiskConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
