import type { ConfigStore } from './config-store.js';

/**
 * Stores a fresh login under the config's lock: the token, the endpoint it belongs to, and the
 * account name when one was given (`-u`). The original tools' spelling `access-token` is kept in
 * step when the file has it, so they see the new token too.
 */
export async function saveLogin(
  config: ConfigStore,
  login: { accessToken: string; endpoint: string; username?: string | undefined },
): Promise<void> {
  await config.update((stored) => {
    stored.access_token = login.accessToken;
    if (stored['access-token'] !== undefined) stored['access-token'] = login.accessToken;
    stored.endpoint = login.endpoint;
    if (login.username !== undefined) stored.username = login.username;
  });
}
