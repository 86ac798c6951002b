/** @pcloud/emulator — a faithful local pCloud server for offline tests. */
export { createEmulator } from './create-emulator.js';
export type { Emulator, EmulatorOptions } from './emulator-options.js';
export { createDispatcher, type Dispatcher, type DispatchOutcome, type DispatchRequest } from './api/dispatcher.js';
export { createMethodTable } from './api/method-table.js';
export { ApiDate, apiDate } from './api/api-date.js';
export { Faults, type FaultOptions, type FaultRule, type FaultTally } from './faults.js';
export type { CallLimitOptions } from './call-limit.js';
export { EmulatorState, type EmulatorStateOptions } from './state/emulator-state.js';
export { ApiFailure } from './api/api-failure.js';
export * from './api/types.js';
export { DEMO_APP, FOLDER_APP, type IdentitySeedOptions, type SeededIdentity } from './state/identity-seed.js';
export type { Account, AccessScope, Caller, OAuthApp, Token } from './state/identity-types.js';
export { passwordDigest } from './state/login-guard.js';
export { createThrowawayCertificate, type ThrowawayCertificate } from './tls.js';
export { approveInBrowser, requestPage, shownCode, submitConsent, type PageResponse } from './consent-robot.js';
