import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupSettings } from './BackupSettings';
import { ClassifierImport } from './ClassifierImport';
import { DeskSettings } from './DeskSettings';
import { SstuSettings } from './SstuSettings';
import { OfficialsEditor } from './OfficialsEditor';
import { ServicesEditor } from './ServicesEditor';

/** Reference data the card needs and the desk's own settings. */
export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('settings.title')}</Title>
      <DeskSettings />
      <SstuSettings />
      <OfficialsEditor />
      <ServicesEditor />
      <ClassifierImport />
      <BackupSettings />
    </Stack>
  );
}
