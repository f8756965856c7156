import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseParams, caseSummaryView, closeInput, stageInput } from './casework-schemas.ts';
import { applyStageChange, caseworkDb, loadCase } from './casework-store.ts';

const caseRoles = ['case_manager', 'supervisor'] as const;

/** Moving a case through its stages by hand, and closing it with a reason (optimistic: 409 when stale). */
export const lifecycleRoutes: RouteModule = {
  name: 'outreach-lifecycle',
  register(app, deps) {
    const db = caseworkDb(deps.store.db);

    app.post(
      '/api/cases/:caseId/stage',
      {
        config: { roles: caseRoles },
        schema: {
          tags: ['outreach'],
          params: caseParams,
          body: stageInput,
          response: { 200: caseSummaryView },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { caseId } = request.params;
        const { memberId } = await loadCase(db, caseId);
        return request.access.member(
          memberId,
          { action: 'update', resourceType: 'Case', resourceId: caseId },
          () =>
            db.transaction().execute(async (trx) => {
              const current = await loadCase(trx, caseId);
              const after = await applyStageChange(
                trx,
                current,
                { kind: 'stage', stage: request.body.stage },
                user,
                {
                  expectedVersion: request.body.version,
                  ...(request.body.note ? { note: request.body.note } : {}),
                },
              );
              return { caseId, stage: after.stage, status: after.status, version: after.version };
            }),
        );
      },
    );

    app.post(
      '/api/cases/:caseId/close',
      {
        config: { roles: caseRoles },
        schema: {
          tags: ['outreach'],
          params: caseParams,
          body: closeInput,
          response: { 200: caseSummaryView },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { caseId } = request.params;
        const { memberId } = await loadCase(db, caseId);
        return request.access.member(
          memberId,
          { action: 'update', resourceType: 'Case', resourceId: caseId },
          () =>
            db.transaction().execute(async (trx) => {
              const current = await loadCase(trx, caseId);
              const after = await applyStageChange(
                trx,
                current,
                { kind: 'close', reason: request.body.reason },
                user,
                {
                  expectedVersion: request.body.version,
                  ...(request.body.note ? { note: request.body.note } : {}),
                },
              );
              return { caseId, stage: after.stage, status: after.status, version: after.version };
            }),
        );
      },
    );
  },
};
