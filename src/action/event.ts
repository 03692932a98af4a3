/**
 * The parts of the workflow event the action uses, from @actions/github's context (which reads
 * GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH), checked rather than trusted to have a shape.
 */
import { context } from '@actions/github';
import { ConfigError } from '../diagnostics.ts';

export interface PullRequestEvent {
  kind: 'pull_request';
  number: number;
  author: string;
  base: string;
  head: string;
}

export interface PushEvent {
  kind: 'push';
  before: string;
  after: string;
  ref: string;
  defaultBranch: string;
  owner: string;
  repo: string;
}

export interface OtherEvent {
  kind: 'other';
  name: string;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

/** The payload the runner wrote; an event that needs one and has none is a configuration error. */
function payloadOf(name: string): unknown {
  if (!process.env.GITHUB_EVENT_PATH || Object.keys(context.payload).length === 0) {
    throw new ConfigError(
      `the ${name} event has no payload (GITHUB_EVENT_PATH${process.env.GITHUB_EVENT_PATH ? ` is ${process.env.GITHUB_EVENT_PATH}, which could not be read` : ' is not set'}); the action must run inside a GitHub Actions job.`,
    );
  }
  return context.payload;
}

export function readEvent(name: string = context.eventName): PullRequestEvent | PushEvent | OtherEvent {
  if (name === 'push') return readPush(payloadOf(name));
  if (name !== 'pull_request' && name !== 'pull_request_target') return { kind: 'other', name };
  const payload = payloadOf(name);
  const pr = (payload as { pull_request?: Record<string, unknown> } | null)?.pull_request;
  const number = pr?.number;
  const author = (pr?.user as { login?: unknown } | undefined)?.login;
  const base = (pr?.base as { sha?: unknown } | undefined)?.sha;
  const head = (pr?.head as { sha?: unknown } | undefined)?.sha;
  if (typeof number !== 'number' || typeof author !== 'string' || typeof base !== 'string' || typeof head !== 'string') {
    throw new ConfigError(`the ${name} event payload has no pull_request with number, user.login, base.sha and head.sha.`);
  }
  if (!SHA.test(base) || !SHA.test(head)) throw new ConfigError('the event payload has a malformed base or head commit id.');
  if (!LOGIN.test(author)) throw new ConfigError(`the event payload names a malformed author login ${JSON.stringify(author)}.`);
  return { kind: 'pull_request', number, author, base, head };
}

function readPush(payload: unknown): PushEvent {
  const p = (payload ?? {}) as {
    before?: unknown;
    after?: unknown;
    ref?: unknown;
    repository?: { name?: unknown; default_branch?: unknown; owner?: { login?: unknown; name?: unknown } };
  };
  const owner = p.repository?.owner?.login ?? p.repository?.owner?.name;
  const { before, after, ref } = p;
  const defaultBranch = p.repository?.default_branch;
  const repo = p.repository?.name;
  if (
    typeof before !== 'string' ||
    typeof after !== 'string' ||
    typeof ref !== 'string' ||
    typeof defaultBranch !== 'string' ||
    typeof owner !== 'string' ||
    typeof repo !== 'string'
  ) {
    throw new ConfigError('the push event payload lacks before, after, ref or repository (name, owner, default_branch).');
  }
  if (!SHA.test(before) || !SHA.test(after)) throw new ConfigError('the push event payload has a malformed before or after commit id.');
  return { kind: 'push', before, after, ref, defaultBranch, owner, repo };
}
