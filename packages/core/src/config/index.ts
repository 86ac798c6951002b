/** The config file: location, schema, locked read-merge-write store. */
export * from './config-path.js';
export * from './config-schema.js';
export * from './config-store.js';
export { withFileLock, type FileLockOptions } from './file-lock.js';
export { readConfigFile } from './read-config-file.js';
export { loginSettings } from './login-settings.js';
export { saveLogin } from './save-login.js';
