import { z } from 'zod';
import { careServices, careTypes } from '../network/network-schema.ts';

export const criterionResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: z.string(),
  result: z.enum(['met', 'missed', 'unknown']),
  evidence: z.string(),
});

const serviceLine = z.object({
  code: z.string(),
  units: z.number(),
  startDate: z.string(),
  endDate: z.string(),
});

/** A preauthorization as the API shows it; a response schema is also a privacy filter. */
export const authorizationViewSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  planId: z.string(),
  facility: z.object({ npi: z.string(), name: z.string() }),
  levelOfCare: z.string(),
  levelOfCareName: z.string(),
  status: z.string(),
  priority: z.enum(['standard', 'expedited']),
  receivedAt: z.string(),
  clock: z.object({ dueAt: z.string(), state: z.string(), hoursLeft: z.number() }),
  services: z.array(serviceLine),
  /** Clinical detail: shown to the reviewer and the submitting facility, not in member lists. */
  clinical: z
    .object({
      diagnosisCodes: z.array(z.string()),
      assessment: z.record(z.string(), z.unknown()),
      clinicalSummary: z.string(),
      treatmentPlan: z.string(),
      additionalInformation: z.array(z.string()),
    })
    .nullable(),
  informationRequested: z.string().nullable(),
  criteria: z.array(criterionResultSchema),
  suggestion: z.string().nullable(),
  decision: z
    .object({
      outcome: z.string(),
      approvedUnits: z.array(z.number()),
      reasonCode: z.string().nullable(),
      reason: z.string().nullable(),
      decidedAt: z.string(),
      decidedBy: z.string(),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      note: z.string().nullable(),
    }),
  ),
  notifications: z.array(
    z.object({ at: z.string(), recipient: z.string(), kind: z.string(), message: z.string() }),
  ),
  version: z.number().int(),
});
export type AuthorizationView = z.output<typeof authorizationViewSchema>;

export const directoryHitSchema = z.object({
  id: z.string(),
  npi: z.string(),
  name: z.string(),
  kind: z.string(),
  type: z.enum(careTypes),
  services: z.array(z.enum(careServices)),
  address: z.object({ line: z.string(), city: z.string(), state: z.string(), zip: z.string() }),
  markets: z.array(z.string()),
  phone: z.string(),
  acceptingNewPatients: z.boolean(),
  languages: z.array(z.string()),
  networkStatus: z.enum(['in', 'out']).nullable(),
  nearness: z.number(),
});

const line = z.object({
  code: z.string(),
  description: z.string(),
  units: z.number(),
  allowed: z.number(),
  covered: z.boolean(),
  tier: z.enum(['in', 'out']).nullable(),
  deductible: z.number(),
  copay: z.number(),
  coinsurance: z.number(),
  balanceBill: z.number(),
  notCovered: z.number(),
  memberPays: z.number(),
  planPays: z.number(),
  preauthorizationRequired: z.boolean(),
  notes: z.array(z.string()),
});
const remaining = z.object({ before: z.number(), after: z.number() }).nullable();
export const costEstimateSchema = z.object({
  planId: z.string(),
  network: z.enum(['in', 'out']),
  lines: z.array(line),
  memberPays: z.number(),
  planPays: z.number(),
  memberPaysWithoutPreauthorization: z.number().nullable(),
  deductibleRemaining: remaining,
  outOfPocketRemaining: remaining,
  assumptions: z.array(z.string()),
});
