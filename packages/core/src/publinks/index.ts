/** Public links over `client.call`: one file per operation (docs.pcloud.com public_links). */
export type { PublicLinkLimits } from './public-link-limits.js';
export { createFileLink, createFolderLink } from './create-public-link.js';
export { changePublicLink, type PublicLinkChanges } from './change-public-link.js';
export { listPublicLinks, linksTo } from './list-public-links.js';
export { deletePublicLink } from './delete-public-link.js';
