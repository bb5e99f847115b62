import type { AgendaItem, RoomToken } from '@plenum/shared';
import { can } from '@plenum/shared/access';
import { assignmentOf, everyone, groupIndexOf, names, waitUntil, type Day } from './day.ts';
import type { Participant } from './day.ts';
import { check, inPool, percentile } from './steps.ts';

/** Joins in flight at once: a crowd arriving, not a queue, and not one machine's port storm. */
const JOIN_CONCURRENCY = 50;

/** Everyone of this shard joins at once: redeem, socket, plenary token, as a browser does. */
export async function joinEveryone(day: Day): Promise<string> {
  const people = everyone(day);
  const times = await inPool(people, JOIN_CONCURRENCY, async (p) => {
    const start = performance.now();
    const role = p.person.role as 'moderator' | 'speaker' | 'attendee';
    await p.person.redeem(day.tokens[role]!);
    await p.person.connect(day.slug);
    p.plenary = await p.person.api<RoomToken>('POST', `/api/rooms/${day.plenary!.id}/token`);
    return performance.now() - start;
  });
  for (const p of people) {
    const mayPublish = can(p.person.role, 'plenary.present');
    check(
      p.plenary!.rights.canPublish === mayPublish,
      `${p.person.displayName} got canPublish=${p.plenary!.rights.canPublish} in the plenary`,
    );
  }
  day.runner.figure('joinP50', percentile(times, 0.5));
  day.runner.figure('joinP99', percentile(times, 0.99));
  return `${people.length} people in the plenary`;
}

/** Shard 1: one moderator per group, now that they exist. */
export async function nameModerators(day: Day): Promise<string> {
  for (const [i, group] of day.groups.entries()) {
    await day.organizer.api('PATCH', `/api/events/${day.slug}/rooms/${group.id}`, {
      moderatorIds: [day.moderators[i]!.person.personId],
    });
  }
  return `${day.groups.length} groups with a moderator`;
}

/** Every fifth attendee picks a group before the phase opens (self-select with capacity). */
export async function selfSelect(day: Day): Promise<string> {
  const choosers = day.attendees.filter((a) => assignmentOf(a.k!) === 'self');
  await inPool(choosers, JOIN_CONCURRENCY, (a) =>
    a.person.api('POST', `/api/phases/${day.phase!.id}/choose`, {
      roomId: day.groups[groupIndexOf(a.k!)]!.id,
    }),
  );
  return `${choosers.length} attendees chose a group`;
}

/** Shards 2..n learn the speaker's id from presence (shard 1 made the speaker). */
export async function findSpeaker(day: Day, from: Participant): Promise<string> {
  if (day.speaker) return day.speaker.person.personId;
  const list = await from.person.emit('presence:list', {});
  const speaker = list.people.find((p) => p.displayName === names.speaker);
  check(speaker, 'the speaker of shard 1 is not in the event');
  return speaker.personId;
}

/** The speaker publishes a tone; attendees with media hear it; an attendee may not publish. */
export async function mediaInPlenary(day: Day): Promise<string> {
  const lib = day.mediaLib!;
  const listeners = day.attendees.filter((a) => a.withMedia);
  if (day.speaker) {
    day.speaker.media = await lib.joinMedia(day.speaker.plenary!.url, day.speaker.plenary!.token);
    await lib.publishTone(day.speaker.media);
  }
  day.speakerId = await findSpeaker(day, listeners[0]!);
  const heard = await Promise.all(
    listeners.map(async (a) => {
      const start = performance.now();
      a.media = await lib.joinMedia(a.plenary!.url, a.plenary!.token);
      return (await lib.firstAudioFrame(a.media, day.speakerId!, day.opts.waitMs)) - start;
    }),
  );
  day.runner.figure('firstAudioFrame', Math.max(...heard));
  check(
    await lib.publishIsRefused(listeners[0]!.media!),
    `${listeners[0]!.person.displayName} (attendee) could publish in the plenary`,
  );
  return `${listeners.length} attendees heard the speaker; an attendee's microphone was refused`;
}

/**
 * Each attendee (or the first `--chat-senders` of them) sends one message in the plenary; every
 * other attendee must receive it.
 */
