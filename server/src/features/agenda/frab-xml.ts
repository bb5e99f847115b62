import { Worker } from 'node:worker_threads';
import { AppError } from '../../lib/app-error.ts';

/** What the worker answers: the document, or why the text is not XML it can read. */
export type XmlReading =
  { document: unknown } | { invalid: { msg: string; line: number } } | { unreadable: string };

const WORKER = new URL('./frab-xml-worker.mjs', import.meta.url);
/** Far beyond what a schedule within the bounds needs, even on a busy machine. */
const READ_TIMEOUT_MS = 15_000;
/** Imports are rare (organizers, before the event): more at once wait for no one, they are refused. */
const MAX_AT_ONCE = 2;
let reading = 0;

/**
 * Validates and parses XML in a worker thread: on the event loop, a 2 MB file kept every other
 * request waiting for seconds. The caller bounds the text first (xml-bounds.ts).
 */
export async function readXmlOffThread(xml: string): Promise<XmlReading> {
  if (reading >= MAX_AT_ONCE) {
    throw new AppError(
      'unavailable',
      'Other schedules are being imported right now; please try again in a moment.',
    );
  }
  reading++;
  try {
    return await new Promise<XmlReading>((resolve, reject) => {
      const worker = new Worker(WORKER, {
        workerData: xml,
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new AppError('bad_request', 'Reading this XML takes too long; nothing was imported.'),
        );
      }, READ_TIMEOUT_MS);
      worker.once('message', (answer: XmlReading) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(answer);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(
          outOfMemory
            ? new AppError(
                'bad_request',
                'This XML needs too much memory to read; nothing was imported.',
              )
            : err,
        );
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        // After an answer this settles nothing; without one the worker died (e.g. out of memory).
        reject(new Error(`the XML worker stopped with code ${code} before answering`));
      });
    });
  } finally {
    reading--;
  }
}
