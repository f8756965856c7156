import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { findMemberEnrollment } from '../cost/member-plan.ts';
import { preauthorizationResolver } from '../preauth/authorization-store.ts';
import { facilityNpiOf, submitPreauthorization } from '../preauth/preauth-service.ts';
import { readPasClaim } from './read-pas-claim.ts';
import { writeClaimResponse, writeOperationOutcome } from './write-claim-response.ts';

const unparseable = Symbol('unparseable');
const fhirJson = z.record(z.string(), z.unknown());

/**
 * The Da Vinci PAS face: `POST /api/fhir/Claim/$submit` takes a Claim with
 * use = preauthorization (or a Bundle whose first entry is the Claim) and answers
 * a ClaimResponse (in a Bundle when a Bundle was sent); anything wrong gets an
 * OperationOutcome naming each problem. `GET /api/fhir/ClaimResponse/{id}` reads
 * the current answer (PAS $inquire, simplified).
 */
export const fhirPasRoutes: RouteModule = {
  name: 'coverage-fhir-pas',
  register(app) {
    if (!app.hasContentTypeParser('application/fhir+json'))
      app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_request, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch (error) {
          done(null, { [unparseable]: error instanceof Error ? error.message : 'not JSON' });
        }
      });

    app.post(
      '/api/fhir/Claim/$submit',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['fhir'], response: { 200: fhirJson, '4xx': fhirJson } },
      },
      async (request, reply) => {
        reply.type('application/fhir+json');
        const body = request.body as Record<string | symbol, unknown> | null;
        if (body && typeof body === 'object' && unparseable in body)
          return reply
            .code(400)
            .send(
              writeOperationOutcome([
                { path: '', message: `The body is not JSON: ${String(body[unparseable])}` },
              ]),
            );
        const read = readPasClaim(body);
        if (!read.ok) return reply.code(400).send(writeOperationOutcome(read.issues));
        const now = new Date().toISOString();
        try {
          let planId = read.request.planId;
          if (!planId) {
            // The facility reads the member's plan for its own request, audited as such.
            const enrollment = await request.access.member(
              read.request.memberId,
              {
                action: 'read',
                resourceType: 'Coverage',
                facilityNpi: facilityNpiOf(request.access.requireUser()),
              },
              (_grant, { warehouse }) =>
                findMemberEnrollment(warehouse, read.request.memberId, now.slice(0, 10)),
            );
            if (!enrollment)
              throw new AppError('unprocessable', 'No coverage found for the member.', [
                {
                  path: 'Claim.insurance',
                  message: 'give the Coverage with a class of type plan; the member has no enrollment today',
                },
              ]);
            planId = enrollment.planId;
          }
          const a = await submitPreauthorization(
            request.access,
            { ...read.request, planId },
            now,
            read.claimId,
          );
          const response = writeClaimResponse(a, read.claimId, now);
          const wasBundle = (body as { resourceType?: unknown }).resourceType === 'Bundle';
          return wasBundle
            ? { resourceType: 'Bundle', type: 'collection', timestamp: now, entry: [{ resource: response }] }
            : response;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
          const code =
            error.code === 'forbidden' ? 'forbidden' : error.code === 'not_found' ? 'not-found' : 'invalid';
          return reply.code(error.status).send(
            writeOperationOutcome(
              issues.map((i) => ({
                ...i,
                message: `${error.message} ${i.path ? `${i.path}: ` : ''}${i.message}`,
              })),
              code,
            ),
          );
        }
      },
    );

    app.get(
      '/api/fhir/ClaimResponse/:authorizationId',
      {
        config: { roles: ['facility_staff'] },
        schema: {
          tags: ['fhir'],
          params: z.object({ authorizationId: z.string().min(1).max(64) }),
          response: { 200: fhirJson },
        },
      },
      async (request, reply) => {
        const a = await request.access.resource(
          preauthorizationResolver,
          request.params.authorizationId,
          { action: 'read', resourceType: 'ClaimResponse' },
          async ({ authorization }) => authorization,
        );
        reply.type('application/fhir+json');
        return writeClaimResponse(a, a.fhirClaimId, new Date().toISOString());
      },
    );
  },
};
