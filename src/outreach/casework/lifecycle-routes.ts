import type { RequestAccess } from '../../platform/http/request-access.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import type { StageChange } from './case-lifecycle.ts';
import { caseParams, caseSummaryView, closeInput, stageInput } from './casework-schemas.ts';
import { applyStageChange, caseworkDb, loadCase } from './casework-store.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;

/** Moving a case through its stages by hand, and closing it with a reason (optimistic: 409 when stale). */
export const lifecycleRoutes: RouteModule = {
  name: 'outreach-lifecycle',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);
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
          db,
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
          db,
          request.access,
          request.params.caseId,
          { kind: 'close', reason: request.body.reason },
          request.body,
        ),
    );
  },
};

/** Applies one stage change to a case in a transaction, through the audited member access check. */
async function changeCase(
  db: ReturnType<typeof caseworkDb>,
  access: RequestAccess,
  caseId: string,
  change: StageChange,
  body: { version: number; note?: string | undefined },
) {
  const user = access.requireUser();
  const { memberId } = await loadCase(db, caseId);
  return access.member(memberId, { action: 'update', resourceType: 'Case', resourceId: caseId }, () =>
    db.transaction().execute(async (trx) => {
      const current = await loadCase(trx, caseId);
      const after = await applyStageChange(trx, current, change, user, {
        expectedVersion: body.version,
        ...(body.note ? { note: body.note } : {}),
      });
      return { caseId, stage: after.stage, status: after.status, version: after.version };
    }),
  );
}
