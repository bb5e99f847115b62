import { useConsoleAction } from './useConsoleAction.ts';

/**
 * Deleting rows of a list the console edits, one at a time: each row shows its own busy state
 * and its own failure.
 */
export function useRowDelete<Row extends { id: string }>(
  deleteRow: (row: Row) => Promise<void>,
  deletedText: (row: Row) => string,
) {
  const action = useConsoleAction();
  const scope = (row: Row) => `delete:${row.id}`;
  return {
    remove: (row: Row) =>
      void action.run(
        scope(row),
        () => deleteRow(row),
        () => deletedText(row),
      ),
    busy: (row: Row) => action.busy === scope(row),
    errorFor: (row: Row) => action.errorFor(scope(row)),
  };
}
