import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runCommand, CliError } from './commands.ts';
import { writeComposeEnv } from './init-secrets.ts';

/** `npm run plenum -- <command>`: the operator's way in without the UI. */
const usage = `Usage: npm run plenum -- <command>

  init-secrets [--out .env]                 write fresh secrets for docker compose
  migrate                                   apply database migrations
  demo                                      create the demo event if missing
  event create --slug S --title T --starts ISO --ends ISO [--tz Europe/Berlin]
  invite --event SLUG --role ROLE [--uses N] [--expires 7d] [--label TEXT]
                                            print an invitation link
  erase --event SLUG --person ID            erase one person's data from an event (GDPR)
  rehearse --url URL --link ORGANIZER_LINK [--attendees 110] [--media 4] [--json] [--shard i/n]
                                            rehearse the day against a running deployment
Roles: organizer, moderator, speaker, captioner, attendee.
With the embedded database (no DATABASE_URL), stop the server first: PGlite allows one process.
(rehearse opens no database: it runs beside the server.)`;

// Talks to a deployment through its public API only: no configuration, no database.
if (process.argv[2] === 'rehearse') {
  const { runRehearse } = await import('./rehearse/rehearse.ts');
  const out = {
    log: (line: string) => console.log(line),
    error: (line: string) => console.error(line),
  };
  process.exit(await runRehearse(process.argv.slice(3), out));
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    title: { type: 'string' },
    starts: { type: 'string' },
    ends: { type: 'string' },
    tz: { type: 'string' },
    event: { type: 'string' },
    role: { type: 'string' },
    uses: { type: 'string' },
    expires: { type: 'string' },
    label: { type: 'string' },
    person: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}

// Needs neither configuration nor database: it makes the configuration.
if (positionals[0] === 'init-secrets') {
  try {
    console.log(writeComposeEnv(values.out ?? '.env'));
    process.exit(0);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

try {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const output = await runCommand(database.db, config, positionals, values);
    console.log(output);
  } finally {
    await database.close();
  }
} catch (err) {
  if (err instanceof CliError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(err instanceof CliError && err.showUsage ? 2 : 1);
  }
  throw err;
}
