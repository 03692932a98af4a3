/**
 * Many git objects through one `git cat-file --batch` process instead of three processes per file:
 * the sweep reads every request on the default branch and earlier versions of some, and a process
 * per read costs ~15 ms each (100,000 reads would take most of an hour). Object names are written to
 * its standard input, never to a command line or a shell.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from './error.ts';

export interface GitObject {
  oid: string;
  type: string;
  size: number;
  /** Undefined when larger than the reader's limit (the object is skipped, not buffered). */
  bytes?: Uint8Array;
}

interface Pending {
  resolve: (o: GitObject | undefined) => void;
  reject: (e: Error) => void;
}

export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private stderr = '';
  private closed = false;
  private readonly limit: number;

  /** Bytes of an object over the limit still to be passed over (read from git, never kept). */
  private skipping = 0;
  private readonly shared: boolean;

  /**
   * `shared`: one reader for a whole run, which its users' close() leaves open; while nothing is asked
   * of it, it does not keep the process alive (git ends when the process does and its input closes).
   */
  constructor(cwd: string, options: { limit?: number; shared?: boolean } = {}) {
    this.limit = options.limit ?? 8 * 1024 * 1024;
    this.shared = options.shared ?? false;
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    this.child.stdout.on('data', (chunk: Buffer) => {
      if (this.skipping > 0) {
        const passed = Math.min(this.skipping, chunk.length);
        this.skipping -= passed;
        chunk = chunk.subarray(passed);
      }
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    // The last of what git said, for the message of a later failure (a run-long reader is told many things).
    this.child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-2000)));
    this.child.on('close', (code) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(['cat-file', '--batch'], this.stderr || 'git cat-file ended', code ?? undefined));
    });
    // git could not be started (not on PATH, out of processes): every read fails with that, as a GitError.
    this.child.on('error', (error) => {
      this.closed = true;
      for (const p of this.queue.splice(0)) p.reject(new GitError(['cat-file', '--batch'], error.message, undefined));
    });
    this.child.stdin.on('error', () => undefined);
    if (this.shared) this.hold(false);
  }

  /** Whether a name can be asked for through the batch protocol (no newline, no carriage return). */
  static answers(spec: string): boolean {
    return !/[\r\n]/.test(spec);
  }

  /** Whether the git process has ended (a shared reader is then replaced). */
  get ended(): boolean {
    return this.closed;
  }

  /** A shared reader keeps the process alive only while an answer is awaited. */
  private hold(waiting: boolean): void {
    // The pipes are sockets (ref/unref), though typed as plain streams.
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as { ref(): void; unref(): void }[]) {
      if (waiting) handle.ref();
      else handle.unref();
    }
  }

  /** An object by name (`<commit>:<path>`, an oid), or undefined when it does not exist. */
  read(spec: string): Promise<GitObject | undefined> {
    if (this.closed) return Promise.reject(new GitError(['cat-file', '--batch'], 'the reader is closed', undefined));
    // The batch protocol is line-based (and drops a carriage return ending a line): a name with either
    // cannot be asked for here. Callers that may hold such a name ask git on its command line (answers()).
    if (!CatFile.answers(spec)) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      if (this.shared && this.queue.length === 0) this.hold(true);
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  private drain(): void {
    this.answer();
    if (this.shared && this.queue.length === 0) this.hold(false);
  }

  private answer(): void {
    while (this.queue.length > 0 && this.skipping === 0) {
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const [oid, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (size > this.limit) {
        // Over the limit: answered at once without its bytes, which are passed over as they arrive.
        const held = this.buffer.length - (eol + 1);
        this.skipping = Math.max(0, size + 1 - held);
        this.buffer = this.buffer.subarray(Math.min(this.buffer.length, eol + 1 + size + 1));
        this.queue.shift()!.resolve({ oid: oid!, type: type!, size });
        continue;
      }
      if (this.buffer.length < eol + 1 + size + 1) return;
      const body = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift()!.resolve({ oid: oid!, type: type!, size, bytes: Uint8Array.from(body) });
    }
  }

  /** Ends the git process; a shared reader's users leave it to the end of the run. */
  close(): void {
    if (!this.closed && !this.shared) this.child.stdin.end();
  }
}

/**
 * Blob ids at `<commit>:<path>` specs, read from the checkout where it has the commit (a merge commit
 * brings its pull request's head); the specs it cannot answer are returned for GitHub to answer.
 */
export async function localBlobs(reader: CatFile, specs: readonly string[]): Promise<{ local: Map<string, string | null>; remote: string[] }> {
  const local = new Map<string, string | null>();
  const remote: string[] = [];
  for (const spec of new Set(specs)) {
    const commit = spec.slice(0, spec.indexOf(':'));
    if (await reader.read(commit)) local.set(spec, (await reader.read(spec))?.oid ?? null);
    else remote.push(spec);
  }
  return { local, remote };
}
