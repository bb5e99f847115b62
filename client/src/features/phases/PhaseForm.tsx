import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phase, Room } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { CheckboxGroup, FormButtons, FormMessage } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleForm } from '../../ui/useConsoleForm.ts';
import { checkPhaseForm, emptyPhaseForm, phaseFields, type PhaseFormValues } from './phase-form.ts';
import { phasesApi } from './phases-api.ts';

interface PhaseFormProps {
  slug: string;
  groups: Room[];
  onCreated: (phase: Phase) => void;
  onCancel: () => void;
}

/** A new working-group phase: which groups, how long, and whether people choose themselves. */
export function PhaseForm({ slug, groups, onCreated, onCancel }: PhaseFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState<PhaseFormValues>(() => emptyPhaseForm(groups));
  const { errors, general, saving, setSaving, inputRef, errorText, showErrors, showFailure } =
    useConsoleForm(phaseFields);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const checked = checkPhaseForm(values);
    if (!checked.ok) return showErrors(checked.errors, null);
    setSaving(true);
    try {
      const phase = await phasesApi.createPhase(slug, checked.body);
      announce(t('console.phases.created', { title: phase.title }));
      onCreated(phase);
    } catch (error) {
      setSaving(false);
      showFailure(error);
    }
  };

  return (
    <form
      className="console-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="phase-form-heading"
    >
      <h4 id="phase-form-heading" ref={heading} tabIndex={-1}>
        {t('console.phases.newHeading')}
      </h4>
      <FormMessage text={general} />
      <TextField
        id="phase-form-title"
        label={t('console.phases.title')}
        required
        value={values.title}
        error={errorText(errors.title)}
        onChange={(title) => setValues((v) => ({ ...v, title }))}
        inputRef={inputRef('title')}
      />
      <CheckboxGroup
        id="phase-form-groups"
        legend={t('console.phases.groups')}
        error={errorText(errors.roomIds)}
        options={groups.map((g) => ({
          value: g.id,
          label: g.name,
          note:
            g.capacity === null
              ? t('console.groups.unlimited')
              : t('console.groups.places', { count: g.capacity }),
        }))}
        chosen={values.roomIds}
        onChange={(roomIds) => setValues((v) => ({ ...v, roomIds }))}
        empty={t('console.groups.empty')}
        firstRef={inputRef('roomIds')}
      />
      <TextField
        id="phase-form-duration"
        label={t('console.phases.duration')}
        inputMode="numeric"
        required
        value={values.durationMinutes}
        error={errorText(errors.durationMinutes)}
        onChange={(durationMinutes) => setValues((v) => ({ ...v, durationMinutes }))}
        inputRef={inputRef('durationMinutes')}
      />
      <div className="choice-single">
        <input
          type="checkbox"
          id="phase-form-self-select"
          checked={values.selfSelect}
          aria-describedby="phase-form-self-select-hint"
          onChange={(e) => setValues((v) => ({ ...v, selfSelect: e.target.checked }))}
        />
        <label htmlFor="phase-form-self-select">{t('console.phases.selfSelect')}</label>
        <p id="phase-form-self-select-hint" className="field-hint">
          {t('console.phases.selfSelectHint')}
        </p>
      </div>
      <FormButtons saving={saving} submitLabel={t('console.phases.create')} onCancel={onCancel} />
    </form>
  );
}
