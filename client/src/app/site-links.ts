import type { OperatorInfo } from '@plenum/shared';

/** An event's own privacy notice and imprint, where its organizers gave them. */
export interface EventLinks {
  privacyUrl: string | null;
  imprintUrl: string | null;
}

/**
 * The links a page of an event shows: the event's own where it has one, otherwise the instance
 * operator's (PRIVACY_URL, IMPRINT_URL). Each link on its own: an event may bring only its imprint.
 */
export function linksShown(operator: OperatorInfo, event: EventLinks | null): OperatorInfo {
  return {
    name: operator.name,
    privacyUrl: event?.privacyUrl ?? operator.privacyUrl,
    imprintUrl: event?.imprintUrl ?? operator.imprintUrl,
  };
}

/**
 * The event whose page is open, told by that page, heard by the footer (which sits outside it).
 * The newest teller wins (a console form that just saved new links over the page's loaded ones);
 * when it goes, the one before it shows again.
 */
export class ShownEventLinks {
  private readonly shown: EventLinks[] = [];
  private current: EventLinks | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): EventLinks | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Shows these links; the returned function takes them back. */
  show(links: EventLinks): () => void {
    const entry = { privacyUrl: links.privacyUrl, imprintUrl: links.imprintUrl };
    this.shown.push(entry);
    this.changed();
    return () => {
      this.shown.splice(this.shown.indexOf(entry), 1);
      this.changed();
    };
  }

  private changed() {
    const next = this.shown.at(-1) ?? null;
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
