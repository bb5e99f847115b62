/**
 * `plenum rehearse`: the reference day, headless, against a running deployment's public API.
 * args.ts (options) → setup.ts (event, invitations) → plenary.ts (join, media, chat, hands,
 * questions, agenda) → phase.ts (working groups, deadline, back) → report.ts (lines, table, JSON);
 * person.ts is one simulated participant (REST + Socket.IO), media.ts its LiveKit side,
 * steps.ts the step runner. docs/operations.md describes the steps, shards and figures.
 */
import { parseRehearseArgs, rehearseUsage, UsageError, type RehearseOptions } from './args.ts';
import { attendeeIndexes, everyone, names, type Day, type Participant } from './day.ts';
import { Person } from './person.ts';
import * as plenary from './plenary.ts';
import * as phase from './phase.ts';
import { formatFigures, formatStep, formatSummary, reportJson } from './report.ts';
import { createRehearsalEvent, joinRehearsalEvent, signIn } from './setup.ts';
import { StepRunner } from './steps.ts';

/** Where rehearse writes: lines for people, and the exit status. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

function participant(day: Day, name: string, role: Person['role'], k: number | null): Participant {
  // Staff's presence changes reach everyone; only the attendee of the hands step reads them.
  const person = new Person(
    day.opts.url,
    name,
    role,
    day.opts.waitMs,
    new Set(['presence:updated']),
  );
  return { person, k, plenary: null, media: null, withMedia: false };
}

function prepareDay(opts: RehearseOptions, runner: StepRunner, out: Output): Day {
  const lead = opts.shard.index === 1;
  const day: Day = {
    opts,
    runner,
    say: out.log,
    lead,
    organizer: new Person(opts.url, names.organizer, 'organizer', opts.waitMs),
    slug: '',
    plenary: null,
    groups: [],
    agendaIds: [],
    phase: null,
    tokens: {},
    invitationIds: [],
    moderators: [],
    speaker: null,
    attendees: [],
    speakerId: null,
    epoch: Date.now() - performance.now(),
    serverOffsetMs: 0,
    mediaLib: null,
  };
  if (lead) {
    for (let i = 0; i < 3; i++)
      day.moderators.push(participant(day, names.moderator(i), 'moderator', null));
    day.speaker = participant(day, names.speaker, 'speaker', null);
  }
  day.attendees = attendeeIndexes(opts.attendees, opts.shard).map((k) =>
    participant(day, names.attendee(k), 'attendee', k),
  );
  // The first attendees of the shard take media: self-selected, pre-assigned or balanced alike.
  for (const a of day.attendees.slice(0, opts.media)) a.withMedia = true;
  plenary.raiserOf(day).person.keep('presence:updated');
  return day;
}

/** The day in order; each step is skipped once one before it failed. */
async function rehearseDay(day: Day) {
  const { runner, lead } = day;
  const media = day.attendees.some((a) => a.withMedia);
  await runner.step('organizer signs in with the link', () => signIn(day));
  if (lead) await runner.step('rehearsal event set up', () => createRehearsalEvent(day));
  else await runner.step('rehearsal event of shard 1 found', () => joinRehearsalEvent(day));
  await runner.step('everyone joins at once', () => plenary.joinEveryone(day));
  if (lead) await runner.step('moderators named for the groups', () => plenary.nameModerators(day));
  await runner.step('some attendees choose their group', () => plenary.selfSelect(day));
  if (media) {
    await runner.step('media loaded (@livekit/rtc-node)', async () => {
      // @livekit/rtc-node logs at debug level to stdout unless NODE_ENV is production.
      process.env.NODE_ENV ??= 'production';
      day.mediaLib = await import('./media.ts');
    });
    await runner.step('speaker heard in the plenary, attendee may not publish', () =>
      plenary.mediaInPlenary(day),
    );
  }
  const chatters = day.opts.chatSenders
    ? `${day.opts.chatSenders} attendees send`
    : 'every attendee sends';
  await runner.step(`chat: ${chatters}, all others receive`, () => plenary.chat(day));
  if (lead) {
    await runner.step('hands: raised, taken by a moderator, promoted', () => plenary.hands(day));
    await runner.step('questions: asked and upvoted', () => plenary.questions(day));
    await runner.step('agenda: started and shifted, clients updated', () =>
      plenary.agendaShift(day),
    );
    if (day.opts.shard.count > 1)
      await runner.step('all shards joined and ready', () =>
        phase.waitForShards(day, 'ready', phase.SHARD_PATIENCE_MS),
      );
    await runner.step('working groups open (self, CSV, balanced)', () => phase.openPhase(day));
  } else {
    await runner.step('shard 1 told this shard is ready', () => phase.tellShardOne(day, 'ready'));
    await runner.step('moved into the groups when shard 1 opens', () => phase.followOpening(day));
  }
  if (media) await runner.step('media follows into the groups', () => phase.mediaIntoGroups(day));
  await runner.step(`phase closed by its deadline (${day.opts.phaseMinutes} min)`, () =>
    phase.closedByDeadline(day),
  );
  if (media)
    await runner.step('back in the plenary with media: speaker heard again', () =>
      phase.mediaBack(day),
    );
  if (day.opts.shard.count === 1) return;
  // Shard 1's speaker keeps talking until the others heard it back in the plenary.
  if (lead) {
    const patience = day.opts.waitMs * 2 + 30_000;
    await runner.step('other shards done', () => phase.waitForShards(day, 'done', patience));
  } else
    await runner.step('shard 1 told this shard is done', () => phase.tellShardOne(day, 'done'));
}

