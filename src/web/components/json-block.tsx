import { Code } from '@mantine/core';

/** Pretty JSON, always left to right, since keys and values are not prose. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = value === undefined ? 'null' : JSON.stringify(value, null, 2);
  return (
    <Code
      block
      dir="ltr"
      aria-label={label}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {text}
    </Code>
  );
}
