import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../letters/letter-store.ts';
import type { PrescriberDb } from '../lock-in/lock-in-store.ts';

/** Registers a pharmacy claim system and returns its API key, which is stored only hashed. */
export async function addPharmacyCheckClient(
  db: PrescriberDb,
  name: string,
): Promise<{ clientId: string; apiKey: string }> {
  const clientId = randomUUID();
  const apiKey = `pck_${randomBytes(24).toString('base64url')}`;
  await db
    .insertInto('pharmacy_check_client')
    .values({
      client_id: clientId,
      name,
      key_hash: hashToken(apiKey),
      created_at: new Date(),
      revoked_at: null,
    })
    .execute();
  return { clientId, apiKey };
}

/**
 * Checks API keys against the clients table, remembering answers for a minute so that the
 * check's hot path does not wait on the database.
 */
export class PharmacyClientKeys {
  #cache = new Map<string, { clientId: string | null; until: number }>();
  constructor(
    private readonly db: PrescriberDb,
    private readonly ttlMs = 60_000,
  ) {}

  /** The client id for a key, or null when the key is unknown or revoked. */
  async clientFor(apiKey: string, now = Date.now()): Promise<string | null> {
    const hash = hashToken(apiKey);
    const hit = this.#cache.get(hash);
    if (hit && hit.until > now) return hit.clientId;
    const row = await this.db
      .selectFrom('pharmacy_check_client')
      .select('client_id')
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const clientId = row?.client_id ?? null;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(hash, { clientId, until: now + this.ttlMs });
    return clientId;
  }
}
