import type { LoginOptions } from '../auth/login.js';
import { regionOfEndpoint } from '../client/region.js';
import { PCloudError } from '../errors.js';
import type { ConfigStore } from './config-store.js';

/**
 * The app and pages a login uses, from the config: the app's `client-id` (required), its
 * `client-secret` or an `exchange-url`, and the authorize page — `authorize-url`, else pCloud's,
 * or for an endpoint that is not one of pCloud's hosts (a local emulator) its own
 * `<endpoint>/oauth2/authorize`.
 */
export function loginSettings(
  config: ConfigStore,
  endpoint: string,
): Pick<LoginOptions, 'clientId' | 'clientSecret' | 'exchangeUrl' | 'authorizeUrl'> {
  const clientId = config.data['client-id'];
  if (!clientId) {
    throw new PCloudError('CONFIG_ERROR', `cannot log in: no "client-id" in ${config.path}`, {
      hint: 'register an app at https://docs.pcloud.com (My applications) and put its client-id, and its client-secret or an exchange-url, in the config file',
    });
  }
  const ownServer = regionOfEndpoint(endpoint) === undefined;
  const authorizeUrl = config.data['authorize-url'] || (ownServer ? `${endpoint}/oauth2/authorize` : undefined);
  return {
    clientId,
    ...(config.data['client-secret'] ? { clientSecret: config.data['client-secret'] } : {}),
    ...(config.data['exchange-url'] ? { exchangeUrl: config.data['exchange-url'] } : {}),
    ...(authorizeUrl ? { authorizeUrl } : {}),
  };
}
