import type { RequestAccess } from '../../platform/http/request-access.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver } from '../cases/case-queries.ts';
import type { StageChange } from './case-lifecycle.ts';
import { caseParams, caseSummaryView, closeInput, stageInput } from './casework-schemas.ts';
import { changeCaseStage } from './casework-store.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;

/** Moving a case through its stages by hand, and closing it with a reason (optimistic: 409 when stale). */
export const lifecycleRoutes: RouteModule = {
  name: 'outreach-lifecycle',
  register(app) {
    const schema = <B extends typeof stageInput | typeof closeInput>(body: B) => ({
      tags: ['outreach'],
      params: caseParams,
      body,
      response: { 200: caseSummaryView },
    });

    app.post(
      '/api/cases/:caseId/stage',
      { config: { roles: caseRoles }, schema: schema(stageInput) },
      async (request) =>
        changeCase(
          request.access,
          request.params.caseId,
          { kind: 'stage', stage: request.body.stage },
          request.body,
        ),
    );

    app.post(
      '/api/cases/:caseId/close',
      { config: { roles: caseRoles }, schema: schema(closeInput) },
      async (request) =>
        changeCase(
          request.access,
          request.params.caseId,
          { kind: 'close', reason: request.body.reason },
          request.body,
        ),
    );
  },
};

/** Applies one stage change to a case, through the audited access check on the case. */
function changeCase(
  access: RequestAccess,
  caseId: string,
  change: StageChange,
  body: { version: number; note?: string | undefined },
) {
  const user = access.requireUser();
  return access.resource(caseResolver, caseId, 'update', (_case, _grant, { db }) =>
    changeCaseStage(db, caseId, change, user, body),
  );
}
