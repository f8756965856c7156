import { addDays } from '../../platform/calendar/iso-days.ts';
import type { L90Fill, PriorLetter } from './letter-types.ts';

/** Days a letter about a member keeps the same prescriber from another (RISK-RULES §8). */
export const suppressionDays = 180;

export interface Recipient {
  prescriberNpi: string;
  memberId: string;
  /** The prescriber's own fills for this member in L90: why this prescriber is told. */
  fills: L90Fill[];
}

export type RecipientDecision =
  | { kind: 'send'; recipient: Recipient; newFactorCodes: string[] }
  | { kind: 'suppressed'; recipient: Recipient; priorSentOn: string; reason: string };

/**
 * Pairs each high-risk member with each distinct prescriber of their L90 opioid or
 * benzodiazepine fills; a fill with no prescriber names nobody.
 */
export function findRecipients(highRisk: ReadonlySet<string>, fills: readonly L90Fill[]): Recipient[] {
  const byPair = new Map<string, Recipient>();
  for (const fill of fills) {
    if (!highRisk.has(fill.memberId) || fill.prescriberNpi === '') continue;
    const key = `${fill.prescriberNpi}\u0000${fill.memberId}`;
    const found = byPair.get(key);
    if (found) found.fills.push(fill);
    else byPair.set(key, { prescriberNpi: fill.prescriberNpi, memberId: fill.memberId, fills: [fill] });
  }
  return [...byPair.values()].sort(
    (a, b) => a.prescriberNpi.localeCompare(b.prescriberNpi) || a.memberId.localeCompare(b.memberId),
  );
}

/**
 * Applies RISK-RULES §8 suppression: no new letter to a prescriber about a member when the
 * latest letter in the last 180 days already disclosed every factor the member has now.
 */
export function applySuppression(
  recipients: readonly Recipient[],
  currentFactors: (memberId: string, prescriberNpi: string) => readonly string[],
  priorLetters: readonly PriorLetter[],
  asOf: string,
): RecipientDecision[] {
  const windowStart = addDays(asOf, -(suppressionDays - 1));
  const latest = new Map<string, PriorLetter>();
  for (const p of priorLetters) {
    if (p.sentOn < windowStart || p.sentOn > asOf) continue;
    const key = `${p.prescriberNpi}\u0000${p.memberId}`;
    const seen = latest.get(key);
    if (!seen || seen.sentOn < p.sentOn) latest.set(key, p);
  }
  return recipients.map((recipient): RecipientDecision => {
    const now = currentFactors(recipient.memberId, recipient.prescriberNpi);
    const prior = latest.get(`${recipient.prescriberNpi}\u0000${recipient.memberId}`);
    if (!prior) return { kind: 'send', recipient, newFactorCodes: [...now] };
    const fresh = now.filter((code) => !prior.factorCodes.includes(code));
    if (fresh.length > 0) return { kind: 'send', recipient, newFactorCodes: fresh };
    return {
      kind: 'suppressed',
      recipient,
      priorSentOn: prior.sentOn,
      reason: `A letter about this member went to this prescriber on ${prior.sentOn} and no new risk factor has appeared since.`,
    };
  });
}
