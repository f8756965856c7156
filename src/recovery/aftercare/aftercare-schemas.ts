import { z } from 'zod';
import { isoDaySchema } from '../../platform/calendar/iso-day-schema.ts';
import { addDays, todayIso } from '../../platform/calendar/iso-days.ts';
import { asamLevels } from '../assessment/assessment-questionnaire.ts';
import { carePlanContentSchema, serviceRequestSchema } from '../recovery-schemas.ts';
import { followUpOutcomes } from './follow-up-schedule.ts';

/** How far from discharge a warm hand-off may be: it is warm when the next provider meets the member within a week. */
const handoffWindowDays = 7;

/**
 * Discharge from a level of care into aftercare: the aftercare plan (continued therapy,
 * recovery housing, support groups as its services; the check-in cadence and the crisis
 * plan are required), and the warm hand-off to the provider who takes the member on.
 */
export const dischargeSchema = z
  .object({
    caseVersion: z.number().int().min(1),
    dischargedOn: isoDaySchema,
    fromLevelOfCare: z.enum(asamLevels),
    handoff: z.object({
      to: z.string().trim().min(1).max(200),
      npi: z
        .string()
        .regex(/^\d{10}$/, 'a 10-digit NPI')
        .optional(),
      on: isoDaySchema,
    }),
    plan: carePlanContentSchema
      .omit({ discharge: true })
      .required({ checkInCadence: true })
      .extend({ crisisPlan: z.string().trim().min(1, 'say what to do in a crisis').max(2000) }),
    services: z.array(serviceRequestSchema).max(12),
  })
  .superRefine((d, ctx) => {
    const today = todayIso();
    if (d.dischargedOn > today)
      ctx.addIssue({
        code: 'custom',
        path: ['dischargedOn'],
        message: 'a discharge cannot be in the future',
      });
    if (
      d.handoff.on < addDays(d.dischargedOn, -handoffWindowDays) ||
      d.handoff.on > addDays(d.dischargedOn, handoffWindowDays)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['handoff', 'on'],
        message: `within ${handoffWindowDays} days of the discharge`,
      });
  });
export type DischargeInput = z.infer<typeof dischargeSchema>;

export const followUpDoneSchema = z.object({
  outcome: z.enum(followUpOutcomes),
  note: z.string().trim().min(1, 'say what happened').max(2000),
});
export type FollowUpDone = z.infer<typeof followUpDoneSchema>;
