import { Badge, Button, Fieldset, Group, Modal, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Output } from '../../../src-shared/contract/api';
import type { Answers } from '../../../src-shared/surveys/definition';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { SurveyForm } from '../../kiosk/SurveyForm';
import { TemplateEditor } from './TemplateEditor';

type Template = Output<'surveys.template'>;

/** Questionnaire templates: preview, duplicate, edit (a new version), publish. */
export function TemplatesPanel({
  templates,
  onChange,
}: {
  templates: Output<'surveys.templates'>;
  onChange(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<Template | null>(null);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  const [editing, setEditing] = useState<Template | null>(null);
  const open = (id: string, then: (x: Template) => void) =>
    call('surveys.template', { id }).then(then, (e) =>
      notifications.show({ color: 'red', message: errorMessage(t, e) }),
    );
  const act = (p: Promise<unknown>) =>
    p.then(onChange, (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }));

  return (
    <Fieldset legend={t('surveys.templates')}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('surveys.name')}</Table.Th>
            <Table.Th>{t('surveys.version')}</Table.Th>
            <Table.Th>{t('surveys.status')}</Table.Th>
            <Table.Th>{t('surveys.responses')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((x) => (
            <Table.Tr key={x.id} data-testid="template-row">
              <Table.Td maw={480}>{x.title}</Table.Td>
              <Table.Td>{x.version}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  tt="none"
                  color={x.status === 'published' ? 'green' : 'gray'}
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {t(`surveys.statusValue.${x.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{x.responses}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => open(x.id, (tpl) => (setPreviewAnswers({}), setPreview(tpl)))}
                  >
                    {t('surveys.preview')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void navigate(`/print/survey/${x.id}`)}
                  >
                    {t('surveys.print')}
                  </Button>
                  {x.status !== 'archived' && (
                    <Button size="xs" variant="default" onClick={() => open(x.id, setEditing)}>
                      {t('surveys.edit')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => act(call('surveys.duplicateTemplate', { id: x.id }))}
                  >
                    {t('surveys.duplicate')}
                  </Button>
                  {x.status === 'draft' && (
                    <Button
                      size="xs"
                      onClick={() => act(call('surveys.publishTemplate', { id: x.id }))}
                    >
                      {t('surveys.publish')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        size="90%"
        title={t('surveys.previewTitle')}
      >
        {preview && (
          <SurveyForm
            definition={preview.definition}
            services={[]}
            answers={previewAnswers}
            onAnswers={setPreviewAnswers}
            onePerScreen={false}
            onSubmit={() => undefined}
            submitting={false}
            missing={[]}
          />
        )}
      </Modal>
      {editing && (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChange();
          }}
        />
      )}
    </Fieldset>
  );
}
