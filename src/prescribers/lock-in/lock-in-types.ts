/**
 * A lock-in (RISK-RULES §9; CMS drug management program): a member's opioid
 * coverage limited to one pharmacy, one prescriber, or both, for 12 months.
 * Every state carries the dates that got it there.
 */
export type LockInState =
  | 'proposed' // a review candidate, waiting for the clinical pharmacist
  | 'no_action' // the pharmacist decided not to limit coverage (closed)
  | 'decided' // a limitation was chosen, no notice sent yet
  | 'initial_notice_sent' // member has 30 days to respond and name a preferred pharmacy / prescriber
  | 'second_notice_sent' // the limitation and its effective dates were confirmed to the member
  | 'active' // in force: effectiveFrom ≤ today ≤ endsOn
  | 'extended' // in force after its one extension
  | 'appealed' // member appealed; the limitation stays as it was until the outcome
  | 'expired' // the period ended (closed)
  | 'ended'; // ended early: appeal granted or the pharmacist lifted it (closed)

export type LockInScope = 'pharmacy' | 'prescriber' | 'both';

export interface MemberResponse {
  receivedOn: string;
  preferredPharmacyNpi: string | null;
  preferredPrescriberNpi: string | null;
  note: string | null;
}

export interface LockIn {
  id: string;
  memberId: string;
  state: LockInState;
  /** Why the member was proposed: the §9 criteria met, with figures. */
  evidence: ReviewEvidence;
  proposedOn: string;
  scope: LockInScope | null;
  rationale: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  initialNoticeOn: string | null;
  responseDueOn: string | null;
  memberResponse: MemberResponse | null;
  secondNoticeOn: string | null;
  pharmacyNpi: string | null;
  prescriberNpi: string | null;
  effectiveFrom: string | null;
  endsOn: string | null;
  extendedOn: string | null;
  appealFiledOn: string | null;
  /** The state the appeal interrupted; the lock-in returns there when the appeal is denied. */
  appealFromState: LockInState | null;
  appealDecidedOn: string | null;
  appealOutcome: 'upheld' | 'overturned' | null;
  closedOn: string | null;
  closeReason: string | null;
  /** Bumped on every change; stores use it to refuse a stale write. */
  version: number;
}

export interface ReviewEvidence {
  /** Which §9 branch: (a) MME with prescribers/pharmacies, (b) overdose history with an opioid fill. */
  criteria: Array<'MME_AND_MULTIPLE_PROVIDERS' | 'OVERDOSE_HISTORY_WITH_OPIOID'>;
  averageDailyMmeW180: number | null;
  prescribersW180: number;
  pharmaciesW180: number;
  asOf: string;
}

/** One recorded change, kept forever: who did what, on which day, from which state to which. */
export interface LockInEvent {
  lockInId: string;
  kind: LockInCommand['kind'] | 'propose';
  on: string;
  by: string;
  fromState: LockInState | null;
  toState: LockInState;
  detail: Record<string, string | number | null>;
}

/** What a person (or the daily job) can do to a lock-in. */
export type LockInCommand =
  | { kind: 'decide'; scope: LockInScope; rationale: string }
  | { kind: 'decide_no_action'; rationale: string }
  | { kind: 'send_initial_notice' }
  | {
      kind: 'record_member_response';
      receivedOn: string;
      preferredPharmacyNpi?: string | null | undefined;
      preferredPrescriberNpi?: string | null | undefined;
      note?: string | null | undefined;
    }
  | {
      kind: 'send_second_notice';
      effectiveFrom: string;
      pharmacyNpi?: string | null | undefined;
      prescriberNpi?: string | null | undefined;
    }
  | { kind: 'activate' }
  | { kind: 'extend'; months: number; rationale: string }
  | { kind: 'file_appeal'; filedOn: string }
  | { kind: 'decide_appeal'; outcome: 'upheld' | 'overturned'; rationale: string }
  | { kind: 'expire' }
  | { kind: 'end'; reason: string };

/** States in which nothing more can happen. */
export const closedStates: ReadonlySet<LockInState> = new Set(['no_action', 'expired', 'ended']);
