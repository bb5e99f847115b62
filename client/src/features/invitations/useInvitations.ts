import type { Invitation } from '@plenum/shared';
import { useRemoteList } from '../../app/useRemoteList.ts';
import { invitationsApi } from './invitations-api.ts';

/** The event's invitation links (without the links themselves: the server keeps only hashes). */
export function useInvitations(slug: string) {
  const list = useRemoteList(`invitations:${slug}`, async (signal) =>
    [...(await invitationsApi.invitations(slug, signal))].sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
    ),
  );
  return {
    ...list,
    put: (invitation: Invitation) =>
      list.update((all) => [invitation, ...all.filter((i) => i.id !== invitation.id)]),
  };
}
