import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

const text = (t: string) => ({ type: 'text', text: t });

describe('results notes Markdown', () => {
  it('reads headings, paragraphs and lists', () => {
    expect(parseMarkdown('# Ergebnisse\n\nWir haben:\n\n- Bedarf\n- Ideen\n\n1. erstens')).toEqual([
      { type: 'heading', level: 1, children: [text('Ergebnisse')] },
      { type: 'paragraph', children: [text('Wir haben:')] },
      { type: 'list', ordered: false, items: [[text('Bedarf')], [text('Ideen')]] },
      { type: 'list', ordered: true, items: [[text('erstens')]] },
    ]);
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(parseMarkdown('Zeile 1\nZeile 2')).toEqual([
      { type: 'paragraph', children: [text('Zeile 1'), { type: 'break' }, text('Zeile 2')] },
    ]);
  });

  it('reads bold, italic, code and links', () => {
    expect(
      parseInline('**wichtig** und *betont* mit `code` [Quelle](https://example.org)'),
    ).toEqual([
      { type: 'strong', children: [text('wichtig')] },
      text(' und '),
      { type: 'em', children: [text('betont')] },
      text(' mit '),
      { type: 'code', text: 'code' },
      text(' '),
      { type: 'link', href: 'https://example.org', children: [text('Quelle')] },
    ]);
  });

  it('links bare web addresses', () => {
    expect(parseInline('siehe https://example.org')).toEqual([
      text('siehe '),
      { type: 'link', href: 'https://example.org', children: [text('https://example.org')] },
    ]);
  });

  it('never makes a javascript: link', () => {
    expect(parseInline('[klick](javascript:alert(1))')).toEqual([
      text('[klick](javascript:alert(1))'),
    ]);
  });

  it('shows HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', children: [text('<img src=x onerror=alert(1)>')] },
    ]);
  });

  it('leaves a lone asterisk, snake_case and escaped characters alone', () => {
    expect(parseInline('3 * 4 = 12')).toEqual([text('3 * 4 = 12')]);
    expect(parseInline('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseInline('\\*kein Fett\\*')).toEqual([text('*kein Fett*')]);
  });

  it('keeps fenced code verbatim', () => {
    expect(parseMarkdown('```\n**nicht fett**\n```')).toEqual([
      { type: 'code', text: '**nicht fett**' },
    ]);
  });

  it('reads quotes and rules', () => {
    expect(parseMarkdown('> Zitat\n\n---')).toEqual([
      { type: 'quote', children: [text('Zitat')] },
      { type: 'rule' },
    ]);
  });

  it('returns nothing for empty notes', () => {
    expect(parseMarkdown('  \n\n')).toEqual([]);
  });
});
