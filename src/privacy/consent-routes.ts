import { z } from 'zod';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { AppError, type Issue } from '../platform/errors.ts';
import type { RouteModule } from '../platform/http/route-module.ts';
import {
  type ConsentRow,
  consentResolver,
  listConsents,
  recordConsent,
  revokeConsent,
} from './consent-store.ts';
import { type ShareCategory, shareCategories } from './share-categories.ts';
import { relatedPersonResolver } from './support-network-store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const purposes = ['treatment', 'payment', 'operations', 'care-coordination', 'family'] as const;
const roles = ['case_manager', 'supervisor', 'member'] as const;

const consentSchema = z.object({
  consentId: z.string(),
  memberId: z.string(),
  recipient: z.string(),
  purpose: z.enum(purposes),
  coversPart2: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  revokedAt: z.string().nullable(),
  shares: z.array(z.enum(shareCategories)).nullable(),
});

function toView(r: ConsentRow): z.output<typeof consentSchema> {
  return {
    consentId: r.consent_id,
    memberId: r.member_id,
    recipient: r.recipient,
    purpose: r.purpose,
    coversPart2: r.covers_part2,
    startDate: r.start_date,
    endDate: r.end_date,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    shares: (r.shares as ShareCategory[] | null) ?? null,
  };
}

/**
 * A consent to a supporter (42 CFR 2.31) names the person the member named, says what is
 * shared category by category, is for the family purpose, and says until when.
 */
async function checkSupporterConsent(
  db: OpsDb,
  memberId: string,
  b: {
    recipient: string;
    purpose: string;
    coversPart2: boolean;
    endDate: string | null;
    shares?: readonly string[] | undefined;
  },
): Promise<void> {
  if (!b.recipient.startsWith('related-person:')) return;
  const issues: Issue[] = [];
  const person = await relatedPersonResolver.resolve(
    { db } as Parameters<typeof relatedPersonResolver.resolve>[0],
    b.recipient.slice('related-person:'.length),
  );
  if (person?.memberId !== memberId)
    issues.push({ path: 'recipient', message: 'not a supporter this member named' });
  if (b.purpose !== 'family') issues.push({ path: 'purpose', message: 'family, for a supporter' });
  if (!b.shares) issues.push({ path: 'shares', message: 'say what may be shared with a supporter' });
  if (!b.endDate) issues.push({ path: 'endDate', message: 'say until when, for a supporter' });
  if (!b.coversPart2)
    issues.push({ path: 'coversPart2', message: 'what a supporter sees comes from SUD treatment records' });
  if (issues.length > 0)
    throw new AppError('validation_failed', 'The consent to a supporter is not complete.', issues);
}

/** A member's consents to disclose (42 CFR 2.31): list, record, revoke. */
export const consentRoutes: RouteModule = {
  name: 'consents',
  register(app) {
    const params = z.object({ memberId: z.string().min(1).max(64) });
    app.get(
      '/api/members/:memberId/consents',
      {
        config: { roles },
        schema: { tags: ['privacy'], params, response: { 200: z.object({ items: z.array(consentSchema) }) } },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'Consent' },
          async (_grant, { db }) => ({
            items: (await listConsents(db, request.params.memberId)).map(toView),
          }),
        ),
    );
    app.post(
      '/api/members/:memberId/consents',
      {
        config: { roles },
        schema: {
          tags: ['privacy'],
          params,
          body: z.object({
            recipient: z
              .string()
              .regex(
                /^(org|npi|person|related-person):.{1,200}$/,
                'org:<facility>, npi:<NPI>, person:<name> or related-person:<id>',
              ),
            purpose: z.enum(purposes),
            coversPart2: z.boolean(),
            startDate: isoDate,
            endDate: isoDate.nullable().default(null),
            /** What is shared, category by category; required for a supporter (related-person:). */
            shares: z.array(z.enum(shareCategories)).min(1).max(shareCategories.length).optional(),
          }),
          response: { 201: consentSchema },
        },
      },
      async (request, reply) => {
        const b = request.body;
        if (b.endDate && b.endDate < b.startDate)
          throw new AppError('validation_failed', 'The consent ends before it starts.', [
            { path: 'endDate', message: 'before startDate' },
          ]);
        const row = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'Consent' },
          async (_grant, { db }) => {
            await checkSupporterConsent(db, request.params.memberId, b);
            return recordConsent(db, {
              member_id: request.params.memberId,
              recipient: b.recipient,
              purpose: b.purpose,
              covers_part2: b.coversPart2,
              start_date: b.startDate,
              end_date: b.endDate,
              recorded_by: request.access.requireUser().userId,
              shares: b.shares ?? null,
            });
          },
        );
        return reply.status(201).send(toView(row));
      },
    );
    app.post(
      '/api/consents/:consentId/revoke',
      {
        config: { roles },
        schema: {
          tags: ['privacy'],
          params: z.object({ consentId: z.string().min(1).max(64) }),
          response: { 200: consentSchema },
        },
      },
      async (request) =>
        request.access.resource(consentResolver, request.params.consentId, 'update', async (_c, _g, { db }) =>
          toView(await revokeConsent(db, request.params.consentId)),
        ),
    );
  },
};
