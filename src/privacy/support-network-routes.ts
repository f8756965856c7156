import { z } from 'zod';
import { todayIso } from '../platform/calendar/iso-days.ts';
import type { RouteModule } from '../platform/http/route-module.ts';
import { listConsents } from './consent-store.ts';
import { type Relationship, relationships } from './privacy-fhir.ts';
import { relatedPersonRecipient, shareCategories } from './share-categories.ts';
import { addRelatedPerson, listRelatedPersons, type RelatedPersonRow } from './support-network-store.ts';

const params = z.object({ memberId: z.string().min(1).max(64) });
const relationshipKeys = Object.keys(relationships) as [Relationship, ...Relationship[]];
const personView = z.object({
  relatedPersonId: z.string(),
  name: z.string(),
  relationship: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hasAccount: z.boolean(),
  consents: z.array(
    z.object({
      consentId: z.string(),
      shares: z.array(z.enum(shareCategories)).nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      revokedAt: z.string().nullable(),
      inForce: z.boolean(),
    }),
  ),
});

function toView(p: RelatedPersonRow, consents: Awaited<ReturnType<typeof listConsents>>) {
  const today = todayIso();
  const recipient = relatedPersonRecipient(p.related_person_id);
  return {
    relatedPersonId: p.related_person_id,
    name: p.name,
    relationship: p.relationship,
    phone: p.phone,
    email: p.email,
    hasAccount: p.user_id !== null,
    consents: consents
      .filter((c) => c.recipient === recipient)
      .map((c) => ({
        consentId: c.consent_id,
        shares: (c.shares as z.infer<typeof personView>['consents'][number]['shares']) ?? null,
        startDate: c.start_date,
        endDate: c.end_date,
        revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
        inForce:
          c.revoked_at === null && c.start_date <= today && (c.end_date === null || c.end_date >= today),
      })),
  };
}

/**
 * The member's support network: family and other supporters (FHIR RelatedPerson), each
 * with the consents that say what they may see. Naming someone shares nothing by itself.
 */
export const supportNetworkRoutes: RouteModule = {
  name: 'support-network',
  register(app) {
    app.get(
      '/api/members/:memberId/support-network',
      {
        config: { roles: ['case_manager', 'supervisor', 'member'] },
        schema: { tags: ['privacy'], params, response: { 200: z.object({ people: z.array(personView) }) } },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'RelatedPerson' },
          async (grant, { db }) => {
            const [people, consents] = await Promise.all([
              listRelatedPersons(db, grant.memberId),
              listConsents(db, grant.memberId),
            ]);
            return { people: people.map((p) => toView(p, consents)) };
          },
        ),
    );
    app.post(
      '/api/members/:memberId/support-network',
      {
        config: { roles: ['case_manager', 'member'] },
        schema: {
          tags: ['privacy'],
          params,
          body: z.object({
            name: z.string().trim().min(1).max(200),
            relationship: z.enum(relationshipKeys),
            phone: z
              .string()
              .regex(/^[0-9+() .-]{7,20}$/, 'a phone number')
              .optional(),
            email: z.string().email().max(200).optional(),
          }),
          response: { 201: personView },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const person = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'RelatedPerson' },
          (grant, { db }) => addRelatedPerson(db, grant.memberId, request.body, user),
        );
        return reply.status(201).send(toView(person, []));
      },
    );
  },
};
