/**
 * The OAuth2 login (pCloud `oauth2_token`), reached through a dynamic import: its loopback
 * listener, browser opener and code exchange load only when `login` runs without --token.
 */
export { login } from '@pcloud/core';
