import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ScheduleEntry } from '../../../src-shared/domain/schedule';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { formatDate } from '../appeals/format';
import { SheetFrame } from './SheetFrame';

/** The month's reception schedule of officials as a list to publish (seed 004, 6.6.1). */
export default function PrintSchedulePage() {
  const { t, i18n } = useTranslation();
  const { month = '' } = useParams();
  const [entries, setEntries] = useState<ScheduleEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('schedule.month', { month }).then(setEntries, (e) => setError(errorMessage(t, e)));
  }, [month, t]);
  const monthName = month
    ? new Date(`${month}-01T00:00:00`).toLocaleDateString(i18n.language, {
        month: 'long',
        year: 'numeric',
      })
    : '';
  const title = t('schedule.printTitle', { month: monthName });
  return (
    <SheetFrame title={title} error={error} ready={entries !== null}>
      <article className="sheet" data-testid="printed-schedule">
        <h1>{title}</h1>
        <table>
          <thead>
            <tr>
              <th>{t('schedule.date')}</th>
              <th>{t('schedule.hours')}</th>
              <th>{t('schedule.official')}</th>
              <th>{t('schedule.place')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries ?? []).map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.date)}</td>
                <td>
                  {e.startTime}–{e.endTime}
                </td>
                <td>
                  {e.officialName}, {e.officialPosition}
                </td>
                <td>
                  {e.place}
                  {e.note ? ` (${e.note})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('schedule.printFooter')}</p>
      </article>
    </SheetFrame>
  );
}
