import type { ConfigStore } from '@pcloud/core';

/** Whether the config holds a credential (`access_token`, the original's `access-token`, or `auth`). */
export function hasStoredToken(config: ConfigStore): boolean {
  const data = config.data;
  return Boolean(data.access_token || data['access-token'] || data.auth);
}

/** Removes every stored credential from the config (under its lock), keeping all other keys; answers whether there was one. */
export async function forgetStoredToken(config: ConfigStore): Promise<boolean> {
  if (!hasStoredToken(config)) return false;
  await config.update((stored) => {
    if (stored.access_token !== undefined) stored.access_token = '';
    if (stored['access-token'] !== undefined) stored['access-token'] = '';
    delete stored.auth;
  });
  return true;
}
