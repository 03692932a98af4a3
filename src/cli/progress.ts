/**
 * Progress on long network work. A sweep over a thousand requests or an evidence export reads GitHub
 * and Graph for a while; without a sign of life a person cannot tell slow from stuck. Every request the
 * process makes is counted where Node makes it (fetch, which Octokit and the Graph client use, and the
 * http module, which @azure/identity uses), named by the service it went to, so no command has to
 * report its own steps and none can forget to.
 *
 * On a terminal, one line on stderr is rewritten in place and erased at the end; with --progress (as
 * git's option: when stderr is not a terminal, e.g. in a log) a line every few seconds and a last line
 * with the totals. --no-progress turns it off. Standard output is never touched.
 */
import dc from 'node:diagnostics_channel';
import { CLOUDS } from '../entra/cloud.ts';

export type ProgressMode = 'terminal' | 'lines' | 'off';

/** The services a request can go to, by URL prefix; the first that matches names it. */
export interface ServiceUrl {
  name: string;
  url: string;
}

/** Microsoft's and GitHub's public hosts, then the URLs the command was given (the twin, GHES, a national cloud). */
export function serviceUrls(argv: readonly string[], env: NodeJS.ProcessEnv): ServiceUrl[] {
  const given = (option: string): string | undefined => {
    const i = argv.findIndex((a) => a === option || a.startsWith(`${option}=`));
    if (i < 0) return undefined;
    return argv[i]!.includes('=') ? argv[i]!.slice(option.length + 1) : argv[i + 1];
  };
  const out: ServiceUrl[] = [];
  const add = (name: string, url: string | undefined) => {
    if (url && /^https?:\/\//.test(url)) out.push({ name, url: url.replace(/\/+$/, '') });
  };
  add('GitHub', env.GITHUB_API_URL);
  add('Graph', given('--graph-endpoint'));
  add('sign-in', given('--authority-host') ?? env.AZURE_AUTHORITY_HOST);
  add('Azure Resource Manager', given('--arm-endpoint'));
  add('GitHub', 'https://api.github.com');
  for (const cloud of Object.values(CLOUDS)) {
    add('Graph', cloud.graphEndpoint);
    add('sign-in', cloud.authorityHost);
    add('Azure Resource Manager', cloud.armEndpoint);
  }
  return out;
}

/** The service a URL belongs to: the longest matching prefix, else its host. */
export function serviceOf(url: string, services: readonly ServiceUrl[]): string {
  let best: ServiceUrl | undefined;
  for (const s of services) {
    const matches = url === s.url || url.startsWith(`${s.url}/`) || url.startsWith(`${s.url}?`);
    if (matches && (!best || s.url.length > best.url.length)) best = s;
  }
  if (best) return best.name;
  try {
    return new URL(url).host;
  } catch {
    return 'other';
  }
}

/** "GitHub 37, Graph 12, sign-in 1": the counts in the order the services were first asked. */
export function countsLine(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

export interface ProgressOptions {
  mode: ProgressMode;
  services: readonly ServiceUrl[];
  /** Writes to stderr as is (no newline added). */
  write: (text: string) => void;
  now: () => number;
  /** Seconds between lines with --progress; the terminal line is redrawn twice a second. */
  everySeconds?: number;
}

export interface NetworkWatch {
  /** Erases the live line before anything else is written (it is redrawn at the next tick). */
  clear: () => void;
  /** Stops counting: erases the terminal line, or prints the totals. */
  stop: () => void;
}

/** Starts counting requests. */
export function watchNetwork(options: ProgressOptions): NetworkWatch {
  if (options.mode === 'off') return { clear: () => undefined, stop: () => undefined };
  const counts = new Map<string, number>();
  const started = options.now();
  const seen = (url: string) => {
    const name = serviceOf(url, options.services);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  const onFetch = (message: unknown) => {
    const request = (message as { request?: { origin?: unknown; path?: unknown } }).request;
    if (request && typeof request.origin === 'string') seen(`${request.origin}${typeof request.path === 'string' ? request.path : ''}`);
  };
  const onHttp = (message: unknown) => {
    const request = (message as { request?: { protocol?: unknown; host?: unknown; path?: unknown; getHeader?: (h: string) => unknown } }).request;
    if (!request || typeof request.host !== 'string') return;
    const hostHeader = request.getHeader?.('host');
    const host = typeof hostHeader === 'string' ? hostHeader : request.host;
    seen(`${typeof request.protocol === 'string' ? request.protocol : 'https:'}//${host}${typeof request.path === 'string' ? request.path : ''}`);
  };
  dc.subscribe('undici:request:create', onFetch);
  dc.subscribe('http.client.request.start', onHttp);
  const seconds = () => ((options.now() - started) / 1000).toFixed(1);
  let drawn = false;
  const draw = () => {
    if (counts.size === 0) return;
    if (options.mode === 'terminal') {
      options.write(`\r\x1b[K… ${seconds()} s: ${countsLine(counts)} requests`);
      drawn = true;
    } else options.write(`… ${seconds()} s: ${countsLine(counts)} requests so far\n`);
  };
  const timer = setInterval(draw, options.mode === 'terminal' ? 500 : (options.everySeconds ?? 5) * 1000);
  timer.unref();
  const clear = () => {
    if (drawn) options.write('\r\x1b[K');
    drawn = false;
  };
  return {
    clear,
    stop: () => {
      clearInterval(timer);
      dc.unsubscribe('undici:request:create', onFetch);
      dc.unsubscribe('http.client.request.start', onHttp);
      clear();
      if (options.mode === 'lines' && counts.size > 0) options.write(`Network: ${countsLine(counts)} requests in ${seconds()} s.\n`);
    },
  };
}

/** --progress / --no-progress anywhere in the arguments, taken out; else a terminal gets the live line. */
export function progressMode(argv: readonly string[], stderrIsTerminal: boolean, env: NodeJS.ProcessEnv): { mode: ProgressMode; rest: string[] } {
  const rest = argv.filter((a) => a !== '--progress' && a !== '--no-progress');
  const last = [...argv].reverse().find((a) => a === '--progress' || a === '--no-progress');
  if (last === '--progress') return { mode: 'lines', rest };
  if (last === '--no-progress' || env.CI === 'true' || env.TERM === 'dumb') return { mode: 'off', rest };
  return { mode: stderrIsTerminal ? 'terminal' : 'off', rest };
}
