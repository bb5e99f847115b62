import { describe, expect, it } from 'vitest';
import { assertXmlBounds } from './xml-bounds.ts';

const bounds = { elements: 5, attributesPerElement: 3 };
const element = (attributes: number) =>
  `<e ${Array.from({ length: attributes }, (_, i) => `a${i}="x"`).join(' ')}/>`;

describe('XML bounds before parsing', () => {
  it('counts attributes per element; an = inside a quoted value is no attribute', () => {
    expect(() => assertXmlBounds(`<s>${element(3)}</s>`, bounds)).not.toThrow();
    expect(() => assertXmlBounds(`<s><e a="1=2=3=4" b='x=y'/></s>`, bounds)).not.toThrow();
    expect(() => assertXmlBounds(`<s>${element(4)}</s>`, bounds)).toThrow(
      /more than 3 attributes on one element/,
    );
  });

  it('counts start tags, not end tags, declarations or a < in text', () => {
    const xml = `<?xml version="1.0"?><!-- x --><s>${'<e>a < b</e>'.repeat(4)}</s>`;
    expect(() => assertXmlBounds(xml, bounds)).not.toThrow();
    expect(() => assertXmlBounds(`<s>${'<e/>'.repeat(5)}</s>`, bounds)).toThrow(
      /more than 5 elements/,
    );
  });
});
