import { addUser } from '../../src/platform/auth/users.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import type { Warehouse } from '../../src/platform/warehouse/warehouse.ts';
import { addFill, addMember } from '../../src/risk/test-population.ts';
import { seedPopulation, serveSeeded } from './seed-population.ts';
import { e2ePassword } from './start-workspace.ts';

export interface PharmacistWorkspace {
  baseUrl: string;
  asOf: string;
  users: Record<'pharmacist' | 'supervisor', { username: string; userId: string }>;
  /** A member who meets RISK-RULES §9 (a): 120 MME a day from 4 prescribers at 4 pharmacies. */
  candidate: typeof lockInCandidate;
  warehouse: Warehouse;
  app: App;
  close(): Promise<void>;
}

/**
 * The real server on a free port over a small synthetic population (generated and ingested, no
 * outreach run: the pharmacist's screens read the warehouse), with a clinical pharmacist and a supervisor.
 */
export async function startPharmacistWorkspace(
  options: { members?: number; seed?: number } = {},
): Promise<PharmacistWorkspace> {
  const seeded = await seedPopulation({
    prefix: 'rx',
    members: options.members ?? 400,
    seed: options.seed ?? 11,
    identify: false,
    beforeIdentify: addLockInCandidate,
  });
  const make = async (role: 'clinical_pharmacist' | 'supervisor', username: string) => {
    const user = await addUser(seeded.store.db, {
      username,
      role,
      password: e2ePassword,
      displayName: username,
    });
    return { username, userId: user.userId };
  };
  const users = {
    pharmacist: await make('clinical_pharmacist', 'pat'),
    supervisor: await make('supervisor', 'sky'),
  };
  const served = await serveSeeded(seeded);
  return {
    baseUrl: served.baseUrl,
    asOf: seeded.asOf,
    users,
    candidate: lockInCandidate,
    warehouse: seeded.warehouse,
    app: served.app,
    close: served.close,
  };
}

export const lockInCandidate = {
  memberId: 'M90000001',
  prescribers: ['1990000001', '1990000002', '1990000003', '1990000004'],
  pharmacies: ['1880000001', '1880000002', '1880000003', '1880000004'],
  /** Oxycodone HCl 10 mg tablet (builtin reference). */
  opioidNdc: '00603499321',
} as const;

/** Adds the lock-in candidate: four 30-day fills of 360 × oxycodone 10 mg (180 MME a day) in the last 180 days. */
async function addLockInCandidate(warehouse: Warehouse, asOf: string): Promise<void> {
  const c = lockInCandidate;
  await addMember(warehouse, { id: c.memberId });
  for (const [i, daysAgo] of [150, 110, 70, 30].entries())
    await addFill(warehouse, {
      id: `E2E-RX-${i}`,
      member: c.memberId,
      date: new Date(Date.parse(`${asOf}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10),
      ndc: c.opioidNdc,
      quantity: 360,
      days: 30,
      prescriber: c.prescribers[i] ?? null,
      pharmacy: c.pharmacies[i] ?? null,
    });
}
