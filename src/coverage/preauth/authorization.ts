import { z } from 'zod';
import { isValidNpi } from '../../platform/identifiers/npi.ts';
import { levelsOfCare } from './levels-of-care.ts';

const day = z.iso.date();
const levelIds = levelsOfCare.map((l) => l.id) as [string, ...string[]];

/** What facility staff submit: member, level of care, service lines, assessment, clinical information, plan. */
export const authorizationRequestSchema = z
  .object({
    memberId: z.string().min(1),
    planId: z.string().min(1),
    facility: z.object({
      npi: z.string().refine(isValidNpi, 'a 10-digit NPI with a valid check digit'),
      name: z.string().min(1),
    }),
    levelOfCare: z.enum(levelIds),
    priority: z.enum(['standard', 'expedited']),
    diagnosisCodes: z
      .array(
        z
          .string()
          .regex(/^[A-Z]\d{2}\.?[0-9A-Z]{0,4}$/, 'an ICD-10-CM code')
          .transform((c) => c.replace('.', '').toUpperCase()),
      )
      .min(1),
    services: z
      .array(
        z.object({
          code: z.string().regex(/^[A-Z0-9]{5}$/, 'a HCPCS or CPT code'),
          units: z.number().int().positive().max(365),
          startDate: day,
          endDate: day,
        }),
      )
      .min(1),
    assessment: z.object({
      faceToFace: z.boolean(),
      date: day,
      assessedBy: z.string().min(1),
      withdrawalScore: z
        .object({ scale: z.enum(['COWS', 'CIWA-B']), value: z.number().min(0).max(80) })
        .optional(),
      medicalComplicationsRequireInpatient: z.boolean().optional(),
      stableLivingEnvironment: z.boolean().optional(),
      committedToTreatment: z.boolean().optional(),
    }),
    clinicalSummary: z.string().min(1),
    treatmentPlan: z.string(),
  })
  .superRefine((request, ctx) => {
    const level = levelsOfCare.find((l) => l.id === request.levelOfCare);
    request.services.forEach((s, i) => {
      if (s.endDate < s.startDate)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'endDate'], message: 'ends before it starts' });
      if (level && !level.procedureCodes.includes(s.code))
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'code'],
          message: `${s.code} is not billed for ${level.name}; use ${level.procedureCodes.join(' or ')}`,
        });
    });
  });
export type AuthorizationRequest = z.output<typeof authorizationRequestSchema>;
export type AuthorizationRequestInput = z.input<typeof authorizationRequestSchema>;

export const authorizationStatuses = [
  'submitted',
  'in_review',
  'pended',
  'approved',
  'partially_approved',
  'denied',
  'withdrawn',
] as const;
export type AuthorizationStatus = (typeof authorizationStatuses)[number];

/** Denial reasons: a closed list, always with a written, specific explanation (CMS-0057-F). */
export const denialReasons = [
  'medical-necessity-not-met',
  'insufficient-information',
  'not-a-covered-benefit',
  'member-not-eligible',
  'duplicate-request',
] as const;
export type DenialReason = (typeof denialReasons)[number];

export interface CriterionResult {
  id: string;
  text: string;
  source: string;
  result: 'met' | 'missed' | 'unknown';
  evidence: string;
}

export interface Decision {
  outcome: 'approved' | 'partially_approved' | 'denied';
  /** Units approved per service line, in the request's order. */
  approvedUnits: number[];
  reasonCode: DenialReason | null;
  reason: string | null;
  decidedAt: string;
  decidedBy: string;
  criteria: CriterionResult[];
}

export interface AuthorizationEvent {
  at: string;
  actor: string;
  action: string;
  from: AuthorizationStatus | null;
  to: AuthorizationStatus;
  note: string | null;
}

export interface Notification {
  at: string;
  recipient: 'member' | 'facility';
  kind: 'received' | 'information-requested' | 'decision' | 'withdrawn';
  message: string;
}

/** A preauthorization request with its state, clock, decision, history and notices. */
export interface Authorization {
  id: string;
  request: AuthorizationRequest;
  status: AuthorizationStatus;
  priority: 'standard' | 'expedited';
  receivedAt: string;
  dueAt: string;
  reviewer: string | null;
  informationRequested: string | null;
  additionalInformation: string[];
  decision: Decision | null;
  history: AuthorizationEvent[];
  notifications: Notification[];
}
