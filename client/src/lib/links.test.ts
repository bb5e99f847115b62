import { describe, expect, it } from 'vitest';
import { splitLinks } from './links.ts';

describe('links in chat text', () => {
  it('turns a web address into a link and leaves the rest as text', () => {
    expect(splitLinks('Folien: https://example.org/folien.pdf danke')).toEqual([
      { type: 'text', text: 'Folien: ' },
      {
        type: 'link',
        text: 'https://example.org/folien.pdf',
        href: 'https://example.org/folien.pdf',
      },
      { type: 'text', text: ' danke' },
    ]);
  });

  it('leaves the full stop that ends a sentence outside the link', () => {
    expect(splitLinks('Siehe https://example.org/a.')).toEqual([
      { type: 'text', text: 'Siehe ' },
      { type: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps a parenthesis that belongs to the address', () => {
    const [link] = splitLinks('https://de.wikipedia.org/wiki/Plenum_(Politik)');
    expect(link).toMatchObject({ href: 'https://de.wikipedia.org/wiki/Plenum_(Politik)' });
  });

  it('does not link an address in parentheses with the closing one', () => {
    expect(splitLinks('(https://example.org)')).toEqual([
      { type: 'text', text: '(' },
      { type: 'link', text: 'https://example.org', href: 'https://example.org' },
      { type: 'text', text: ')' },
    ]);
  });

  it('never links javascript: or HTML, which stays text', () => {
    const text = 'javascript:alert(1) <a href="https://x.de">x</a>';
    expect(splitLinks(text).filter((s) => s.type === 'link')).toEqual([
      { type: 'link', text: 'https://x.de', href: 'https://x.de' },
    ]);
    expect(splitLinks('<b>fett</b>')).toEqual([{ type: 'text', text: '<b>fett</b>' }]);
  });

  it('returns nothing for empty text', () => {
    expect(splitLinks('')).toEqual([]);
  });
});
