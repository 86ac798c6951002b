/** @pcloud/core/cli — the command-line plumbing shared by every pCloud tool. */
export {};
