import { describe, expect, it } from 'vitest';
import { balance } from './balance.ts';
import { decodeSpreadsheetText, parseCsv, readPreassignments } from './csv.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('auto-balance', () => {
  it('spreads people so that groups differ by at most one', () => {
    const { placed } = balance(
      [
        { roomId: 'a', capacity: 40, assigned: 0 },
        { roomId: 'b', capacity: 40, assigned: 0 },
        { roomId: 'c', capacity: 40, assigned: 0 },
      ],
      people(100),
    );
    const sizes = ['a', 'b', 'c'].map((r) => [...placed.values()].filter((v) => v === r).length);
    expect(sizes).toEqual([34, 33, 33]);
  });

  it('fills up the groups that already have fewer members first', () => {
    const { placed } = balance(
      [
        { roomId: 'a', capacity: null, assigned: 10 },
        { roomId: 'b', capacity: null, assigned: 4 },
      ],
      people(6),
    );
    expect([...placed.values()]).toEqual(Array(6).fill('b'));
  });

  it('never exceeds capacity, and says who did not fit', () => {
    const { placed, unplaced } = balance(
      [
        { roomId: 'a', capacity: 2, assigned: 1 },
        { roomId: 'b', capacity: 1, assigned: 0 },
      ],
      people(4),
    );
    expect(placed.size).toBe(2);
    expect(unplaced).toEqual(['p2', 'p3']);
  });
});

describe('pre-assignment lists', () => {
  it('read German umlauts from UTF-8 and from Windows-1252', () => {
    const text = 'Name;Arbeitsgruppe\nJürgen Größe;AG 2: Beteiligung und Quartier\n';
    const utf8 = new TextEncoder().encode(text);
    const cp1252 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(decodeSpreadsheetText(utf8)).toBe(text);
    expect(decodeSpreadsheetText(cp1252)).toBe(text);
  });

  it('parse quoted fields with separators and quotes inside', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('find the columns by their German or English names', () => {
    const rows = readPreassignments('E-Mail;Gruppe\nA@Example.org;AG 1\n');
    expect(rows).toEqual([{ line: 2, name: '', email: 'a@example.org', group: 'AG 1' }]);
  });

  it('number each row by the line it starts on, past blank lines and line breaks in quotes', () => {
    const rows = readPreassignments(
      'Name;Gruppe\r\n\r\nAnna;AG 1\r\n"Bert\r\nB.";AG 2\nCarl;AG 3\n',
    );
    expect(rows.map((r) => [r.name, r.line])).toEqual([
      ['Anna', 3],
      ['Bert\r\nB.', 4],
      ['Carl', 6],
    ]);
  });

  it('refuse a file without the needed columns', () => {
    expect(() => readPreassignments('Vorname;Nachname\nA;B')).toThrow(/Arbeitsgruppe/);
  });
});
