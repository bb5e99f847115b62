import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT_NAME } from '@plenum/shared';
import { openDatabase } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { createEvent } from '../events/service.ts';
import { docTarget } from './keys.ts';
import { NotesStore } from './store.ts';

describe('live notes on the embedded PGlite (npm start without DATABASE_URL)', () => {
  it('appends, compacts and reads back the same text as on Postgres', async () => {
    const handle = await openDatabase({ dataDir: '.data/test', inMemory: true });
    try {
      await handle.migrate();
      const event = await createEvent(
        handle.db,
        {
          slug: 'pglite-notes',
          title: 'PGlite',
          description: '',
          timeZone: 'Europe/Berlin',
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
        null,
      );
      const [person] = await handle.db
        .insert(people)
        .values({ displayName: 'Olga' })
        .returning({ id: people.id });
      const store = new NotesStore(handle.db);
      const target = docTarget({ kind: 'plenary' }, event.id);
      const doc = new Y.Doc();
      const text = doc.getText(NOTES_TEXT_NAME);
      for (const line of ['Begrüßung\n', 'Vorträge\n', 'Ergebnisse\n']) {
        const before = Y.encodeStateVector(doc);
        text.insert(text.length, line);
        await store.append(target, Y.encodeStateAsUpdate(doc, before), person!.id);
      }
      expect(await store.text(target)).toBe('Begrüßung\nVorträge\nErgebnisse\n');
      expect(await store.compact(target.key, 1)).toBe(true);
      // A fresh node's copy, from the snapshot alone.
      const fresh = new NotesStore(handle.db);
      expect(await fresh.text(target)).toBe('Begrüßung\nVorträge\nErgebnisse\n');
      const reader = new Y.Doc();
      Y.applyUpdate(reader, (await fresh.sync(target, Y.encodeStateVector(reader))).update);
      expect(reader.getText(NOTES_TEXT_NAME).toString()).toBe(text.toString());
    } finally {
      await handle.close();
    }
  }, 120_000);
});
