import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { builtinDrugs, drugClasses } from '../../reference/index.ts';
import { listLockIns, prescriberDb } from '../lock-in/lock-in-store.ts';
import type { LockIn } from '../lock-in/lock-in-types.ts';
import { buildPharmacyCheckIndex, type DrugClass, type PharmacyCheckIndex } from './pharmacy-check-index.ts';

/** Lock-in states that can bind a fill; everything else is left out of the index. */
const bindingStates = ['second_notice_sent', 'active', 'extended', 'appealed'] as const;

/** Reads drug classes by NDC from the warehouse's `drug` table, else the built-in reference. */
export async function readDrugClasses(
  warehouse: Warehouse | null,
): Promise<Array<{ ndc: string; drugClass: DrugClass; ingredient: string }>> {
  const builtin = builtinDrugs.map((d) => ({ ndc: d.ndc, drugClass: d.drugClass, ingredient: d.ingredient }));
  if (!warehouse) return builtin;
  try {
    const rows = await warehouse.all<{ ndc: string; drug_class: string; ingredient: string }>(
      'select ndc, drug_class, ingredient from drug',
    );
    const known = rows.filter((r): r is { ndc: string; drug_class: DrugClass; ingredient: string } =>
      (drugClasses as readonly string[]).includes(r.drug_class),
    );
    return known.length > 0
      ? known.map((r) => ({ ndc: r.ndc, drugClass: r.drug_class, ingredient: r.ingredient }))
      : builtin;
  } catch {
    return builtin; // no reference loaded yet: the demo's built-in table still answers
  }
}

/**
 * Holds the pharmacy check's index for a running server: loaded once from the stores, then
 * kept current by `lockInChanged` after every lock-in write and a periodic reload of lock-ins
 * (for changes made by another process, such as the CLI's daily job).
 */
export class PharmacyCheckService {
  #index: PharmacyCheckIndex | null = null;
  #loading: Promise<PharmacyCheckIndex> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ops: OpsDb,
    private readonly warehouse: Warehouse | null,
    private readonly reloadMs = 60_000,
  ) {}

  /** The index, loading it on first use. */
  index(): PharmacyCheckIndex | Promise<PharmacyCheckIndex> {
    if (this.#index) return this.#index;
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<PharmacyCheckIndex> {
    const drugs = await readDrugClasses(this.warehouse);
    const lockIns = await listLockIns(prescriberDb(this.ops), bindingStates);
    this.#index = buildPharmacyCheckIndex(drugs, lockIns);
    if (this.reloadMs > 0 && !this.#timer) {
      this.#timer = setInterval(() => void this.reloadLockIns().catch(() => undefined), this.reloadMs);
      this.#timer.unref();
    }
    return this.#index;
  }

  /** Re-reads every binding lock-in (cheap: one row per locked-in member). */
  async reloadLockIns(): Promise<void> {
    const index = await this.index();
    const lockIns = await listLockIns(prescriberDb(this.ops), bindingStates);
    const byMember = new Map<string, LockIn[]>();
    for (const l of lockIns) byMember.set(l.memberId, [...(byMember.get(l.memberId) ?? []), l]);
    for (const memberId of index.memberIds()) if (!byMember.has(memberId)) index.replaceMember(memberId, []);
    for (const [memberId, list] of byMember) index.replaceMember(memberId, list);
  }

  /** Applies one lock-in's new state to the index at once. */
  lockInChanged(lockIn: LockIn): void {
    this.#index?.replaceMember(lockIn.memberId, [lockIn]);
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
