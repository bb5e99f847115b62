/**
 * What someone is typing, per room, kept outside React: a reconnect, a room switch or a remount
 * of the chat never loses it, and a reload of the tab finds it in sessionStorage.
 */
const prefix = 'plenum.draft.';

export function readDraft(roomId: string): string {
  try {
    return sessionStorage.getItem(prefix + roomId) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(roomId: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(prefix + roomId, text);
    else sessionStorage.removeItem(prefix + roomId);
  } catch {
    // storage blocked: the draft lives as long as the component
  }
}
