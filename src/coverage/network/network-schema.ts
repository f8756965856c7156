import { z } from 'zod';
import { focusMarkets } from '../../reference/index.ts';

/** Kinds of care in the directory (the product brief's facility table, plus OTPs, MOUD prescribers and virtual care). */
export const careTypes = [
  'ambulatory-detox',
  'intensive-outpatient',
  'outpatient-rehab',
  'opioid-treatment-program',
  'moud-prescriber',
  'virtual-behavioral-care',
] as const;
export type CareType = (typeof careTypes)[number];

/** Services offered (therapy, MAT medications, benzodiazepine taper). */
export const careServices = [
  'individual-therapy',
  'group-therapy',
  'family-therapy',
  'buprenorphine',
  'naltrexone',
  'methadone',
  'benzodiazepine-taper',
] as const;
export type CareService = (typeof careServices)[number];

const npiSchema = z.string().regex(/^[12]\d{9}$/, 'a 10-digit NPI');

/** One facility or clinician in the care network directory. */
export const directoryEntrySchema = z.object({
  id: z.string().min(1),
  npi: npiSchema,
  name: z.string().min(1),
  kind: z.enum(['facility', 'clinician']),
  type: z.enum(careTypes),
  services: z.array(z.enum(careServices)).min(1),
  address: z.object({
    line: z.string(),
    city: z.string(),
    state: z.string().length(2),
    zip: z.string().regex(/^\d{5}$/),
  }),
  /** Markets served: one for a place of care, several for virtual care licensed in several states. */
  markets: z.array(z.enum(focusMarkets)).min(1),
  phone: z.string(),
  /** Network status per plan id; a plan not listed is out of network. */
  network: z.record(z.string(), z.enum(['in', 'out'])),
  acceptingNewPatients: z.boolean(),
  languages: z.array(z.string()).min(1),
  /** Allowed amount per unit the plan pays this provider for its main service, for estimates. */
  rates: z.record(
    z.string(),
    z.object({ allowedPerUnit: z.number().positive(), billedPerUnit: z.number().positive() }),
  ),
});
export type DirectoryEntry = z.output<typeof directoryEntrySchema>;

/** What a case manager or member searches by. */
export const directoryQuerySchema = z.object({
  market: z.enum(focusMarkets).optional(),
  zip: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  type: z.enum(careTypes).optional(),
  service: z.enum(careServices).optional(),
  planId: z.string().optional(),
  inNetworkOnly: z.boolean().optional(),
  acceptingNewPatients: z.boolean().optional(),
  language: z.string().optional(),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;
