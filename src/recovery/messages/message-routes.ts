import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { directionOf, listMessages, markMessagesRead, sendMessage } from './message-store.ts';

const memberParams = z.object({ memberId: z.string().min(1).max(64) });

const messageView = z.object({
  messageId: z.string(),
  direction: z.enum(['to_member', 'from_member']),
  body: z.string(),
  sender: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
});

/**
 * Messages between a member and their care team. The member writes to their care team; the
 * case manager (on the caseload) writes to the member; a supervisor reads. A supporter never
 * sees them: they are not a consent category. Who sends decides the direction, never the body.
 */
export const messageRoutes: RouteModule = {
  name: 'recovery-messages',
  register(app) {
    app.get(
      '/api/members/:memberId/messages',
      {
        config: { roles: ['member', 'case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          response: {
            200: z.object({
              messages: z.array(messageView),
              unreadByMember: z.number().int(),
              unreadByCareTeam: z.number().int(),
            }),
          },
        },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'Communication' },
          (grant, { db }) => listMessages(db, grant.memberId),
        ),
    );

    app.post(
      '/api/members/:memberId/messages',
      {
        config: { roles: ['member', 'case_manager'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          body: z.object({ body: z.string().trim().min(1).max(2000) }),
          response: { 201: messageView },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const message = await request.access.member(
          request.params.memberId,
          { action: 'create', resourceType: 'Communication' },
          (grant, { db }) => sendMessage(db, grant.memberId, directionOf(user.role), request.body.body, user),
        );
        reply.status(201);
        return message;
      },
    );

    app.post(
      '/api/members/:memberId/messages/read',
      {
        config: { roles: ['member', 'case_manager'] },
        schema: {
          tags: ['recovery'],
          params: memberParams,
          body: z.object({}).strict(),
          response: { 200: z.object({ marked: z.number().int() }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const marked = await request.access.member(
          request.params.memberId,
          { action: 'update', resourceType: 'Communication' },
          (grant, { db }) => markMessagesRead(db, grant.memberId, user.role),
        );
        return { marked };
      },
    );
  },
};
