// The small part of the tar format that school archives need: regular files, written as ustar,
// and read back also from archives repacked by GNU tar or bsdtar (pax and GNU long names,
// directory entries). Links, devices and sparse files are refused, never followed.

const BLOCK = 512;
const MAX_OCTAL_SIZE = 8 ** 11 - 1;
/** Extended headers (pax, GNU long names) are read into memory, so they are kept small. */
const MAX_META_BYTES = 1024 * 1024;

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  const digits = value.toString(8).padStart(length - 1, '0');
  if (digits.length > length - 1) throw new TarFormatError(`${value} does not fit a tar header`);
  header.write(digits, offset, length - 1, 'latin1');
  header[offset + length - 1] = 0;
}

/** A ustar header for one regular file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new TarFormatError(`tar entry name is too long: ${name}`);
  if (size > MAX_OCTAL_SIZE) throw new TarFormatError(`${name} is larger than 8 GiB`);
  const header = Buffer.alloc(BLOCK);
  nameBytes.copy(header, 0);
  writeOctal(header, 100, 8, 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, Math.floor(mtime.getTime() / 1000));
  header.fill(0x20, 148, 156);
  header.write('0', 156, 'latin1');
  header.write('ustar\u000000', 257, 'latin1');
  writeOctal(header, 148, 7, checksum(header));
  return header;
}

/** Zero bytes that complete an entry of `size` bytes to whole blocks. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Two zero blocks close an archive. */
export function tarEnd(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum;
}

function readString(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function readNumber(header: Buffer, offset: number, length: number, what: string): number {
  const first = header[offset] ?? 0;
  if (first & 0x80) {
    // GNU base-256: big-endian binary after the marker bit, used for sizes over 8 GiB.
    let value = first & 0x7f;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + (header[i] ?? 0);
    if (!Number.isSafeInteger(value)) throw new TarFormatError(`tar ${what} is out of range`);
    return value;
  }
  const text = header
    .subarray(offset, offset + length)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`tar ${what} is not a number`);
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parsePax(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let position = 0;
  while (position < body.length) {
    const space = body.indexOf(0x20, position);
    const length = Number.parseInt(body.subarray(position, space).toString('latin1'), 10);
    if (space === -1 || !Number.isInteger(length) || length <= 0) {
      throw new TarFormatError('tar pax header is malformed');
    }
    const record = body.subarray(space + 1, position + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    position += length;
  }
  return records;
}

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<unknown>;
  private ended = false;

  constructor(source: AsyncIterable<unknown> | Iterable<unknown>) {
    this.iterator =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : (async function* () {
            yield* source;
          })();
  }

  /** Up to `max` bytes, or null at the end of the input. */
  private async chunk(max: number): Promise<Buffer | null> {
    while (this.buffered.length === 0) {
      if (this.ended) return null;
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        return null;
      }
      const value = next.value;
      this.buffered = Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
    }
    const out = this.buffered.subarray(0, max);
    this.buffered = this.buffered.subarray(out.length);
    return out;
  }

  /** Exactly `size` bytes; null when the input ends before the first of them. */
  async read(size: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < size) {
      const part = await this.chunk(size - have);
      if (!part) {
        if (have === 0) return null;
        throw new TarFormatError('the archive ends in the middle of an entry');
      }
      parts.push(part);
      have += part.length;
    }
    return Buffer.concat(parts, size);
  }

  async forEach(size: number, fn: (chunk: Buffer) => Promise<void> | void): Promise<void> {
    let left = size;
    while (left > 0) {
      const part = await this.chunk(Math.min(left, 64 * 1024));
      if (!part) throw new TarFormatError('the archive ends in the middle of an entry');
      left -= part.length;
      await fn(part);
    }
  }

  async skip(size: number): Promise<void> {
    await this.forEach(size, () => undefined);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

export interface TarEntrySink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

/**
 * Reads every regular file of an (already decompressed) tar stream, handing each one's bytes
 * to the sink `open` returns for it.
 */
export async function readTar(
  source: AsyncIterable<unknown> | Iterable<unknown>,
  open: (entry: TarEntry) => Promise<TarEntrySink> | TarEntrySink,
): Promise<void> {
  const reader = new ByteReader(source);
  let pax: Record<string, string> = {};
  let longName: string | null = null;
  const readMeta = async (size: number, kind: string): Promise<Buffer> => {
    if (size > MAX_META_BYTES) throw new TarFormatError(`tar ${kind} header is too large`);
    const body = (await reader.read(size)) ?? Buffer.alloc(0);
    await reader.skip(tarPadding(size).length);
    return body;
  };

  for (;;) {
    const header = await reader.read(BLOCK);
    // A missing end marker is tolerated, like GNU tar does.
    if (!header || header.every((byte) => byte === 0)) return;
    if (readNumber(header, 148, 8, 'checksum') !== checksum(header)) {
      throw new TarFormatError('tar header checksum does not match (not a tar archive?)');
    }
    const type = String.fromCharCode(header[156] ?? 0);
    const headerSize = readNumber(header, 124, 12, 'size');

    if (type === 'x') {
      pax = { ...pax, ...parsePax(await readMeta(headerSize, 'pax')) };
      continue;
    }
    if (type === 'L') {
      longName = (await readMeta(headerSize, 'long name')).toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'g') {
      await readMeta(headerSize, 'global pax');
      continue;
    }

    // A pax record overrides the header's size (files over 8 GiB) and name (long paths).
    const size = pax.size !== undefined ? Number(pax.size) : headerSize;
    if (!Number.isSafeInteger(size) || size < 0)
      throw new TarFormatError('tar entry size is invalid');

    const prefix = readString(header, 257, 6) === 'ustar' ? readString(header, 345, 155) : '';
    const plainName = readString(header, 0, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${plainName}` : plainName);
    pax = {};
    longName = null;

    if (type === '5') {
      await reader.skip(size + tarPadding(size).length);
      continue;
    }
    if (type !== '0' && type !== '\0' && type !== '7') {
      throw new TarFormatError(`tar entry ${name} is not a regular file (type ${type})`);
    }
    const sink = await open({ name, size });
    await reader.forEach(size, (chunk) => sink.write(chunk));
    await sink.end();
    await reader.skip(tarPadding(size).length);
  }
}
