import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../src/platform/calendar/iso-days.ts';
import { useMemberPreauths } from '../coverage/coverage-api.ts';
import { PreauthList } from '../coverage/preauth-list.tsx';
import { formatDate } from '../i18n/i18n.ts';
import { MessageThread } from '../recovery/message-thread.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { GoalSteps } from './goal-steps.tsx';
import { useMyRecovery } from './portal-api.ts';

/** What is next for me: my next session, a check-in due, my goals, my care team, my authorizations. */
export function MemberHomePage({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const mine = useMyRecovery(memberId);
  const preauths = useMemberPreauths(memberId);
  if (mine.isError) return <ErrorNotice error={mine.error} />;
  if (mine.isPending) return <p className="loading">{t('home.loading')}</p>;
  const { record, checkInDue, lastCheckIn } = mine.data;
  const today = todayIso();
  const next = (record.appointments ?? [])
    .filter((a) => a.date >= today && !a.attended)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const goals = (record.goals ?? []).filter((g) => g.status === 'active' || g.status === 'proposed');
  const status = (s: string) => t(`status.${s}`, { defaultValue: s });
  return (
    <div className="stack portal">
      <h1>{t('home.title')}</h1>
      <section className="panel" aria-labelledby="next-title">
        <h2 id="next-title">{t('home.next')}</h2>
        <p>
          {next
            ? t('home.nextSession', { service: next.service, date: formatDate(next.date) })
            : t('home.noSession')}
        </p>
        {checkInDue ? (
          <p>
            {t('home.checkInDue')}{' '}
            <a className="button primary" href="#/check-in">
              {t('home.checkInLink')}
            </a>
          </p>
        ) : (
          <p>{t('home.checkInDone', { date: formatDate(lastCheckIn!) })}</p>
        )}
      </section>
      <MessageThread memberId={memberId} forMember />
      <section className="panel" aria-labelledby="goals-title">
        <h2 id="goals-title">{t('home.goals')}</h2>
        {goals.length === 0 ? (
          <p>{t('home.noGoals')}</p>
        ) : (
          <ul className="stack">
            {goals.map((g) => (
              <li key={g.goalId}>
                {g.description} ({status(g.status)}, {t('home.goalDue', { date: formatDate(g.dueDate) })})
                <GoalSteps goal={g} memberId={memberId} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="team-title">
        <h2 id="team-title">{t('home.careTeam')}</h2>
        {(record.careTeam ?? []).length === 0 ? (
          <p>{t('home.noCareTeam')}</p>
        ) : (
          <ul>
            {(record.careTeam ?? []).map((m) => (
              <li key={`${m.role}-${m.name}`}>
                {t(`careTeam.${m.role}`, { defaultValue: m.role })}: {m.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      {(record.services ?? []).length > 0 && (
        <section className="panel" aria-labelledby="services-title">
          <h2 id="services-title">{t('home.services')}</h2>
          <ul>
            {(record.services ?? []).map((s) => (
              <li key={`${s.service}-${s.performerName}`}>
                {s.service}, {s.performerName}: {status(s.status)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="auth-title">
        <h2 id="auth-title">{t('home.authorizations')}</h2>
        {preauths.isError && <ErrorNotice error={preauths.error} />}
        {preauths.data && preauths.data.items.length === 0 && <p>{t('home.noAuthorizations')}</p>}
        {preauths.data && preauths.data.items.length > 0 && (
          <PreauthList items={preauths.data.items} audience="member" />
        )}
      </section>
    </div>
  );
}
