import { describe, expect, it } from 'vitest';
import { helmetHeaders } from './security-headers.ts';

const policy = (https: boolean) => ({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", 'wss://media.example.org'],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: https,
});

describe('helmetHeaders', () => {
  it('works out helmet’s headers for a policy once, as helmet would set them on an answer', () => {
    const headers = helmetHeaders(policy(false));
    const csp = headers['content-security-policy']!.split(';');
    expect(csp).toContain("connect-src 'self' wss://media.example.org");
    expect(csp).toContain("default-src 'self'");
    expect(csp.some((d) => d.startsWith('upgrade-insecure-requests'))).toBe(false);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy');
    expect(headers).not.toHaveProperty('strict-transport-security');
  });

  it('adds HSTS only when the instance is served over https', () => {
    expect(helmetHeaders(policy(true))['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('refuses a policy helmet refuses, at start-up rather than on an answer', () => {
    expect(() =>
      helmetHeaders({
        contentSecurityPolicy: { directives: { defaultSrc: ["'self'; script-src *"] } },
      }),
    ).toThrow();
  });
});
