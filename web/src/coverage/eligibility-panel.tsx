import { ErrorNotice } from '../ui/notice.tsx';
import { useEligibility } from './coverage-api.ts';

const statusWords = {
  found: 'Claims show it',
  partial: 'A related sign',
  concern: 'Claims suggest otherwise',
  ask: 'Ask the member',
} as const;

/** The plan's eligibility checklist for outpatient detox, with what the claims say about each item. */
export function EligibilityPanel({ memberId }: { memberId: string }) {
  const checklist = useEligibility(memberId);
  return (
    <section className="panel" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">Eligibility checklist</h2>
      {checklist.isError ? (
        <ErrorNotice error={checklist.error} />
      ) : checklist.isPending ? (
        <p className="loading">Reading the claims…</p>
      ) : (
        <ul className="checklist">
          {checklist.data.items.map((item) => (
            <li key={item.id} className={`check-${item.status}`}>
              <span className="check-mark" aria-hidden="true">
                {item.status === 'found'
                  ? '✓'
                  : item.status === 'ask'
                    ? '?'
                    : item.status === 'concern'
                      ? '!'
                      : '~'}
              </span>
              <div>
                <strong>{item.text}</strong> <span className="badge quiet">{statusWords[item.status]}</span>
                <div className="small muted">{item.summary}</div>
                {item.evidence.length > 0 && (
                  <div className="small muted">
                    {item.evidence
                      .slice(0, 3)
                      .map((e) => `${e.code} on ${e.date}`)
                      .join(' · ')}
                    {item.evidence.length > 3 ? ` · ${item.evidence.length - 3} more` : ''}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
