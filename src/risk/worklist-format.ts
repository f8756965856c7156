import { csvField } from '../platform/csv/csv-field.ts';
import type { IdentifyResult, WorklistEntry } from './run-result.ts';

export const worklistFormats = ['json', 'csv', 'fhir'] as const;
export type WorklistFormat = (typeof worklistFormats)[number];

/** The worklist as JSON, CSV or FHIR Task NDJSON (the `identify --format` contract); deterministic for the same run content. */
export function formatWorklist(run: IdentifyResult, format: WorklistFormat): string {
  if (format === 'csv') return formatCsv(run.members);
  if (format === 'fhir')
    return (
      run.members.map((m) => JSON.stringify(toTask(run, m))).join('\n') + (run.members.length ? '\n' : '')
    );
  return `${JSON.stringify(toJson(run), null, 2)}\n`;
}

function toJson(run: IdentifyResult) {
  const { membersEvaluated: _, ...counts } = run.counts;
  return {
    runId: run.runId,
    asOf: run.asOf,
    ruleVersion: run.ruleVersion,
    factorSet: run.factorSet,
    counts: {
      eligible: counts.eligible,
      candidates: counts.candidates,
      new: counts.new,
      open: counts.open,
      suppressed: counts.suppressed,
    },
    members: run.members.map((m) => ({
      memberId: m.memberId,
      market: m.market,
      priority: m.priority,
      disposition: m.disposition,
      ...(m.dispositionReason ? { dispositionReason: m.dispositionReason } : {}),
      emergencies: m.emergencies,
      riskFactors: m.riskFactors,
      exclusions: m.exclusions,
      context: m.context,
    })),
  };
}

const csvColumns = [
  'memberId',
  'market',
  'priority',
  'disposition',
  'latestEmergency',
  'emergencies',
  'riskFactors',
  'exclusions',
  'context',
] as const;

function formatCsv(members: readonly WorklistEntry[]): string {
  const lines = [csvColumns.join(',')];
  for (const m of members) {
    const cells = [
      m.memberId,
      m.market,
      String(m.priority),
      m.disposition,
      m.latestEmergency,
      distinct(m.emergencies.map((e) => e.kind)).join(';'),
      m.riskFactors.map((f) => f.code).join(';'),
      m.exclusions.join(';'),
      m.context.join(';'),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const codeSystem = 'https://checkpoint.health/fhir/CodeSystem';

/** A FHIR R4 Task for outreach; Task.priority is a code, so the score rides in an extension. */
function toTask(run: IdentifyResult, m: WorklistEntry) {
  const codes = [...distinct(m.emergencies.map((e) => e.kind)), ...m.riskFactors.map((f) => f.code)];
  return {
    resourceType: 'Task',
    id: `${run.runId}-${m.memberId}`,
    status: 'requested',
    businessStatus: { text: m.disposition },
    intent: 'order',
    priority: m.priority >= 75 ? 'asap' : m.priority >= 50 ? 'urgent' : 'routine',
    code: { coding: [{ system: `${codeSystem}/task`, code: 'outreach' }] },
    for: { reference: `Patient/${m.memberId}` },
    reasonCode: {
      coding: codes.map((code) => ({ system: `${codeSystem}/risk`, code })),
      text: codes.join(';'),
    },
    extension: [
      { url: `${codeSystem}/StructureDefinition/priority-score`, valueInteger: m.priority },
      { url: `${codeSystem}/StructureDefinition/run`, valueString: run.runId },
      { url: `${codeSystem}/StructureDefinition/as-of`, valueDate: run.asOf },
    ],
    input: m.riskFactors.flatMap((f) =>
      f.evidence.map((claimId) => ({
        type: { text: f.code },
        valueReference: { reference: `Claim/${claimId}` },
      })),
    ),
  };
}

/**
 * A short summary for a terminal or a log: the worklist's size and how often each emergency
 * and risk factor occurs. Counts only, never a member id: member data goes to stdout only
 * when a command is asked to write it there (INTERFACES.md).
 */
export function summarizeWorklist(run: IdentifyResult): string {
  const c = run.counts;
  const tally = new Map<string, number>();
  for (const m of run.members)
    for (const code of [...distinct(m.emergencies.map((e) => e.kind)), ...m.riskFactors.map((f) => f.code)])
      tally.set(code, (tally.get(code) ?? 0) + 1);
  const lines = [
    `worklist as of ${run.asOf}: ${c.candidates} candidates of ${c.eligible} eligible members ` +
      `(${c.new} new, ${c.open} open, ${c.suppressed} suppressed)`,
  ];
  if (tally.size > 0)
    lines.push(
      `  members with each: ${[...tally]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')}`,
    );
  return lines.join('\n');
}
