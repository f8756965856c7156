import { z } from 'zod';

/** One case manager's open cases (or the unassigned ones, `userId` null). */
export const caseload = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  open: z.number().int(),
  byStage: z.record(z.string(), z.number().int()),
  pastServiceLevel: z.number().int(),
});

/** Open cases whose first attempt is overdue. */
export const pastServiceLevel = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      caseId: z.string(),
      priority: z.number().int(),
      openedAt: z.string(),
      dueDate: z.string(),
      assignedTo: z.string().nullable(),
    }),
  ),
});

/** One day's outreach. */
export const dayOutcomes = z.object({
  date: z.string(),
  attempts: z.number().int(),
  byOutcome: z.record(z.string(), z.number().int()),
  byCaseManager: z.array(
    z.object({ name: z.string(), attempts: z.number().int(), reached: z.number().int() }),
  ),
  referrals: z.number().int(),
});
