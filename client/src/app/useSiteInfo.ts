import { useEffect, useState, useSyncExternalStore } from 'react';
import type { OperatorInfo } from '@plenum/shared';
import { api } from '../lib/api.ts';
import { linksShown, ShownEventLinks, type EventLinks } from './site-links.ts';

const none: OperatorInfo = { name: null, privacyUrl: null, imprintUrl: null };

/** The instance's operator and its links, asked once per page load (every page's footer). */
export function useOperator(): OperatorInfo {
  const [operator, setOperator] = useState(none);
  useEffect(() => {
    const controller = new AbortController();
    api.operator(controller.signal).then(setOperator, () => undefined);
    return () => controller.abort();
  }, []);
  return operator;
}

const shownEventLinks = new ShownEventLinks();

/**
 * An event's page (join, event, console) puts its own privacy notice and imprint into the footer
 * while it is shown; `null` while the event is not loaded yet.
 */
export function useShowEventLinks(links: EventLinks | null) {
  const privacyUrl = links?.privacyUrl ?? null;
  const imprintUrl = links?.imprintUrl ?? null;
  const known = links !== null;
  useEffect(
    () => (known ? shownEventLinks.show({ privacyUrl, imprintUrl }) : undefined),
    [known, privacyUrl, imprintUrl],
  );
}

/** The operator, with the links the open event's page shows: the event's own win. */
export function useSiteLinks(): OperatorInfo {
  const operator = useOperator();
  const event = useSyncExternalStore(shownEventLinks.subscribe, shownEventLinks.get);
  return linksShown(operator, event);
}

/**
 * Where "Start" leads: a signed-in person's event (the last they joined), otherwise the landing
 * page. Asked again on each navigation, so logging in or out shows at once.
 */
export function useHomeEvent(pathname: string): string | null {
  const [slug, setSlug] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (me) => setSlug(me.memberships.at(-1)?.slug ?? null),
      () => {
        if (!controller.signal.aborted) setSlug(null);
      },
    );
    return () => controller.abort();
  }, [pathname]);
  return slug;
}
