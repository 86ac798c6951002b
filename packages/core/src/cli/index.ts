/**
 * @pcloud/core/cli — the command-line plumbing shared by every pCloud tool: common options,
 * config precedence, login on first use, one exit-code policy. Library users never load it.
 */
export { createTool } from './create-tool.js';
export {
  defineCommand,
  defineMainCommand,
  type CommandBody,
  type CommandSpec,
  type Example,
  type MultiCommandToolSpec,
  type SingleCommandToolSpec,
  type ToolInfo,
} from './define.js';
export type { CommandContext } from './context.js';
export type { OptionArgs, OptionSpec, OptionSpecs, OptionType, PositionalArgs, PositionalSpec, PositionalSpecs } from './option-spec.js';
export { COMMON_OPTIONS, type CommonOptions } from './common-options.js';
export { coreVersion, packageVersion } from './package-version.js';
export { nodeIo, runMain, type CliIo, type RunTool, type TextSink } from './io.js';
export type { Output } from './output.js';
export { EXIT } from './exit-policy.js';
export { describeOutage, reportReachability, waitingStatus, type ReachabilityView } from './reachability-report.js';
// The sentence tools put in their help: from here, `--help` loads none of the client.
export { oauthRefused } from '../api/oauth-refusal.js';
