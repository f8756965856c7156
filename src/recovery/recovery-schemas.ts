import { z } from 'zod';
import { isoDaySchema } from '../platform/calendar/iso-day-schema.ts';
import { substanceCodes } from './reports/substances.ts';

const isoDay = isoDaySchema;
const npi = z.string().regex(/^\d{10}$/, 'a 10-digit NPI');
const memberId = z.string().min(1).max(64);

/** One attended or missed session as a facility reports it; `sourceId` is the facility's own id for it. */
export const sessionReportSchema = z.object({
  memberId,
  sourceId: z.string().min(1).max(128),
  scheduledOn: isoDay,
  service: z.enum([
    'individual',
    'group',
    'family',
    'moud_visit',
    'otp_dosing',
    'holistic',
    'case_management',
  ]),
  attended: z.boolean(),
  requestId: z.string().min(1).max(64).optional(),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;

/** One drug-screen result for one substance. */
export const screenReportSchema = z.object({
  memberId,
  sourceId: z.string().min(1).max(128),
  collectedOn: isoDay,
  substance: z.enum(substanceCodes),
  positive: z.boolean(),
});
export type ScreenReport = z.infer<typeof screenReportSchema>;

export const needs = ['housing', 'food', 'work', 'legal', 'transport'] as const;

/** The member's check-in (the member app's form): RISK-RULES §11 reads craving, use and safety. */
export const checkInSchema = z.object({
  mood: z.number().int().min(0).max(10),
  craving: z.number().int().min(0).max(10),
  usedLast7Days: z.boolean(),
  sleep: z.enum(['well', 'some_trouble', 'poorly']),
  needs: z.array(z.enum(needs)).max(needs.length),
  safetyConcern: z.boolean(),
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const goalStatuses = ['proposed', 'active', 'achieved', 'not-achieved', 'cancelled'] as const;

/** A measurable goal with a target date (FHIR Goal). */
/** A small step toward a goal that the member can mark done in their app ("call the clinic"). */
export const goalStepSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  text: z.string().min(1).max(300),
  doneOn: isoDay.nullable().default(null),
});

export const goalSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  description: z.string().min(1).max(500),
  measure: z.string().min(1).max(200),
  target: z.string().min(1).max(200),
  dueDate: isoDay,
  status: z.enum(goalStatuses),
  steps: z.array(goalStepSchema).max(20).default([]),
});

export const careTeamRoles = ['case_manager', 'prescriber', 'counselor', 'facility', 'peer_support'] as const;

/** What a treatment or aftercare plan says; its services are ServiceRequests beside it. */
export const carePlanContentSchema = z.object({
  title: z.string().min(1).max(200),
  goals: z.array(goalSchema).max(30),
  careTeam: z
    .array(z.object({ role: z.enum(careTeamRoles), name: z.string().min(1).max(200), npi: npi.optional() }))
    .max(20),
  /** Substances the plan prescribes (a positive screen for them is expected, §11 POSITIVE_SCREEN). */
  prescribedSubstances: z.array(z.enum(substanceCodes)).max(5).default([]),
  /** Substances named in the plan whose positive screen raises POSITIVE_SCREEN too. */
  watchedSubstances: z.array(z.enum(substanceCodes)).max(14).default([]),
  /** Aftercare: the check-in cadence and the crisis plan. */
  checkInCadence: z.enum(['daily', 'weekly']).optional(),
  crisisPlan: z.string().max(2000).optional(),
  /** Aftercare: the discharge it follows and the warm hand-off to the next provider. */
  discharge: z
    .object({
      dischargedOn: isoDay,
      fromLevelOfCare: z.string().min(1).max(8),
      handoffTo: z.string().min(1).max(200),
      handoffNpi: npi.optional(),
      handoffOn: isoDay,
    })
    .optional(),
});
export type CarePlanContent = z.infer<typeof carePlanContentSchema>;

export const serviceCategories = {
  moud: ['buprenorphine', 'methadone_otp', 'naltrexone'],
  counseling: ['individual', 'group', 'family'],
  holistic: ['mindfulness', 'yoga', 'acupuncture', 'art_music'],
  supportive: [
    'case_management',
    'housing',
    'employment',
    'education',
    'transport',
    'support_group',
    'legal_aid',
  ],
} as const;
type Category = keyof typeof serviceCategories;

/** A service of the plan as a referral to an organization in the care network (SDOH Clinical Care pattern). */
export const serviceRequestSchema = z
  .object({
    category: z.enum(Object.keys(serviceCategories) as [Category, ...Category[]]),
    service: z.string().min(1).max(64),
    performerName: z.string().min(1).max(200),
    performerNpi: npi.optional(),
    sessionsPerWeek: z.number().min(0).max(14).optional(),
    note: z.string().max(1000).optional(),
  })
  .superRefine((s, ctx) => {
    const allowed: readonly string[] = serviceCategories[s.category];
    if (!allowed.includes(s.service))
      ctx.addIssue({
        code: 'custom',
        path: ['service'],
        message: `one of ${allowed.join(', ')} for ${s.category}`,
      });
  });
export type ServiceRequestInput = z.infer<typeof serviceRequestSchema>;

export const serviceRequestStatuses = [
  'requested',
  'accepted',
  'in-progress',
  'completed',
  'declined',
  'cancelled',
] as const;
export type ServiceRequestStatus = (typeof serviceRequestStatuses)[number];

/** Where a referral may go from each status (requested → accepted → in progress → completed / declined). */
export const nextServiceStatuses: Record<ServiceRequestStatus, readonly ServiceRequestStatus[]> = {
  requested: ['accepted', 'declined', 'cancelled'],
  accepted: ['in-progress', 'declined', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

/** The prescribed substance of each MOUD service: its own positive screen is expected. */
export const moudSubstance: Record<string, 'buprenorphine' | 'methadone' | undefined> = {
  buprenorphine: 'buprenorphine',
  methadone_otp: 'methadone',
};
