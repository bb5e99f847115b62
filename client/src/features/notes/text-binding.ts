import * as Y from 'yjs';

/**
 * A plain <textarea> bound to a Y.Text, without React: what is typed becomes the smallest
 * delete/insert around the caret, what others wrote replaces the field's value while the
 * selection stays on the same characters (Y.RelativePosition). The browser's own undo cannot
 * survive a value set from outside, so undo and redo go through a Y.UndoManager that takes back
 * only one's own edits. During an IME composition nothing is written into the field (that would
 * break the composition): others' changes wait until it ends.
 */

export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

/** The part of the field a binding touches; an HTMLTextAreaElement is one. */
export interface TextField {
  value: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly selectionDirection: 'forward' | 'backward' | 'none' | null;
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The one change that turns `before` into `after`. The caret after the change says where an
 * ambiguous change happened (a second "a" typed into "aa" went where the caret is); a surrogate
 * pair (an emoji) is never cut in two.
 */
export function spliceBetween(before: string, after: string, caret = after.length): Splice | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  let suffix = 0;
  const maxSuffix = Math.min(shortest, Math.max(0, after.length - caret));
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  let prefix = 0;
  while (prefix < shortest - suffix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  if (prefix > 0 && isHigh(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLow(after.charCodeAt(after.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

export function applySplice(text: Y.Text, splice: Splice, origin: unknown) {
  text.doc!.transact(() => {
    if (splice.remove > 0) text.delete(splice.index, splice.remove);
    if (splice.insert) text.insert(splice.index, splice.insert);
  }, origin);
}

export interface RelativeSelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

/**
 * A selection tied to characters. A caret sticks to the character on its left, so that text
 * someone else inserts right at it lands after it and two people typing at the same place each
 * keep their words whole; a range keeps insertions at its edges outside.
 */
export function relativeSelection(text: Y.Text, anchor: number, head: number): RelativeSelection {
  const forward = head >= anchor;
  const left = (index: number) => Y.createRelativePositionFromTypeIndex(text, index, -1);
  const right = (index: number) => Y.createRelativePositionFromTypeIndex(text, index, 0);
  if (anchor === head) return { anchor: left(anchor), head: left(head) };
  return forward
    ? { anchor: right(anchor), head: left(head) }
    : { anchor: left(anchor), head: right(head) };
}

/** Where a relative position is now; null when it belongs to another document. */
export function absoluteIndex(doc: Y.Doc, position: Y.RelativePosition): number | null {
  return Y.createAbsolutePositionFromRelativePosition(position, doc)?.index ?? null;
}

/** 1-based line of an index, as "Zeile 3" says it. */
export function lineAt(value: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < value.length; i++) if (value.charCodeAt(i) === 10) line++;
  return line;
}

export class TextBinding {
  private shown: string;
  private composing = false;
  private held: (() => void)[] = [];
  private before: RelativeSelection | null = null;
  private readonly undoManager: Y.UndoManager;

  constructor(
    readonly text: Y.Text,
    private readonly field: TextField,
    /** Told after others' changes were written into the field. */
    private readonly onRemote: () => void = () => {},
  ) {
    this.shown = text.toString();
    field.value = this.shown;
    this.undoManager = new Y.UndoManager(text, { trackedOrigins: new Set([this]) });
    text.doc!.on('beforeTransaction', this.capture);
    text.observe(this.render);
  }

  /** The field's selection, anchor first, tied to characters (for the others' caret markers). */
  selection(): RelativeSelection {
    const { selectionStart: start, selectionEnd: end, selectionDirection } = this.field;
    return selectionDirection === 'backward'
      ? relativeSelection(this.text, end, start)
      : relativeSelection(this.text, start, end);
  }

  /** After the field's `input` event: the typed change goes into the document. */
  input() {
    const value = this.field.value;
    const splice = spliceBetween(this.shown, value, this.field.selectionEnd);
    this.shown = value;
    if (splice) applySplice(this.text, splice, this);
  }

  compositionStart() {
    this.composing = true;
  }

  compositionEnd() {
    this.composing = false;
    this.input();
    const held = this.held;
    this.held = [];
    for (const apply of held) apply();
  }

  /** Applies others' changes now, or after the composition under way. */
  receive(apply: () => void) {
    if (this.composing) this.held.push(apply);
    else apply();
  }

  undo() {
    this.undoManager.undo();
  }

  redo() {
    this.undoManager.redo();
  }

  destroy() {
    this.text.unobserve(this.render);
    this.text.doc!.off('beforeTransaction', this.capture);
    this.undoManager.destroy();
  }

  private capture = (transaction: Y.Transaction) => {
    if (transaction.origin !== this) this.before = this.selection();
  };

  private render = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === this) return;
    const value = this.text.toString();
    const before = this.before;
    this.before = null;
    this.shown = value;
    if (value === this.field.value) return;
    this.field.value = value;
    if (before) {
      const doc = this.text.doc!;
      const anchor = absoluteIndex(doc, before.anchor) ?? 0;
      const head = absoluteIndex(doc, before.head) ?? 0;
      const backward = head < anchor;
      this.field.setSelectionRange(
        Math.min(anchor, head),
        Math.max(anchor, head),
        backward ? 'backward' : 'forward',
      );
    }
    this.onRemote();
  };
}
