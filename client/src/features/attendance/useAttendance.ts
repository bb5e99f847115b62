import { useCallback, useEffect, useState } from 'react';
import type { AttendanceReport } from '@plenum/shared';
import type { Load } from '../../app/useLoad.ts';
import { attendanceApi } from './attendance-api.ts';

/** How often the console asks again: attendance changes as people come and go. */
export const attendancePollMs = 10_000;

/**
 * The attendance report, kept live by a poll every 10 s: the shown tables stay while the next
 * report loads, and a failed poll keeps them (the next one tries again).
 */
export function useAttendance(slug: string) {
  const [state, setState] = useState<Load<AttendanceReport>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let shown = false;
    const fetchReport = () =>
      attendanceApi.attendance(slug, controller.signal).then(
        (data) => {
          shown = true;
          if (!controller.signal.aborted) setState({ status: 'done', data });
        },
        (error: unknown) => {
          if (!controller.signal.aborted && !shown) setState({ status: 'failed', error });
        },
      );
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a reload starts from 'loading'
    setState({ status: 'loading' });
    void fetchReport();
    const timer = window.setInterval(() => void fetchReport(), attendancePollMs);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [slug, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
