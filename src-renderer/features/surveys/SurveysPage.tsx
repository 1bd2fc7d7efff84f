import { Button, Group, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';
import { CampaignsPanel } from './CampaignsPanel';
import { KioskSettingsPanel } from './KioskSettingsPanel';
import { TemplatesPanel } from './TemplatesPanel';

/** Questionnaires, campaigns and the kiosk, for the office's administrator. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<Output<'surveys.templates'>>([]);
  const reload = useCallback(() => {
    call('surveys.templates', {}).then(setTemplates, () => undefined);
  }, []);
  useEffect(reload, [reload]);
  return (
    <Stack maw={1150}>
      <Group justify="space-between">
        <Title order={2}>{t('surveys.title')}</Title>
        <Button component={Link} to="/surveys/paper" variant="light">
          {t('surveys.paperEntry')}
        </Button>
      </Group>
      <TemplatesPanel templates={templates} onChange={reload} />
      <CampaignsPanel templates={templates} />
      <KioskSettingsPanel />
    </Stack>
  );
}
