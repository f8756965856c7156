import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { needs } from '../../../src/recovery/recovery-schemas.ts';
import { apiFetch } from '../api/http.ts';
import { formatDate } from '../i18n/i18n.ts';
import { ActionError } from '../ui/action-error.tsx';
import { ErrorNotice } from '../ui/notice.tsx';
import { telHref, usePlanLine } from './crisis-lines.tsx';
import { memberPath, useMyCheckIns } from './portal-api.ts';

/** What a "yes" to the safety question shows at once, before anything else: someone not safe needs the crisis line before any other question. */
function CrisisNow() {
  const { t } = useTranslation();
  const planLine = usePlanLine();
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section
      className="panel crisis-now"
      role="alert"
      aria-labelledby="crisis-now-title"
      tabIndex={-1}
      ref={box}
    >
      <h2 id="crisis-now-title">{t('checkIn.crisisTitle')}</h2>
      <p>{t('checkIn.crisisText')}</p>
      <p className="row wrap">
        <a className="button primary" href="tel:988">
          {t('checkIn.crisisCall')}
        </a>
        <a className="button" href="sms:988">
          {t('checkIn.crisisText988')}
        </a>
        <a className="button" href="tel:911">
          911
        </a>
        {planLine && (
          <a className="button" href={telHref(planLine)}>
            {t('help.planLine', { number: planLine })}
          </a>
        )}
      </p>
      <p>{t('checkIn.crisisTeam')}</p>
    </section>
  );
}

function Choice({
  name,
  legend,
  value,
  onChange,
  options,
}: {
  name: string;
  legend: string;
  value: string | null;
  onChange: (v: string) => void;
  options: [string, string][];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="row wrap">
        {options.map(([v, label]) => (
          <label key={v} className="check">
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              required
            />{' '}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Scale({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <div className="stack tight">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <output htmlFor={id} className="num">
          {value}
        </output>
      </div>
    </div>
  );
}

/**
 * The member's check-in: the safety question first; a "yes" shows 988 and the crisis lines at
 * once. Mood, cravings, use in the last 7 days, sleep and needs go to the care team (RISK-RULES
 * §11 CHECK_IN_USE, CHECK_IN_SAFETY). My check-ins as a simple chart with its table.
 */
export function CheckInPage({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [safety, setSafety] = useState<string | null>(null);
  const [used, setUsed] = useState<string | null>(null);
  const [sleep, setSleep] = useState<string | null>(null);
  const [mood, setMood] = useState(5);
  const [craving, setCraving] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: () =>
      apiFetch<{ checkInId: string; crisis: unknown[] | null }>(`${memberPath(memberId)}/check-ins`, {
        method: 'POST',
        body: {
          mood,
          craving,
          usedLast7Days: used === 'yes',
          sleep,
          needs: chosen,
          safetyConcern: safety === 'yes',
        },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['my-check-ins', memberId] });
      void client.invalidateQueries({ queryKey: ['my-recovery', memberId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const yesNo: [string, string][] = [
    ['yes', t('checkIn.yes')],
    ['no', t('checkIn.no')],
  ];
  return (
    <div className="stack portal">
      <h1>{t('checkIn.title')}</h1>
      {safety === 'yes' && <CrisisNow />}
      {send.isSuccess ? (
        <p role="status" className="notice">
          {t('checkIn.thanks')}
        </p>
      ) : (
        <form className="panel stack" onSubmit={submit} aria-labelledby="check-in-intro">
          <p id="check-in-intro">{t('checkIn.intro')}</p>
          <Choice
            name="safety"
            legend={t('checkIn.safety')}
            value={safety}
            onChange={setSafety}
            options={yesNo}
          />
          <Scale id="check-in-mood" label={t('checkIn.mood')} value={mood} onChange={setMood} />
          <Scale id="check-in-craving" label={t('checkIn.craving')} value={craving} onChange={setCraving} />
          <Choice name="used" legend={t('checkIn.used')} value={used} onChange={setUsed} options={yesNo} />
          <Choice
            name="sleep"
            legend={t('checkIn.sleep')}
            value={sleep}
            onChange={setSleep}
            options={[
              ['well', t('checkIn.sleepWell')],
              ['some_trouble', t('checkIn.sleepSome')],
              ['poorly', t('checkIn.sleepPoor')],
            ]}
          />
          <fieldset>
            <legend>{t('checkIn.needs')}</legend>
            <div className="row wrap">
              {needs.map((n) => (
                <label key={n} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(n)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, n] : chosen.filter((x) => x !== n))
                    }
                  />{' '}
                  {t(`checkIn.need.${n}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <button type="submit" className="primary" disabled={send.isPending}>
              {send.isPending ? t('checkIn.sending') : t('checkIn.submit')}
            </button>
          </div>
          <ActionError error={send.error} />
        </form>
      )}
      <CheckInHistory memberId={memberId} />
    </div>
  );
}

function CheckInHistory({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const history = useMyCheckIns(memberId);
  if (history.isError) return <ErrorNotice error={history.error} />;
  const rows = [...(history.data ?? [])].reverse();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('checkIn.history')}</h2>
      {rows.length === 0 ? (
        <p>{t('checkIn.historyNone')}</p>
      ) : (
        <>
          <figure className="chart" aria-label={t('checkIn.chart')}>
            <ResponsiveContainer width="100%" height={180}>
              <LineChart
                data={rows.map((r) => ({
                  date: formatDate(r.submittedAt),
                  mood: r.mood,
                  craving: r.craving,
                }))}
              >
                <CartesianGrid stroke="#eceff2" vertical={false} />
                <XAxis dataKey="date" fontSize={11} />
                <YAxis domain={[0, 10]} fontSize={11} />
                <Tooltip />
                <Line
                  dataKey="mood"
                  name={t('checkIn.moodShort')}
                  stroke="#1d4ed8"
                  isAnimationActive={false}
                />
                <Line
                  dataKey="craving"
                  name={t('checkIn.cravingShort')}
                  stroke="#b45309"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </figure>
          <table>
            <caption className="sr-only">{t('checkIn.chart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('checkIn.date')}</th>
                <th scope="col">{t('checkIn.moodShort')}</th>
                <th scope="col">{t('checkIn.cravingShort')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.checkInId}>
                  <th scope="row">{formatDate(r.submittedAt)}</th>
                  <td className="num">{r.mood}</td>
                  <td className="num">{r.craving}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
