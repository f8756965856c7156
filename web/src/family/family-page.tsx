import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from '../api/http.ts';
import { CrisisBanner } from '../portal/crisis-lines.tsx';
import { words } from '../recovery/recovery-api.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { FamilyResources } from './family-resources.tsx';
import { FeedbackForm } from './feedback-form.tsx';

interface Shared {
  shared: { category: string; label: string }[];
  notShared: { category: string; label: string }[];
  appointments?: { date: string; service: string; attended: boolean }[];
  goals?: { description: string; target: string; dueDate: string; status: string }[];
  services?: { service: string; performerName: string; status: string }[];
  careTeam?: { role: string; name: string }[];
  checkIns?: { date: string; mood: number; craving: number }[];
  screenResults?: { date: string; substance: string; positive: boolean }[];
}

function List<T>({
  title,
  items,
  line,
}: {
  title: string;
  items: T[] | undefined;
  line: (item: T) => string;
}) {
  if (!items) return null;
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ul>
          {items.map((item) => {
            const text = line(item);
            return <li key={text}>{text}</li>;
          })}
        </ul>
      )}
    </>
  );
}

/** What one person you support shares with you, and a plain note of what they keep private. */
function SharedWithMe({ memberId, relationship }: { memberId: string; relationship: string }) {
  const shared = useQuery({
    queryKey: ['shared', memberId],
    queryFn: () => apiFetch<Shared>(`/api/supporter/members/${encodeURIComponent(memberId)}`),
    retry: false,
  });
  const title = `The person you support (${words(relationship)})`;
  if (shared.isError && shared.error instanceof ApiError && shared.error.status === 403)
    return (
      <section className="panel" aria-labelledby={`shared-${memberId}`}>
        <h2 id={`shared-${memberId}`}>{title}</h2>
        <p>
          Nothing is shared with you right now. The person you support decides what to share, and for how
          long.
        </p>
      </section>
    );
  if (shared.isError) return <ErrorNotice error={shared.error} />;
  if (shared.isPending) return <p className="loading">Loading…</p>;
  const s = shared.data;
  return (
    <>
      <section className="panel" aria-labelledby={`shared-${memberId}`}>
        <h2 id={`shared-${memberId}`}>{title}</h2>
        <List
          title="Appointments"
          items={s.appointments}
          line={(a) => `${a.date}: ${words(a.service)} session, ${a.attended ? 'attended' : 'missed'}`}
        />
        <List title="Goals" items={s.goals} line={(g) => `${g.description}: ${g.target} by ${g.dueDate}`} />
        <List
          title="Services"
          items={s.services}
          line={(x) => `${words(x.service)} with ${x.performerName}: ${words(x.status)}`}
        />
        <List title="Care team" items={s.careTeam} line={(m) => `${m.name} (${words(m.role)})`} />
        <List
          title="Check-ins"
          items={s.checkIns}
          line={(c) => `${c.date}: mood ${c.mood} of 10, cravings ${c.craving} of 10`}
        />
        <List
          title="Drug screen results"
          items={s.screenResults}
          line={(r) => `${r.date}: ${words(r.substance)} ${r.positive ? 'positive' : 'negative'}`}
        />
        {s.notShared.length > 0 && (
          <p className="muted">
            Some things are not shared with you:{' '}
            {s.notShared.map((c) => c.label.split(':')[0]?.toLowerCase()).join(', ')}. That is their choice.
          </p>
        )}
      </section>
      <FeedbackForm memberId={memberId} />
    </>
  );
}

/** A family member's or supporter's page: what each person they support shares with them, and resources for families. */
export function FamilyPage() {
  const members = useQuery({
    queryKey: ['supported'],
    queryFn: () =>
      apiFetch<{ members: { memberId: string; relationship: string }[] }>('/api/supporter/members'),
  });
  return (
    <div className="stack portal">
      <CrisisBanner />
      <h1>For family and supporters</h1>
      {members.isError && <ErrorNotice error={members.error} />}
      {members.data?.members.map((m) => (
        <SharedWithMe key={m.memberId} memberId={m.memberId} relationship={m.relationship} />
      ))}
      <FamilyResources />
    </div>
  );
}
