import { describe, expect, it } from 'vitest';
import { checkPhaseForm, emptyPhaseForm } from './phase-form.ts';

describe('phase form', () => {
  it('starts with every group chosen and self-select on', () => {
    expect(emptyPhaseForm([{ id: 'a' }, { id: 'b' }])).toEqual({
      title: '',
      roomIds: ['a', 'b'],
      durationMinutes: '60',
      selfSelect: true,
    });
  });

  it('needs a title, a group and 1 to 480 minutes', () => {
    expect(
      checkPhaseForm({ title: '', roomIds: [], durationMinutes: '0', selfSelect: false }),
    ).toEqual({
      ok: false,
      errors: {
        title: { key: 'required' },
        roomIds: { key: 'chooseOne' },
        durationMinutes: { key: 'numberRange', min: 1, max: 480 },
      },
    });
    expect(
      checkPhaseForm({
        title: 'AGs',
        roomIds: ['a', 'a'],
        durationMinutes: '45',
        selfSelect: false,
      }),
    ).toEqual({
      ok: true,
      body: { title: 'AGs', roomIds: ['a'], durationMinutes: 45, selfSelect: false },
    });
  });
});
