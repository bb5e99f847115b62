import { describe, expect, it } from 'vitest';
import { logOutput } from './log-output.ts';

describe('log output', () => {
  it('a person at a terminal reads pretty lines', () => {
    expect(logOutput({ stdoutIsTTY: true })).toMatchObject({
      transport: { target: 'pino-pretty' },
    });
  });

  it('a pipe, a file or a container log gets JSON lines', () => {
    expect(logOutput({ stdoutIsTTY: undefined })).toEqual({});
    expect(logOutput({ stdoutIsTTY: false })).toEqual({});
  });

  it('a stream given by the caller gets JSON even at a terminal', () => {
    const stream = { write: () => {} };
    expect(logOutput({ stdoutIsTTY: true, stream })).toEqual({ stream });
  });
});
