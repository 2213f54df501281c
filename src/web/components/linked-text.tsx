import { Anchor } from '@mantine/core';
import { useMemo } from 'react';

import { linkify } from '../lib/linkify';

/** Plain text with its http(s) addresses as links; the rest is rendered as text, never HTML. */
export function LinkedText({ text }: { text: string }) {
  const segments = useMemo(() => linkify(text), [text]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'link' ? (
          <Anchor key={index} href={segment.href} dir="ltr" style={{ wordBreak: 'break-all' }}>
            {segment.text}
          </Anchor>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
