import { z } from 'zod';
import { referralKinds } from '../script/script-types.ts';
import {
  attemptChannels,
  attemptOutcomes,
  caseStages,
  closeReasons,
  referralStatuses,
} from './case-lifecycle.ts';

export const caseParams = z.object({ caseId: z.string().min(1).max(64) });

export const referralInput = z.object({
  kind: z.enum(referralKinds),
  status: z.enum(['proposed', 'accepted']).default('proposed'),
  providerName: z.string().max(200).optional(),
  notes: z.string().max(2000).optional(),
});

export const attemptInput = z.object({
  attemptedAt: z.iso.datetime({ offset: true }).optional(),
  channel: z.enum(attemptChannels).default('phone'),
  outcome: z.enum(attemptOutcomes),
  notes: z.string().max(4000).optional(),
  nextStep: z.string().max(500).optional(),
  nextAttemptAt: z.iso.datetime({ offset: true }).optional(),
  referrals: z.array(referralInput).max(6).default([]),
});

export const attemptView = z.object({
  attemptId: z.string(),
  attemptedAt: z.string(),
  channel: z.enum(attemptChannels),
  outcome: z.enum(attemptOutcomes),
  notes: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  recordedBy: z.string(),
});

export const referralView = z.object({
  referralId: z.string(),
  kind: z.enum(referralKinds),
  status: z.enum(referralStatuses),
  providerName: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const caseEventView = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  detail: z.string().nullable(),
});

export const nextActionView = z.object({
  kind: z.enum(['call', 'letter', 'none']),
  reason: z.string(),
});

export const caseWorkView = z.object({
  caseId: z.string(),
  memberId: z.string(),
  stage: z.enum(caseStages),
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
  assignedTo: z.string().nullable(),
  assigneeName: z.string().nullable(),
  openedAt: z.string(),
  firstAttemptDueAt: z.string(),
  firstAttemptAt: z.string().nullable(),
  attempts: z.array(attemptView),
  referrals: z.array(referralView),
  history: z.array(caseEventView),
  nextAction: nextActionView,
  plan: z
    .object({
      planId: z.string(),
      planType: z.string().nullable(),
      behavioralHealthCaseManagement: z.boolean().nullable(),
    })
    .nullable(),
});

/** `GET /api/cases/{caseId}/work` as the web app reads it. */
export type CaseWorkView = z.infer<typeof caseWorkView>;

export const stageInput = z.object({
  stage: z.enum(['outreach', 'engaged', 'in_treatment']),
  version: z.number().int(),
  note: z.string().max(2000).optional(),
});

export const closeInput = z.object({
  reason: z.enum(closeReasons),
  version: z.number().int(),
  note: z.string().max(2000).optional(),
});

export const referralUpdate = z.object({
  status: z.enum(referralStatuses),
  scheduledFor: z.iso.date().optional(),
  providerName: z.string().max(200).optional(),
  notes: z.string().max(2000).optional(),
});

export const caseSummaryView = z.object({
  caseId: z.string(),
  stage: z.enum(caseStages),
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
});
