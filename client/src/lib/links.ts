/**
 * Finds web addresses in plain text so they can be shown as links. The text itself is never
 * interpreted as HTML: the result is segments for React to render as text and `<a>` elements.
 */

export type TextSegment =
  { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// http(s) addresses up to whitespace or a character that cannot be part of one.
const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address: "Siehe https://x.de/a."
const trailing = /[.,;:!?'"»«)\]}]+$/;

function trimAddress(candidate: string): string {
  let url = candidate.replace(trailing, '');
  // Keep a closing parenthesis that belongs to the address: https://de.wikipedia.org/wiki/A_(B)
  const rest = candidate.slice(url.length);
  if (rest.startsWith(')') && (url.match(/\(/g)?.length ?? 0) > (url.match(/\)/g)?.length ?? 0)) {
    url += ')';
  }
  return url;
}

function isSafeHref(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    const url = trimAddress(match[0]);
    if (!isSafeHref(url)) continue;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    segments.push({ type: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}
