/** @pcloud/token — Manage pCloud credentials: list and delete tokens, log in and out, who am I. */
export {};
