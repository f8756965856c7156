import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../api/http.ts';
import { formatDate } from '../i18n/i18n.ts';
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
  const { t } = useTranslation();
  if (!items) return null;
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('family.nothingYet')}</p>
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
  const { t } = useTranslation();
  const code = (group: string, value: string) => t(`${group}.${value}`, { defaultValue: words(value) });
  const shared = useQuery({
    queryKey: ['shared', memberId],
    queryFn: () => apiFetch<Shared>(`/api/supporter/members/${encodeURIComponent(memberId)}`),
    retry: false,
  });
  const title = t('family.personYouSupport', {
    relationship: code('invite.relationships', relationship).toLowerCase(),
  });
  if (shared.isError && shared.error instanceof ApiError && shared.error.status === 403)
    return (
      <section className="panel" aria-labelledby={`shared-${memberId}`}>
        <h2 id={`shared-${memberId}`}>{title}</h2>
        <p>{t('family.nothingShared')}</p>
      </section>
    );
  if (shared.isError) return <ErrorNotice error={shared.error} />;
  if (shared.isPending) return <p className="loading">{t('family.loading')}</p>;
  const s = shared.data;
  return (
    <>
      <section className="panel" aria-labelledby={`shared-${memberId}`}>
        <h2 id={`shared-${memberId}`}>{title}</h2>
        <List
          title={t('family.appointments')}
          items={s.appointments}
          line={(a) =>
            t('family.appointment', {
              date: formatDate(a.date),
              service: code('status', a.service),
              attended: a.attended ? t('family.attended') : t('family.missed'),
            })
          }
        />
        <List
          title={t('family.goals')}
          items={s.goals}
          line={(g) =>
            t('family.goal', { description: g.description, target: g.target, date: formatDate(g.dueDate) })
          }
        />
        <List
          title={t('family.services')}
          items={s.services}
          line={(x) =>
            t('family.serviceLine', {
              service: code('status', x.service),
              performer: x.performerName,
              status: code('status', x.status),
            })
          }
        />
        <List
          title={t('family.careTeam')}
          items={s.careTeam}
          line={(m) => `${m.name} (${code('careTeam', m.role)})`}
        />
        <List
          title={t('family.checkIns')}
          items={s.checkIns}
          line={(c) => t('family.checkIn', { date: formatDate(c.date), mood: c.mood, craving: c.craving })}
        />
        <List
          title={t('family.screenResults')}
          items={s.screenResults}
          line={(r) =>
            t('family.screenLine', {
              date: formatDate(r.date),
              substance: words(r.substance),
              result: r.positive ? t('family.positive') : t('family.negative'),
            })
          }
        />
        {s.notShared.length > 0 && (
          <p className="muted">
            {t('family.notShared', {
              list: s.notShared.map((c) => t(`categories.${c.category}`)).join(', '),
            })}
          </p>
        )}
      </section>
      <FeedbackForm memberId={memberId} />
    </>
  );
}

/** A family member's or supporter's page: what each person they support shares with them, and resources for families. */
export function FamilyPage() {
  const { t } = useTranslation();
  const members = useQuery({
    queryKey: ['supported'],
    queryFn: () =>
      apiFetch<{ members: { memberId: string; relationship: string }[] }>('/api/supporter/members'),
  });
  return (
    <div className="stack portal">
      <CrisisBanner />
      <h1>{t('family.title')}</h1>
      {members.isError && <ErrorNotice error={members.error} />}
      {members.data?.members.map((m) => (
        <SharedWithMe key={m.memberId} memberId={m.memberId} relationship={m.relationship} />
      ))}
      <FamilyResources />
    </div>
  );
}
