import type { OpsDb } from '../../platform/db/ops-db.ts';
import { findDisclosureConsents } from '../../privacy/index.ts';
import { prescriberDb } from '../lock-in/lock-in-store.ts';
import { buildLetterMember } from './letter-facts.ts';
import { renderPrescriberLetter } from './letter-pdf.ts';
import { applySuppression, type Recipient } from './letter-recipients.ts';
import { type NewLetter, type NewSuppression, readPriorLetters, saveLetterRun } from './letter-store.ts';
import type { LetterMember } from './letter-types.ts';
import { defaultLetterhead, type PlanLetterhead } from './letter-words.ts';
import type { MonitoringSnapshot } from './prescriber-monitoring.ts';

export interface LetterRunResult {
  runId: string;
  asOf: string;
  counts: {
    highRiskMembers: number;
    pairs: number;
    suppressed: number;
    letters: number;
    part2Withheld: number;
  };
  letters: Array<{
    letterId: string;
    prescriberNpi: string;
    members: number;
    memberIds: string[];
    pdf: Buffer;
  }>;
}

/** The consent recipient a prescriber is named by (privacy domain: `npi:<NPI>`). */
export const prescriberRecipient = (npi: string): string => `npi:${npi}`;

/**
 * Writes this run's letters: for each prescriber, the high-risk members they prescribed for
 * that suppression does not hold back, with Part 2 facts only where the member consented to
 * this prescriber; renders each PDF and stores the run (RISK-RULES §8).
 */
export async function generateLetters(
  ops: OpsDb,
  snapshot: MonitoringSnapshot,
  options: {
    by: string | null;
    today: string;
    identities: Map<string, { name: string; birthDate: string | null }>;
    part2ClaimIds: ReadonlySet<string>;
    letterhead?: PlanLetterhead;
  },
): Promise<LetterRunResult> {
  const db = prescriberDb(ops);
  const prior = await readPriorLetters(db, snapshot.asOf);
  const consentCache = new Map<string, Map<string, 'general' | 'part2'>>();
  const byPrescriber = new Map<string, Recipient[]>();
  for (const r of snapshot.recipients) {
    const list = byPrescriber.get(r.prescriberNpi);
    if (list) list.push(r);
    else byPrescriber.set(r.prescriberNpi, [r]);
  }
  for (const [npi, list] of byPrescriber)
    consentCache.set(
      npi,
      await findDisclosureConsents(
        ops,
        list.map((r) => r.memberId),
        { recipient: prescriberRecipient(npi), purpose: 'treatment', on: snapshot.asOf },
      ),
    );

  const memberFor = (r: Recipient): LetterMember => {
    const profile = snapshot.profiles.get(r.memberId);
    if (!profile) throw new Error(`no profile for a recipient's member`);
    return buildLetterMember({
      profile,
      member: options.identities.get(r.memberId) ?? { name: `Member ${r.memberId}`, birthDate: null },
      fills: r.fills,
      part2ClaimIds: options.part2ClaimIds,
      part2Allowed: consentCache.get(r.prescriberNpi)?.get(r.memberId) === 'part2',
    });
  };
  const built = new Map<string, LetterMember>();
  const key = (r: Recipient) => `${r.prescriberNpi}\u0000${r.memberId}`;
  for (const r of snapshot.recipients) built.set(key(r), memberFor(r));

  const decisions = applySuppression(
    snapshot.recipients,
    (memberId, npi) => built.get(`${npi}\u0000${memberId}`)?.disclosedFactorCodes ?? [],
    prior,
    snapshot.asOf,
  );
  const suppressions: NewSuppression[] = [];
  const toSend = new Map<string, Array<{ member: LetterMember; newFactorCodes: string[] }>>();
  for (const d of decisions) {
    if (d.kind === 'suppressed') {
      suppressions.push({
        prescriberNpi: d.recipient.prescriberNpi,
        memberId: d.recipient.memberId,
        priorSentOn: d.priorSentOn,
        reason: d.reason,
      });
      continue;
    }
    const member = built.get(key(d.recipient));
    if (!member) continue;
    const list = toSend.get(d.recipient.prescriberNpi) ?? [];
    list.push({ member, newFactorCodes: d.newFactorCodes });
    toSend.set(d.recipient.prescriberNpi, list);
  }

  const letters: Array<NewLetter & { membersCount: number }> = [];
  let part2Withheld = 0;
  for (const [npi, entries] of toSend) {
    const name = snapshot.providerNames.get(npi) ?? null;
    const pdf = await renderPrescriberLetter(
      {
        asOf: snapshot.asOf,
        prescriber: { npi, name },
        members: entries.map((e) => e.member),
        prescriberVolume: snapshot.volumes.get(npi) ?? null,
      },
      options.today,
      options.letterhead ?? defaultLetterhead,
    );
    part2Withheld += entries.reduce((n, e) => n + e.member.withheldPart2, 0);
    letters.push({
      prescriberNpi: npi,
      prescriberName: name,
      pdf,
      membersCount: entries.length,
      members: entries.map((e) => ({
        memberId: e.member.memberId,
        disclosedFactorCodes: e.member.disclosedFactorCodes,
        newFactorCodes: e.newFactorCodes,
        withheldPart2: e.member.withheldPart2,
      })),
    });
  }
  const counts = {
    highRiskMembers: snapshot.highRisk.size,
    pairs: snapshot.recipients.length,
    suppressed: suppressions.length,
    letters: letters.length,
    part2Withheld,
  };
  const saved = await saveLetterRun(
    db,
    { asOf: snapshot.asOf, createdBy: options.by, counts },
    letters,
    suppressions,
  );
  return {
    runId: saved.runId,
    asOf: snapshot.asOf,
    counts,
    letters: letters.map((l, i) => ({
      letterId: saved.letterIds[i] ?? '',
      prescriberNpi: l.prescriberNpi,
      members: l.membersCount,
      memberIds: l.members.map((m) => m.memberId),
      pdf: l.pdf,
    })),
  };
}
