import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { RequestAccess } from '../../platform/http/request-access.ts';
import type { App } from '../../platform/http/route-module.ts';
import { prescriberDb } from '../lock-in/lock-in-store.ts';
import { idParam, isoDay } from '../route-schemas.ts';
import { generateLetters } from './generate-letters.ts';
import { createLetterDelivery } from './letter-delivery-store.ts';
import {
  letterDetailView,
  letterReportView,
  letterRunView,
  letterSummary,
  prescriberRankingView,
} from './letter-schemas.ts';
import {
  listLetterEvents,
  listLetters,
  listSuppressions,
  loadLetter,
  readSentLetterReport,
} from './letter-store.ts';
import { readMemberIdentities, readPart2ClaimIds } from './letter-warehouse.ts';
import { collectMonitoring, rankPrescribers } from './prescriber-monitoring.ts';

const pharmacist = ['clinical_pharmacist'] as const;
const readers = ['clinical_pharmacist', 'supervisor'] as const;

function toSummary(l: Awaited<ReturnType<typeof listLetters>>[number]): z.output<typeof letterSummary> {
  return {
    letterId: l.letter_id,
    runId: l.run_id,
    asOf: l.as_of,
    prescriberNpi: l.prescriber_npi,
    prescriberName: l.prescriber_name,
    status: l.status,
    memberCount: l.member_count,
    createdAt: new Date(l.created_at).toISOString(),
    sentAt: l.sent_at ? new Date(l.sent_at).toISOString() : null,
    sentBy: l.sent_by,
  };
}

