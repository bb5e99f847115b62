import { describe, expect, it } from 'vitest';
import { errorCodes } from '@plenum/shared';
import { ApiError } from '../lib/api.ts';
import { RealtimeError } from '../lib/socket.ts';
import { errorCodeKey, errorCodeKeys } from './errorMessages.ts';
import de from './i18n/de.json';
import en from './i18n/en.json';

const lookup = (messages: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe('error texts per code', () => {
  // The shared union is the list: a code added on the server fails here until it is translated.
  for (const code of [...errorCodes, 'network', 'timeout'] as const) {
    it(`"${code}" has a text in German and English`, () => {
      const key = errorCodeKey(new ApiError(400, code as never, 'An English message'));
      expect(key).toBe(`errors.code.${code}`);
      for (const messages of [de, en]) {
        const text = lookup(messages, key);
        expect(typeof text === 'string' && text.trim().length > 0, `${key}`).toBe(true);
      }
      expect(lookup(de, key)).not.toBe(lookup(en, key));
    });
  }

  it('names exactly the shared codes and the client’s own two', () => {
    expect(Object.keys(errorCodeKeys).sort()).toEqual([...errorCodes, 'network', 'timeout'].sort());
  });

  it('a socket refusal is told by its code, not by the server’s English words', () => {
    const refusal = new RealtimeError('forbidden', 'You are not in this room.');
    expect(errorCodeKey(refusal)).toBe('errors.code.forbidden');
  });

  it('anything without a known code is "something went wrong"', () => {
    expect(errorCodeKey(new Error('boom'))).toBe('errors.unexpected');
    expect(errorCodeKey(new RealtimeError('made_up' as never, 'x'))).toBe('errors.unexpected');
    expect(errorCodeKey('not an error')).toBe('errors.unexpected');
  });
});
