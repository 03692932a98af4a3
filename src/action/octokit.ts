/**
 * The action's Octokit: @actions/github's getOctokit (the runner's proxy settings and user agent), with
 * the same retry and throttling plugins and rules as the command line's @octokit/rest client.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { countRequests, octokitOptions, paceWrites, type GitHub } from '../github/client.ts';
import { namePermissions, type TokenOrigin } from '../github/permissions.ts';

/** `origin`: which token this is (the job's or the teams App's), for the fix a refused call names. */
export function actionOctokit(token: string, baseUrl: string, origin: TokenOrigin = { kind: 'job' }): GitHub {
  return namePermissions(paceWrites(getOctokit(token, { baseUrl, ...octokitOptions() }, countRequests as never, retry, throttling)), origin);
}
