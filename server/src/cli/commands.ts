import { z } from 'zod';
import { EventInput, Role } from '@plenum/shared';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../lib/app-error.ts';
import { parseDuration } from '../lib/duration.ts';
import { findEventBySlug } from '../features/access/actor.ts';
import { createEvent } from '../features/events/service.ts';
import { createInvitation, invitationLink } from '../features/invitations/service.ts';
import { ensureDemoEvent, DEMO_SLUG } from '../features/demo/seed.ts';
import { erasePersonFromEvent } from '../features/privacy/erasure.ts';

export class CliError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

type Flags = Record<string, string | boolean | undefined>;

/** Runs one CLI command and returns what to print; plain function so that tests call it. */
export async function runCommand(
  db: Db,
  config: Config,
  args: string[],
  flags: Flags,
): Promise<string> {
  const [command, sub] = args;
  try {
    switch (command) {
      case 'migrate':
        return 'Migrations applied.';
      case 'demo':
        return (await ensureDemoEvent(db))
          ? `Demo event created: ${DEMO_SLUG}`
          : `Demo event exists already: ${DEMO_SLUG}`;
      case 'event':
        if (sub !== 'create')
          throw new CliError(`Unknown command: event ${sub ?? ''}`.trim(), true);
        return await createEventCommand(db, flags);
      case 'invite':
        return await inviteCommand(db, config, flags);
      case 'erase':
        return await eraseCommand(db, flags);
      default:
        throw new CliError(`Unknown command: ${command}`, true);
    }
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}

async function createEventCommand(db: Db, flags: Flags) {
  const parsed = EventInput.safeParse({
    slug: flags.slug,
    title: flags.title,
    startsAt: flags.starts,
    endsAt: flags.ends,
    timeZone: flags.tz,
  });
  if (!parsed.success)
    throw new CliError(
      describe(parsed.error, {
        slug: '--slug',
        title: '--title',
        startsAt: '--starts',
        endsAt: '--ends',
        timeZone: '--tz',
      }),
    );
  const event = await createEvent(db, parsed.data, null);
  return `Event created: ${event.slug} (${event.title})`;
}

async function inviteCommand(db: Db, config: Config, flags: Flags) {
  if (typeof flags.event !== 'string') throw new CliError('--event SLUG is required.');
  const role = Role.safeParse(flags.role);
  if (!role.success) {
    throw new CliError(
      `--role must be one of: ${Role.options.join(', ')} (got ${JSON.stringify(flags.role ?? null)}).`,
    );
  }
  const maxUses = flags.uses === undefined ? null : Number(flags.uses);
  if (maxUses !== null && (!Number.isInteger(maxUses) || maxUses < 1)) {
    throw new CliError('--uses must be a whole number of at least 1.');
  }
  let expiresAt: string | null = null;
  if (flags.expires !== undefined) {
    const ms = parseDuration(String(flags.expires));
    if (ms === null) throw new CliError('--expires must be a duration like 30m, 12h or 7d.');
    expiresAt = new Date(Date.now() + ms).toISOString();
  }
  const event = await findEventBySlug(db, flags.event);
  if (!event) throw new CliError(`No event with the slug "${flags.event}".`);
  const { token } = await createInvitation(
    db,
    event.id,
    {
      role: role.data,
      label: typeof flags.label === 'string' ? flags.label : 'CLI',
      maxUses,
      expiresAt,
    },
    null,
  );
  return invitationLink(config.publicUrl, token);
}

/** Erasure on request, as the organizer console does it; prints counts, never personal data. */
async function eraseCommand(db: Db, flags: Flags) {
  if (typeof flags.event !== 'string') throw new CliError('--event SLUG is required.');
  const personId = z.uuid().safeParse(flags.person);
  if (!personId.success) throw new CliError("--person must be the person's id (a UUID).");
  const event = await findEventBySlug(db, flags.event);
  if (!event) throw new CliError(`No event with the slug "${flags.event}".`);
  const { report } = await erasePersonFromEvent(db, {
    eventId: event.id,
    personId: personId.data,
    actorId: null,
  });
  const counts = Object.entries(report)
    .map(([k, v]) => `  ${k}: ${String(v)}`)
    .join('\n');
  return `Erased from ${event.slug}:\n${counts}`;
}

function describe(error: z.ZodError, names: Record<string, string>) {
  return error.issues
    .map((i) => `${names[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
    .join('\n');
}
