import type { ReactNode } from 'react';
import { ApiError } from '../api/http.ts';

/** A calm message box: loading, empty, or what went wrong and what to try. */
export function Notice({
  title,
  tone = 'info',
  children,
}: {
  title: string;
  tone?: 'info' | 'error';
  children?: ReactNode;
}) {
  return (
    <section className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h2>{title}</h2>
      {children && <div>{children}</div>}
    </section>
  );
}

/** Explains an API failure in plain words. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403)
    return (
      <Notice tone="error" title="You do not have access to this">
        Your role cannot open this record. If you need it for your work, ask your supervisor.
      </Notice>
    );
  if (error instanceof ApiError && error.status === 404)
    return (
      <Notice tone="error" title="Not found">
        This record does not exist or is no longer available. <a href="#/worklist">Back to the worklist</a>
      </Notice>
    );
  if (error instanceof ApiError && error.status === 401)
    return (
      <Notice tone="error" title="Your session ended">
        Reload the page to sign in again.
      </Notice>
    );
  return (
    <Notice tone="error" title="Something went wrong">
      {error instanceof Error ? error.message : 'Please try again.'} If it keeps happening, reload the page.
    </Notice>
  );
}
