import { useEffect } from 'react';
import { apiFetch } from '../api/http.ts';
import type { WorklistPage } from '../api/types.ts';
import { navigate } from '../router.ts';

/** Opens the case after this one in worklist order (first page of open cases), or the worklist. */
async function openNextCase(caseId: string): Promise<void> {
  const page = await apiFetch<WorklistPage>('/api/worklist?page=1&pageSize=200');
  const index = page.items.findIndex((item) => item.caseId === caseId);
  const next = page.items[index + 1] ?? page.items.find((item) => item.caseId !== caseId);
  navigate(next ? { kind: 'case', caseId: next.caseId } : { kind: 'worklist' });
}

/**
 * Keyboard first on a case (UX): `n` next case, `l` log an attempt, `e` the evidence,
 * `s` the script, `Escape` leaves a field.
 */
export function useCaseKeys(caseId: string): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) {
        if (event.key === 'Escape') target.blur();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const focus = (selector: string) => {
        const element = document.querySelector<HTMLElement>(selector);
        element?.scrollIntoView({ block: 'start' });
        element?.focus();
      };
      if (event.key === 'n') void openNextCase(caseId);
      else if (event.key === 'l') focus('input[name="outcome"]');
      else if (event.key === 'e') focus('#risk-title');
      else if (event.key === 's') focus('#script-title');
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [caseId]);
}
