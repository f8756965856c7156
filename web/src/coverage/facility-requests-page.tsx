import { ErrorNotice } from '../ui/notice.tsx';
import { useFacilityRequests } from './coverage-api.ts';
import { coverageHref } from './coverage-routes.ts';
import { PreauthList } from './preauth-list.tsx';

/** Facility staff: their facility's requests with status and clock; the ones waiting on them first. */
export function FacilityRequestsPage() {
  const requests = useFacilityRequests();
  if (requests.isError) return <ErrorNotice error={requests.error} />;
  const items = requests.data?.items;
  const waiting = items?.filter((a) => a.status === 'pended') ?? [];
  return (
    <div className="stack">
      <div className="row">
        <h1>Preauthorization requests</h1>
        <span className="spacer" />
        <a className="button primary" href={coverageHref({ kind: 'preauth-new' })}>
          New request
        </a>
      </div>
      {waiting.length > 0 && (
        <section className="panel attention" aria-labelledby="waiting-title">
          <h2 id="waiting-title">Waiting for your information ({waiting.length})</h2>
          <PreauthList items={waiting} audience="facility" />
        </section>
      )}
      <section className="panel" aria-labelledby="all-requests-title">
        <h2 id="all-requests-title">All requests</h2>
        <PreauthList items={items} audience="facility" />
      </section>
    </div>
  );
}
