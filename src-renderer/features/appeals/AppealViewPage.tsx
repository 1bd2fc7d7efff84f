import {
  Alert,
  Table,
  Anchor,
  Badge,
  Image,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Appeal } from '../../../src-shared/domain/appeal';
import type { ClassifierNode } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { formatDate, formatDateTime } from './format';
import { useReference } from './use-reference';
import { AuditPanel } from './AuditPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { questionsOf, statusDate } from '../../../src-shared/domain/questions';
import { useAuth } from '../auth/auth-context';

/** A read-only view of one reception card; E (or the button) opens the editor. */
export default function AppealViewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const reference = useReference();
  const auth = useAuth();
  /** Bumped when a document is attached or removed: the audit trail reads itself again. */
  const [revision, setRevision] = useState(0);
  const [appeal, setAppeal] = useState<Appeal | null>(null);
  const [topics, setTopics] = useState<ClassifierNode[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('appeals.get', { id }).then(
      async (a) => {
        setAppeal(a);
        setTopics(await call('classifier.get', { codes: a.topicCodes }));
      },
      (e) => setError(errorMessage(t, e)),
    );
  }, [id, t]);

  useHotkeys([['E', () => navigate(`/appeals/${id}/edit`)]]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!appeal) return <Loader />;
  const official = reference.officials.find((o) => o.id === appeal.officialId);
  const service = reference.services.find((s) => s.id === appeal.serviceId);
  const row = (label: string, value: React.ReactNode) =>
    value === null || value === '' || value === undefined ? null : (
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
      </div>
    );
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2} data-testid="reg-number">
          {appeal.regNumber}
        </Title>
        <Group>
          <Badge size="lg" data-testid="status">
            {t(`enums.status.${appeal.status}`)}
          </Badge>
          {appeal.overdue && (
            <Badge size="lg" color="red">
              {t('card.overdue')}
            </Badge>
          )}
          <Button variant="default" component={Link} to={`/print/appeal/${id}`}>
            {t('card.print')}
          </Button>
          {auth.can('cards.write') && (
            <Button component={Link} to={`/appeals/${id}/edit`}>
              {t('actions.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {row(t('fields.registeredAt'), formatDateTime(appeal.registeredAt))}
          {row(
            t('fields.officialId'),
            official ? `${official.fullName}, ${official.position}` : '',
          )}
          {row(t('fields.channel'), t(`enums.channel.${appeal.channel}`))}
          {row(t('fields.kind'), t(`enums.kind.${appeal.kind}`))}
          {row(t('fields.form'), t(`enums.form.${appeal.form}`))}
          {row(
            t('card.dueDate'),
            <span data-testid="due-date">
              {appeal.dueDate ? formatDate(appeal.dueDate) : t('card.noDue')}
            </span>,
          )}
          {row(t('fields.applicantType'), t(`enums.applicantType.${appeal.applicantType}`))}
          {row(t('fields.organisationName'), appeal.organisationName)}
          {row(t('fields.representativeName'), appeal.representativeName)}
          {row(t('fields.powerOfAttorney'), appeal.powerOfAttorney)}
          {row(t('fields.visitorName'), appeal.visitorName)}
          {row(t('fields.visitorAddress'), appeal.visitorAddress)}
          {row(t('fields.visitorPhone'), appeal.visitorPhone)}
          {row(t('fields.visitorEmail'), appeal.visitorEmail)}
          {row(t('fields.socialCategory'), t(`enums.socialCategory.${appeal.socialCategory}`))}
          {row(
            t('fields.isCollective'),
            appeal.isCollective ? `✓ (${appeal.signatoryCount ?? '—'})` : null,
          )}
          {row(
            t('fields.isRepeat'),
            appeal.isRepeat ? (
              appeal.repeatOfId ? (
                <Anchor component={Link} to={`/appeals/${appeal.repeatOfId}`}>
                  {t('fields.repeatOfId')}
                </Anchor>
              ) : (
                '✓'
              )
            ) : null,
          )}
          {row(t('fields.avRecordingNotified'), appeal.avRecordingNotified ? '✓' : null)}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          {row(t('fields.content'), <span data-testid="content">{appeal.content}</span>)}
          {row(
            t('fields.topicCodes'),
            topics
              .map((n) => `${n.code} — ${n.title}${n.retired ? ' (выведен из действия)' : ''}`)
              .join('\n'),
          )}
          {row(t('fields.serviceId'), service?.title)}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {row(
            t('fields.answerMode'),
            appeal.answerMode ? t(`enums.answerMode.${appeal.answerMode}`) : null,
          )}
          {row(
            t('fields.oralConsent'),
            appeal.answerMode === 'oral' && appeal.oralConsent ? (
              appeal.consentSignature ? (
                <Image
                  src={appeal.consentSignature}
                  alt={t('card.signatureImage')}
                  h={80}
                  w={240}
                  fit="contain"
                  data-testid="signature-view"
                />
              ) : appeal.consentOnPaper ? (
                `✓ (${t('card.signedOnPaper')})`
              ) : (
                <Text c="orange" span>
                  ✓ ({t('card.notSigned')})
                </Text>
              )
            ) : null,
          )}
          {row(t('fields.oralAnswer'), appeal.oralAnswer)}
          {row(t('fields.redirectRecipient'), appeal.redirectRecipient)}
          {row(t('fields.redirectDate'), formatDate(appeal.redirectDate))}
          {row(t('fields.executor'), appeal.executor)}
          {row(t('fields.result'), appeal.result ? t(`enums.result.${appeal.result}`) : null)}
          {row(t('fields.resultNote'), appeal.resultNote)}
          {row(t('fields.answerDate'), formatDate(appeal.answerDate))}
          {appeal.forwardedFrom &&
            row(
              t('fields.forwardedFrom'),
              `${appeal.forwardedFrom}, № ${appeal.forwardedNumber ?? '—'} ${t('print.from')} ${formatDate(appeal.forwardedDate)}` +
                (appeal.viaMedo ? ` (${t('fields.viaMedo')})` : ''),
            )}
        </SimpleGrid>
        <Table
          mt="md"
          withTableBorder
          data-testid="question-outcomes"
          aria-label={t('fields.questions')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.topicCodes')}</Table.Th>
              <Table.Th>{t('fields.questionStatus')}</Table.Th>
              <Table.Th>{t('fields.responseDate')}</Table.Th>
              <Table.Th>{t('fields.answerAttachmentId')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questionsOf(appeal).map((q) => (
              <Table.Tr key={q.code}>
                <Table.Td>{q.code}</Table.Td>
                <Table.Td>
                  {t(`enums.questionStatus.${q.status}`)}
                  {q.measuresTaken ? `, ${t('fields.measuresTaken').toLowerCase()}` : ''}
                  {q.own ? '' : ` (${t('questions.followsCard')})`}
                </Table.Td>
                <Table.Td>{formatDate(statusDate(q))}</Table.Td>
                <Table.Td>{q.answerAttachmentId ? '✓' : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <AttachmentsPanel appealId={appeal.id} onChanged={() => setRevision((r) => r + 1)} />
      {auth.can('audit.read') && (
        <AuditPanel appealId={appeal.id} revision={`${appeal.updatedAt}:${revision}`} />
      )}
    </Stack>
  );
}
