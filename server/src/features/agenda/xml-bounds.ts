import { AppError } from '../../lib/app-error.ts';

/**
 * Far more than any pretalx/Frab schedule of a forum needs (one talk is about 25 elements, each
 * with at most a few attributes), far less than what keeps a parser busy for seconds.
 */
export const XML_BOUNDS = { elements: 20_000, attributesPerElement: 32 };

const tooMuch = (what: string) =>
  new AppError(
    'bad_request',
    `This XML has ${what}; a pretalx/Frab schedule has far fewer. Nothing was imported.`,
    400,
    undefined,
    'xml_too_complex',
  );

/** A start tag begins with a name: a letter, `_`, `:` or any non-ASCII character. */
const startsName = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;

/**
 * Refuses XML with too many elements or too many attributes on one element before a parser
 * sees it: one linear pass over the text, a few milliseconds for the largest body we accept.
 * Counts generously (a `<name` inside a comment counts too): it errs towards refusing.
 */
export function assertXmlBounds(xml: string, bounds = XML_BOUNDS) {
  let elements = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    if (!startsName(xml.charCodeAt(i + 1))) continue;
    if (++elements > bounds.elements) throw tooMuch(`more than ${bounds.elements} elements`);
    let attributes = 0;
    let quote = 0;
    let j = i + 1;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 61 && ++attributes > bounds.attributesPerElement) {
        throw tooMuch(`more than ${bounds.attributesPerElement} attributes on one element`);
      } else if (c === 62) break;
    }
    i = j;
  }
}
