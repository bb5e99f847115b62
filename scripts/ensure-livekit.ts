/**
 * `npm run ensure-livekit`: prints the path of a livekit-server binary on stdout, building the
 * pinned version with Go once if none is available. Progress goes to stderr, so
 * `$(npm run -s ensure-livekit)` captures only the path. The code lives in the server, which
 * needs it too: server/src/features/livekit/binary.ts.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLivekitBinary, LivekitBinaryError } from '../server/src/features/livekit/binary.ts';

export * from '../server/src/features/livekit/binary.ts';

async function isRunDirectly(): Promise<boolean> {
  if (!process.argv[1]) return false;
  const self = await realpath(fileURLToPath(import.meta.url));
  const invoked = await realpath(process.argv[1]).catch(() => resolve(process.argv[1]!));
  return self === invoked;
}

if (await isRunDirectly()) {
  try {
    console.log(await ensureLivekitBinary());
  } catch (error) {
    console.error(error instanceof LivekitBinaryError ? error.message : String(error));
    process.exit(1);
  }
}
