import { checkInSafety, checkInUse } from './check-in-signals.ts';
import { emergencyAfterEngagement } from './emergency-after-engagement.ts';
import { missedSessions } from './missed-sessions.ts';
import { moudGap } from './moud-gap.ts';
import { opioidFillAfterEngagement } from './opioid-fill-after-engagement.ts';
import { overdoseAfterEngagement } from './overdose-after-engagement.ts';
import { positiveScreen } from './positive-screen.ts';
import type { RecoverySignal, SignalCode } from './recovery-signal.ts';

/** Every RISK-RULES §11 signal by its code; the compiler checks that none is missing. */
const byCode: Record<SignalCode, RecoverySignal> = {
  OVERDOSE_AFTER_ENGAGEMENT: overdoseAfterEngagement,
  EMERGENCY_AFTER_ENGAGEMENT: emergencyAfterEngagement,
  OPIOID_FILL_AFTER_ENGAGEMENT: opioidFillAfterEngagement,
  MOUD_GAP: moudGap,
  MISSED_SESSIONS: missedSessions,
  POSITIVE_SCREEN: positiveScreen,
  CHECK_IN_USE: checkInUse,
  CHECK_IN_SAFETY: checkInSafety,
};

export const recoverySignals: readonly RecoverySignal[] = Object.values(byCode);

export function signalOf(code: SignalCode): RecoverySignal {
  return byCode[code];
}
