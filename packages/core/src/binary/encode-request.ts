/**
 * Encodes one binary-protocol request (pcloud-api.md §9.2): the u16 length, the method byte
 * with the data flag, the optional u64 data length, the method name and the typed parameters.
 * The data itself is not part of the frame: the caller sends its `dataLength` bytes right after.
 */
import { ByteWriter } from './byte-writer.js';
import { protocolError } from './protocol-error.js';
import { ParamType, UINT64_MAX, type ParamValue } from './value-types.js';

const MAX_FRAME = 0xffff;
const MAX_METHOD_BYTES = 127;
const MAX_NAME_BYTES = 63;
const MAX_PARAMS = 255;
const DATA_FLAG = 0x80;

/** Parameters in sending order; `undefined` values are left out, as the HTTP transport does. */
export type RequestParams = Readonly<Record<string, ParamValue | undefined>> | Iterable<readonly [string, ParamValue]>;

/**
 * Encodes `method` with `params` into one request frame. Pass `dataLength` (0 included) when
 * data follows, e.g. the file of an `uploadfile` or the chunk of an `upload_write`.
 * Throws a `PROTOCOL_ERROR` when a limit of the format is exceeded.
 */
export function encodeRequest(method: string, params: RequestParams = {}, dataLength?: number | bigint): Buffer {
  const methodBytes = Buffer.from(method, 'utf8');
  if (methodBytes.length === 0 || methodBytes.length > MAX_METHOD_BYTES || methodBytes.length !== method.length) {
    throw protocolError(`method name must be 1-${MAX_METHOD_BYTES} ASCII characters: "${method.slice(0, 40)}"`);
  }
  const writer = new ByteWriter(64 + methodBytes.length);
  writer.uint(0, 2);
  if (dataLength === undefined) {
    writer.u8(methodBytes.length);
  } else {
    if (dataLength < 0 || BigInt(dataLength) > UINT64_MAX) throw protocolError(`invalid data length ${dataLength}`);
    writer.u8(methodBytes.length | DATA_FLAG);
    writer.uint(dataLength, 8);
  }
  writer.bytes(methodBytes);
  const countAt = writer.size;
  writer.u8(0);
  let count = 0;
  for (const [name, value] of entries(params)) {
    if (value === undefined) continue;
    if (++count > MAX_PARAMS) throw protocolError(`${method}: more than ${MAX_PARAMS} parameters`);
    writeParam(writer, name, value);
  }
  writer.patch(countAt, count, 1);
  const length = writer.size - 2;
  if (length > MAX_FRAME) throw protocolError(`${method}: request of ${length} bytes exceeds the ${MAX_FRAME}-byte limit`);
  writer.patch(0, length, 2);
  return writer.finish();
}

function entries(params: RequestParams): Iterable<readonly [string, ParamValue | undefined]> {
  return Symbol.iterator in params ? (params as Iterable<readonly [string, ParamValue]>) : Object.entries(params);
}

function writeParam(writer: ByteWriter, name: string, value: ParamValue): void {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > MAX_NAME_BYTES) throw protocolError(`parameter name longer than ${MAX_NAME_BYTES} bytes: "${name.slice(0, 40)}"`);
  if (typeof value === 'boolean') {
    writer.u8((ParamType.boolean << 6) | nameBytes.length);
    writer.bytes(nameBytes);
    writer.u8(value ? 1 : 0);
  } else if (isUint64(value)) {
    writer.u8((ParamType.number << 6) | nameBytes.length);
    writer.bytes(nameBytes);
    writer.uint(value, 8);
  } else {
    // Strings, and numbers the u64 type cannot carry (negative, fractional, too large): the
    // server reads those from their decimal text, like the `fd` "-1" of pcloud-api.md §9.2.
    const text = Buffer.from(String(value), 'utf8');
    writer.u8((ParamType.string << 6) | nameBytes.length);
    writer.bytes(nameBytes);
    writer.uint(text.length, 4);
    writer.bytes(text);
  }
}

function isUint64(value: string | number | bigint): value is number | bigint {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX;
}
