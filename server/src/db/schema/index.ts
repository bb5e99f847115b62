export * from './events.ts';
export * from './people.ts';
export * from './invitations.ts';
export * from './rooms.ts';
export * from './agenda.ts';
export * from './audit.ts';
