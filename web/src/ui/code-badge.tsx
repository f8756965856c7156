import type { ReactNode } from 'react';
import { type CodeInfo, describeCode } from './codes.ts';
import { type CodeKind, useRuleCodes } from './rule-codes.ts';

/**
 * A readable badge for a rule code that opens to explain itself: the rule, its section,
 * and whatever evidence the caller passes (fills, dates, MME arithmetic).
 */
export function CodeBadge({
  kind,
  table,
  code,
  urgent = false,
  quiet = false,
  children,
}: {
  /** A risk-engine code, described by the server's rules… */
  kind?: CodeKind;
  /** …or a code of another table the caller passes. */
  table?: Record<string, CodeInfo>;
  code: string;
  urgent?: boolean;
  quiet?: boolean;
  children?: ReactNode;
}) {
  const codes = useRuleCodes();
  const info = describeCode(kind ? codes[kind] : (table ?? {}), code);
  return (
    <details className="explain">
      <summary
        className={`badge${urgent ? ' urgent' : ''}${quiet ? ' quiet' : ''}${info.part2 ? ' part2' : ''}`}
        title={`${info.label}: ${info.rule}`}
        aria-label={`${info.label}${info.part2 ? ' (Part 2 protected)' : ''}: show why`}
      >
        {info.label}
        {info.part2 && <span aria-hidden="true">§2</span>}
      </summary>
      <div className="explain-body">
        <strong>{info.label}</strong>
        <p>{info.rule}</p>
        {children}
        {info.part2 && (
          <p className="muted">
            Part 2 protected: substance-use information. Do not re-disclose it outside the plan's care team.
          </p>
        )}
        <p className="muted small">{info.section}</p>
      </div>
    </details>
  );
}
