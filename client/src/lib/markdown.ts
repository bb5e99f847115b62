import { splitLinks } from './links.ts';

/**
 * A small, safe Markdown subset for the groups' results notes: headings, paragraphs, lists,
 * quotes, code, rules, bold, italic, inline code and links. It parses to a tree that React
 * renders as elements: no HTML string is ever built, so nothing typed can become markup or script.
 * Raw HTML in the notes simply shows as text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const quote = /^\s{0,3}>\s?(.*)$/;
const fence = /^\s{0,3}(```|~~~)/;
const rule = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const isBlockStart = (line: string) =>
    heading.test(line) ||
    bullet.test(line) ||
    numbered.test(line) ||
    quote.test(line) ||
    fence.test(line) ||
    rule.test(line);

  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fenced = fence.exec(line);
    if (fenced) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fenced[1]!))
        code.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    if (rule.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    const h = heading.exec(line);
    if (h) {
      const level = h[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(h[2]!) });
      i++;
      continue;
    }
    const listPattern = bullet.test(line) ? bullet : numbered.test(line) ? numbered : null;
    if (listPattern) {
      const items: Inline[][] = [];
      while (i < lines.length && listPattern.test(lines[i]!)) {
        items.push(parseInline(listPattern.exec(lines[i]!)![1]!));
        i++;
      }
      blocks.push({ type: 'list', ordered: listPattern === numbered, items });
      continue;
    }
    if (quote.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && quote.test(lines[i]!)) quoted.push(quote.exec(lines[i++]!)![1]!);
      blocks.push({ type: 'quote', children: parseInline(quoted.join('\n')) });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      (paragraph.length === 0 || !isBlockStart(lines[i]!))
    ) {
      paragraph.push(lines[i++]!.trim());
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

const safeHref = (href: string) => /^(https?:\/\/|mailto:)/i.test(href);
const escapable = /[\\`*_{}[\]()#+\-.!>~|]/;

/** Inline Markdown to a tree; anything unmatched stays literal text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (!text) return;
    for (const segment of splitLinks(text)) {
      out.push(
        segment.type === 'link'
          ? { type: 'link', href: segment.href, children: [{ type: 'text', text: segment.text }] }
          : { type: 'text', text: segment.text },
      );
    }
    text = '';
  };

  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (ch === '\\' && escapable.test(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
      if (link && safeHref(link[2]!)) {
        flush();
        out.push({ type: 'link', href: link[2]!, children: parseInline(link[1]!) });
        i += link[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const double = source[i + 1] === ch;
      const delimiter = double ? ch + ch : ch;
      const start = i + delimiter.length;
      const end = source.indexOf(delimiter, start + 1);
      // Emphasis needs text right inside the delimiters ("a * b" is no emphasis), and an
      // underscore inside a word (snake_case) is a letter.
      const opensWord = !/\s/.test(source[start] ?? ' ');
      const intraword = ch === '_' && /\w/.test(source[i - 1] ?? '');
      if (end > start && opensWord && !intraword && !/\s/.test(source[end - 1]!)) {
        flush();
        const children = parseInline(source.slice(start, end));
        out.push(double ? { type: 'strong', children } : { type: 'em', children });
        i = end + delimiter.length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}
