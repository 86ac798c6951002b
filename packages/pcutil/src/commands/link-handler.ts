import {
  createFileLink,
  createFolderLink,
  deletePublicLink,
  linksTo,
  listPublicLinks,
  PCloudError,
  type PublicLinkLimits,
} from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import { parseMoment, TIME_FORMS } from '../filter/parse-time.js';
import { formatLinkRow, linkJson } from '../links/format-link.js';
import { itemRef, linkTarget } from '../links/link-target.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import type { linkCommand } from './link.js';

const LINK_ID = /^\d{1,15}$/;

function usage(message: string): PCloudError {
  return new PCloudError('USAGE_ERROR', message);
}

/** The limits asked for; USAGE_ERROR for an expiry that is not a time or is already past. */
function limitsOf(args: { expire?: string | undefined; 'max-downloads'?: number | undefined }, now: Date): PublicLinkLimits {
  const limits: PublicLinkLimits = {};
  if (args.expire !== undefined) {
    const seconds = parseMoment(args.expire, now, 1);
    if (seconds === undefined) throw usage(`--expire "${escapeControl(args.expire)}" is not a time: use ${TIME_FORMS}`);
    if (seconds <= now.getTime() / 1000) throw usage(`--expire ${escapeControl(args.expire)} is already past: the link would never work`);
    limits.expire = Math.floor(seconds);
  }
  if (args['max-downloads'] !== undefined) limits.maxDownloads = args['max-downloads'];
  return limits;
}

/** What `pcutil link` runs: public links to pCloud files and folders: create, list, delete. */
export async function runLink(ctx: Parameters<(typeof linkCommand)['handler']>[0]): Promise<void> {
  const { target, list } = ctx.args;
  const remove = ctx.args.delete;
  const limited = ctx.args.expire !== undefined || ctx.args['max-downloads'] !== undefined;
  if (list && remove) throw usage('--list and --delete cannot be combined');
  if ((list || remove) && limited) throw usage('--expire and --max-downloads apply when a link is created, not with --list or --delete');
  if (list && target !== undefined) throw usage('--list lists every link of the account: it takes no PATH');
  if (!list && target === undefined) throw usage(remove ? '--delete needs a PATH or a LINKID' : 'link needs a PATH (or --list)');
  const limits = limitsOf(ctx.args, new Date());
  const byId = remove && target !== undefined && LINK_ID.test(target);
  const { locs, location } = parseRemoteArgs(target === undefined || byId ? [] : [target]);
  const client = await ctx.client(location);
  const path = locs[0]?.path;
  if (list) {
    const links = await listPublicLinks(client);
    if (ctx.json) return void ctx.out.json(links.map(linkJson));
    const now = Date.now() / 1000;
    for (const link of links) ctx.out.line(formatLinkRow(link, now));
    return;
  }
  if (remove) {
    let ids: number[];
    if (byId) ids = [Number(target)];
    else {
      const item = await linkTarget(client, path ?? '/');
      ids = linksTo(await listPublicLinks(client), itemRef(item)).map((link) => link.linkid);
      if (ids.length === 0) throw new PCloudError('NOT_FOUND', `p:${escapeControl(path ?? '/')} has no public link`);
    }
    for (const linkid of ids) await deletePublicLink(client, linkid);
    if (ctx.json) return void ctx.out.json({ deleted: ids });
    for (const linkid of ids) ctx.out.line(`deleted link ${linkid}`);
    return;
  }
  const item = await linkTarget(client, path ?? '/');
  const ref = itemRef(item);
  const codes = 'folderid' in ref ? await createFolderLink(client, ref, limits) : await createFileLink(client, ref, limits);
  if (ctx.json) {
    const expires = limits.expire === undefined ? {} : { expires: `${new Date(Number(limits.expire) * 1000).toISOString().slice(0, 19)}Z` };
    return void ctx.out.json({
      linkid: codes.linkid,
      link: codes.link,
      ...expires,
      ...(limits.maxDownloads ? { maxdownloads: limits.maxDownloads } : {}),
    });
  }
  ctx.out.line(codes.link);
}
