/**
 * rclone's ordered rule lists (its `Filter.Add`): every rule goes to the file rules, the folder
 * rules, or both, and the first rule that matches a path decides. A rule ending in `/` is a folder
 * rule (excluding `dir/` also excludes everything below it: `dir/**`); a rule with `**` is both;
 * an include rule also lets a walk into the folders it needs (folder-globs.ts).
 */
import { PCloudError } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import { folderGlobsOf } from './folder-globs.js';
import { fileMatcher, folderMatcher, type PathMatcher } from './glob-matcher.js';
import { GlobSyntaxError } from './glob-syntax.js';

/** One rule as given; `origin` says where (`--exclude`, `--filter-from rules.txt line 3`) for errors. */
export interface RuleSource {
  include: boolean;
  glob: string;
  origin: string;
}

/** A rule, or `!` in a filter list: forget every rule before it. */
export type RuleEntry = RuleSource | 'clear';

/** A compiled rule: include or exclude what it matches. */
export interface CompiledRule {
  include: boolean;
  matches: PathMatcher;
}

/** The rules for files and for folders, each in the order they apply. */
export interface RuleLists {
  files: CompiledRule[];
  folders: CompiledRule[];
}

function add(lists: RuleLists, include: boolean, glob: string): void {
  let folderRule = glob.endsWith('/');
  let fileRule = !folderRule;
  const pattern = folderRule && !include ? `${glob}**` : glob;
  if (pattern.includes('**')) {
    folderRule = true;
    fileRule = true;
  }
  if (fileRule) {
    lists.files.push({ include, matches: fileMatcher(pattern) });
    // An exclude rule rules no folder out, except `*`, which matches every file everywhere.
    if (include || pattern === '*') {
      for (const folderGlob of folderGlobsOf(pattern)) lists.folders.push({ include, matches: folderMatcher(folderGlob) });
    }
  }
  if (folderRule) lists.folders.push({ include, matches: folderMatcher(pattern) });
}

/** Compiles rules in order; a bad pattern is a USAGE_ERROR naming it and where it came from. */
export function compileRules(entries: readonly RuleEntry[]): RuleLists {
  let lists: RuleLists = { files: [], folders: [] };
  for (const entry of entries) {
    if (entry === 'clear') {
      lists = { files: [], folders: [] };
      continue;
    }
    try {
      add(lists, entry.include, entry.glob);
    } catch (error) {
      if (!(error instanceof GlobSyntaxError)) throw error;
      throw new PCloudError('USAGE_ERROR', `${entry.origin}: bad pattern "${escapeControl(entry.glob)}": ${error.message}`);
    }
  }
  return lists;
}

/** What the first matching rule says about `path`; included when none matches. */
export function firstMatch(rules: readonly CompiledRule[], path: string): boolean {
  for (const rule of rules) if (rule.matches(path)) return rule.include;
  return true;
}

/** A line of a filter list or a `--filter` value: `+ PATTERN`, `- PATTERN` or `!`. */
export function parseFilterRule(text: string, origin: string): RuleEntry {
  if (text === '!') return 'clear';
  if (text.startsWith('+ ') || text.startsWith('- ')) return { include: text[0] === '+', glob: text.slice(2), origin };
  throw new PCloudError('USAGE_ERROR', `${origin}: "${escapeControl(text)}" is not a rule: write "+ PATTERN", "- PATTERN" or "!"`);
}
