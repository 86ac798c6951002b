/** Methods about accounts, tokens, OAuth and collections; registered by the method table. */
import type { MethodSpec } from '../api/types.js';

export const identityMethods: MethodSpec[] = [];
