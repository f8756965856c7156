import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../api/http.ts';
import { useSignIn } from '../api/session.ts';
import { formatDate } from '../i18n/i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';

interface Found {
  role: 'member' | 'supporter';
  expiresAt: string;
}

/** The code an invitation link carries: `#/activate/7KQM-3PXD-R2HT` (a fragment never reaches a server log). */
export function codeInHash(hash: string): string {
  const match = /^#\/activate\/([^/]+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

function useRefusal(error: unknown): string | undefined {
  const { t } = useTranslation();
  if (!error) return undefined;
  if (error instanceof ApiError && error.status === 429) return t('activate.tooMany');
  if (error instanceof ApiError && error.status === 409 && /username/i.test(error.message))
    return t('activate.taken');
  if (error instanceof ApiError && error.status === 409) return error.message;
  if (error instanceof ApiError && error.status === 400)
    return error.issues.map((i) => i.message).join(' ') || error.message;
  return t('activate.refused');
}

/**
 * Opening an account with a one-time code: first the code (from the case manager, a letter or
 * an invitation link), then a member's date of birth, a username and a password; then signed in.
 */
export function ActivatePage() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(() => codeInHash(window.location.hash));
  const [found, setFound] = useState<Found>();
  const [birthDate, setBirthDate] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const signIn = useSignIn();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  const lookup = useMutation({
    mutationFn: () => apiFetch<Found>('/api/auth/activation/lookup', { method: 'POST', body: { code } }),
    onSuccess: setFound,
  });
  const activate = useMutation({
    mutationFn: () =>
      apiFetch('/api/auth/activate', {
        method: 'POST',
        body: { code, username, password, ...(found?.role === 'member' ? { birthDate } : {}) },
      }),
    onSuccess: () => {
      window.location.hash = found?.role === 'supporter' ? '#/family' : '#/home';
      signIn.mutate({ username, password });
    },
  });
  const mismatch = confirm.length > 0 && confirm !== password;
  const refusal = useRefusal(lookup.error ?? activate.error ?? signIn.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!found) lookup.mutate();
    else if (!mismatch) activate.mutate();
  }

  return (
    <main className="sign-in portal">
      <form className="sign-in-card stack" onSubmit={submit} aria-labelledby="activate-title">
        <div className="row wrap">
          <h1 id="activate-title">{t('activate.title')}</h1>
          <span className="spacer" />
          <LanguageSwitch />
        </div>
        <p className="muted">{t('activate.intro')}</p>
        <label>
          {t('activate.code')}
          <input
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setFound(undefined);
            }}
            aria-describedby="code-hint"
            required
          />
          <span id="code-hint" className="small muted">
            {t('activate.codeHint')}
          </span>
        </label>
        {found && (
          <>
            <p role="status">
              {found.role === 'member' ? t('activate.forMember') : t('activate.forSupporter')}{' '}
              {t('activate.expires', { date: formatDate(found.expiresAt) })}
            </p>
            {found.role === 'member' && (
              <label>
                {t('activate.birthDate')}
                <input
                  name="birthDate"
                  type="date"
                  autoComplete="bday"
                  value={birthDate}
                  onChange={(e) => setBirthDate(e.target.value)}
                  aria-describedby="birth-hint"
                  required
                />
                <span id="birth-hint" className="small muted">
                  {t('activate.birthDateHint')}
                </span>
              </label>
            )}
            <label>
              {t('activate.username')}
              <input
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value.toLowerCase())}
                pattern="[a-z0-9._\-]{3,64}"
                aria-describedby="username-hint"
                required
              />
              <span id="username-hint" className="small muted">
                {t('activate.usernameHint')}
              </span>
            </label>
            <label>
              {t('activate.password')}
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={12}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-describedby="password-hint"
                required
              />
              <span id="password-hint" className="small muted">
                {t('activate.passwordHint')}
              </span>
            </label>
            <label>
              {t('activate.confirm')}
              <input
                name="confirm"
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                aria-invalid={mismatch}
                required
              />
            </label>
            {mismatch && <p className="form-error">{t('activate.mismatch')}</p>}
          </>
        )}
        {refusal && (
          <p className="form-error" role="alert">
            {refusal}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={lookup.isPending || activate.isPending || signIn.isPending}
        >
          {found ? t('activate.submit') : t('activate.check')}
        </button>
        <a href="#/">{t('activate.signInInstead')}</a>
      </form>
    </main>
  );
}
