import type { AgendaItem, Event, Invitation, Phase, Role, Room } from '@plenum/shared';
import { can } from '@plenum/shared/access';
import { LABEL, names, type Day } from './day.ts';
import { check } from './steps.ts';

const MINUTE = 60_000;

/** `rehearsal-20261202-131500`: when it was made, in UTC. */
export const rehearsalSlug = (now: Date) =>
  `rehearsal-${now
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, '')
    .replace('T', '-')}`.toLowerCase();

/** Redeems the organizer link; refuses any other role. */
export async function signIn(day: Day): Promise<string> {
  const joined = await day.organizer.redeem(day.opts.token);
  check(
    can(joined.role, 'event.create'),
    `the link is a ${joined.role}'s; rehearse needs an organizer's`,
  );
  return `as organizer of ${joined.event.slug}`;
}

async function invite(day: Day, role: Role, maxUses: number, what: string) {
  const created = await day.organizer.api<{ id: string; token: string; link: string }>(
    'POST',
    `/api/events/${day.slug}/invitations`,
    { role, label: `${LABEL}: ${what}`, maxUses },
  );
  day.invitationIds.push(created.id);
  return created;
}

/** Shard 1: a fresh event with agenda, three groups, a phase and invitations for everyone. */
export async function createRehearsalEvent(day: Day): Promise<string> {
  const now = Date.now();
  const { opts } = day;
  day.slug = rehearsalSlug(new Date(now));
  await day.organizer.api<Event>('POST', '/api/events', {
    slug: day.slug,
    title: `Generalprobe ${new Date(now).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    description: 'Made by `plenum rehearse`: a rehearsal with simulated people. Safe to delete.',
    timeZone: 'Europe/Berlin',
    startsAt: new Date(now - 60 * MINUTE).toISOString(),
    endsAt: new Date(now + 12 * 60 * MINUTE).toISOString(),
  });
  const rooms = await day.organizer.api<Room[]>('GET', `/api/events/${day.slug}/rooms`);
  day.plenary = rooms.find((r) => r.kind === 'plenary') ?? null;
  check(day.plenary, 'the new event has no plenary');

  // Room for everyone auto-balancing puts there, plus a margin for self-selection.
  const capacity = Math.ceil((opts.attendees + 1) / 3) + 10;
  for (let i = 0; i < 3; i++) {
    day.groups.push(
      await day.organizer.api<Room>('POST', `/api/events/${day.slug}/rooms`, {
        name: names.group(i),
        capacity,
      }),
    );
  }
  const plan = [
    { kind: 'opening', title: 'Begrüßung (Probe)', offset: 0, minutes: 30 },
    { kind: 'talk', title: 'Vortrag (Probe)', offset: 30, minutes: 30 },
    { kind: 'working_group_phase', title: 'Arbeitsgruppen (Probe)', offset: 60, minutes: 60 },
  ];
  for (const item of plan) {
    const created = await day.organizer.api<AgendaItem>('POST', `/api/events/${day.slug}/agenda`, {
      kind: item.kind,
      title: item.title,
      startsAt: new Date(now + item.offset * MINUTE).toISOString(),
      durationMinutes: item.minutes,
    });
    day.agendaIds.push(created.id);
  }
  day.phase = await day.organizer.api<Phase>('POST', `/api/events/${day.slug}/phases`, {
    title: 'Arbeitsgruppen (Probe)',
    agendaItemId: day.agendaIds[2],
    roomIds: day.groups.map((g) => g.id),
    durationMinutes: opts.phaseMinutes,
    selfSelect: true,
  });
  day.tokens.moderator = (await invite(day, 'moderator', 3, 'moderators')).token;
  day.tokens.speaker = (await invite(day, 'speaker', 1, 'speaker')).token;
  day.tokens.attendee = (await invite(day, 'attendee', day.attendees.length, 'attendees')).token;
  if (opts.shard.count > 1) {
    const others = await invite(day, 'organizer', opts.shard.count - 1, 'shard organizers');
    day.say(
      `Shards 2..${opts.shard.count}: npm run plenum -- rehearse --url ${opts.url} ` +
        `--link ${others.link} --event ${day.slug} --attendees ${opts.attendees} ` +
        `--shard i/${opts.shard.count}`,
    );
  }
  return `${day.slug}: 3 groups of ${capacity}, ${plan.length} agenda items, a ${opts.phaseMinutes}-minute phase, invitations`;
}

/**
 * Shards 2..n: the event of shard 1, its rooms and phase, and an attendee invitation of their own.
 * "Real people" are those who joined through an invitation rehearse did not make (its label does
 * not start with "rehearse"); with any of them, rehearse refuses unless --allow-real-event.
 */
export async function joinRehearsalEvent(day: Day): Promise<string> {
  day.slug = day.opts.event!;
  const invitations = await day.organizer.api<Invitation[]>(
    'GET',
    `/api/events/${day.slug}/invitations`,
  );
  const real = invitations.filter((i) => i.uses > 0 && !i.label.startsWith(LABEL));
  const people = real.reduce((n, i) => n + i.uses, 0);
  check(
    real.length === 0 || day.opts.allowRealEvent,
    `${day.slug} has ${people} people who joined through links rehearse did not make; ` +
      'rehearse only with --allow-real-event',
  );
  const rooms = await day.organizer.api<Room[]>('GET', `/api/events/${day.slug}/rooms`);
  day.plenary = rooms.find((r) => r.kind === 'plenary') ?? null;
  check(day.plenary, `${day.slug} has no plenary`);
  const phases = await day.organizer.api<Phase[]>('GET', `/api/events/${day.slug}/phases`);
  day.phase = phases.find((p) => p.status === 'draft') ?? null;
  check(day.phase, `${day.slug} has no working-group phase waiting to open`);
  day.groups = day.phase.groups
    .map((g) => rooms.find((r) => r.id === g.roomId)!)
    .sort((a, b) => a.name.localeCompare(b.name));
  const what = `attendees of shard ${day.opts.shard.index}`;
  day.tokens.attendee = (await invite(day, 'attendee', day.attendees.length, what)).token;
  return `${day.slug}: ${day.groups.length} groups, phase ${day.phase.status}${
    people ? `; ${people} real people (allowed)` : '; no real people'
  }`;
}
