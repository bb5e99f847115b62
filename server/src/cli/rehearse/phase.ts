import type { Phase, PreassignmentReport, RoomAssigned } from '@plenum/shared';
import { assignmentOf, everyone, groupIndexOf, names, waitUntil, type Day } from './day.ts';
import type { Participant } from './day.ts';
import { check } from './steps.ts';

/** How long shards wait for each other (the operator starts them by hand). */
export const SHARD_PATIENCE_MS = 15 * 60_000;

const assignedFor = (p: Participant, reason: RoomAssigned['reason']) =>
  p.person.all('room:assigned').find((a) => a.payload.reason === reason);

async function waitForAll(day: Day, reason: RoomAssigned['reason'], timeoutMs: number) {
  const people = everyone(day);
  const missing = () => people.filter((p) => !assignedFor(p, reason));
  await waitUntil(
    () => missing().length === 0,
    timeoutMs,
    () =>
      `${missing().length} of ${people.length} received no room:assigned (${reason}), e.g. ` +
      missing()
        .slice(0, 3)
        .map((p) => p.person.displayName)
        .join(', '),
  );
  return people.map((p) => assignedFor(p, reason)!);
}

/** What a shard says in the plenary chat so that shard 1 knows where it is. */
type ShardWord = 'ready' | 'done';
export const shardLine = (shard: number, count: number, word: ShardWord) =>
  `rehearse: shard ${shard}/${count} ${word}`;

/**
 * Shards 2..n tell shard 1 through the plenary chat: "ready" once their plenary steps are done
 * (the phase may open), "done" once they heard the speaker again (the speaker may leave).
 */
export async function tellShardOne(day: Day, word: ShardWord): Promise<string> {
  const { index, count } = day.opts.shard;
  await day.attendees[0]!.person.emit('chat:send', {
    roomId: day.plenary!.id,
    clientId: crypto.randomUUID(),
    body: shardLine(index, count, word),
  });
  return `"${shardLine(index, count, word)}" said in the plenary chat`;
}

/** Shard 1 with others: waits until every other shard said `word`. */
export async function waitForShards(day: Day, word: ShardWord, timeoutMs: number) {
  const { count } = day.opts.shard;
  const moderator = day.moderators[0]!.person;
  const lines = Array.from({ length: count - 1 }, (_, i) => shardLine(i + 2, count, word));
  const said = () => new Set(moderator.all('chat:message').map((m) => m.payload.body));
  const waiting = () => lines.filter((l) => !said().has(l));
  await waitUntil(
    () => waiting().length === 0,
    timeoutMs,
    () => `no word from ${waiting().length} shards (${waiting().join(', ')})`,
  );
  if (word === 'done') return `${count - 1} other shards done`;
  const isAttendee = (name: string) => name.startsWith(names.attendee(0).replace(/ \d+$/, ' '));
  const list = await moderator.emit('presence:list', {});
  const online = list.people.filter((p) => p.online && isAttendee(p.displayName)).length;
  check(online >= day.opts.attendees, `only ${online} of ${day.opts.attendees} attendees online`);
  return `${online} attendees online from ${count} shards, all ready`;
}

/** Shard 1: pre-assigns every second of five attendees by CSV, then opens the phase. */
export async function openPhase(day: Day): Promise<string> {
  const phase = day.phase!;
  const rows = ['Name;Arbeitsgruppe'];
  for (let k = 0; k < day.opts.attendees; k++) {
    if (assignmentOf(k) === 'pre')
      rows.push(`${names.attendee(k)};${names.group(groupIndexOf(k))}`);
  }
  const report = await day.organizer.api<PreassignmentReport>(
    'POST',
    `/api/phases/${phase.id}/preassign`,
    rows.join('\r\n'),
    'text/csv',
  );
  check(
    report.unmatched.length === 0,
    `the CSV matched nobody on ${report.unmatched.length} lines`,
  );
  const sentAt = performance.now();
  const sentWall = Date.now();
  day.phase = await day.organizer.api<Phase>('POST', `/api/phases/${phase.id}/open`);
  // The server stamped openedAt between sending and answering: that bounds its clock's offset.
  // Within the bounds rehearse trusts the clocks to agree (NTP; exact on one machine).
  const openedAt = Date.parse(day.phase.openedAt!);
  const [lowest, highest] = [openedAt - Date.now(), openedAt - sentWall];
  day.serverOffsetMs = Math.min(Math.max(0, lowest), highest);
  const placed = day.phase.groups.reduce((n, g) => n + g.assigned, 0);
  check(
    placed === day.opts.attendees + 1,
    `${placed} people in groups, expected attendees + speaker`,
  );
  const assigned = await waitForAll(day, 'phase_opened', day.opts.waitMs);
  day.runner.figure('openToLastAssigned', Math.max(...assigned.map((a) => a.at)) - sentAt);
  checkAssignments(day);
  return `${report.assigned} pre-assigned by CSV, the rest self-selected or balanced; ${assigned.length} moved`;
}

