import { useTranslation } from 'react-i18next';
import { type CareType, type DirectoryHit, useCareOptions } from '../coverage/coverage-api.ts';
import { ErrorNotice } from '../ui/notice.tsx';
import { telHref } from './crisis-lines.tsx';

const shown = 3;

function Nearest({ memberId, type, title }: { memberId: string; type: CareType; title: string }) {
  const { t } = useTranslation();
  const options = useCareOptions(memberId, { type, inNetworkOnly: true });
  const nearness = t('care.nearness', { returnObjects: true }) as unknown as string[];
  const id = `moud-${type}`;
  // The directory orders in-network care nearest first, then by who takes new patients.
  const items: DirectoryHit[] = (options.data?.items ?? []).slice(0, shown);
  return (
    <div className="stack">
      <h3 id={id}>{title}</h3>
      {options.isError && <ErrorNotice error={options.error} />}
      {options.isPending && <p className="loading">{t('care.searching')}</p>}
      {options.data && items.length === 0 && <p>{t('care.noneNear')}</p>}
      {items.length > 0 && (
        <ul className="resources" aria-labelledby={id}>
          {items.map((hit) => (
            <li key={hit.id}>
              <strong>{hit.name}</strong> · {nearness[hit.nearness] ?? ''} ·{' '}
              <a href={telHref(hit.phone)}>{hit.phone}</a>
              <div className="small">
                {hit.address.line}, {hit.address.city} {hit.address.zip} ·{' '}
                {hit.acceptingNewPatients ? t('care.accepting') : t('care.notAccepting')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Medication for opioid use disorder nearest the member, in their plan's network: MOUD
 * prescribers (buprenorphine, naltrexone) and opioid treatment programs (methadone).
 */
export function MoudNearMe({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby="moud-near-title">
      <h2 id="moud-near-title">{t('care.moudTitle')}</h2>
      <p className="muted">{t('care.moudIntro')}</p>
      <Nearest memberId={memberId} type="moud-prescriber" title={t('care.moudPrescribers')} />
      <Nearest memberId={memberId} type="opioid-treatment-program" title={t('care.otps')} />
    </section>
  );
}
