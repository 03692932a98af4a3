/**
 * The action's Octokit: @actions/github's getOctokit (the runner's proxy settings and user agent), with
 * the same retry and throttling plugins and rules as the command line's @octokit/rest client.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { octokitOptions, paceWrites, type GitHub } from '../github/client.ts';

export function actionOctokit(token: string, baseUrl: string): GitHub {
  return paceWrites(getOctokit(token, { baseUrl, ...octokitOptions() }, retry, throttling));
}
