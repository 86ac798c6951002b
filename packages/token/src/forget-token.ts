import type { ConfigStore } from '@pcloud/core';

/** Removes every stored credential from the config (under its lock), keeping all other keys. */
export async function forgetStoredToken(config: ConfigStore): Promise<void> {
  await config.update((stored) => {
    if (stored.access_token !== undefined) stored.access_token = '';
    if (stored['access-token'] !== undefined) stored['access-token'] = '';
    delete stored.auth;
  });
}
