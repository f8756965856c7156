import type { Role } from '../../platform/auth/roles.ts';
import type { Actor } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { recoveryDb } from '../recovery-tables.ts';

/** Which way a message goes: from the care team to the member, or from the member to their care team. */
export type MessageDirection = 'to_member' | 'from_member';

export interface CareTeamMessage {
  messageId: string;
  direction: MessageDirection;
  body: string;
  /** The sender's display name (or username) for the care team's messages; the member's own show as theirs. */
  sender: string;
  sentAt: string;
  readAt: string | null;
}

/** How many messages a thread shows: the newest, oldest first. */
const threadLength = 100;

export async function sendMessage(
  db: OpsDb,
  memberId: string,
  direction: MessageDirection,
  body: string,
  by: Actor,
  at: Date = new Date(),
): Promise<CareTeamMessage> {
  const messageId = crypto.randomUUID();
  await recoveryDb(db)
    .insertInto('care_team_message')
    .values({ message_id: messageId, member_id: memberId, direction, body, sent_by: by.userId, sent_at: at })
    .execute();
  return { messageId, direction, body, sender: by.username, sentAt: at.toISOString(), readAt: null };
}

/** The member's thread with their care team, oldest first, and how many are unread by each side. */
export async function listMessages(db: OpsDb, memberId: string) {
  const rows = await recoveryDb(db)
    .selectFrom('care_team_message as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.sent_by')
    .select([
      'm.message_id',
      'm.direction',
      'm.body',
      'm.sent_at',
      'm.read_at',
      'u.username',
      'u.display_name',
    ])
    .where('m.member_id', '=', memberId)
    .orderBy('m.sent_at', 'desc')
    .orderBy('m.message_id')
    .limit(threadLength)
    .execute();
  const messages: CareTeamMessage[] = rows.reverse().map((r) => ({
    messageId: r.message_id,
    direction: r.direction,
    body: r.body,
    sender: r.display_name ?? r.username,
    sentAt: new Date(r.sent_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  }));
  const unread = (d: MessageDirection) =>
    messages.filter((m) => m.direction === d && m.readAt === null).length;
  return { messages, unreadByMember: unread('to_member'), unreadByCareTeam: unread('from_member') };
}

/** Which way the person signed in writes: a member to their care team, anyone else to the member. */
export function directionOf(role: Role): MessageDirection {
  return role === 'member' ? 'from_member' : 'to_member';
}

/** Marks read every message addressed to the reader: those going the other way from what they write. */
export async function markMessagesRead(
  db: OpsDb,
  memberId: string,
  reader: Role,
  at: Date = new Date(),
): Promise<number> {
  const result = await recoveryDb(db)
    .updateTable('care_team_message')
    .set({ read_at: at })
    .where('member_id', '=', memberId)
    .where('direction', '!=', directionOf(reader))
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
