/** @pcloud/emulator — a faithful local pCloud server for offline tests. */
export {};
