/** The coverage, preauthorization and member-portal screens, addressed by hash path (ids only, never member data in a query string). */
export type CoverageRoute =
  | { kind: 'find-care'; memberId: string }
  | { kind: 'review-queue' }
  | { kind: 'facility-requests' }
  | { kind: 'preauth-new' }
  | { kind: 'preauth'; authorizationId: string }
  | { kind: 'my-plan' }
  | { kind: 'my-care' }
  | { kind: 'my-authorizations' }
  | { kind: 'help' };

const simple = {
  reviews: 'review-queue',
  requests: 'facility-requests',
  'my-plan': 'my-plan',
  'my-care': 'my-care',
  'my-authorizations': 'my-authorizations',
  help: 'help',
} as const;

/** Parses the path parts of a coverage screen, or undefined when the path is not one. */
export function parseCoverageRoute(parts: readonly string[]): CoverageRoute | undefined {
  const [head, id] = parts;
  if (head === 'care' && id) return { kind: 'find-care', memberId: id };
  if (head === 'requests' && id === 'new') return { kind: 'preauth-new' };
  if (head === 'preauthorizations' && id) return { kind: 'preauth', authorizationId: id };
  if (head && head in simple && !id) return { kind: simple[head as keyof typeof simple] };
  return undefined;
}

/** The hash of a coverage screen, or undefined for any other route. */
export function coverageHref(route: CoverageRoute): string;
export function coverageHref(route: { kind: string }): string | undefined;
export function coverageHref(route: { kind: string }): string | undefined {
  const r = route as CoverageRoute;
  switch (r.kind) {
    case 'find-care':
      return `#/care/${encodeURIComponent(r.memberId)}`;
    case 'review-queue':
      return '#/reviews';
    case 'facility-requests':
      return '#/requests';
    case 'preauth-new':
      return '#/requests/new';
    case 'preauth':
      return `#/preauthorizations/${encodeURIComponent(r.authorizationId)}`;
    case 'my-plan':
    case 'my-care':
    case 'my-authorizations':
    case 'help':
      return `#/${r.kind}`;
    default:
      return undefined;
  }
}