/** Prescriber ranking, letter runs, the letters and what was sent to whom and why (RISK-RULES §8). */
export function registerLetterRoutes(app: App): void {
  app.get(
    '/api/prescribers/ranking',
    {
      config: { roles: readers },
      schema: {
        tags: ['prescribers'],
        querystring: z.object({ asOf: isoDay }),
        response: {
          200: prescriberRankingView,
        },
      },
    },
    async (request) => {
      const { asOf } = request.query;
      const prescribers = await request.access.operation(
        { action: 'search', resourceType: 'PrescriberRanking', resourceId: asOf },
        async ({ warehouse }) => rankPrescribers(await collectMonitoring(warehouse, asOf)),
        (found) => `${found.length} prescribers`,
      );
      return { asOf, prescribers };
    },
  );

  app.post(
    '/api/letters/runs',
    {
      config: { roles: pharmacist },
      schema: {
        tags: ['letters'],
        body: z.object({ asOf: isoDay }),
        response: {
          201: letterRunView,
        },
      },
    },
    async (request, reply) => {
      const by = request.access.requireUser().userId;
      const result = await request.access.operation(
        { action: 'create', resourceType: 'LetterRun', resourceId: request.body.asOf },
        async ({ db, warehouse }) => {
          const snapshot = await collectMonitoring(warehouse, request.body.asOf);
          return generateLetters(db, snapshot, {
            by,
            today: todayIso(),
            identities: await readMemberIdentities(warehouse, [...snapshot.highRisk]),
            part2ClaimIds: await readPart2ClaimIds(warehouse),
          });
        },
        (r) => `run ${r.runId}: ${r.counts.letters} letters, ${r.counts.suppressed} suppressed`,
      );
      // Each letter is a new record of member data: one audit event per member and letter.
      for (const letter of result.letters)
        for (const memberId of letter.memberIds)
          await request.access.audit({
            action: 'create',
            memberId,
            resourceType: 'Letter',
            resourceId: letter.letterId,
            detail: `letter to prescriber ${letter.prescriberNpi}`,
          });
      return reply
        .status(201)
        .send({ ...result, letters: result.letters.map(({ pdf: _pdf, memberIds: _ids, ...l }) => l) });
    },
  );

  app.get(
    '/api/letters',
    {
      config: { roles: readers },
      schema: {
        tags: ['letters'],
        querystring: z.object({
          runId: idParam.optional(),
          status: z.enum(['generated', 'sent', 'superseded']).optional(),
        }),
        response: { 200: z.object({ items: z.array(letterSummary) }) },
      },
    },
    async (request) => {
      const filter = {
        ...(request.query.runId ? { runId: request.query.runId } : {}),
        ...(request.query.status ? { status: request.query.status } : {}),
      };
      const letters = await request.access.nonMember(({ db }) => listLetters(prescriberDb(db), filter));
      return { items: letters.map(toSummary) };
    },
  );

  app.get(
    '/api/letters/:letterId',
    {
      config: { roles: readers },
      schema: {
        tags: ['letters'],
        params: z.object({ letterId: idParam }),
        response: {
          200: letterDetailView,
        },
      },
    },
    async (request) => {
      const { letterId } = request.params;
      const { letter, members, events, suppressed } = await request.access.operation(
        { action: 'read', resourceType: 'Letter', resourceId: letterId },
        async ({ db: ops }) => {
          const db = prescriberDb(ops);
          const { letter, members } = await loadLetter(db, letterId);
          const events = await listLetterEvents(db, letter.letter_id);
          const suppressed = (await listSuppressions(db, letter.run_id)).filter(
            (x) => x.prescriber_npi === letter.prescriber_npi,
          );
          return { letter, members, events, suppressed };
        },
      );
      await auditEachMember(request.access, members, { action: 'read', resourceType: 'Letter', letterId });
      return {
        letter: toSummary(letter),
        members: members.map((m) => ({
          memberId: m.member_id,
          disclosedFactorCodes: m.disclosed_factor_codes,
          newFactorCodes: m.new_factor_codes,
          withheldPart2: m.withheld_part2,
        })),
        events: events.map((e) => ({
          kind: e.kind,
          at: new Date(e.at).toISOString(),
          actor: e.actor,
          detail: e.detail,
          deliveryId: e.delivery_id,
        })),
        suppressedInRun: suppressed.map((x) => ({
          prescriberNpi: x.prescriber_npi,
          memberId: x.member_id,
          priorSentOn: x.prior_sent_on,
          reason: x.reason,
        })),
      };
    },
  );

  app.get(
    '/api/letters/:letterId/pdf',
    { config: { roles: readers }, schema: { tags: ['letters'], params: z.object({ letterId: idParam }) } },
    async (request, reply) => {
      const { letterId } = request.params;
      const { letter, members } = await request.access.operation(
        { action: 'read', resourceType: 'LetterPdf', resourceId: letterId },
        ({ db }) => loadLetter(prescriberDb(db), letterId),
      );
      await auditEachMember(request.access, members, { action: 'read', resourceType: 'LetterPdf', letterId });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="prescriber-letter.pdf"')
        .send(Buffer.from(letter.pdf));
    },
  );

  app.post(
    '/api/letters/:letterId/send',
    {
      config: { roles: pharmacist },
      schema: {
        tags: ['letters'],
        params: z.object({ letterId: idParam }),
        body: z.object({
          recipient: z.string().min(3).max(200),
          expiresInHours: z
            .number()
            .int()
            .min(1)
            .max(24 * 14)
            .default(72),
        }),
        response: { 200: z.object({ deliveryId: z.string(), link: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request) => {
      const { letterId } = request.params;
      const by = request.access.requireUser().userId;
      const { letter, members, d } = await request.access.operation(
        { action: 'disclose', resourceType: 'Letter', resourceId: letterId },
        async ({ db: ops }) => {
          const db = prescriberDb(ops);
          const { letter, members } = await loadLetter(db, letterId);
          const d = await createLetterDelivery(db, letter.letter_id, {
            recipient: request.body.recipient,
            expiresInHours: request.body.expiresInHours,
            by,
          });
          return { letter, members, d };
        },
      );
      await auditEachMember(request.access, members, {
        action: 'disclose',
        resourceType: 'Letter',
        letterId,
        detail: `secure link to prescriber ${letter.prescriber_npi}`,
      });
      // The token is in the path, never a query string, and is shown only this once.
      return {
        deliveryId: d.deliveryId,
        link: `/api/letter-links/${d.token}`,
        expiresAt: d.expiresAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/letters/report',
    {
      config: { roles: readers },
      schema: {
        tags: ['letters'],
        querystring: z.object({ from: isoDay, to: isoDay }),
        response: {
          200: letterReportView,
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const rows = await request.access.operation(
        { action: 'search', resourceType: 'LetterReport', resourceId: `${from}..${to}` },
        ({ db }) => readSentLetterReport(prescriberDb(db), from, to),
        (found) => `${found.length} rows`,
      );
      return {
        items: rows.map((r) => ({
          letterId: r.letter_id,
          asOf: r.as_of,
          prescriberNpi: r.prescriber_npi,
          prescriberName: r.prescriber_name,
          sentAt: r.sent_at.toISOString(),
          sentBy: r.sent_by,
          memberId: r.member_id,
          why: r.disclosed_factor_codes,
          newSinceLastLetter: r.new_factor_codes,
          part2FactsLeftOut: r.withheld_part2,
        })),
      };
    },
  );
}

/** One audit event for each member a letter names: reading or sending it touches each one's data. */
async function auditEachMember(
  access: RequestAccess,
  members: ReadonlyArray<{ member_id: string }>,
  event: { action: string; resourceType: string; letterId: string; detail?: string },
): Promise<void> {
  for (const m of members)
    await access.audit({
      action: event.action,
      memberId: m.member_id,
      resourceType: event.resourceType,
      resourceId: event.letterId,
      detail: event.detail ?? null,
    });
}
