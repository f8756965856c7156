import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { screenReportSchema, sessionReportSchema } from '../recovery-schemas.ts';
import { parseReportCsv, parseReportNdjson, type ReportRejection } from './bulk-reports.ts';
import { recordScreens, recordSessions } from './report-store.ts';

const recorded = z.object({ recorded: z.number().int() });
const uploadTypes = ['text/csv', 'application/x-ndjson', 'application/fhir+ndjson'] as const;
const bulkLimit = 20 * 1_048_576;

/**
 * What a treatment facility reports about a member referred to it: an attended or missed
 * session (FHIR Encounter) and a drug-screen result (Observation), one at a time, or in bulk
 * as a CSV or FHIR NDJSON file where every bad row is rejected with file, line, field and reason.
 */
export const reportRoutes: RouteModule = {
  name: 'recovery-reports',
  register(app) {
    for (const type of uploadTypes)
      if (!app.hasContentTypeParser(type))
        app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: bulkLimit }, (_request, body, done) =>
          done(null, String(body)),
        );

    app.post(
      '/api/recovery/reports',
      {
        config: { roles: ['facility_staff'] },
        bodyLimit: bulkLimit,
        schema: {
          tags: ['recovery'],
          querystring: z.object({ file: z.string().min(1).max(200).default('upload') }),
          response: {
            200: z.object({
              sessions: z.number().int(),
              screens: z.number().int(),
              rejected: z.array(
                z.object({ file: z.string(), line: z.number(), field: z.string(), reason: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const facilityNpi = facilityOf(user.organization);
        const text = typeof request.body === 'string' ? request.body : '';
        const { file } = request.query;
        const csv = String(request.headers['content-type'] ?? '').startsWith('text/csv');
        const parsed = csv ? parseReportCsv(file, text) : parseReportNdjson(file, text);
        const rejected: ReportRejection[] = [...parsed.rejected];
        let sessions = 0;
        let screens = 0;
        // Each member's rows pass the same check as one report: referred to this facility, audited.
        const byMember = new Map<
          string,
          { sessions: typeof parsed.sessions; screens: typeof parsed.screens }
        >();
        const of = (memberId: string) =>
          byMember.get(memberId) ?? byMember.set(memberId, { sessions: [], screens: [] }).get(memberId)!;
        for (const r of parsed.sessions) of(r.memberId).sessions.push(r);
        for (const r of parsed.screens) of(r.memberId).screens.push(r);
        for (const [memberId, { sessions: mine, screens: myScreens }] of byMember) {
          try {
            await request.access.member(
              memberId,
              { action: 'report', resourceType: 'Encounter' },
              async (_g, { db }) => {
                sessions += await recordSessions(db, mine, { userId: user.userId, facilityNpi });
                screens += await recordScreens(db, myScreens, { userId: user.userId, facilityNpi });
              },
            );
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
            for (const r of [...mine, ...myScreens])
              rejected.push({
                file,
                line: r.line,
                field: 'member_id',
                reason: 'the member is not referred to this facility',
              });
          }
        }
        rejected.sort((a, b) => a.line - b.line);
        return { sessions, screens, rejected };
      },
    );

    app.post(
      '/api/recovery/sessions',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['recovery'], body: sessionReportSchema, response: { 201: recorded } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const facilityNpi = facilityOf(user.organization);
        const count = await request.access.member(
          request.body.memberId,
          { action: 'report', resourceType: 'Encounter' },
          (_grant, { db }) => recordSessions(db, [request.body], { userId: user.userId, facilityNpi }),
        );
        reply.status(201);
        return { recorded: count };
      },
    );

    app.post(
      '/api/recovery/screens',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['recovery'], body: screenReportSchema, response: { 201: recorded } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const facilityNpi = facilityOf(user.organization);
        const count = await request.access.member(
          request.body.memberId,
          { action: 'report', resourceType: 'Observation' },
          (_grant, { db }) => recordScreens(db, [request.body], { userId: user.userId, facilityNpi }),
        );
        reply.status(201);
        return { recorded: count };
      },
    );
  },
};

function facilityOf(organization: string | null | undefined): string {
  if (!organization) throw new AppError('forbidden', 'Your account is not linked to a facility.');
  return organization;
}
