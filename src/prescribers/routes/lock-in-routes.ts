import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http/route-module.ts';
import { evaluateMembers } from '../../risk/evaluate-members.ts';
import { renderInitialNotice, renderSecondNotice } from '../lock-in/lock-in-notice-pdf.ts';
import { applyLockInCommand, createLockInProposal, runLockInDailyJob } from '../lock-in/lock-in-service.ts';
import { readMemberMailing, readNamesOf } from '../lock-in/member-mailing.ts';
import { findReviewCandidates } from '../lock-in/review-candidates.ts';
import { listLockInEvents, listLockIns, listMemberLockIns, loadLockIn } from '../store/lock-in-store.ts';
import { loadLockInNotice, saveLockInNotice } from '../store/notice-store.ts';
import type { PrescriberServices } from './prescriber-services.ts';
import {
  idParam,
  isoDay,
  lockInCommand,
  lockInEventView,
  lockInStates,
  lockInView,
  today,
} from './route-schemas.ts';

const pharmacist = ['clinical_pharmacist'] as const;
const readers = ['clinical_pharmacist', 'supervisor'] as const;

/** The lock-in review queue, decisions, transitions, notices and the daily job (RISK-RULES §9). */
export function registerLockInRoutes(app: App, deps: AppDeps, s: PrescriberServices): void {
  app.post(
    '/api/lock-ins/review',
    {
      config: { roles: pharmacist },
      schema: {
        tags: ['lock-in'],
        body: z.object({ asOf: isoDay }),
        response: {
          200: z.object({ candidates: z.number(), proposed: z.number(), alreadyOpen: z.number() }),
        },
      },
    },
    async (request) => {
      const { asOf } = request.body;
      const candidates = findReviewCandidates(await evaluateMembers(deps.warehouse, { asOf }), asOf);
      const open = new Set(
        (
          await listLockIns(s.db, [
            'proposed',
            'decided',
            'initial_notice_sent',
            'second_notice_sent',
            'active',
            'extended',
            'appealed',
          ])
        ).map((l) => l.memberId),
      );
      const by = request.access.requireUser().userId;
      let proposed = 0;
      for (const c of candidates) {
        if (open.has(c.memberId)) continue;
        await createLockInProposal(s.db, c.memberId, c.evidence, today(), by);
        proposed++;
      }
      await request.access.audit({
        action: 'create',
        memberId: null,
        resourceType: 'LockInReview',
        resourceId: asOf,
        purpose: 'operations',
        outcome: 'success',
        detail: `${proposed} proposed`,
      });
      return { candidates: candidates.length, proposed, alreadyOpen: candidates.length - proposed };
    },
  );

  app.get(
    '/api/lock-ins',
    {
      config: { roles: readers },
      schema: {
        tags: ['lock-in'],
        querystring: z.object({ state: z.enum(lockInStates).optional() }),
        response: { 200: z.object({ items: z.array(lockInView) }) },
      },
    },
    async (request) => {
      const items = await listLockIns(s.db, request.query.state ? [request.query.state] : []);
      await request.access.audit({
        action: 'search',
        memberId: null,
        resourceType: 'LockIn',
        resourceId: null,
        purpose: 'operations',
        outcome: 'success',
        detail: `${items.length} lock-ins`,
      });
      return { items };
    },
  );

  app.get(
    '/api/lock-ins/:lockInId',
    {
      config: { roles: readers },
      schema: {
        tags: ['lock-in'],
        params: z.object({ lockInId: idParam }),
        response: { 200: z.object({ lockIn: lockInView, events: z.array(lockInEventView) }) },
      },
    },
    async (request) => {
      const lockIn = await loadLockIn(s.db, request.params.lockInId);
      return request.access.member(
        lockIn.memberId,
        { action: 'read', resourceType: 'LockIn', resourceId: lockIn.id },
        async () => ({
          lockIn,
          events: await listLockInEvents(s.db, lockIn.id),
        }),
      );
    },
  );

  app.post(
    '/api/lock-ins/:lockInId/transitions',
    {
      config: { roles: pharmacist },
      schema: {
        tags: ['lock-in'],
        params: z.object({ lockInId: idParam }),
        body: z.object({ command: lockInCommand, on: isoDay.optional() }),
        response: { 200: z.object({ lockIn: lockInView }) },
      },
    },
    async (request) => {
      const current = await loadLockIn(s.db, request.params.lockInId);
      const on = request.body.on ?? today();
      const by = request.access.requireUser().userId;
      const lockIn = await request.access.member(
        current.memberId,
        { action: 'update', resourceType: 'LockIn', resourceId: current.id },
        async () => {
          const next = await applyLockInCommand(s.db, current.id, request.body.command, on, by, (l) =>
            s.pharmacyCheck.lockInChanged(l),
          );
          if (next.state === 'initial_notice_sent' && request.body.command.kind === 'send_initial_notice')
            await saveLockInNotice(
              s.db,
              next.id,
              'initial',
              on,
              await renderInitialNotice(next, await readMemberMailing(deps.warehouse, next.memberId)),
            );
          if (request.body.command.kind === 'send_second_notice') {
            const names = await readNamesOf(deps.warehouse, [next.pharmacyNpi, next.prescriberNpi]);
            await saveLockInNotice(
              s.db,
              next.id,
              'second',
              on,
              await renderSecondNotice(next, await readMemberMailing(deps.warehouse, next.memberId), names),
            );
          }
          return next;
        },
      );
      return { lockIn };
    },
  );

  app.get(
    '/api/lock-ins/:lockInId/notices/:kind',
    {
      config: { roles: readers },
      schema: {
        tags: ['lock-in'],
        params: z.object({ lockInId: idParam, kind: z.enum(['initial', 'second']) }),
      },
    },
    async (request, reply) => {
      const lockIn = await loadLockIn(s.db, request.params.lockInId);
      const pdf = await request.access.member(
        lockIn.memberId,
        { action: 'read', resourceType: 'LockInNotice', resourceId: lockIn.id },
        () => loadLockInNotice(s.db, lockIn.id, request.params.kind),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="lock-in-notice-${request.params.kind}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/lock-ins/daily-job',
    {
      config: { roles: ['clinical_pharmacist', 'admin'] },
      schema: {
        tags: ['lock-in'],
        body: z.object({ today: isoDay.optional() }),
        response: {
          200: z.object({
            today: z.string(),
            examined: z.number(),
            activated: z.number(),
            expired: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const result = await runLockInDailyJob(s.db, request.body.today ?? today(), (l) =>
        s.pharmacyCheck.lockInChanged(l),
      );
      await request.access.audit({
        action: 'update',
        memberId: null,
        resourceType: 'LockInDailyJob',
        resourceId: result.today,
        purpose: 'operations',
        outcome: 'success',
        detail: `${result.activated} activated, ${result.expired} expired`,
      });
      return result;
    },
  );

  app.get(
    '/api/members/:memberId/lock-ins',
    {
      config: { roles: ['clinical_pharmacist', 'supervisor', 'case_manager'] },
      schema: {
        tags: ['lock-in'],
        params: z.object({ memberId: idParam }),
        response: { 200: z.object({ items: z.array(lockInView) }) },
      },
    },
    async (request) =>
      request.access.member(
        request.params.memberId,
        { action: 'read', resourceType: 'LockIn' },
        async () => ({
          items: await listMemberLockIns(s.db, request.params.memberId),
        }),
      ),
  );
}
