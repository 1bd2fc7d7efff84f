import { recordTaken } from './suggestion-log';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { appealInputSchema } from '../../../src-shared/domain/appeal';
import { issuesFromZod } from '../../../src-shared/contract/errors';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { AnswerFields } from './AnswerFields';
import { QuestionsFields } from './QuestionsFields';
import { keptOutcomes } from '../../../src-shared/domain/questions';
import { ApplicantFields } from './ApplicantFields';
import { ContentFields } from './ContentFields';
import { ReceptionFields } from './ReceptionFields';
import type { SetField } from './field-binding';
import { emptyForm, fromAppeal, fromBooking, fromDraft, type FormState } from './form-state';
import { useDraftAutosave } from './use-draft-autosave';
import { useReference } from './use-reference';
import { RepeatHint } from './RepeatHint';
import { formatDate } from './format';
import type { Booking } from '../../../src-shared/domain/schedule';

interface Loaded {
  state: FormState;
  /** The booking the visitor came on (/appeals/new?booking=…): received by this card. */
  booking: Booking | null;
  draftId: string;
  appealId: string | null;
  regNumber: string | null;
  updatedAt: string | null;
  restored: boolean;
}

/** Creates a card (/appeals/new) or edits one (/appeals/:id/edit); Ctrl+S saves. */
export default function AppealFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const reference = useReference();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [state, setState] = useState<FormState | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const draftParam = search.get('draft');
  const bookingParam = search.get('booking');
  const fresh = search.get('fresh');

  useEffect(() => {
    let live = true;
    load(id ?? null, draftParam, bookingParam).then(
      (l) => {
        if (!live) return;
        setLoaded(l);
        setState(l.state);
        setDirty(false);
        setErrors({});
        setFormError(null);
      },
      (e) => live && setFormError(errorMessage(t, e)),
    );
    return () => {
      live = false;
    };
  }, [id, draftParam, bookingParam, fresh, t]);

  const savedAt = useDraftAutosave(loaded?.draftId ?? null, loaded?.appealId ?? null, state, dirty);

  const set: SetField = useCallback((key, value) => {
    setState((s) => {
      if (!s) return s;
      const next = { ...s, [key]: value };
      // A code taken off the card takes its own outcome with it.
      if (key === 'topicCodes') next.questions = keptOutcomes(next.topicCodes, next.questions);
      return next;
    });
    setDirty(true);
  }, []);

  const save = useCallback(async () => {
    if (!state || !loaded || saving) return;
    const parsed = appealInputSchema.safeParse(state);
    if (!parsed.success) {
      setErrors(fieldErrors(t, issuesFromZod(parsed.error)));
      setFormError(t('card.fixErrors'));
      return;
    }
    setSaving(true);
    // Stop autosave first: a draft written after the card is saved would be an orphan.
    setDirty(false);
    try {
      const appeal = loaded.appealId
        ? await call('appeals.update', {
            id: loaded.appealId,
            expectedUpdatedAt: loaded.updatedAt ?? '',
            data: state,
            draftId: loaded.draftId,
          })
        : await call('appeals.create', {
            data: state,
            draftId: loaded.draftId,
            bookingId: loaded.booking?.id ?? null,
          });
      recordTaken(state.topicCodes);
      notifications.show({
        color: 'green',
        message: t('card.saved', { number: appeal.regNumber }),
      });
      navigate(`/appeals/${appeal.id}`);
    } catch (e) {
      setDirty(true);
      if (e instanceof ApiCallError && e.error.issues) setErrors(fieldErrors(t, e.error.issues));
      setFormError(
        e instanceof ApiCallError && e.error.code === 'conflict'
          ? t('card.conflict')
          : errorMessage(t, e),
      );
    } finally {
      setSaving(false);
    }
  }, [state, loaded, saving, t, navigate]);

  useHotkeys([['mod+S', () => void save()]], []);

  if (!state || !loaded) return formError ? <Alert color="red">{formError}</Alert> : <Loader />;
  const props = { state, set, errors };
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack maw={1100}>
        <Group justify="space-between">
          <Title order={2}>
            {loaded.regNumber
              ? t('card.titleEdit', { number: loaded.regNumber })
              : t('card.titleNew')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="draft-status">
            {savedAt
              ? t('card.draftSaved', { time: new Date(savedAt).toLocaleTimeString('ru-RU') })
              : ''}
          </Text>
        </Group>
        {loaded.restored && <Alert color="yellow">{t('card.draftRestored')}</Alert>}
        {loaded.booking && (
          <Alert color="blue" data-testid="from-booking">
            {t('card.fromBooking', {
              name: loaded.booking.visitorName,
              date: formatDate(loaded.booking.date),
              time: loaded.booking.time,
            })}
          </Alert>
        )}
        <ReceptionFields {...props} reference={reference} />
        <ApplicantFields {...props} />
        <ContentFields {...props} reference={reference} />
        <RepeatHint state={state} set={set} appealId={loaded.appealId} />
        <AnswerFields {...props} appealId={loaded.appealId} />
        <QuestionsFields {...props} appealId={loaded.appealId} />
        {formError && (
          <Alert color="red" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {loaded.appealId ? t('actions.save') : t('actions.create')} ({t('actions.saveHint')})
          </Button>
          <Button variant="default" onClick={() => navigate(-1)}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

async function load(
  appealId: string | null,
  draftId: string | null,
  bookingId: string | null,
): Promise<Loaded> {
  if (appealId) {
    const appeal = await call('appeals.get', { id: appealId });
    const draft = (await call('drafts.list', {})).find((d) => d.appealId === appealId);
    const full = draft ? await call('drafts.get', { id: draft.id }) : null;
    return {
      booking: null,
      state: full ? fromDraft(full.data) : fromAppeal(appeal),
      draftId: full?.id ?? crypto.randomUUID(),
      appealId,
      regNumber: appeal.regNumber,
      updatedAt: appeal.updatedAt,
      restored: full !== null,
    };
  }
  const draft = draftId ? await call('drafts.get', { id: draftId }) : null;
  const booking = bookingId ? await call('bookings.get', { id: bookingId }) : null;
  return {
    booking,
    state: draft ? fromDraft(draft.data) : booking ? fromBooking(booking) : emptyForm(),
    draftId: draft?.id ?? crypto.randomUUID(),
    appealId: null,
    regNumber: null,
    updatedAt: null,
    restored: draft !== null,
  };
}
