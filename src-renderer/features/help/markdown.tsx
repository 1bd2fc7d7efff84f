import { Anchor, Image, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The guide's Markdown, as its pages write it (docs/guide): headings, paragraphs, numbered and
 * bulleted lists, pictures, links between pages, bold. Text only ever becomes React text, never
 * HTML, so a page cannot inject anything; what is not understood is shown as written.
 */
export function renderGuide(
  source: string,
  images: Record<string, string>,
  linkTo: (page: string) => string,
): ReactNode[] {
  const out: ReactNode[] = [];
  const blocks = source.replace(/\r\n/g, '\n').split(/\n{2,}/);
  blocks.forEach((block, i) => {
    const lines = block.split('\n');
    const heading = /^(#{1,3}) (.*)$/.exec(block);
    const image = /^!\[([^\]]*)\]\(img\/([\w.-]+)\)$/.exec(block.trim());
    if (heading && lines.length === 1) {
      const order = heading[1]!.length as 1 | 2 | 3;
      out.push(
        <Title key={i} order={(order + 1) as 2 | 3 | 4} mt={order === 1 ? 0 : 'md'}>
          {inline(heading[2]!, linkTo)}
        </Title>,
      );
    } else if (image) {
      out.push(
        <figure key={i} style={{ margin: '8px 0' }}>
          <Image
            src={images[image[2]!] ?? ''}
            alt={image[1]}
            radius="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </figure>,
      );
    } else if (lines.every((l) => /^(\d+\. |- | {3})/.test(l))) {
      const ordered = /^\d+\. /.test(lines[0]!);
      const items: string[] = [];
      for (const l of lines) {
        if (/^(\d+\. |- )/.test(l)) items.push(l.replace(/^(\d+\. |- )/, ''));
        else items[items.length - 1] += ' ' + l.trim();
      }
      out.push(
        <List key={i} type={ordered ? 'ordered' : 'unordered'} spacing={4} withPadding>
          {items.map((item, j) => (
            <List.Item key={j}>{inline(item, linkTo)}</List.Item>
          ))}
        </List>,
      );
    } else {
      out.push(
        <Text key={i} my="xs">
          {inline(lines.join(' '), linkTo)}
        </Text>,
      );
    }
  });
  return out;
}

/** **bold** and [text](page.md) inside a line. */
function inline(text: string, linkTo: (page: string) => string): ReactNode[] {
  const parts: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([\w-]+)\.md\)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    if (m[1] !== undefined) parts.push(<strong key={m.index}>{m[1]}</strong>);
    else
      parts.push(
        <Anchor key={m.index} component={Link} to={linkTo(m[3]!)}>
          {m[2]}
        </Anchor>,
      );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
