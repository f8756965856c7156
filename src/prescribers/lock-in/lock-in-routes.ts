import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { App } from '../../platform/http/route-module.ts';
import { evaluateMembers } from '../../risk/index.ts';
import type { PrescriberServices } from '../prescriber-services.ts';
import {
  idParam,
  isoDay,
  lockInCommand,
  lockInEventView,
  lockInStates,
  lockInView,
} from '../route-schemas.ts';
import { renderInitialNotice, renderSecondNotice } from './lock-in-notice-pdf.ts';
import { applyLockInCommand, createLockInProposal, runLockInDailyJob } from './lock-in-service.ts';
import {
  listLockInEvents,
  listLockIns,
  listMemberLockIns,
  lockInResolver,
  prescriberDb,
} from './lock-in-store.ts';
import { readMemberMailing, readNamesOf } from './member-mailing.ts';
import { loadLockInNotice, saveLockInNotice } from './notice-store.ts';
import { findReviewCandidates } from './review-candidates.ts';

const pharmacist = ['clinical_pharmacist'] as const;
const readers = ['clinical_pharmacist', 'supervisor'] as const;
/** A member with a lock-in in one of these states is not proposed again. */
const openStates = [
  'proposed',
  'decided',
  'initial_notice_sent',
  'second_notice_sent',
  'active',
  'extended',
  'appealed',
] as const;

/** The lock-in review queue, decisions, transitions, notices and the daily job (RISK-RULES §9). */
export function registerLockInRoutes(app: App, s: PrescriberServices): void {
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
      const by = request.access.requireUser().userId;
      return request.access.operation(
        { action: 'create', resourceType: 'LockInReview', resourceId: asOf },
        async ({ db: ops, warehouse }) => {
          const db = prescriberDb(ops);
          const candidates = findReviewCandidates(await evaluateMembers(warehouse, { asOf }), asOf);
          const open = new Set((await listLockIns(db, openStates)).map((l) => l.memberId));
          let proposed = 0;
          for (const c of candidates) {
            if (open.has(c.memberId)) continue;
            await createLockInProposal(db, c.memberId, c.evidence, todayIso(), by);
            proposed++;
          }
          return { candidates: candidates.length, proposed, alreadyOpen: candidates.length - proposed };
        },
        (r) => `${r.proposed} proposed`,
      );
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
      const items = await request.access.operation(
        { action: 'search', resourceType: 'LockIn' },
        ({ db }) => listLockIns(prescriberDb(db), request.query.state ? [request.query.state] : []),
        (found) => `${found.length} lock-ins`,
      );
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
    async (request) =>
      request.access.resource(
        lockInResolver,
        request.params.lockInId,
        'read',
        async ({ lockIn }, _grant, { db }) => ({
          lockIn,
          events: await listLockInEvents(prescriberDb(db), lockIn.id),
        }),
      ),
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
      const on = request.body.on ?? todayIso();
      const by = request.access.requireUser().userId;
      const { command } = request.body;
      const lockIn = await request.access.resource(
        lockInResolver,
        request.params.lockInId,
        'update',
        async ({ lockIn: current }, _grant, { db: ops, warehouse }) => {
          const db = prescriberDb(ops);
          const next = await applyLockInCommand(db, current.id, command, on, by, (l) =>
            s.pharmacyCheck.lockInChanged(l),
          );
          if (next.state === 'initial_notice_sent' && command.kind === 'send_initial_notice')
            await saveLockInNotice(
              db,
              next.id,
              'initial',
              on,
              await renderInitialNotice(next, await readMemberMailing(warehouse, next.memberId)),
            );
          if (command.kind === 'send_second_notice') {
            const names = await readNamesOf(warehouse, [next.pharmacyNpi, next.prescriberNpi]);
            await saveLockInNotice(
              db,
              next.id,
              'second',
              on,
              await renderSecondNotice(next, await readMemberMailing(warehouse, next.memberId), names),
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
      const pdf = await request.access.resource(
        lockInResolver,
        request.params.lockInId,
        { action: 'read', resourceType: 'LockInNotice' },
        ({ lockIn }, _grant, { db }) => loadLockInNotice(prescriberDb(db), lockIn.id, request.params.kind),
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
    async (request) =>
      request.access.operation(
        { action: 'update', resourceType: 'LockInDailyJob', resourceId: request.body.today ?? todayIso() },
        ({ db }) =>
          runLockInDailyJob(prescriberDb(db), request.body.today ?? todayIso(), (l) =>
            s.pharmacyCheck.lockInChanged(l),
          ),
        (r) => `${r.activated} activated, ${r.expired} expired`,
      ),
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
        async (_grant, { db }) => ({
          items: await listMemberLockIns(prescriberDb(db), request.params.memberId),
        }),
      ),
  );
}
