/**
 * What anyone holding a public link's code (or shortcode) may do, without credentials
 * (docs.pcloud.com public_links): `showpublink` describes the item, a folder with its whole
 * tree, and `getpublinkdownload` hands out a download-host link for the file (for a folder link,
 * the file `fileid` inside it) and counts one download; the bytes then sent count as traffic.
 * An unknown code answers 7001, a deleted link 7002, an expired one 7004, one out of traffic
 * 7005 and one out of downloads 7006.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { openLink } from '../params/public-link.js';
import { intParam } from '../params/typed-values.js';
import { folderContents } from '../render/folder-contents.js';
import { nodeMetadata } from '../render/metadata-object.js';
import type { FileNode } from '../state/tree-nodes.js';
import { downloadLinkAnswer } from './getfilelink.js';

/** `showpublink`: the linked item's metadata; a folder carries its contents recursively, as listfolder would. */
export const showpublink: MethodSpec = {
  name: 'showpublink',
  auth: 'none',
  handler(ctx) {
    const { view, item } = openLink(ctx);
    const metadata = nodeMetadata(view, item);
    // Where the item lies in its owner's tree is not the visitor's business.
    delete metadata.parentfolderid;
    if (item.kind === 'folder') {
      const budget = { left: ctx.state.faults.maxRecursiveEntries };
      metadata.contents = folderContents(view, item, { recursive: true, nofiles: false, showdeleted: false, budget });
    }
    return { body: { metadata } };
  },
};

/** `getpublinkdownload`: where to download the linked file (getfilelink's answer); 1029 for a folder link without `fileid`, 2009 for a file not in it. */
export const getpublinkdownload: MethodSpec = {
  name: 'getpublinkdownload',
  auth: 'none',
  handler(ctx) {
    const { link, view, item } = openLink(ctx);
    let file: FileNode;
    if (item.kind === 'file') file = item;
    else {
      const fileid = intParam(ctx.params, 'fileid');
      if (fileid === undefined) throw new ApiFailure(1029);
      const inside = view.tree.file(fileid);
      if (!inside || !view.tree.isWithin(inside.parentId, item.id)) throw new ApiFailure(2009);
      file = inside;
    }
    const answer = downloadLinkAnswer(ctx, link.userid, file, link.linkid);
    ctx.state.publinks.countDownload(link);
    return answer;
  },
};