/** Revokes what rehearse made, ends its sessions and connections; the event itself stays. */
async function cleanUp(day: Day): Promise<string> {
  const people = everyone(day);
  await Promise.all(people.map((p) => day.mediaLib?.leaveMedia(p.media)));
  for (const p of people) p.person.close();
  const revoked = await Promise.allSettled(
    day.invitationIds.map((id) =>
      day.organizer.api('DELETE', `/api/events/${day.slug}/invitations/${id}`),
    ),
  );
  await Promise.allSettled(
    [...people.map((p) => p.person), day.organizer]
      .filter((p) => p.cookie)
      .map((p) => p.api('POST', '/api/logout')),
  );
  const ok = revoked.filter((r) => r.status === 'fulfilled').length;
  const stays = day.slug && day.lead ? ` Event ${day.slug} stays (the API deletes no events).` : '';
  return `${ok} invitation links revoked, sessions and connections ended.${stays}`;
}

/** `plenum rehearse …`: runs the day and returns the exit status (0 only if every step passed). */
export async function runRehearse(argv: string[], out: Output): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.log(rehearseUsage);
    return 0;
  }
  let opts: RehearseOptions;
  try {
    opts = parseRehearseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.error(`${err.message}\n\n${rehearseUsage}`);
    return 2;
  }
  const runner = new StepRunner(undefined, (r) => out.log(formatStep(r)));
  const day = prepareDay(opts, runner, out);
  out.log(
    `Rehearsing against ${opts.url}: ${day.attendees.length} attendees` +
      `${day.lead ? ', 3 moderators, 1 speaker' : ''}, media for ${day.attendees.filter((a) => a.withMedia).length}` +
      ` (shard ${opts.shard.index}/${opts.shard.count})`,
  );
  try {
    await rehearseDay(day);
  } finally {
    await runner.step('cleanup', () => cleanUp(day), { always: true });
  }
  out.log(formatFigures(runner.figures));
  out.log(formatSummary(runner.results));
  if (opts.json) {
    out.log(
      reportJson(runner.results, runner.figures, {
        url: opts.url,
        event: day.slug || null,
        shard: `${opts.shard.index}/${opts.shard.count}`,
        attendees: day.attendees.length,
      }),
    );
  }
  return runner.failed ? 1 : 0;
}
