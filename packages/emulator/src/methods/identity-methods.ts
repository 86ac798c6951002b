/** Methods about accounts, tokens, OAuth and collections; registered by the method table. */
import type { MethodSpec } from '../api/types.js';
import { collectionItemMethods } from './collection-items.js';
import { collectionMethods } from './collections.js';
import { digestMethods } from './getdigest.js';
import { oauth2TokenMethods } from './oauth2-token.js';
import { tokenMethods } from './tokens.js';
import { userinfoMethods } from './userinfo.js';

/** Every identity and collection method (pcloud-api.md §5, §6, §7.3). */
export const identityMethods: MethodSpec[] = [
  ...userinfoMethods,
  ...tokenMethods,
  ...digestMethods,
  ...oauth2TokenMethods,
  ...collectionMethods,
  ...collectionItemMethods,
];
