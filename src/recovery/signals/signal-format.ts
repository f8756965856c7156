import { csvField } from '../../platform/csv/csv-field.ts';
import type { SignalRunResult } from './run-signals.ts';

export const signalFormats = ['json', 'csv'] as const;
export type SignalFormat = (typeof signalFormats)[number];

/** The signals run as `checkpoint signals` writes it: each alert with member, code, severity, date and evidence. */
export function formatSignals(result: SignalRunResult, format: SignalFormat): string {
  const alerts = result.alerts.map((a) => ({
    memberId: a.memberId,
    code: a.code,
    severity: a.severity,
    date: a.raisedOn,
    dueOn: a.dueOn,
    evidence: a.evidence,
    new: a.isNew,
  }));
  if (format === 'json')
    return `${JSON.stringify(
      {
        asOf: result.asOf,
        signalVersion: result.signalVersion,
        counts: {
          watched: result.watched,
          alerts: alerts.length,
          new: alerts.filter((a) => a.new).length,
          reopened: result.reopenedCaseIds.length,
        },
        alerts,
      },
      null,
      2,
    )}\n`;
  const header = 'member_id,code,severity,date,due_on,evidence_source,evidence_id,evidence_date,detail,new';
  const rows = alerts.map((a) =>
    [
      a.memberId,
      a.code,
      a.severity,
      a.date,
      a.dueOn,
      a.evidence.source,
      a.evidence.id,
      a.evidence.date,
      a.evidence.detail,
      String(a.new),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
