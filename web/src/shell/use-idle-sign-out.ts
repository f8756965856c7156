import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { signOut } from '../api/session.ts';

const idleMinutes = 15;

/** Signs the user out after a stretch without keyboard, pointer or touch activity (UX: time out idle sessions). */
export function useIdleSignOut(active: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(expire, idleMinutes * 60_000);
    function expire() {
      void signOut(client);
    }
    function reset() {
      window.clearTimeout(timer);
      timer = window.setTimeout(expire, idleMinutes * 60_000);
    }
    const events = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, reset);
    };
  }, [active, client]);
}
