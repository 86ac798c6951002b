/**
 * `file_open` and `file_close` (pcloud-api.md §4.10). OAuth callers are refused file_open with
 * 2003 in restriction mode (as pCloud since 2026). Closing commits written content in place
 * (same fileid); closing the connection closes its files the same way.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { ConnectionState, MethodContext, MethodSpec } from '../api/types.js';
import { commitOpenFile, DescriptorTable, type OpenFile } from '../state/descriptors.js';
import { putFile } from '../state/put-file.js';
import type { FileNode } from '../state/tree-nodes.js';
import { intParam } from '../params/typed-values.js';
import { callerOf } from '../params/caller.js';
import { fileFromParams, newItemTarget, viewOf } from '../params/tree-items.js';

const O_WRITE = 0x0002;
const O_CREAT = 0x0040;
const O_EXCL = 0x0080;
const O_TRUNC = 0x0200;
const O_APPEND = 0x0400;

/** The connection's descriptor table (created on first use). */
export function descriptorsOf(connection: ConnectionState): DescriptorTable {
  connection.descriptors ??= new DescriptorTable();
  return connection.descriptors;
}

async function openFile(ctx: MethodContext, flags: number): Promise<OpenFile> {
  const view = viewOf(ctx);
  const caller = callerOf(ctx);
  let file: FileNode | undefined;
  if (flags & O_CREAT && !ctx.params.has('fileid')) {
    const { parent, name } = newItemTarget(ctx, view, 1001);
    file = view.tree.childFile(parent, name);
    if (file && flags & O_EXCL) throw new ApiFailure(2004);
    if (!file) {
      const empty = await ctx.state.files.blobs.write([], ctx.state.extraDigest(caller));
      file = putFile(view.tree, parent, name, empty, { now: ctx.state.now() });
    }
  } else {
    file = fileFromParams(ctx, view);
  }
  const writable = (flags & O_WRITE) !== 0;
  const open: OpenFile = { userid: caller.account.userid, fileid: file.id, writable, append: (flags & O_APPEND) !== 0, position: 0 };
  if (writable) {
    open.scratch = await ctx.state.files.blobs.openScratch(file.blob);
    if (flags & O_TRUNC) await open.scratch.truncate(0);
  }
  return open;
}

/** `file_open`: `{fd, fileid}`. */
export const fileOpen: MethodSpec = {
  name: 'file_open',
  auth: 'required',
  refuseOAuth: 2003,
  async handler(ctx) {
    const flags = intParam(ctx.params, 'flags');
    if (flags === undefined) throw new ApiFailure(1006);
    const table = descriptorsOf(ctx.connection);
    try {
      const open = await openFile(ctx, flags);
      return { body: { fd: table.add(open), fileid: open.fileid } };
    } catch (error) {
      table.add(undefined);
      throw error;
    }
  },
};

/** `file_close`. */
export const fileClose: MethodSpec = {
  name: 'file_close',
  auth: 'required',
  async handler(ctx) {
    const table = descriptorsOf(ctx.connection);
    const { fd, file } = table.get(intParam(ctx.params, 'fd'));
    table.remove(fd);
    await commitOpenFile(ctx.state, file, ctx.state.extraDigest(callerOf(ctx)));
    return { body: {} };
  },
};
