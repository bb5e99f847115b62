import { useLayoutEffect, useRef, type CSSProperties, type ReactNode, type RefObject } from 'react';

export interface Caret {
  personId: string;
  name: string;
  index: number;
}

const colors = ['#b3261e', '#0b6e4f', '#6a1b9a', '#8a4b00', '#00539f', '#ad1457'];

/** A colour per person that stays the same while they write. */
export function caretColor(personId: string): string {
  let hash = 0;
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) | 0;
  return colors[Math.abs(hash) % colors.length]!;
}

/**
 * The others' carets, drawn on a copy of the text that lies behind the (transparent) textarea
 * and wraps and scrolls exactly as it does. Only a picture: hidden from screen readers, who hear
 * the same in the "Schreiben gerade" list.
 */
export function NotesCarets({
  text,
  carets,
  field,
}: {
  text: string;
  carets: Caret[];
  field: RefObject<HTMLTextAreaElement | null>;
}) {
  const mirror = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const textarea = field.current;
    if (!textarea) return;
    const follow = () => {
      if (mirror.current) mirror.current.scrollTop = textarea.scrollTop;
    };
    follow();
    textarea.addEventListener('scroll', follow);
    return () => textarea.removeEventListener('scroll', follow);
  });

  const sorted = [...carets].sort((a, b) => a.index - b.index);
  const parts: ReactNode[] = [];
  let from = 0;
  for (const caret of sorted) {
    const at = Math.min(Math.max(caret.index, from), text.length);
    parts.push(text.slice(from, at));
    parts.push(
      <span
        key={caret.personId}
        className="notes-caret"
        style={{ '--caret': caretColor(caret.personId) } as CSSProperties}
      >
        <span className="notes-caret-name">{caret.name}</span>
      </span>,
    );
    from = at;
  }
  // A trailing line break needs a character after it to take up its line.
  parts.push(`${text.slice(from)}\u200b`);

  return (
    <div ref={mirror} className="notes-mirror" aria-hidden="true">
      {parts}
    </div>
  );
}
