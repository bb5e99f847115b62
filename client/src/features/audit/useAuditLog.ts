import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditArea, AuditEntry } from '@plenum/shared';
import { auditApi } from './audit-api.ts';
import { appendAuditPage } from './audit.ts';

export interface AuditLogState {
  status: 'loading' | 'done' | 'failed';
  entries: AuditEntry[];
  /** The id to page from, or null when the oldest entry is shown. */
  nextBefore: number | null;
  /** Loading an older page; the shown entries stay. */
  loadingMore: boolean;
  moreFailed: boolean;
}

const pageSize = 50;
export const auditPollMs = 10_000;
const initial: AuditLogState = {
  status: 'loading',
  entries: [],
  nextBefore: null,
  loadingMore: false,
  moreFailed: false,
};

/** The event's audit log, newest first: one page at a time, optionally one area of the event. */
export function useAuditLog(slug: string) {
  const [area, setArea] = useState<AuditArea | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AuditLogState>(initial);
  // Pages from an earlier filter or reload must not land in the new list.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new filter starts from an empty list, before its first page arrives
    setState(initial);
    auditApi.audit(slug, { area, limit: pageSize }, controller.signal).then(
      (page) => {
        if (generation.current !== mine) return;
        setState({
          ...initial,
          status: 'done',
          entries: page.entries,
          nextBefore: page.nextBefore,
        });
      },
      () => {
        if (generation.current === mine) setState({ ...initial, status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [slug, area, attempt]);

  // Live: every 10 s the newest page joins the shown entries (a poll, not a socket event, so that
  // no service has to emit after each of its audited transactions).
  useEffect(() => {
    if (state.status !== 'done') return;
    const mine = generation.current;
    const timer = window.setInterval(() => {
      auditApi.audit(slug, { area, limit: pageSize }).then(
        (page) => {
          if (generation.current !== mine) return;
          setState((s) => ({ ...s, entries: appendAuditPage(s.entries, page.entries) }));
        },
        () => undefined, // the next poll tries again; the shown entries stay
      );
    }, auditPollMs);
    return () => window.clearInterval(timer);
  }, [slug, area, state.status]);

  /** Loads the next older page; answers how many entries it brought, or null if none came. */
  const loadMore = useCallback(async (): Promise<number | null> => {
    const mine = generation.current;
    const before = state.nextBefore;
    if (!before || state.loadingMore) return null;
    setState((s) => ({ ...s, loadingMore: true, moreFailed: false }));
    try {
      const page = await auditApi.audit(slug, { area, before, limit: pageSize });
      if (generation.current !== mine) return null;
      setState((s) => ({
        ...s,
        entries: appendAuditPage(s.entries, page.entries),
        nextBefore: page.nextBefore,
        loadingMore: false,
      }));
      return page.entries.length;
    } catch {
      if (generation.current === mine)
        setState((s) => ({ ...s, loadingMore: false, moreFailed: true }));
      return null;
    }
  }, [slug, area, state.nextBefore, state.loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, area, setArea, loadMore, reload };
}
