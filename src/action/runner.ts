/**
 * The runner's side of the action protocol, through @actions/core: inputs, outputs, annotations, the
 * job summary, failure and the OIDC token. Two things are added on top, for reasons a user feels:
 * - `info` logs text that may come from a request file, a file name or a pull request. The runner reads
 *   any line that starts with "::" (or the older "##[") as a workflow command (docs/threat-model.md
 *   invariant 15), so such text is wrapped in ::stop-commands::, GitHub's documented way to log
 *   untrusted text: nothing between the token and its end marker is run, and the token is unguessable.
 * - `summary.write` does nothing where GITHUB_STEP_SUMMARY is not set (the action run by hand), where
 *   @actions/core would fail the whole command after its work was done.
 */
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';

export { getInput, setFailed, setOutput, getIDToken, setSecret } from '@actions/core';
export type { AnnotationProperties } from '@actions/core';

export function info(message: string): void {
  if (!message.split(/\r\n|\r|\n/).some((line) => /^\s*(?:::|##\[)/.test(line))) {
    core.info(message);
    return;
  }
  const token = `aac-${randomUUID()}`;
  core.info(`::stop-commands::${token}\n${message}\n::${token}::`);
}

export const error = (message: string, props?: core.AnnotationProperties) => core.error(message, props);
export const warning = (message: string, props?: core.AnnotationProperties) => core.warning(message, props);
export const notice = (message: string, props?: core.AnnotationProperties) => core.notice(message, props);

export const summary = {
  addHeading: (text: string, level = 1) => (core.summary.addHeading(text, level), summary),
  addTable: (rows: Parameters<typeof core.summary.addTable>[0]) => (core.summary.addTable(rows), summary),
  addList: (items: string[]) => (core.summary.addList(items), summary),
  addRaw: (text: string, addEol = false) => (core.summary.addRaw(text, addEol), summary),
  async write(): Promise<void> {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.write();
    else core.summary.emptyBuffer();
  },
};
