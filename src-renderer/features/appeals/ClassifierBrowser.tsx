import {
  ActionIcon,
  Button,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { call } from '../../api/client';

type Node = Output<'classifier.children'>[number];

/** One level of the tree, loaded when opened. */
function Level({
  parent,
  depth,
  favourites,
  onPick,
  onStar,
}: {
  parent: string | null;
  depth: number;
  favourites: Set<string>;
  onPick(code: string): void;
  onStar(code: string, on: boolean): void;
}) {
  const { t } = useTranslation();
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  useEffect(() => {
    call('classifier.children', { parent }).then(setNodes, () => setNodes([]));
  }, [parent]);
  if (!nodes) return <Loader size="xs" ml={depth * 16} />;
  return (
    <Stack gap={2}>
      {nodes.map((n) => {
        const expanded = open.has(n.code);
        return (
          <div key={n.code}>
            <Group gap={4} wrap="nowrap" pl={depth * 16}>
              {n.childCount > 0 ? (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  aria-label={`${expanded ? t('classifier.collapse') : t('classifier.expand')} ${n.code}`}
                  aria-expanded={expanded}
                  onClick={() => {
                    const next = new Set(open);
                    if (expanded) next.delete(n.code);
                    else next.add(n.code);
                    setOpen(next);
                  }}
                >
                  {expanded ? '−' : '+'}
                </ActionIcon>
              ) : (
                <span style={{ width: 22 }} />
              )}
              <UnstyledButton
                onClick={() => onPick(n.code)}
                title={t('classifier.pick')}
                style={{ flex: 1 }}
              >
                <Text size="sm">
                  <b>{n.code}</b> {n.title}
                </Text>
              </UnstyledButton>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="yellow"
                aria-label={`${t('classifier.favourite')}: ${n.code}`}
                aria-pressed={favourites.has(n.code)}
                onClick={() => onStar(n.code, !favourites.has(n.code))}
              >
                {favourites.has(n.code) ? '★' : '☆'}
              </ActionIcon>
            </Group>
            {expanded && (
              <Level
                parent={n.code}
                depth={depth + 1}
                favourites={favourites}
                onPick={onPick}
                onStar={onStar}
              />
            )}
          </div>
        );
      })}
    </Stack>
  );
}

/**
 * The whole thematic classifier as a tree: open a section, a theme, a topic; click a line to
 * add its code to the card; the star marks the office's favourite codes.
 */
export function ClassifierBrowser({
  opened,
  onClose,
  favourites,
  onPick,
  onStar,
}: {
  opened: boolean;
  onClose(): void;
  favourites: Set<string>;
  onPick(code: string): void;
  onStar(code: string, on: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('classifier.browse')}
      position="right"
      size="xl"
    >
      {opened && (
        <Stack>
          <Level parent={null} depth={0} favourites={favourites} onPick={onPick} onStar={onStar} />
          <Button variant="default" onClick={onClose}>
            {t('actions.back')}
          </Button>
        </Stack>
      )}
    </Drawer>
  );
}
