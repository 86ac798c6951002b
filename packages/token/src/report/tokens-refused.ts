/** What `listtokens` and `deletetoken` are refused to an OAuth access token, in core's sentence (help and errors share it). */
export const TOKENS_REFUSED = 'list or delete login tokens';
