import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase } from '@plenum/shared';
import { ActionError } from '../../ui/FormFields.tsx';
import { LoadFailed } from '../../ui/LoadFailed.tsx';
import { useConsoleAction } from '../../ui/useConsoleAction.ts';
import type { PresenceMap } from '../presence/presence.ts';
import { assignmentsApi } from './assignments-api.ts';
import { assignmentRows, filterRows, type AssignmentRow } from './assignments.ts';
import { useAssignments } from './useAssignments.ts';

interface PhaseAssignmentsProps {
  phase: Phase;
  presence: PresenceMap;
  leaveOut: ReadonlySet<string>;
}

/**
 * Who is in which group, with a way to move anyone: choose the group, then "Verschieben". A
 * separate button rather than moving on change: arrowing through a select must not move people.
 */
export function PhaseAssignments({ phase, presence, leaveOut }: PhaseAssignmentsProps) {
  const { t } = useTranslation();
  const id = useId();
  const assignments = useAssignments(phase.id);
  const [query, setQuery] = useState('');
  const rows = filterRows(assignmentRows(assignments.items, presence, leaveOut), query);
  const groupName = (roomId: string | null) =>
    phase.groups.find((g) => g.roomId === roomId)?.name ?? t('console.assign.none');

  return (
    <details className="console-details" open={phase.status === 'open' || undefined}>
      <summary>{t('console.assign.heading', { title: phase.title })}</summary>
      <div className="field field-search">
        <label htmlFor={`${id}-search`}>{t('console.assign.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {assignments.status === 'failed' && <LoadFailed />}
      <div className="table-scroll">
        <table className="console-table">
          <caption className="visually-hidden">
            {t('console.assign.heading', { title: phase.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('console.assign.person')}</th>
              <th scope="col">{t('console.assign.group')}</th>
              <th scope="col">{t('console.assign.moveTo')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <AssignmentLine
                key={row.personId}
                row={row}
                phase={phase}
                groupName={groupName(row.roomId)}
                onMoved={assignments.reload}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="meta">{t('console.assign.nobody')}</p>}
    </details>
  );
}

function AssignmentLine({
  row,
  phase,
  groupName,
  onMoved,
}: {
  row: AssignmentRow;
  phase: Phase;
  groupName: string;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const action = useConsoleAction();
  // Follows the person's group until the organizer picks another; after a move, follows again.
  const [picked, setPicked] = useState<string | null>(null);
  const target = picked ?? row.roomId ?? phase.groups[0]?.roomId ?? '';
  const name = row.displayName;
  const unchanged = target === row.roomId || target === '';

  const move = () => {
    if (unchanged) return;
    const to = phase.groups.find((g) => g.roomId === target)?.name ?? '';
    void action.run(
      'move',
      async () => {
        await assignmentsApi.move(phase.id, row.personId, target);
        setPicked(null);
        onMoved();
      },
      () => t('console.assign.moved', { name, group: to }),
    );
  };

  return (
    <tr>
      <th scope="row">
        {name}
        {!row.online && <span className="meta"> ({t('console.assign.offline')})</span>}
      </th>
      <td>
        {groupName}
        {row.source && <span className="meta"> · {t(`console.assign.source.${row.source}`)}</span>}
      </td>
      <td>
        <div className="console-inline">
          <label htmlFor={`${id}-to`} className="visually-hidden">
            {t('console.assign.moveLabel', { name })}
          </label>
          <select id={`${id}-to`} value={target} onChange={(e) => setPicked(e.target.value)}>
            {phase.groups.map((g) => (
              <option key={g.roomId} value={g.roomId}>
                {g.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={unchanged || action.busy !== null || undefined}
            onClick={move}
          >
            {t('console.assign.move')}
            <span className="visually-hidden"> {name}</span>
          </button>
        </div>
        <ActionError error={action.errorFor('move')} />
      </td>
    </tr>
  );
}
