/** Local paths as a user writes them: a leading `~` for a home folder. */
export * from './expand-home.js';
export * from './user-home.js';
