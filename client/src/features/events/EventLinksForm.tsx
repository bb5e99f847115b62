import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '@plenum/shared';
import { useAnnounce } from '../../app/status.tsx';
import { useShowEventLinks } from '../../app/useSiteInfo.ts';
import { FormButtons, FormMessage } from '../../ui/FormFields.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useConsoleForm } from '../../ui/useConsoleForm.ts';
import { eventsApi, type EventLinksBody } from './events-api.ts';

const fields = ['privacyUrl', 'imprintUrl'] as const;
type LinkField = (typeof fields)[number];

/**
 * The event's own privacy notice and imprint, shown in the footer of its pages and on its join
 * page instead of the instance's. An empty field gives the instance's link back. The server
 * checks each address (https only); its refusal shows at the field.
 */
export function EventLinksForm({
  event,
}: {
  event: Pick<Event, 'slug' | 'privacyUrl' | 'imprintUrl'>;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState<Record<LinkField, string>>({
    privacyUrl: event.privacyUrl ?? '',
    imprintUrl: event.imprintUrl ?? '',
  });
  // What the server stored last: the footer shows it at once, not only after a reload.
  const [saved, setSaved] = useState<EventLinksBody | null>(null);
  useShowEventLinks(saved);
  const { errors, general, saving, setSaving, inputRef, errorText, showFailure, clearErrors } =
    useConsoleForm(fields);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    clearErrors();
    try {
      const updated = await eventsApi.updateLinks(event.slug, {
        privacyUrl: values.privacyUrl.trim() || null,
        imprintUrl: values.imprintUrl.trim() || null,
      });
      setSaved({ privacyUrl: updated.privacyUrl, imprintUrl: updated.imprintUrl });
      announce(t('console.event.saved'));
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: LinkField) => ({
    id: `event-links-${name}`,
    value: values[name],
    error: errorText(errors[name]),
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    inputRef: inputRef(name),
    type: 'url',
    inputMode: 'url' as const,
    autoComplete: 'url',
    hint: t('console.event.linkHint'),
  });

  return (
    <section className="console-part" aria-labelledby="event-links-heading">
      <h3 id="event-links-heading">{t('console.event.linksHeading')}</h3>
      <p className="meta">{t('console.event.linksIntro')}</p>
      <form className="console-form" noValidate onSubmit={submit}>
        <FormMessage text={general} />
        <TextField {...field('privacyUrl')} label={t('console.event.privacyUrl')} />
        <TextField {...field('imprintUrl')} label={t('console.event.imprintUrl')} />
        <FormButtons saving={saving} submitLabel={t('console.save')} />
      </form>
    </section>
  );
}
