import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GUIDE_PAGES, type GuidePage } from '../../../src-shared/guide';
import { renderGuide } from './markdown';

// The guide ships inside the application (offline): its pages and pictures are part of the build.
const SOURCES = import.meta.glob('../../../docs/guide/*.md', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;
const IMAGES = Object.fromEntries(
  Object.entries(
    import.meta.glob('../../../docs/guide/img/*.png', {
      eager: true,
      query: '?url',
      import: 'default',
    }) as Record<string, string>,
  ).map(([path, url]) => [path.split('/').pop()!, url]),
);

const source = (page: GuidePage) => SOURCES[`../../../docs/guide/${page}.md`] ?? '';

/** The user guide (docs/guide), one page at a time, with links between pages. */
export default function HelpPage() {
  const { t } = useTranslation();
  const { page = 'index' } = useParams();
  const current = (GUIDE_PAGES as readonly string[]).includes(page) ? (page as GuidePage) : 'index';
  return (
    <Stack maw={960} gap={4} data-testid="guide" data-page={current}>
      {current !== 'index' && (
        <Group>
          <Anchor component={Link} to="/help">
            {t('help.contents')}
          </Anchor>
        </Group>
      )}
      {renderGuide(source(current), IMAGES, (p) => `/help/${p === 'index' ? '' : p}`)}
    </Stack>
  );
}
