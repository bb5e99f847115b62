/**
 * `@plenum/shared/access`: roles and the rights matrix without zod, for the client's event page.
 * The zod `Role` schema lives in `./schemas.ts` and is exported from the package index only.
 */
export * from './roles.ts';
export * from './permissions.ts';
