import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lineAt, spliceBetween, TextBinding, type TextField } from './text-binding.ts';

/** A textarea as far as the binding sees one: a value and a selection. */
class FakeField implements TextField {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  setSelectionRange(
    start: number,
    end: number,
    direction: 'forward' | 'backward' | 'none' = 'none',
  ) {
    this.selectionStart = start;
    this.selectionEnd = end;
    this.selectionDirection = direction;
  }
  /** Types at the caret (replacing a selection), as the browser does before `input`. */
  type(text: string) {
    const { value, selectionStart: s, selectionEnd: e } = this;
    this.value = value.slice(0, s) + text + value.slice(e);
    this.setSelectionRange(s + text.length, s + text.length);
  }
  backspace() {
    const s = this.selectionStart;
    this.value = this.value.slice(0, s - 1) + this.value.slice(s);
    this.setSelectionRange(s - 1, s - 1);
  }
}

interface Editor {
  doc: Y.Doc;
  field: FakeField;
  binding: TextBinding;
  typeAt: (caret: number, text: string) => void;
  sendTo: (other: Editor) => void;
}

/** One person's editor: a document of their own, a field, the binding between them. */
function editor(initial?: Uint8Array): Editor {
  const doc = new Y.Doc();
  if (initial) Y.applyUpdate(doc, initial, 'server');
  const field = new FakeField();
  const binding = new TextBinding(doc.getText('notes'), field);
  const outbox: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') outbox.push(update);
  });
  const typeAt = (caret: number, text: string) => {
    field.setSelectionRange(caret, caret);
    field.type(text);
    binding.input();
  };
  /** Everything not yet sent goes to the other editor (the server's fan-out, delayed at will). */
  const sendTo = (other: Editor) => {
    for (const update of outbox.splice(0)) {
      other.binding.receive(() => Y.applyUpdate(other.doc, update, 'remote'));
    }
  };
  return { doc, field, binding, typeAt, sendTo };
}

function pair(start: string) {
  const seed = new Y.Doc();
  seed.getText('notes').insert(0, start);
  const state = Y.encodeStateAsUpdate(seed);
  return [editor(state), editor(state)] as const;
}

describe('the textarea binding', () => {
  it('turns a typed change into the smallest splice, placed at the caret', () => {
    expect(spliceBetween('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(spliceBetween('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(spliceBetween('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(spliceBetween('Hallo Welt', 'Hallo schöne Welt', 13)).toEqual({
      index: 6,
      remove: 0,
      insert: 'schöne ',
    });
    expect(spliceBetween('eins zwei drei', 'eins 2 drei', 6)).toEqual({
      index: 5,
      remove: 4,
      insert: '2',
    });
    expect(spliceBetween('gleich', 'gleich')).toBeNull();
  });

  it('never cuts an emoji in two', () => {
    const splice = spliceBetween('a😀b', 'a😃b', 3)!;
    expect(splice).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('two people typing at the same time end with both texts, each word whole', () => {
    const [anna, ben] = pair('Ideen:\n');
    anna.typeAt(7, '- Radwege');
    ben.typeAt(7, '- Bänke');
    anna.sendTo(ben);
    ben.sendTo(anna);
    expect(anna.field.value).toBe(ben.field.value);
    expect(anna.doc.getText('notes').toString()).toBe(anna.field.value);
    expect(anna.field.value).toContain('- Radwege');
    expect(anna.field.value).toContain('- Bänke');
    // Both go on typing where their caret is: their words stay whole.
    anna.field.type(' für alle');
    anna.binding.input();
    ben.field.type(' im Park');
    ben.binding.input();
    anna.sendTo(ben);
    ben.sendTo(anna);
    expect(anna.field.value).toBe(ben.field.value);
    expect(anna.field.value).toContain('- Radwege für alle');
    expect(anna.field.value).toContain('- Bänke im Park');
  });

  it('keeps the caret on its character when someone writes before or after it', () => {
    const [anna, ben] = pair('Zeile eins\nZeile zwei');
    anna.field.setSelectionRange(18, 18); // after "Zeile z"
    ben.typeAt(0, '# Titel\n');
    ben.sendTo(anna);
    expect(anna.field.value).toBe('# Titel\nZeile eins\nZeile zwei');
    expect(anna.field.selectionStart).toBe(26);
    expect(anna.field.value.slice(0, anna.field.selectionStart).endsWith('Zeile z')).toBe(true);
    ben.typeAt(ben.field.value.length, '!');
    ben.sendTo(anna);
    expect(anna.field.selectionStart).toBe(26);
  });

  it('text written right at the caret lands after it, and a selection keeps its words', () => {
    const [anna, ben] = pair('Anfang Ende');
    anna.field.setSelectionRange(6, 6);
    ben.typeAt(6, ' Mitte');
    ben.sendTo(anna);
    expect(anna.field.value).toBe('Anfang Mitte Ende');
    expect(anna.field.selectionStart).toBe(6);

    anna.field.setSelectionRange(7, 12, 'backward'); // "Mitte", selected right to left
    ben.typeAt(0, '>> ');
    ben.typeAt(ben.field.value.length, ' <<');
    ben.sendTo(anna);
    const { selectionStart: s, selectionEnd: e, selectionDirection } = anna.field;
    expect(anna.field.value.slice(s, e)).toBe('Mitte');
    expect(selectionDirection).toBe('backward');
  });

  it('a caret inside text someone deleted goes to where the deletion was', () => {
    const [anna, ben] = pair('eins zwei drei');
    anna.field.setSelectionRange(7, 7);
    ben.field.setSelectionRange(5, 10);
    ben.field.type('');
    ben.binding.input();
    ben.sendTo(anna);
    expect(anna.field.value).toBe('eins drei');
    expect(anna.field.selectionStart).toBe(5);
  });

  it('others’ changes wait for an IME composition to end, and nothing typed is lost', () => {
    const [anna, ben] = pair('Notiz: ');
    anna.binding.compositionStart();
    anna.field.setSelectionRange(7, 7);
    anna.field.type('にほ');
    anna.binding.input();
    ben.typeAt(0, '>');
    ben.sendTo(anna);
    // The field is not touched while composing …
    expect(anna.field.value).toBe('Notiz: にほ');
    anna.field.backspace();
    anna.field.backspace();
    anna.field.type('日本');
    anna.binding.compositionEnd();
    // … and afterwards shows both, the caret still after the composed word.
    expect(anna.field.value).toBe('>Notiz: 日本');
    expect(anna.field.selectionStart).toBe(10);
    anna.sendTo(ben);
    expect(ben.field.value).toBe('>Notiz: 日本');
  });

  it('undo takes back only one’s own edit, not the other’s', () => {
    const [anna, ben] = pair('');
    anna.typeAt(0, 'Annas Satz.');
    anna.sendTo(ben);
    ben.typeAt(ben.field.value.length, ' Bens Satz.');
    ben.sendTo(anna);
    anna.binding.undo();
    expect(anna.field.value).toBe(' Bens Satz.');
    anna.binding.redo();
    expect(anna.field.value).toBe('Annas Satz. Bens Satz.');
  });

  it('counts lines from 1', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 99)).toBe(3);
  });
});
