import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits as base64url (22 characters): invitation links and session secrets. */
export const randomToken = (bytes = 16) => randomBytes(bytes).toString('base64url');

/** Tokens are stored only as their SHA-256: a leaked database holds no usable link or session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
