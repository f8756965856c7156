import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, testPassword } from '../../testing/test-app.ts';
import { addUser } from '../auth/users.ts';

let direct: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  direct = await buildTestApp();
  proxied = await buildTestApp({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

/** Signs in through the app as a fresh user, as a browser behind the given forwarded protocol. */
async function login(t: TestApp, username: string, forwardedProto?: string) {
  await addUser(t.store.db, { username, role: 'case_manager', password: testPassword });
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: forwardedProto ? { 'x-forwarded-proto': forwardedProto } : {},
    payload: { username, password: testPassword },
  });
}

describe('security headers', () => {
  it('serves a strict content security policy that no other site can frame', async () => {
    const res = await direct.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends no HSTS and no Secure cookie over plain HTTP, and ignores a forwarded protocol from an untrusted peer', async () => {
    const res = await login(direct, 'headers-plain', 'https');
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('behind a trusted TLS proxy: HSTS on every response and a Secure session cookie', async () => {
    const res = await login(proxied, 'headers-tls', 'https');
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/i);
    const plain = await login(proxied, 'headers-proxy-http', 'http');
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
  });
});
