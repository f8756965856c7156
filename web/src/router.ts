import { useEffect, useState } from 'react';

/** The screens, addressed by hash path; ids in paths only, never member data in query strings. */
export type Route =
  | { kind: 'worklist' }
  | { kind: 'case'; caseId: string }
  | { kind: 'member'; memberId: string }
  | { kind: 'supervisor' }
  /** A path the workspace does not know: another domain's screen (see `screens.tsx`) or not found. */
  | { kind: 'other'; parts: string[] };

/** Parses a location hash such as `#/cases/42` into a route. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (!head || head === 'worklist') return { kind: 'worklist' };
  if (head === 'cases' && id) return { kind: 'case', caseId: id };
  if (head === 'members' && id) return { kind: 'member', memberId: id };
  if (head === 'supervisor') return { kind: 'supervisor' };
  return { kind: 'other', parts };
}

/** The hash for a route. */
export function hrefFor(route: Route): string {
  switch (route.kind) {
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'member':
      return `#/members/${encodeURIComponent(route.memberId)}`;
    case 'supervisor':
      return '#/supervisor';
    case 'other':
      return `#/${route.parts.map(encodeURIComponent).join('/')}`;
    default:
      return '#/worklist';
  }
}

/** Navigates to a route. */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
