import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime, useSyncStatus } from './use-sync-status';

/** The header's sync state: offline desk, sending, not sent yet, error, or in step with central. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { status } = useSyncStatus();
  if (!status) return null;
  // Survey responses wait on purpose until several are pending (docs/anonymity.md): they are
  // not "unsent" in the sense of a problem, so the badge counts card changes only.
  const pending = status.pending.changes;
  const [color, label] = !status.enrolled
    ? ['gray', t('sync.badge.standalone')]
    : status.running
      ? ['blue', t('sync.badge.running')]
      : status.lastError
        ? ['red', t('sync.badge.error')]
        : pending > 0
          ? ['yellow', t('sync.badge.pending', { count: pending })]
          : [
              'green',
              t('sync.badge.ok', { time: formatTime(status.lastSuccessAt, i18n.language) }),
            ];
  const tip = status.lastError ?? (status.enrolled ? status.officeName : t('sync.notEnrolled'));
  return (
    <Tooltip label={tip} multiline maw={360}>
      <Badge
        component={Link}
        to="/sync"
        variant="light"
        color={color}
        tt="none"
        style={{ cursor: 'pointer' }}
        aria-label={`${t('sync.title')}: ${label}`}
        data-testid="sync-indicator"
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
