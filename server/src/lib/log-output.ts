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
        // One line per entry; a request reads "incoming request GET /api/health", then "… 200".
        options: {
          translateTime: 'SYS:HH:MM:ss.l',
          singleLine: true,
          ignore: 'pid,hostname,reqId,req,res,responseTime',
          messageFormat:
            '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} {res.statusCode}{end}',
        },
      },
    };
  }
  // pino's default: one JSON object per line on stdout, for journald, docker and log shippers.
  return {};
}
