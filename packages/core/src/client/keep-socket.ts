/**
 * Keeps a keep-alive connection in the pool after a call. Got destroys its request as soon as
 * the answer is read. When the server answered before Node saw the request body flushed (its
 * 'finish' comes a tick later, common for streamed upload bodies), Node has not yet handed the
 * socket back to the agent, so that destroy closes the connection and the next call pays for
 * a new TLS handshake. Waiting for 'finish' (or 'close') first lets Node release the socket.
 */
import type { ClientRequest } from 'node:http';

/** A got `afterResponse` hook: resolves with the response once its request has finished writing. */
export async function afterRequestFinished<T extends object>(response: T): Promise<T> {
  const request = (response as { req?: ClientRequest }).req;
  if (request && !request.writableFinished && !request.destroyed) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        request.off('finish', done);
        request.off('close', done);
        resolve();
      };
      request.once('finish', done);
      request.once('close', done);
    });
  }
  return response;
}
