import { z } from 'zod';

/** Every error code the server may answer with, over REST and in socket acks. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'rate_limited',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Offending fields of a validation error: path → message. */
    fields: z.record(z.string(), z.string()).optional(),
    /** A finer machine-readable cause, e.g. why an invitation is gone: expired, revoked, used_up. */
    reason: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
