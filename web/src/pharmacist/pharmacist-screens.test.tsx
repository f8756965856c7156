import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import type { Me } from '../api/session.ts';
import { ActionError } from '../ui/action-error.tsx';
import { LockInActions } from './lock-in-actions.tsx';
import type { LockIn, LockInState } from './pharmacist-api.ts';
import { pharmacistNav, pharmacistScreen } from './pharmacist-screens.tsx';
import { actorName, countOf } from './pharmacist-words.ts';

const caseManager: Me = { userId: 'u1', username: 'casey', role: 'case_manager' };

function lockIn(state: LockInState, overrides: Partial<LockIn> = {}): LockIn {
  return {
    id: 'L1',
    memberId: 'M1',
    state,
    evidence: {
      criteria: ['MME_AND_MULTIPLE_PROVIDERS'],
      averageDailyMmeW180: 120,
      prescribersW180: 4,
      pharmaciesW180: 4,
      asOf: '2026-06-30',
    },
    proposedOn: '2026-06-30',
    scope: state === 'proposed' ? null : 'pharmacy',
    rationale: null,
    decidedOn: null,
    decidedBy: null,
    initialNoticeOn: null,
    responseDueOn: null,
    memberResponse: null,
    secondNoticeOn: null,
    pharmacyNpi: null,
    prescriberNpi: null,
    effectiveFrom: null,
    endsOn: null,
    extendedOn: null,
    appealFiledOn: null,
    appealFromState: null,
    appealDecidedOn: null,
    appealOutcome: null,
    closedOn: null,
    closeReason: null,
    version: 1,
    ...overrides,
  };
}

function renderActions(l: LockIn): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <LockInActions lockIn={l} />
    </QueryClientProvider>,
  );
}

describe('pharmacist screens', () => {
  it('claims only its own paths and turns away roles other than pharmacist and supervisor', () => {
    expect(pharmacistScreen(['reviews'], caseManager)).toBeUndefined();
    expect(pharmacistScreen(['letters', 'L1', 'extra'], caseManager)).toBeUndefined();
    const html = renderToStaticMarkup(pharmacistScreen(['letters'], caseManager));
    expect(html).toContain('Not part of your role');
    const supervisor = renderToStaticMarkup(
      pharmacistScreen(['pharmacy-check'], { ...caseManager, role: 'supervisor' }),
    );
    expect(supervisor).toContain('Not part of your role');
  });

  it('offers the pharmacist every screen and the supervisor only the read-only ones', () => {
    expect(pharmacistNav('clinical_pharmacist').map((n) => n.href)).toEqual([
      '#/prescribers',
      '#/letters',
      '#/lock-ins',
      '#/pharmacy-check',
    ]);
    expect(pharmacistNav('supervisor').map((n) => n.href)).toEqual(['#/letters', '#/lock-ins']);
    expect(pharmacistNav('case_manager')).toEqual([]);
  });

  it('shows the decision choices for a proposal and nothing to do once a lock-in is closed', () => {
    const proposed = renderActions(lockIn('proposed'));
    for (const choice of ['One pharmacy', 'One prescriber', 'One pharmacy and one prescriber', 'No action'])
      expect(proposed).toContain(choice);
    expect(proposed).not.toContain('End lock-in');
    const expired = renderActions(lockIn('expired'));
    expect(expired).toContain('This lock-in is closed');
    expect(expired).not.toContain('Record decision');
  });

  it('offers extension only once and an appeal while the limitation binds', () => {
    const active = renderActions(lockIn('active', { effectiveFrom: '2026-08-01', endsOn: '2027-07-31' }));
    expect(active).toContain('Extend once');
    expect(active).toContain('Record an appeal filed on');
    expect(active).not.toContain('Already extended once');
    const extended = renderActions(lockIn('extended', { extendedOn: '2027-01-01' }));
    expect(extended).toContain('Already extended once');
  });

  it('explains a refused step in the server words and says nothing changed', () => {
    const html = renderToStaticMarkup(
      <ActionError error={new ApiError(409, 'conflict', 'Cannot extend a lock-in twice.', [])} />,
    );
    expect(html).toContain('Not possible now');
    expect(html).toContain('Cannot extend a lock-in twice.');
    expect(html).toContain('Nothing was changed.');
  });

  it('counts in plain words and names the signed-in actor as you', () => {
    expect(countOf(1, 'member')).toBe('1 member');
    expect(countOf(3, 'member')).toBe('3 members');
    expect(actorName('u1', caseManager)).toBe('you');
    expect(actorName('client:abc', caseManager)).toBe('pharmacy system');
    expect(actorName(null, caseManager)).toBe('—');
  });
});