/** Self-selectors and pre-assigned attendees landed where they asked or were put. */
function checkAssignments(day: Day) {
  for (const a of day.attendees) {
    const how = assignmentOf(a.k!);
    if (how === 'auto') continue;
    const room = assignedFor(a, 'phase_opened')!.payload.media.room;
    const expected = day.groups[groupIndexOf(a.k!)]!;
    check(room.id === expected.id, `${a.person.displayName} (${how}) is in ${room.name}`);
  }
}

/** Shards 2..n: everyone is moved into a group when shard 1 opens the phase. */
export async function followOpening(day: Day): Promise<string> {
  const assigned = await waitForAll(day, 'phase_opened', SHARD_PATIENCE_MS + day.opts.waitMs);
  checkAssignments(day);
  day.phase = assigned[0]!.payload.phaseId
    ? await day.organizer.api<Phase>('GET', `/api/phases/${assigned[0]!.payload.phaseId}`)
    : day.phase;
  return `${assigned.length} moved into their groups`;
}

/** Media people follow their move: the plenary connection ends, the group's begins. */
export async function mediaIntoGroups(day: Day): Promise<string> {
  const lib = day.mediaLib!;
  const withMedia = everyone(day).filter((p) => p.media);
  await Promise.all(
    withMedia.map(async (p) => {
      await lib.leaveMedia(p.media);
      const to = assignedFor(p, 'phase_opened')!.payload.media;
      p.media = await lib.joinMedia(to.url, to.token);
    }),
  );
  return `${withMedia.length} media connections moved into the groups`;
}

/** Nobody closes the phase: the server must close it at its deadline and bring everyone back. */
export async function closedByDeadline(day: Day): Promise<string> {
  const planned = Date.parse(day.phase!.deadlineAt!);
  const left = planned - day.serverOffsetMs - Date.now();
  const back = await waitForAll(day, 'phase_closed', Math.max(left, 0) + day.opts.waitMs + 5000);
  for (const b of back) {
    check(
      b.payload.media.room.id === day.plenary!.id,
      'someone was sent elsewhere than the plenary',
    );
  }
  // The deadline as stored now: an organizer may have extended it meanwhile.
  const phase = await day.organizer.api<Phase>('GET', `/api/phases/${day.phase!.id}`);
  check(phase.status === 'closed' && phase.closedAt, `the phase is ${phase.status}`);
  const deadline = Date.parse(phase.deadlineAt!);
  const closedAt = Date.parse(phase.closedAt);
  check(closedAt >= deadline, 'the phase closed before its deadline');
  day.runner.figure('deadlineToClosed', closedAt - deadline);
  // The server's closedAt in this machine's performance clock (offset estimated at opening).
  const closedLocal = closedAt - day.serverOffsetMs - day.epoch;
  day.runner.figure('closeToLastBack', Math.max(...back.map((b) => b.at)) - closedLocal);
  return `closed ${closedAt - deadline} ms after its deadline; ${back.length} back in the plenary`;
}

/** Back in the plenary: the speaker publishes again and the media attendees hear it. */
export async function mediaBack(day: Day): Promise<string> {
  const lib = day.mediaLib!;
  const backTo = (p: Participant) => assignedFor(p, 'phase_closed')!.payload.media;
  if (day.speaker?.media) {
    await lib.leaveMedia(day.speaker.media);
    const to = backTo(day.speaker);
    day.speaker.media = await lib.joinMedia(to.url, to.token);
    await lib.publishTone(day.speaker.media);
  }
  const listeners = day.attendees.filter((a) => a.media);
  const heard = await Promise.all(
    listeners.map(async (a) => {
      await lib.leaveMedia(a.media);
      const start = performance.now();
      const to = backTo(a);
      a.media = await lib.joinMedia(to.url, to.token);
      return (await lib.firstAudioFrame(a.media, day.speakerId!, day.opts.waitMs)) - start;
    }),
  );
  day.runner.figure('firstAudioFrameBack', Math.max(...heard));
  return `${listeners.length} attendees hear the speaker again in the plenary`;
}
