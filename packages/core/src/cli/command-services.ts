/**
 * What running a command needs beyond parsing its command line (the config store, the context
 * with its client), as one module that create-tool.ts loads once a command runs: one dynamic
 * import instead of two is one module file fewer to resolve and link on every run.
 */
export { openConfigStore } from '../config/config-store.js';
export { createContext } from './context.js';
