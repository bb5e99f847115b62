/** Where the log goes and in what shape: pino-pretty for a person at a terminal, JSON for machines. */
export type LogOutput =
  | { stream: { write(line: string): void } }
  | { transport: { target: 'pino-pretty'; options: Record<string, unknown> } }
  | Record<string, never>;

export function logOutput(opts: {
  /** process.stdout.isTTY: undefined when stdout is a pipe or a file. */
  stdoutIsTTY: boolean | undefined;
  /** A stream chosen by the caller (tests read the log) wins over both. */
  stream?: { write(line: string): void };
}): LogOutput {
  if (opts.stream) return { stream: opts.stream };
  if (opts.stdoutIsTTY) {
    return {
      transport: {
        target: 'pino-pretty',
        options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' },
      },
    };
  }
  // pino's default: one JSON object per line on stdout, for journald, docker and log shippers.
  return {};
}
