/**
 * Encodes a binary-protocol response (pcloud-api.md §9.3): u32 length, then one hash value.
 * The compact form is what pCloud sends (short strings, reused string ids, small integers,
 * minimal integer widths); the long form (type-3 strings, type-15 integers, no reuse) is what
 * some SDK test servers send, and lets the emulator exercise a client's full decoder.
 */
import { ByteWriter, byteWidth } from './byte-writer.js';
import { protocolError } from './protocol-error.js';
import { BinaryData, SHORT_REUSE_MAX, SHORT_STRING_MAX, SMALL_NUMBER_MAX, UINT64_MAX, ValueType, type BinaryHash } from './value-types.js';

export interface EncodeResponseOptions {
  /** Type-3 strings and type-15 integers only, no string reuse. */
  longForm?: boolean;
}

/**
 * Encodes `body` (a JSON-like object; `undefined` members are left out) as a response frame.
 * Put a {@link BinaryData} under `data` when raw bytes follow; send them after this frame.
 * Negative or fractional numbers have no binary form and are sent as their decimal text.
 */
export function encodeResponse(body: Readonly<Record<string, unknown>>, options: EncodeResponseOptions = {}): Buffer {
  const writer = new ByteWriter(256);
  writer.uint(0, 4);
  new ValueEncoder(writer, options.longForm === true).value(body as BinaryHash);
  writer.patch(0, writer.size - 4, 4);
  return writer.finish();
}

class ValueEncoder {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly writer: ByteWriter,
    private readonly longForm: boolean,
  ) {}

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'boolean':
        return this.writer.u8(value ? ValueType.true : ValueType.false);
      case 'number':
      case 'bigint':
        return this.number(value);
      case 'object':
        if (value instanceof BinaryData) {
          this.writer.u8(ValueType.data);
          return this.writer.uint(value.length, 8);
        }
        if (Array.isArray(value)) return this.list(value);
        if (value !== null) return this.hash(value as Record<string, unknown>);
    }
    throw protocolError(`response: ${value === null ? 'null' : typeof value} has no binary encoding`);
  }

  private hash(hash: Record<string, unknown>): void {
    this.writer.u8(ValueType.hash);
    for (const [key, member] of Object.entries(hash)) {
      if (member === undefined) continue;
      this.string(key);
      this.value(member);
    }
    this.writer.u8(ValueType.end);
  }

  private list(items: readonly unknown[]): void {
    this.writer.u8(ValueType.array);
    for (const item of items) this.value(item);
    this.writer.u8(ValueType.end);
  }

  private number(value: number | bigint): void {
    const unsigned = typeof value === 'bigint' ? value >= 0n && value <= UINT64_MAX : Number.isSafeInteger(value) && value >= 0;
    if (!unsigned) return this.string(String(value));
    if (this.longForm) {
      this.writer.u8(ValueType.number + 7);
      return this.writer.uint(value, 8);
    }
    if (value <= SMALL_NUMBER_MAX) return this.writer.u8(ValueType.numberSmall + Number(value));
    const width = byteWidth(value);
    this.writer.u8(ValueType.number + width - 1);
    this.writer.uint(value, width);
  }

  private string(text: string): void {
    if (this.longForm) return this.newString(text, true);
    const id = this.ids.get(text);
    if (id !== undefined) {
      if (id <= SHORT_REUSE_MAX) return this.writer.u8(ValueType.stringReuseShort + id);
      const width = byteWidth(id);
      this.writer.u8(ValueType.stringReuseLong + width - 1);
      return this.writer.uint(id, width);
    }
    // Ids count every new string of the response in byte order, keys and values alike.
    this.ids.set(text, this.ids.size);
    this.newString(text, false);
  }

  private newString(text: string, long: boolean): void {
    const length = Buffer.byteLength(text, 'utf8');
    if (!long && length <= SHORT_STRING_MAX) {
      this.writer.u8(ValueType.stringShort + length);
    } else {
      const width = long ? 4 : byteWidth(length);
      this.writer.u8(ValueType.stringLong + width - 1);
      this.writer.uint(length, width);
    }
    this.writer.utf8(text, length);
  }
}
