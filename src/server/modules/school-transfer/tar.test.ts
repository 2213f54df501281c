import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTar, tarEnd, tarHeader, tarPadding } from './tar.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'schoolhouse-tar-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function read(chunks: Iterable<Buffer>): Promise<[string, string][]> {
  const files: [string, string][] = [];
  await readTar(chunks, (entry) => {
    const parts: Buffer[] = [];
    return {
      write: (chunk) => void parts.push(chunk),
      end: () => {
        const body = Buffer.concat(parts);
        expect(body.length).toBe(entry.size);
        files.push([entry.name, body.toString('utf8')]);
      },
    };
  });
  return files;
}

function write(files: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, text] of files) {
    const body = Buffer.from(text, 'utf8');
    parts.push(tarHeader(name, body.length, new Date('2025-01-02T03:04:05Z')), body);
    parts.push(tarPadding(body.length));
  }
  parts.push(tarEnd());
  return Buffer.concat(parts);
}

describe('tar', () => {
  const files: [string, string][] = [
    ['manifest.json', '{"format": "x"}\n'],
    ['tables/empty.jsonl', ''],
    ['tables/exactly-one-block.jsonl', 'x'.repeat(512)],
    ['tables/users.jsonl', '{"name": "Zoë ✓"}\n'.repeat(100)],
  ];

  it('reads back what it writes, whatever the chunk sizes', async () => {
    const archive = write(files);
    expect(archive.length % 512).toBe(0);
    expect(await read([archive])).toEqual(files);
    const small: Buffer[] = [];
    for (let i = 0; i < archive.length; i += 7) small.push(archive.subarray(i, i + 7));
    expect(await read(small)).toEqual(files);
  });

  it('writes archives that GNU tar lists and extracts', () => {
    const file = path.join(scratch, 'ours.tar');
    fs.writeFileSync(file, write(files));
    const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(files.map(([name]) => name));
    const out = path.join(scratch, 'extracted');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xf', file, '-C', out]);
    expect(fs.readFileSync(path.join(out, 'tables/users.jsonl'), 'utf8')).toBe(files[3]?.[1]);
  });

  it('reads archives repacked by GNU tar, with directories and pax long names', async () => {
    const dir = path.join(scratch, 'repacked');
    const longName = `${'a'.repeat(120)}.jsonl`;
    fs.mkdirSync(path.join(dir, 'tables'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
    fs.writeFileSync(path.join(dir, 'tables', longName), '{"id": 1}\n');
    for (const format of ['pax', 'gnu']) {
      const file = path.join(scratch, `${format}.tar`);
      execFileSync('tar', [
        `--format=${format}`,
        '-cf',
        file,
        '-C',
        dir,
        'manifest.json',
        'tables',
      ]);
      const entries = await read([fs.readFileSync(file)]);
      expect(entries).toEqual([
        ['manifest.json', '{}'],
        [`tables/${longName}`, '{"id": 1}\n'],
      ]);
    }
  });

  it('refuses damaged headers, links and archives cut short', async () => {
    const archive = write(files);
    const damaged = Buffer.from(archive);
    damaged[10] = 0x41;
    await expect(read([damaged])).rejects.toThrow(/checksum/);

    const link = tarHeader('tables/users.jsonl', 0, new Date());
    link.write('2', 156, 'latin1');
    link.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of link) sum += byte;
    link.write(`${sum.toString(8).padStart(6, '0')}\0`, 148, 'latin1');
    await expect(read([link, tarEnd()])).rejects.toThrow(/not a regular file/);

    await expect(read([archive.subarray(0, 1000)])).rejects.toThrow(/ends in the middle/);
  });

  it('refuses names that do not fit a ustar header', () => {
    expect(() => tarHeader(`tables/${'x'.repeat(100)}.jsonl`, 1, new Date())).toThrow(/too long/);
  });
});
