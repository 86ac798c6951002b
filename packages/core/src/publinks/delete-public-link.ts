/** Deleting a public link (`deletepublink`): it stops working at once. */
import type { CallOptions, PCloudClient } from '../client/create-client.js';

/** Deletes the link `linkid` (`deletepublink`); rejects with 2027 when it is already gone. */
export async function deletePublicLink(client: PCloudClient, linkid: number, call?: CallOptions): Promise<void> {
  await client.call('deletepublink', { linkid }, call);
}
