import type { DrugClass } from '../../reference/index.ts';
import type { LockIn } from '../lock-in/lock-in-types.ts';

export type { DrugClass };

/** What the check needs of a lock-in: who, where, from whom, and when. */
export interface LockInRule {
  lockInId: string;
  memberId: string;
  pharmacyNpi: string | null;
  prescriberNpi: string | null;
  effectiveFrom: string;
  endsOn: string;
}

/**
 * The in-memory index the pharmacy check reads on every claim, so that it never waits on
 * the warehouse or a database query: drug classes by NDC and binding lock-ins by member.
 */
export interface PharmacyCheckIndex {
  drugClass(ndc: string): DrugClass | undefined;
  lockInRules(memberId: string): readonly LockInRule[];
  /** Replaces one member's lock-ins after a change (a decision, a transition, the daily job). */
  replaceMember(memberId: string, lockIns: readonly LockIn[]): void;
  /** Members with at least one lock-in rule. */
  memberIds(): string[];
  readonly size: { drugs: number; members: number };
}

/** The lock-in states whose limitation can bind a fill on some day. */
const binding = new Set(['second_notice_sent', 'active', 'extended', 'appealed']);

/** The rule a lock-in imposes, or null when it can never bind a fill. */
export function toLockInRule(lockIn: LockIn): LockInRule | null {
  if (!binding.has(lockIn.state) || lockIn.effectiveFrom === null || lockIn.endsOn === null) return null;
  return {
    lockInId: lockIn.id,
    memberId: lockIn.memberId,
    pharmacyNpi: lockIn.pharmacyNpi,
    prescriberNpi: lockIn.prescriberNpi,
    effectiveFrom: lockIn.effectiveFrom,
    endsOn: lockIn.endsOn,
  };
}

/** Builds the index from drug rows and the open lock-ins. */
export function buildPharmacyCheckIndex(
  drugs: Iterable<{ ndc: string; drugClass: DrugClass; ingredient?: string }>,
  lockIns: Iterable<LockIn>,
): PharmacyCheckIndex {
  const classes = new Map<string, DrugClass>();
  // Buprenorphine in every form is MOUD here, whatever class a file gives it (RISK-RULES §4).
  for (const d of drugs) classes.set(d.ndc, d.ingredient === 'buprenorphine' ? 'buprenorphine' : d.drugClass);
  const rules = new Map<string, LockInRule[]>();
  const add = (lockIn: LockIn) => {
    const rule = toLockInRule(lockIn);
    if (rule === null) return;
    const list = rules.get(rule.memberId);
    if (list) list.push(rule);
    else rules.set(rule.memberId, [rule]);
  };
  for (const l of lockIns) add(l);
  return {
    drugClass: (ndc) => classes.get(ndc),
    lockInRules: (memberId) => rules.get(memberId) ?? [],
    replaceMember(memberId, lockIns) {
      rules.delete(memberId);
      for (const l of lockIns) if (l.memberId === memberId) add(l);
    },
    memberIds: () => [...rules.keys()],
    get size() {
      return { drugs: classes.size, members: rules.size };
    },
  };
}
