import { ApiError } from '../api/http.ts';
import { ErrorNotice, Notice } from './notice.tsx';

/** An action's failure: a refused step (409/400) says why in the server's plain words, field by field; others as usual. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 400))
    return <ErrorNotice error={error} />;
  const issues = error.issues.filter((i) => i.message !== error.message);
  return (
    <Notice tone="error" title={error.status === 409 ? 'Not possible now' : 'Check the form'}>
      {error.message}
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}-${i.message}`}>
              {i.path ? `${i.path.replace(/^body\./, '')}: ` : ''}
              {i.message}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">Nothing was changed.</p>
    </Notice>
  );
}
