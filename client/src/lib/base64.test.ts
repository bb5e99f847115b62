import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.ts';

describe('base64', () => {
  it('is the standard padded alphabet, and large arrays survive the round trip', () => {
    expect(toBase64(new Uint8Array([0, 0]))).toBe('AAA=');
    expect(toBase64(new Uint8Array([251, 255]))).toBe('+/8=');
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(large))).toEqual(large);
    expect(toBase64(large)).toBe(Buffer.from(large).toString('base64'));
  });
});
