import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { readRecoveryResources, recoveryFhirResolver, recoveryFhirTypes } from './recovery-fhir-store.ts';

const fhirJson = z.record(z.string(), z.unknown());
const fhirRoles = ['case_manager', 'supervisor', 'member', 'facility_staff'] as const;

/**
 * The FHIR read API for treatment and recovery: `/api/fhir/{type}?patient=`
 * as a searchset Bundle and `/api/fhir/{type}/{id}`. These are Part 2 treatment records: a
 * caller whose grant leaves Part 2 out (a facility consented for other records only) reads none.
 */
export const recoveryFhirRoutes: RouteModule = {
  name: 'recovery-fhir',
  register(app) {
    app.get(
      '/api/fhir/:type',
      {
        config: { roles: fhirRoles },
        schema: {
          tags: ['fhir'],
          params: z.object({ type: z.enum(recoveryFhirTypes) }),
          querystring: z.object({ patient: z.string().min(1).max(64) }),
          response: { 200: fhirJson },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { type } = request.params;
        const resources = await request.access.member(
          request.query.patient,
          { action: 'read', resourceType: type },
          (grant, { db }) =>
            grant.includePart2 ? readRecoveryResources(db, type, grant.memberId, user) : Promise.resolve([]),
        );
        reply.type('application/fhir+json');
        return {
          resourceType: 'Bundle',
          type: 'searchset',
          total: resources.length,
          entry: resources.map((resource) => ({
            fullUrl: `${type}/${resource.id}`,
            resource,
            search: { mode: 'match' },
          })),
        };
      },
    );

    app.get(
      '/api/fhir/:type/:id',
      {
        config: { roles: fhirRoles },
        schema: {
          tags: ['fhir'],
          params: z.object({ type: z.enum(recoveryFhirTypes), id: z.string().min(1).max(64) }),
          response: { 200: fhirJson },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { type, id } = request.params;
        const resolver = recoveryFhirResolver(type);
        const found = await request.access.resource(
          resolver,
          id,
          'read',
          async ({ memberId }, grant, { db }) =>
            grant.includePart2
              ? (await readRecoveryResources(db, type, memberId, user)).find((r) => r.id === id)
              : undefined,
        );
        if (!found) throw new AppError('not_found', resolver.notFound);
        reply.type('application/fhir+json');
        return found;
      },
    );
  },
};
