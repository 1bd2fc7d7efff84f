import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Appeal } from '../../../src-shared/domain/appeal';
import type { ClassifierNode, Official } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { formatDate, formatDateTime } from '../appeals/format';
import { SheetFrame } from './SheetFrame';
import { questionsOf } from '../../../src-shared/domain/questions';

/**
 * The reception card on A4 in the customary layout, for signing and filing: the visitor's
 * data, the content, the topics, how it is answered — with the visitor's own consent to an
 * oral answer and signature (drawn on screen, or a line to sign on paper) — and the official's
 * signature line.
 */
export default function PrintCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [appeal, setAppeal] = useState<Appeal | null>(null);
  const [official, setOfficial] = useState<Official | null>(null);
  const [topics, setTopics] = useState<ClassifierNode[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const a = await call('appeals.get', { id });
      const [officials, nodes] = await Promise.all([
        call('officials.list', {}),
        call('classifier.get', { codes: a.topicCodes }),
      ]);
      setOfficial(officials.find((o) => o.id === a.officialId) ?? null);
      setTopics(nodes);
      setAppeal(a);
    })().catch((e) => setError(errorMessage(t, e)));
  }, [id, t]);

  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="sheet-text">{value || '—'}</td>
    </tr>
  );
  const a = appeal;
  return (
    <SheetFrame title={a ? `${t('card.title')} ${a.regNumber}` : ''} error={error} ready={!!a}>
      {a && (
        <article className="sheet" data-testid="printed-card">
          <h1>{t('card.title').toUpperCase()}</h1>
          <p className="sheet-sub">
            № {a.regNumber} {t('print.from')} {formatDate(a.registeredAt)}
          </p>
          <table>
            <tbody>
              {row(t('fields.registeredAt'), formatDateTime(a.registeredAt))}
              {row(
                t('fields.officialId'),
                official ? `${official.position}, ${official.fullName}` : '',
              )}
              {a.applicantType === 'organisation' &&
                row(
                  t('fields.organisationName'),
                  `${a.organisationName ?? ''}; ${a.representativeName ?? ''}`,
                )}
              {row(t('fields.visitorName'), a.visitorName)}
              {row(
                t('print.contacts'),
                [a.visitorAddress, a.visitorPhone, a.visitorEmail].filter(Boolean).join('; '),
              )}
              {row(t('fields.socialCategory'), t(`enums.socialCategory.${a.socialCategory}`))}
              {row(
                t('print.kindForm'),
                `${t(`enums.kind.${a.kind}`)}; ${t(`enums.form.${a.form}`)}` +
                  (a.isCollective ? `; ${t('fields.isCollective')} (${a.signatoryCount})` : '') +
                  (a.isRepeat ? `; ${t('fields.isRepeat')}` : ''),
              )}
              {row(t('fields.content'), a.content)}
              {row(t('fields.topicCodes'), topics.map((n) => `${n.code} — ${n.title}`).join('\n'))}
              {row(
                t('fields.answerMode'),
                a.answerMode ? t(`enums.answerMode.${a.answerMode}`) : '',
              )}
              {a.answerMode === 'oral' && row(t('fields.oralAnswer'), a.oralAnswer)}
              {a.answerMode === 'written' &&
                row(
                  t('card.dueDate'),
                  `${formatDate(a.dueDate)}` +
                    (a.extensionDays
                      ? ` (${t('print.extended', { days: a.extensionDays })}: ${a.extensionReason})`
                      : ''),
                )}
              {a.answerMode === 'redirected' &&
                row(
                  t('fields.redirectRecipient'),
                  `${a.redirectRecipient ?? ''} ${formatDate(a.redirectDate)}`,
                )}
              {row(t('fields.executor'), a.executor)}
              {row(t('fields.result'), a.result ? t(`enums.result.${a.result}`) : '')}
              {row(
                t('fields.questions'),
                questionsOf(a)
                  .map(
                    (q) =>
                      `${q.code}: ${t(`enums.questionStatus.${q.status}`)}` +
                      (q.measuresTaken ? `, ${t('fields.measuresTaken').toLowerCase()}` : '') +
                      (q.responseDate ? `, ${formatDate(q.responseDate)}` : '') +
                      (q.status === 'transferred' && q.transferRecipient
                        ? ` — ${q.transferRecipient}`
                        : ''),
                  )
                  .join('\n'),
              )}
            </tbody>
          </table>
          {a.answerMode === 'oral' && (
            <section>
              <p>{t('print.consentText')}</p>
              {a.consentSignature ? (
                <img
                  className="sheet-signature"
                  src={a.consentSignature}
                  alt={t('card.signatureImage')}
                  data-testid="printed-signature"
                />
              ) : (
                <div className="sheet-line" />
              )}
              <div className="sheet-caption">{t('print.visitorSignature')}</div>
            </section>
          )}
          <div className="sheet-signs">
            <div>
              <div className="sheet-line" />
              <div className="sheet-caption">{t('print.officialSignature')}</div>
            </div>
            <div>
              <div className="sheet-line" />
              <div className="sheet-caption">{t('print.date')}</div>
            </div>
          </div>
        </article>
      )}
    </SheetFrame>
  );
}
