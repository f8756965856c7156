import { z } from 'zod';
import { issueActivation, memberAccountStatus } from '../platform/auth/activation.ts';
import { AppError } from '../platform/errors.ts';
import type { RouteModule } from '../platform/http/route-module.ts';
import { relatedPersonRecipient } from './share-categories.ts';
import { findRelatedPerson, relatedPersonResolver } from './support-network-store.ts';

/** A member's code is read out or mailed, so it lasts a month; an invitation the member sends lasts two weeks. */
export const memberCodeDays = 30;
export const invitationDays = 14;

const issued = z.object({
  /** Shown once: only its digest is kept. */
  code: z.string(),
  expiresAt: z.string(),
});

/**
 * Accounts for members and their supporters: nobody registers themself with health data.
 * A case manager gives a member a one-time code (they also prove their date of birth); a
 * member invites a supporter they named, whose account then sees only what a consent shares.
 */
export const accountRoutes: RouteModule = {
  name: 'accounts',
  register(app) {
    const params = z.object({ memberId: z.string().min(1).max(64) });
    app.get(
      '/api/members/:memberId/app-account',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['privacy'],
          params,
          response: { 200: z.object({ hasAccount: z.boolean(), codeExpiresAt: z.string().nullable() }) },
        },
      },
      (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'Account' },
          async (grant, { db }) => {
            const status = await memberAccountStatus(db, grant.memberId);
            return {
              hasAccount: status.hasAccount,
              codeExpiresAt: status.codeExpiresAt?.toISOString() ?? null,
            };
          },
        ),
    );

    app.post(
      '/api/members/:memberId/activation-code',
      {
        config: { roles: ['case_manager'] },
        schema: { tags: ['privacy'], params, response: { 201: issued } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const result = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'Account' },
          async (grant, { db, warehouse }) => {
            if ((await memberAccountStatus(db, grant.memberId)).hasAccount)
              throw new AppError('conflict', 'This member already has an account.');
            const [member] = await warehouse.all<{ birth_date: string | null }>(
              'select cast(birth_date as varchar) as birth_date from member where member_id = $1',
              [grant.memberId],
            );
            if (!member?.birth_date)
              throw new AppError(
                'validation_failed',
                'The plan has no date of birth for this member, which they need to open their account. Correct the enrollment record first.',
              );
            return issueActivation(db, {
              role: 'member',
              memberId: grant.memberId,
              birthDate: member.birth_date,
              createdBy: user.userId,
              validDays: memberCodeDays,
            });
          },
        );
        return reply.status(201).send({ code: result.code, expiresAt: result.expiresAt.toISOString() });
      },
    );

    app.post(
      '/api/related-persons/:relatedPersonId/invitation',
      {
        config: { roles: ['member', 'case_manager'] },
        schema: {
          tags: ['privacy'],
          params: z.object({ relatedPersonId: z.string().min(1).max(64) }),
          response: { 201: issued },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const result = await request.access.resource(
          relatedPersonResolver,
          request.params.relatedPersonId,
          { action: 'create', resourceType: 'Account' },
          async (_owner, grant, { db }) => {
            const person = await findRelatedPerson(db, request.params.relatedPersonId);
            if (!person?.active) throw new AppError('not_found', 'There is no such supporter.');
            if (person.user_id !== null)
              throw new AppError('conflict', `${person.name} already has an account.`);
            return issueActivation(db, {
              role: 'supporter',
              memberId: grant.memberId,
              subject: relatedPersonRecipient(person.related_person_id),
              displayName: person.name,
              createdBy: user.userId,
              validDays: invitationDays,
            });
          },
        );
        return reply.status(201).send({ code: result.code, expiresAt: result.expiresAt.toISOString() });
      },
    );
  },
};
