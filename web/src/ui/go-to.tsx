import { useEffect } from 'react';

/** Moves to a role's start screen, replacing the entry so Back does not bounce. */
export function GoTo({ hash }: { hash: string }) {
  useEffect(() => window.location.replace(hash), [hash]);
  return <p className="loading">Loading…</p>;
}
