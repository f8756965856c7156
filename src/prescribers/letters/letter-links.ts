import { writeAuditEvent } from '../../platform/audit/audit-event.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { prescriberDb } from '../lock-in/lock-in-store.ts';
import { downloadLetterDelivery, openLetterDelivery } from './letter-delivery-store.ts';
import { loadLetter } from './letter-store.ts';

/**
 * The prescriber's side of a secure letter link. The unguessable token is the credential,
 * so there is no session: downloading the letter is audited here, once per member it names.
 */
export class LetterLinks {
  readonly #ops: OpsDb;

  constructor(ops: OpsDb) {
    this.#ops = ops;
  }

  /** Records the opening (it does not use the link up). */
  open(token: string): ReturnType<typeof openLetterDelivery> {
    return openLetterDelivery(prescriberDb(this.#ops), token);
  }

  /** Hands out the letter once, as a disclosure of each member in it. */
  async download(token: string, requestId: string): ReturnType<typeof downloadLetterDelivery> {
    const db = prescriberDb(this.#ops);
    const got = await downloadLetterDelivery(db, token);
    if (!got.ok) return got;
    const { members } = await loadLetter(db, got.letterId);
    for (const m of members)
      await writeAuditEvent(this.#ops, {
        actorId: null,
        actorUsername: null,
        actorRole: 'prescriber-link',
        action: 'download',
        memberId: m.member_id,
        resourceType: 'Letter',
        resourceId: got.letterId,
        purpose: 'disclosure',
        outcome: 'success',
        requestId,
        detail: null,
      });
    return got;
  }
}
