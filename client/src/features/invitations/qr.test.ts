import { describe, expect, it } from 'vitest';
import { qrModules, qrShape } from './qr.ts';

const link = 'https://plenum.example.de/join/abcDEF123_-abcDEF123_';

describe('invitation QR code', () => {
  it('has the three finder patterns in its corners', () => {
    const m = qrModules(link);
    const n = m.length;
    // A finder's outer ring: 7 dark modules along its top edge, a light one after it.
    for (const [row, col] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      expect(m[row]!.slice(col, col + 7).every(Boolean)).toBe(true);
      expect(m[row + 1]![col + 1]).toBe(false);
      expect(m[row + 2]![col + 2]).toBe(true);
    }
  });

  it('grows with the text and is square', () => {
    const small = qrModules('https://a.de/');
    const large = qrModules(`${link}?${'x'.repeat(200)}`);
    expect(small.length).toBe(small[0]!.length);
    expect(large.length).toBeGreaterThan(small.length);
  });

  it('encodes non-ASCII text as UTF-8 without failing', () => {
    expect(qrModules('https://plenum.example/größe').length).toBeGreaterThan(20);
  });

  it('draws dark runs as one path with a quiet zone of four modules', () => {
    const shape = qrShape(link);
    const modules = qrModules(link);
    expect(shape.size).toBe(modules.length + 8);
    expect(shape.path.startsWith('M4 4h7v1h-7z')).toBe(true);
    const dark = modules.flat().filter(Boolean).length;
    const drawn = [...shape.path.matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drawn).toBe(dark);
  });

  it('is the same for the same link', () => {
    expect(qrShape(link)).toEqual(qrShape(link));
  });
});

describe('QR code files', () => {
  it('an SVG file of the same code, dark on white, with a quiet zone', async () => {
    const { qrSvgFile, qrShape } = await import('./qr.ts');
    const text = 'https://plenum.example/join/abcDEF123_-abcDEF123_';
    const svg = qrSvgFile(text);
    const { size, path } = qrShape(text);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
    expect(svg).toContain(`<path d="${path}" fill="#000000"/>`);
    expect(svg).toContain('fill="#ffffff"');
  });

  it('names the file by role and label, safe for every file system', async () => {
    const { qrFileNameOf } = await import('./qr-download.ts');
    expect(qrFileNameOf('moderator', 'AG 2: Öffentlichkeit/Presse')).toBe(
      'einladung-moderator-ag-2-offentlichkeit-presse',
    );
    expect(qrFileNameOf('attendee', '')).toBe('einladung-attendee');
  });
});
