import { ruNumber } from '../../../src-shared/domain/dates';
import { Anchor, Group, Paper, Progress, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Period } from '../../../src-shared/reports/period';
import { useReportSource } from './source';

/** The card list behind a figure: the period plus the figure's own conditions. */
export function listHref(period: Period, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ from: period.from, to: period.to, ...extra });
  return `/appeals?${q.toString()}`;
}

export function answeredHref(period: Period, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ answeredFrom: period.from, answeredTo: period.to, ...extra });
  return `/appeals?${q.toString()}`;
}

/** A count that opens its cards (plain text when there are none to open). */
export function CountLink({ n, to, label }: { n: number; to: string; label?: string }) {
  const { drillHref } = useReportSource();
  if (n === 0) return <>0</>;
  return (
    <Anchor component={Link} to={drillHref(to)} aria-label={label}>
      {ruNumber(n)}
    </Anchor>
  );
}

export const pct = (share: number) => `${ruNumber(share, 1, 1)} %`;

/** A share as a number and a bar (a chart that prints and reads aloud as its number). */
export function ShareBar({ share }: { share: number }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" w={64} ta="right">
        {pct(share)}
      </Text>
      <Progress value={share} w={160} aria-hidden />
    </Group>
  );
}

export function KeyFigure({
  label,
  value,
  to,
  hint,
}: {
  label: string;
  value: string;
  to?: string;
  hint?: string;
}) {
  const { drillHref } = useReportSource();
  return (
    <Paper withBorder p="sm" miw={180}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {to ? (
          <Anchor component={Link} to={drillHref(to)} inherit>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
