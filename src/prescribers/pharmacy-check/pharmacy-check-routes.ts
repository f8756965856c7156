import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/route-module.ts';
import type { PrescriberServices } from '../prescriber-services.ts';
import { idParam, isoDay, npi } from '../route-schemas.ts';
import {
  checkPharmacyClaim,
  defaultPharmacyCheckPolicy,
  type PharmacyCheckPolicy,
} from './pharmacy-check.ts';

const decisionView = z.object({
  decision: z.enum(['allow', 'deny']),
  reason: z.string(),
  message: z.string(),
  warnings: z.array(z.string()),
  lockInId: z.string().nullable(),
});

/**
 * `POST /api/pharmacy/check`: a PBM point-of-sale lock-in edit. Called by pharmacy claim systems
 * with `Authorization: Bearer <API key>` (or by a signed-in clinical pharmacist); answers from
 * memory, and logs each answer in batches (see PharmacyCheckLog).
 */
export function registerPharmacyCheckRoutes(
  app: App,
  s: PrescriberServices,
  policy: PharmacyCheckPolicy = defaultPharmacyCheckPolicy,
): void {
  app.post(
    '/api/pharmacy/check',
    {
      config: { roles: 'public' }, // authenticated below: API key or a pharmacist's session
      schema: {
        tags: ['pharmacy'],
        body: z.object({
          memberId: idParam,
          ndc: z.string().regex(/^\d{11}$/, '11 digits, no dashes'),
          pharmacyNpi: npi,
          prescriberNpi: npi,
          date: isoDay,
          daysSupply: z.number().int().min(1).max(365).optional(),
        }),
        response: { 200: decisionView },
      },
    },
    async (request) => {
      const actor = await authenticate(request.headers.authorization, request.user, s);
      const index = s.pharmacyCheck.index();
      const decision = checkPharmacyClaim(
        index instanceof Promise ? await index : index,
        request.body,
        policy,
      );
      s.checkLog.add({
        checkedAt: new Date(),
        client: actor.id,
        memberId: request.body.memberId,
        ndc: request.body.ndc,
        pharmacyNpi: request.body.pharmacyNpi,
        prescriberNpi: request.body.prescriberNpi,
        fillDate: request.body.date,
        daysSupply: request.body.daysSupply ?? null,
        decision: decision.decision,
        reason: decision.reason,
        lockInId: decision.lockInId,
        requestId: request.id,
      });
      return decision;
    },
  );
}

async function authenticate(
  authorization: string | undefined,
  user: { userId: string; username: string; role: string } | null,
  s: PrescriberServices,
): Promise<{ id: string; name: string | null; role: string }> {
  if (authorization?.startsWith('Bearer ')) {
    const clientId = await s.clientKeys.clientFor(authorization.slice('Bearer '.length).trim());
    if (clientId) return { id: `client:${clientId}`, name: null, role: 'pharmacy-system' };
    throw new AppError('unauthenticated', 'The API key is not valid.');
  }
  if (user?.role === 'clinical_pharmacist') return { id: user.userId, name: user.username, role: user.role };
  if (user) throw new AppError('forbidden', 'Your role cannot do this.');
  throw new AppError('unauthenticated', 'Send an API key (Authorization: Bearer …) or sign in.');
}
