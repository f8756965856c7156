import { z } from 'zod';

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
export const npi = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'an NPI');
export const idParam = z.string().min(1).max(64);

export const lockInStates = [
  'proposed',
  'no_action',
  'decided',
  'initial_notice_sent',
  'second_notice_sent',
  'active',
  'extended',
  'appealed',
  'expired',
  'ended',
] as const;

const nullableDay = z.string().nullable();

export const lockInView = z.object({
  id: z.string(),
  memberId: z.string(),
  state: z.enum(lockInStates),
  evidence: z.object({
    criteria: z.array(z.string()),
    averageDailyMmeW180: z.number().nullable(),
    prescribersW180: z.number(),
    pharmaciesW180: z.number(),
    asOf: z.string(),
  }),
  proposedOn: z.string(),
  scope: z.enum(['pharmacy', 'prescriber', 'both']).nullable(),
  rationale: z.string().nullable(),
  decidedOn: nullableDay,
  decidedBy: z.string().nullable(),
  initialNoticeOn: nullableDay,
  responseDueOn: nullableDay,
  memberResponse: z
    .object({
      receivedOn: z.string(),
      preferredPharmacyNpi: z.string().nullable(),
      preferredPrescriberNpi: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  secondNoticeOn: nullableDay,
  pharmacyNpi: z.string().nullable(),
  prescriberNpi: z.string().nullable(),
  effectiveFrom: nullableDay,
  endsOn: nullableDay,
  extendedOn: nullableDay,
  appealFiledOn: nullableDay,
  appealFromState: z.enum(lockInStates).nullable(),
  appealDecidedOn: nullableDay,
  appealOutcome: z.enum(['upheld', 'overturned']).nullable(),
  closedOn: nullableDay,
  closeReason: z.string().nullable(),
  version: z.number(),
});

export const lockInEventView = z.object({
  kind: z.string(),
  on: z.string(),
  by: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** A lock-in command as the API takes it (the body of a transition). */
export const lockInCommand = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('decide'),
    scope: z.enum(['pharmacy', 'prescriber', 'both']),
    rationale: z.string().min(1).max(2000),
  }),
  z.object({ kind: z.literal('decide_no_action'), rationale: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('send_initial_notice') }),
  z.object({
    kind: z.literal('record_member_response'),
    receivedOn: isoDay,
    preferredPharmacyNpi: npi.nullable().optional(),
    preferredPrescriberNpi: npi.nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  }),
  z.object({
    kind: z.literal('send_second_notice'),
    effectiveFrom: isoDay,
    pharmacyNpi: npi.nullable().optional(),
    prescriberNpi: npi.nullable().optional(),
  }),
  z.object({ kind: z.literal('activate') }),
  z.object({ kind: z.literal('extend'), months: z.number().int(), rationale: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('file_appeal'), filedOn: isoDay }),
  z.object({
    kind: z.literal('decide_appeal'),
    outcome: z.enum(['upheld', 'overturned']),
    rationale: z.string().min(1).max(2000),
  }),
  z.object({ kind: z.literal('expire') }),
  z.object({ kind: z.literal('end'), reason: z.string().min(1).max(2000) }),
]);
