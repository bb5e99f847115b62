import type { FastifyReply } from 'fastify';

/** Marks the reply as a file the browser saves under `filename` rather than shows. */
export function asDownload(reply: FastifyReply, filename: string): FastifyReply {
  return reply.header('content-disposition', `attachment; filename="${filename}"`);
}
