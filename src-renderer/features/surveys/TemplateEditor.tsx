import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, translateIssue } from '../../app/errors';

/**
 * Edits a questionnaire as its JSON (docs/surveys.md): questions, options and skip logic.
 * Saving a published version creates the next version as a draft; errors are named by question.
 */
export function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: Output<'surveys.template'>;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(JSON.stringify(template.definition, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const save = async () => {
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (e) {
      setErrors([t('errors.survey_json', { detail: String(e) })]);
      return;
    }
    try {
      await call('surveys.saveTemplate', { templateId: template.id, definition });
      onSaved();
    } catch (e) {
      const issues = e instanceof ApiCallError ? (e.error.issues ?? []) : [];
      setErrors(issues.length ? issues.map((i) => translateIssue(t, i)) : [errorMessage(t, e)]);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="90%"
      title={t('surveys.editorTitle', { title: template.title })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {template.status === 'published'
            ? t('surveys.editorPublished')
            : t('surveys.editorDraft')}
        </Text>
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={20}
          maxRows={30}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          aria-label={t('surveys.editorJson')}
        />
        {errors.length > 0 && (
          <Alert color="red" role="alert">
            {errors.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()}>{t('actions.save')}</Button>
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
