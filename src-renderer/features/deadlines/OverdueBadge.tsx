import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { call } from '../../api/client';

/** The desk's reminder in the header: how many appeals are past their due date. */
export function OverdueBadge() {
  const { t } = useTranslation();
  const location = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    call('appeals.list', { filter: { overdueOnly: true }, offset: 0, limit: 1 }).then(
      (r) => setCount(r.total ?? 0),
      () => undefined,
    );
  }, [location.pathname]);
  if (count === 0) return null;
  return (
    <Badge
      component={Link}
      to="/deadlines"
      color="red"
      variant="filled"
      tt="none"
      style={{ cursor: 'pointer' }}
      title={t('deadlines.notifyTitle')}
      data-testid="overdue-badge"
    >
      {t('deadlines.notify', { count })}
    </Badge>
  );
}
