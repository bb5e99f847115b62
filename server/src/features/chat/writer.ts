import { sql } from 'drizzle-orm';
import type { ChatMessage } from '@plenum/shared';
import type { Db } from '../../db/client.ts';
import { chatMessages, chatRoomSettings } from '../../db/schema/index.ts';
import { AppError, databaseUnavailable, unstorableInput } from '../../lib/app-error.ts';
import { GroupCommit } from '../../lib/group-commit.ts';
import type { RoomRow } from '../rooms/repository.ts';
import { findByClientId } from './service.ts';

/** A message for a room's chat, checked and ready to store. */
export interface RoomMessageDraft {
  room: Pick<RoomRow, 'id' | 'eventId'>;
  author: { id: string; displayName: string };
  clientId: string;
  body: string;
  /** Moderators write in a locked chat. */
  mayBypassLock: boolean;
}

export interface StoredMessage {
  message: ChatMessage;
  /** false: a resend of a message stored before (same author and client id). */
  created: boolean;
}

/** Up to this many messages in one statement (7 arrays of this length as parameters). */
const MAX_BATCH = 500;

/**
 * Stores room messages in one statement: the lock check and the idempotent insert for all of
 * them, in the order given (ids ascending). One statement is one transaction: it stores all of
 * them or none. Per draft the answer is the stored message or the reason it was refused
 * (a locked chat); a failed statement throws.
 */
export async function storeRoomMessages(
  db: Db,
  drafts: RoomMessageDraft[],
): Promise<(StoredMessage | AppError)[]> {
  const createdAt = drafts.map(() => new Date());
  const column = <T>(pick: (d: RoomMessageDraft) => T) => sql.param(drafts.map(pick));
  const result = await db.execute(sql`
    insert into ${chatMessages} (event_id, room_id, scope, author_id, client_id, body, created_at)
    select d.event_id, d.room_id, 'room'::chat_scope, d.author_id, d.client_id, d.body, d.created_at
    from unnest(
      ${column((d) => d.room.eventId)}::uuid[], ${column((d) => d.room.id)}::uuid[],
      ${column((d) => d.author.id)}::uuid[], ${column((d) => d.clientId)}::uuid[],
      ${column((d) => d.body)}::text[], ${sql.param(createdAt.map((t) => t.toISOString()))}::timestamptz[],
      ${column((d) => d.mayBypassLock)}::boolean[]
    ) with ordinality as d(event_id, room_id, author_id, client_id, body, created_at, bypass, n)
    where d.bypass or not exists (
      select 1 from ${chatRoomSettings} s where s.room_id = d.room_id and s.locked_at is not null
    )
    order by d.n
    on conflict (author_id, client_id) do nothing
    returning id::text as id, author_id::text as author_id, client_id::text as client_id`);
  const rows = (
    result as unknown as { rows: { id: string; author_id: string; client_id: string }[] }
  ).rows;
  const inserted = new Map(rows.map((r) => [`${r.author_id}/${r.client_id}`, Number(r.id)]));
  return Promise.all(
    drafts.map(async (d, i): Promise<StoredMessage | AppError> => {
      const key = `${d.author.id}/${d.clientId}`;
      const id = inserted.get(key);
      if (id !== undefined) {
        // A resend in the same batch is the one not inserted: it answers the stored message.
        inserted.delete(key);
        return { message: toRoomMessage(id, createdAt[i]!, d), created: true };
      }
      // Nothing inserted: a resend of a stored message, or a locked chat. Rare, one by one.
      const existing = await findByClientId(db, d.author.id, d.clientId);
      if (existing) return { message: existing, created: false };
      return new AppError('forbidden', 'The chat of this room is locked.');
    }),
  );
}

const toRoomMessage = (id: number, createdAt: Date, d: RoomMessageDraft): ChatMessage => ({
  id,
  clientId: d.clientId,
  roomId: d.room.id,
  scope: 'room',
  author: d.author,
  body: d.body,
  createdAt: createdAt.toISOString(),
  pinned: false,
});

/**
 * The node's chat writer: messages sent at the same time are stored together (GroupCommit), each
 * answered only once its batch is committed. A batch that fails answers every message in it with
 * the same error, so nobody is told "sent" for a message that is not stored, and nothing of it is
 * broadcast; a resend (same client id) is safe. Input one message cannot store (a NUL character)
 * fails that message alone.
 */
export class ChatWriter {
  readonly #batches: GroupCommit<RoomMessageDraft, StoredMessage>;

  constructor(
    private readonly db: Db,
    private readonly log: { error(obj: object, msg: string): void },
  ) {
    this.#batches = new GroupCommit<RoomMessageDraft, StoredMessage>(
      (drafts) => this.#store(drafts),
      { maxBatch: MAX_BATCH },
    );
  }

  /** Stores one message; resolves once it is committed (or throws why not). */
  send(draft: RoomMessageDraft): Promise<StoredMessage> {
    return this.#batches.submit(draft);
  }

  get stats() {
    return this.#batches.stats;
  }

  async #store(drafts: RoomMessageDraft[]): Promise<(StoredMessage | AppError)[]> {
    try {
      return await storeRoomMessages(this.db, drafts);
    } catch (err) {
      if (unstorableInput(err)) {
        if (drafts.length === 1) throw unstorableInput(err);
        // One message's content spoiled the statement: store the others one by one.
        return Promise.all(
          drafts.map((d) =>
            this.#store([d]).then(
              ([r]) => r!,
              (e: AppError) => e,
            ),
          ),
        );
      }
      const unavailable = databaseUnavailable(err);
      if (unavailable) throw unavailable;
      this.log.error({ err, messages: drafts.length }, 'storing a batch of chat messages failed');
      throw new AppError(
        'unavailable',
        'Your message could not be stored; nothing was sent. Please send it again.',
      );
    }
  }
}
