import type { Invitation, Role } from '@plenum/shared';
import { eventPath as event, segment as s, send } from '../../lib/request.ts';

export interface CreatedInvitation extends Invitation {
  token: string;
  /** The invitation link; shown only now, the server keeps a hash. */
  link: string;
}
export interface InvitationBody {
  role: Role;
  label: string;
  maxUses: number | null;
  expiresAt: string | null;
}

/** The organizer's calls for invitation links. */
export const invitationsApi = {
  invitations: (slug: string, signal?: AbortSignal) =>
    send<Invitation[]>('GET', `${event(slug)}/invitations`, undefined, signal),
  createInvitation: (slug: string, body: InvitationBody) =>
    send<CreatedInvitation>('POST', `${event(slug)}/invitations`, { json: body }),
  revokeInvitation: (slug: string, invitationId: string) =>
    send<Invitation>('DELETE', `${event(slug)}/invitations/${s(invitationId)}`),
};
