import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { useSignIn } from '../api/session.ts';

/** The sign-in form: one message for any failure, so it never tells which part was wrong. */
export function SignInPage() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ username, password });
  }

  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 429
      ? 'Too many attempts. Wait a few minutes, then try again.'
      : error instanceof ApiError && error.status === 423
        ? 'This account is locked for now. Try again later or ask an administrator.'
        : error
          ? 'That username and password did not match. Check them and try again.'
          : undefined;

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Checkpoint</h1>
        <p className="muted">Sign in to your workspace.</p>
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="small">
          <a href="#/activate">First time here? Open your account with your code</a>
          <br />
          <a href="#/activate" lang="es">
            ¿Primera vez? Abra su cuenta con su código
          </a>
        </p>
      </form>
    </main>
  );
}
