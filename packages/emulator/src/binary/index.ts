/** The emulator's binary-protocol front end (pcloud-api.md §9). */
export { startBinaryListeners, type BinaryListenerOptions, type BinaryListeners } from './binary-listeners.js';
export { serveBinaryConnection, type BinaryConnectionOptions } from './binary-connection.js';
