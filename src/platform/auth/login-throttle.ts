/** After this many failures in a row a username is locked for `lockMs`; an address after `maxPerAddress` in the window. */
export const maxFailuresPerUsername = 5;
export const lockMs = 15 * 60_000;
export const maxFailuresPerAddress = 30;

interface Counter {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

/**
 * Counts failed logins per username (known or not, so a lockout reveals nothing
 * about who exists) and per client address, in memory.
 */
export class LoginThrottle {
  private readonly byName = new Map<string, Counter>();
  private readonly byAddress = new Map<string, Counter>();

  /** Whether a login for this username from this address must be refused now. */
  isBlocked(username: string, address: string, now = Date.now()): boolean {
    const n = this.byName.get(username);
    const a = this.byAddress.get(address);
    return (n !== undefined && n.lockedUntil > now) || (a !== undefined && a.lockedUntil > now);
  }

  /** Records a failure; returns true when this failure locked the username. */
  recordFailure(username: string, address: string, now = Date.now()): boolean {
    const a = bump(this.byAddress, address, now);
    if (a.failures >= maxFailuresPerAddress) a.lockedUntil = now + lockMs;
    const n = bump(this.byName, username, now);
    if (n.failures >= maxFailuresPerUsername) {
      n.lockedUntil = now + lockMs;
      return true;
    }
    return false;
  }

  /** Forgets a username's failures after a good login. */
  recordSuccess(username: string): void {
    this.byName.delete(username);
  }
}

function bump(map: Map<string, Counter>, key: string, now: number): Counter {
  let c = map.get(key);
  if (!c || now - c.windowStart > lockMs) {
    c = { failures: 0, windowStart: now, lockedUntil: 0 };
    map.set(key, c);
  }
  c.failures += 1;
  return c;
}
