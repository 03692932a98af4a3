/** The action's inputs and environment, read in one place into one typed object. */
import * as core from '@actions/core';
import { ConfigError } from '../diagnostics.ts';

export const COMMANDS = ['validate'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Settings {
  command: Command;
  workspace: string;
  eventName: string;
  eventPath: string | undefined;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const command = core.getInput('command', { required: true }).trim();
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigError(`the input "command" is "${command}"; this version of the action supports: ${COMMANDS.join(', ')}.`);
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) throw new ConfigError('GITHUB_WORKSPACE is not set; run the action after actions/checkout in a GitHub Actions job.');
  return {
    command: command as Command,
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH,
  };
}
