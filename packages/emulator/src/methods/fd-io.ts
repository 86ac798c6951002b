/**
 * Reading, writing and moving around in an open file (pcloud-api.md §4.10): `file_write`,
 * `file_pwrite`, `file_read`, `file_pread`, `file_seek`, `file_size`, `file_truncate`.
 * Reads answer with raw bytes (HTTP: octet-stream; binary protocol: data after the answer).
 */
import { Readable } from 'node:stream';
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodResult, MethodSpec } from '../api/types.js';
import type { OpenFile } from '../state/descriptors.js';
import { descriptorsOf } from './fd-open-close.js';
import { intParam } from '../params/typed-values.js';

/** The open file named by `fd` (1007 when there is none). */
export function openOf(ctx: MethodContext): OpenFile {
  return descriptorsOf(ctx.connection).get(intParam(ctx.params, 'fd')).file;
}

/** Current length of an open file. */
export function sizeOf(ctx: MethodContext, open: OpenFile): number {
  if (open.scratch) return open.scratch.size();
  const file = ctx.state.files.tree(open.userid).file(open.fileid);
  if (!file) throw new ApiFailure(5004);
  return file.size;
}

async function write(ctx: MethodContext, at: number | undefined): Promise<MethodResult> {
  const open = openOf(ctx);
  if (!open.scratch) throw new ApiFailure(2003);
  const offset = open.append ? open.scratch.size() : (at ?? open.position);
  let bytes = 0;
  for await (const file of ctx.files) bytes += await open.scratch.writeAt(offset + bytes, file.stream);
  if (at === undefined) open.position = offset + bytes;
  return { body: { bytes } };
}

/** The bytes of an open file in a range (its scratch while written, else the stored content). */
export function readRange(ctx: MethodContext, open: OpenFile, range: { start: number; end: number }): Readable {
  if (open.scratch) return open.scratch.read(range);
  const file = ctx.state.files.tree(open.userid).file(open.fileid);
  if (!file) throw new ApiFailure(5004);
  return ctx.state.files.blobs.read(file.blob, range);
}

function read(ctx: MethodContext, at: number | undefined): MethodResult {
  const open = openOf(ctx);
  const count = intParam(ctx.params, 'count');
  if (count === undefined || count < 0) throw new ApiFailure(1011);
  const start = at ?? open.position;
  const length = Math.max(0, Math.min(count, sizeOf(ctx, open) - start));
  if (at === undefined) open.position = start + length;
  const range = { start, end: start + length - 1 };
  const file = ctx.state.files.tree(open.userid).file(open.fileid);
  if (length === 0 || (!open.scratch && !file)) return { body: {}, data: { stream: Readable.from([]), length: 0 } };
  const stream = open.scratch ? open.scratch.read(range) : ctx.state.files.blobs.read(file!.blob, range);
  return { body: {}, data: { stream, length } };
}

/** The `offset` parameter (1009 when missing or negative). */
export const offsetOf = (ctx: MethodContext): number => {
  const offset = intParam(ctx.params, 'offset');
  if (offset === undefined || offset < 0) throw new ApiFailure(1009);
  return offset;
};

/** `file_write`: at the current position (or the end with O_APPEND). */
export const fileWrite: MethodSpec = { name: 'file_write', auth: 'required', handler: (ctx) => write(ctx, undefined) };

/** `file_pwrite`: at `offset`. */
export const filePwrite: MethodSpec = { name: 'file_pwrite', auth: 'required', handler: (ctx) => write(ctx, offsetOf(ctx)) };

/** `file_read`: up to `count` bytes from the current position. */
export const fileRead: MethodSpec = { name: 'file_read', auth: 'required', handler: (ctx) => read(ctx, undefined) };

/** `file_pread`: up to `count` bytes from `offset`. */
export const filePread: MethodSpec = { name: 'file_pread', auth: 'required', handler: (ctx) => read(ctx, offsetOf(ctx)) };

/** `file_size`: size and current position. */
export const fileSize: MethodSpec = {
  name: 'file_size',
  auth: 'required',
  handler(ctx) {
    const open = openOf(ctx);
    return { body: { size: sizeOf(ctx, open), offset: open.position } };
  },
};

/** `file_seek`: `whence` 0 from start, 1 from the current position, 2 from the end. */
export const fileSeek: MethodSpec = {
  name: 'file_seek',
  auth: 'required',
  handler(ctx) {
    const open = openOf(ctx);
    const offset = intParam(ctx.params, 'offset');
    if (offset === undefined) throw new ApiFailure(1009);
    const whence = intParam(ctx.params, 'whence') ?? 0;
    const base = whence === 1 ? open.position : whence === 2 ? sizeOf(ctx, open) : 0;
    open.position = Math.max(0, base + offset);
    return { body: { offset: open.position } };
  },
};

/** `file_truncate`: sets the length. */
export const fileTruncate: MethodSpec = {
  name: 'file_truncate',
  auth: 'required',
  async handler(ctx) {
    const open = openOf(ctx);
    const length = intParam(ctx.params, 'length');
    if (length === undefined || length < 0) throw new ApiFailure(1010);
    if (!open.scratch) throw new ApiFailure(2003);
    await open.scratch.truncate(length);
    return { body: {} };
  },
};
