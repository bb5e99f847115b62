import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@plenum/shared/access';
import { useAnnounce } from '../../app/status.tsx';
import { FormButtons, FormMessage, SelectField } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleForm } from '../../ui/useConsoleForm.ts';
import {
  checkInvitationForm,
  emptyInvitationForm,
  invitationFields,
  type InvitationField,
  type InvitationFormValues,
} from './invitation-form.ts';
import { invitationsApi, type CreatedInvitation } from './invitations-api.ts';

// Most links are for attendees: the least right first.
const rolesToInvite: readonly Role[] = [...roles].reverse();

interface InvitationFormProps {
  slug: string;
  timeZone: string;
  onCreated: (invitation: CreatedInvitation) => void;
}

/** A new invitation link for one role, optionally limited in uses and time. */
export function InvitationForm({ slug, timeZone, onCreated }: InvitationFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState<InvitationFormValues>(emptyInvitationForm);
  const {
    errors,
    general,
    saving,
    setSaving,
    inputRef,
    errorText,
    showErrors,
    showFailure,
    clearErrors,
  } = useConsoleForm(invitationFields, { expiresAt: 'expiresDate' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const checked = checkInvitationForm(values, timeZone);
    if (!checked.ok) return showErrors(checked.errors, null);
    setSaving(true);
    clearErrors();
    try {
      const created = await invitationsApi.createInvitation(slug, checked.body);
      announce(t('console.invitations.createdHeading', { role: t(`roles.${created.role}`) }));
      setValues((v) => ({ ...emptyInvitationForm, role: v.role }));
      onCreated(created);
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: Exclude<InvitationField, 'role'>) => ({
    id: `invitation-form-${name}`,
    value: values[name],
    error: errorText(errors[name]),
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    inputRef: inputRef(name),
  });

  return (
    <form
      className="console-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="invitation-form-heading"
    >
      <h4 id="invitation-form-heading">{t('console.invitations.newHeading')}</h4>
      <FormMessage text={general} />
      <SelectField
        id="invitation-form-role"
        label={t('console.invitations.role')}
        value={values.role}
        options={rolesToInvite.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(role) => setValues((v) => ({ ...v, role: role as Role }))}
        inputRef={inputRef('role')}
      />
      <TextField
        {...field('label')}
        label={t('console.invitations.label')}
        hint={t('console.invitations.labelHint')}
      />
      <TextField
        {...field('maxUses')}
        inputMode="numeric"
        label={t('console.invitations.maxUses')}
        hint={t('console.invitations.maxUsesHint')}
      />
      <div className="console-field-row">
        <TextField
          {...field('expiresDate')}
          type="date"
          label={t('console.invitations.expiresDate')}
          hint={t('console.invitations.expiresHint')}
        />
        <TextField
          {...field('expiresTime')}
          type="time"
          label={t('console.invitations.expiresTime')}
          hint={t('console.agenda.timeHint', { timeZone })}
        />
      </div>
      <FormButtons saving={saving} submitLabel={t('console.invitations.create')} />
    </form>
  );
}
