import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { Notice } from '../ui/notice.tsx';
import { LetterPage } from './letter-page.tsx';
import { LettersPage } from './letters-page.tsx';
import { LockInPage } from './lock-in-page.tsx';
import { LockInsPage } from './lock-ins-page.tsx';
import { PharmacyCheckForm } from './pharmacy-check-form.tsx';
import { PrescribersPage } from './prescribers-page.tsx';

/** Roles that may read these screens; only a clinical pharmacist acts (the API enforces the same). */
function readsPharmacy(role: Role): boolean {
  return role === 'clinical_pharmacist' || role === 'supervisor';
}

/**
 * The clinical pharmacist's screens (`#/prescribers`, `#/letters[/id]`, `#/lock-ins[/id]`,
 * `#/pharmacy-check`), or undefined when the path is not one of them.
 */
export function pharmacistScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  const [head, id, extra] = parts;
  if (!head || !['prescribers', 'letters', 'lock-ins', 'pharmacy-check'].includes(head) || extra)
    return undefined;
  if (!readsPharmacy(me.role) || (head === 'pharmacy-check' && me.role !== 'clinical_pharmacist'))
    return (
      <Notice title="Not part of your role">
        These screens are for clinical pharmacists. <a href="#/worklist">Back to the start</a>
      </Notice>
    );
  if (head === 'prescribers' && !id) return <PrescribersPage />;
  if (head === 'letters') return id ? <LetterPage letterId={id} me={me} /> : <LettersPage me={me} />;
  if (head === 'lock-ins') return id ? <LockInPage lockInId={id} me={me} /> : <LockInsPage me={me} />;
  if (head === 'pharmacy-check' && !id)
    return (
      <div className="stack">
        <h1>Pharmacy check</h1>
        <PharmacyCheckForm />
      </div>
    );
  return undefined;
}

/** The menu entries for these screens, by role. */
export function pharmacistNav(role: Role): Array<{ label: string; href: string }> {
  if (role === 'clinical_pharmacist')
    return [
      { label: 'Prescribers', href: '#/prescribers' },
      { label: 'Letters', href: '#/letters' },
      { label: 'Lock-in', href: '#/lock-ins' },
      { label: 'Pharmacy check', href: '#/pharmacy-check' },
    ];
  if (role === 'supervisor')
    return [
      { label: 'Letters sent', href: '#/letters' },
      { label: 'Lock-ins', href: '#/lock-ins' },
    ];
  return [];
}

/** A clinical pharmacist's start screen (prescriber monitoring), or undefined for other roles. */
export function pharmacistHome(me: Me): ReactNode | undefined {
  return me.role === 'clinical_pharmacist' ? <PrescribersPage /> : undefined;
}