export async function chat(day: Day): Promise<string> {
  const roomId = day.plenary!.id;
  const tag = `${Date.now().toString(36)}`;
  const bodyOf = (p: Participant) => `Probe ${tag}: Hallo von ${p.person.displayName}`;
  const sentAt = new Map<string, number>();
  const senders = day.attendees.slice(0, day.opts.chatSenders ?? day.attendees.length);
  await Promise.all(
    senders.map((p) => {
      sentAt.set(bodyOf(p), performance.now());
      return p.person.emit('chat:send', {
        roomId,
        clientId: crypto.randomUUID(),
        body: bodyOf(p),
      });
    }),
  );
  // Messages of the other senders of this shard (a sender may get its own back, too).
  const expected = (p: Participant) => senders.length - (sentAt.has(bodyOf(p)) ? 1 : 0);
  const ours = (p: Participant) =>
    p.person
      .all('chat:message')
      .filter((m) => sentAt.has(m.payload.body) && m.payload.body !== bodyOf(p));
  const missing = () => day.attendees.filter((p) => ours(p).length < expected(p));
  await waitUntil(
    () => missing().length === 0,
    day.opts.waitMs,
    () => `${missing().length} attendees did not receive all ${senders.length} messages`,
  );
  const latencies: number[] = [];
  for (const p of day.attendees) {
    for (const m of ours(p)) latencies.push(m.at - sentAt.get(m.payload.body)!);
  }
  day.runner.figure('chatP50', percentile(latencies, 0.5));
  day.runner.figure('chatP99', percentile(latencies, 0.99));
  const of = senders.length < day.attendees.length ? ` from ${senders.length} senders` : '';
  return `${senders.length} messages${of}, ${latencies.length} deliveries`;
}

/** The attendee of the hands step: one without media, so that the word changes no audio test. */
export const raiserOf = (day: Day): Participant =>
  day.attendees.find((a) => !a.withMedia) ?? day.attendees[0]!;

/** An attendee raises a hand; a moderator takes it and so gives the word (promoted). */
export async function hands(day: Day): Promise<string> {
  const roomId = day.plenary!.id;
  const raiser = raiserOf(day);
  // The raiser's people list is open: an attendee's own changes reach only those who watch it.
  await raiser.person.emit('presence:list', { people: 'everyone' });
  await raiser.person.emit('hand:raise', { roomId });
  const taken = await day.moderators[0]!.person.emit('hand:takeNext', { roomId });
  check(taken.hand?.person.id === raiser.person.personId, 'the moderator took another hand');
  await raiser.person.waitFor('hand:taken', (h) => h.person.id === raiser.person.personId);
  // The promotion follows the taken hand; clients learn of it through presence.
  await raiser.person.waitFor('presence:updated', (u) =>
    u.people.some((p) => p.personId === raiser.person.personId && p.promoted && p.canPublish),
  );
  const token = await raiser.person.api<RoomToken>('POST', `/api/rooms/${roomId}/token`);
  check(token.rights.canPublish, 'the attendee whose hand was taken may not publish');
  await day.organizer.api(
    'POST',
    `/api/rooms/${roomId}/participants/${raiser.person.personId}/demote`,
  );
  return 'hand raised, taken by a moderator, attendee promoted (and demoted again)';
}

/** An attendee asks, another upvotes; everyone sees both. */
export async function questions(day: Day): Promise<string> {
  const [asker, voter] = day.attendees;
  check(asker && voter, 'questions need two attendees');
  const asked = await asker.person.emit('question:ask', {
    clientId: crypto.randomUUID(),
    body: 'Probe: Wie geht es nach der Pause weiter?',
  });
  const id = asked.question.id;
  await voter.person.emit('question:upvote', { questionId: id });
  await Promise.all(
    day.attendees.map(async (a) => {
      await a.person.waitFor('question:asked', (q) => q.id === id);
      await a.person.waitFor('question:upvoted', (u) => u.questionId === id && u.upvotes >= 1);
    }),
  );
  return `asked and upvoted; ${day.attendees.length} attendees saw both`;
}

/** The organizer starts the first item and shifts the next by 5 minutes; clients see it. */
export async function agendaShift(day: Day): Promise<string> {
  const [first, second] = day.agendaIds;
  const base = `/api/events/${day.slug}/agenda`;
  await day.organizer.api('POST', `${base}/${first}/start`);
  const before = (await day.organizer.api<AgendaItem[]>('GET', base)).find((i) => i.id === second)!;
  const expected = new Date(Date.parse(before.startsAt) + 5 * 60_000).toISOString();
  await day.organizer.api('POST', `${base}/${second}/shift`, { minutes: 5 });
  await Promise.all(
    everyone(day).map((p) =>
      p.person.waitFor('agenda:updated', (u) =>
        u.items.some((i) => i.id === second && Date.parse(i.startsAt) === Date.parse(expected)),
      ),
    ),
  );
  return `first item started, next shifted by 5 min; ${everyone(day).length} clients saw it`;
}
