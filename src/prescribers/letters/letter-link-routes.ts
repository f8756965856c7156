import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/route-module.ts';
import type { PrescriberServices } from '../prescriber-services.ts';

const token = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

const refusal = {
  unknown: 'This link is not valid.',
  expired: 'This link has expired. Please call the plan for a new one.',
  used: 'This letter was already downloaded with this link. Please call the plan for a new one.',
  revoked: 'This link was withdrawn. Please call the plan.',
} as const;

/**
 * The prescriber's side of a secure link: opening it (recorded, does not use it up) and
 * downloading the letter once. Public by design: the unguessable token is the credential.
 */
export function registerLetterLinkRoutes(app: App, s: PrescriberServices): void {
  app.get(
    '/api/letter-links/:token',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['letters'],
        params: token,
        response: { 200: z.object({ prescriberName: z.string().nullable(), expiresAt: z.string() }) },
      },
    },
    async (request) => {
      const found = await s.letterLinks.open(request.params.token);
      if (!found.ok)
        throw new AppError(found.reason === 'unknown' ? 'not_found' : 'forbidden', refusal[found.reason]);
      return { prescriberName: found.prescriberName, expiresAt: found.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/letter-links/:token/download',
    { config: { roles: 'public' }, schema: { tags: ['letters'], params: token } },
    async (request, reply) => {
      const got = await s.letterLinks.download(request.params.token, request.id);
      if (!got.ok)
        throw new AppError(got.reason === 'unknown' ? 'not_found' : 'forbidden', refusal[got.reason]);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="prescriber-letter.pdf"')
        .send(Buffer.from(got.pdf));
    },
  );
}
