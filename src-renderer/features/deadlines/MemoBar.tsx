import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemoTemplate } from '../../../src-shared/domain/memo';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useAuth } from '../auth/auth-context';
import { saveBase64File } from '../../app/save-file';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The placeholders the template's texts may hold, shown as they are written. */
const TOKENS = { dateToken: '{{date}}', countToken: '{{count}}' };

const FIELDS: (keyof MemoTemplate)[] = [
  'addressee',
  'title',
  'subject',
  'intro',
  'closing',
  'signatory',
];

/**
 * The escalation memo on the overdue cards (seed 004, 11.5.1) — those picked on the board, or
 * all of them: a DOCX to edit, sign and send; an administrator sets its wording.
 */
export function MemoBar({ overdueIds, picked }: { overdueIds: string[]; picked: number }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [busy, setBusy] = useState(false);
  const [template, setTemplate] = useState<MemoTemplate | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function make() {
    setBusy(true);
    try {
      const memo = await call('deadlines.memo', { appealIds: overdueIds.slice(0, 200) });
      saveBase64File(memo.fileName, memo.data, DOCX);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!template) return;
    setErrors({});
    try {
      await call('deadlines.saveMemoTemplate', template);
      setTemplate(null);
      notifications.show({ color: 'green', message: t('deadlines.memoTemplateSaved') });
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setErrors(fieldErrors(t, e.error.issues));
      else notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  return (
    <Group>
      {auth.can('cards.write') && (
        <Button
          variant="light"
          color="red"
          loading={busy}
          disabled={overdueIds.length === 0}
          onClick={make}
        >
          {picked > 0 ? t('deadlines.memoPicked', { count: picked }) : t('deadlines.memo')}
        </Button>
      )}
      {auth.can('settings.manage') && (
        <Button
          variant="subtle"
          onClick={() => call('deadlines.memoTemplate', {}).then(setTemplate, () => undefined)}
        >
          {t('deadlines.memoTemplate')}
        </Button>
      )}
      <Modal
        opened={template !== null}
        onClose={() => setTemplate(null)}
        title={t('deadlines.memoTemplate')}
        size="lg"
      >
        {template && (
          <Stack>
            {FIELDS.map((key) =>
              key === 'intro' || key === 'closing' ? (
                <Textarea
                  key={key}
                  label={t(`deadlines.memoFields.${key}`, TOKENS)}
                  value={template[key]}
                  autosize
                  minRows={2}
                  onChange={(e) => setTemplate({ ...template, [key]: e.currentTarget.value })}
                  error={errors[key]}
                />
              ) : (
                <TextInput
                  key={key}
                  label={t(`deadlines.memoFields.${key}`)}
                  value={template[key]}
                  onChange={(e) => setTemplate({ ...template, [key]: e.currentTarget.value })}
                  error={errors[key]}
                />
              ),
            )}
            <Group>
              <Button onClick={save}>{t('actions.save')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Group>
  );
}
