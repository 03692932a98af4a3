/**
 * Remembered facts (docs/threat-model.md 58; shared THREATS 57): what GitHub said about a landing
 * commit's merged pull request, kept so that the next run need not ask again. A run then costs what
 * changed, not what exists.
 *
 * Only facts that cannot change once the pull request merged are kept: the pull request that merged
 * the landing commit, its approved head, author, commits, files and the reviews given before the
 * merge, and the blobs at its head; and whether each requester was a member of the teams their group's
 * `requesters` name when the request was first verified: a verdict fixed when given, like an approval
 * (docs/threat-model.md 22), so a run pays for the requesters it judges anew, never for the size of a
 * team. Everything else that can change is still read at every run (the rulesets, who each requester
 * is in Entra) and every rule is judged again from the facts, so a remembered entry never decides
 * anything by itself.
 *
 * Entries live on the branch `access-as-code/memory` of the access repository, one file per landing
 * commit. Anyone who can push could write there, so an entry counts only when it carries a MAC made
 * with the memory key, a secret of the protected environment that only the grant and sweep jobs can
 * read; the MAC covers the repository, the landing commit (the file's path) and the facts. A forged,
 * moved, corrupt or foreign entry is ignored and the facts are read from GitHub again: it costs a
 * re-read, never a grant. Nothing is remembered without a key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CatFile } from '../git/cat-file.ts';
import type { Git } from '../git/git.ts';
import type { PullFacts, PullRef } from '../github/graphql.ts';

export const MEMORY_BRANCH = 'access-as-code/memory';
/** A key shorter than this is refused: a guessable key would let anyone who can push forge entries. */
export const MEMORY_KEY_MIN_LENGTH = 32;
const FORMAT = 'access-as-code memory v1';
const SHA = /^[0-9a-f]{40}$/;

export interface MemoryKey {
  /** The secret the MACs are made with. */
  key: string;
  /** "owner/name": an entry copied from another repository's memory does not count here. */
  repository: string;
}

/** The immutable GitHub facts about one landing commit. */
export interface Remembered {
  landing: string;
  /** The merged pull request the landing commit was judged by (as GitHub associated it). */
  chosen: PullRef;
  pull: PullFacts;
  /** Blob ids at `<head>:<path>` of the request files it landed (null: the head does not hold it). */
  blobs: Record<string, string | null>;
  /** "org/slug:login" -> whether the requester was a member of that requester team when first verified (absent in older entries: asked again). */
  teams?: Record<string, boolean>;
}

export interface SealedFile {
  path: string;
  content: string;
}

/** Entries written in one commit (about 1.3 MB); a run writes as many commits as it needs. */
export const MEMORY_COMMIT_FILES = 1_000;

export const entryPath = (landing: string) => `landings/${landing}.json`;

function mac(k: MemoryKey, path: string, body: string): string {
  return createHmac('sha256', k.key).update(`${FORMAT}\0${k.repository.toLowerCase()}\0${path}\0${body}`).digest('hex');
}

/** A value as the file that holds it at `path`: the JSON on the first line, its MAC on the second. */
export function sealJson(k: MemoryKey, path: string, value: object): SealedFile {
  const body = JSON.stringify({ format: FORMAT, ...value });
  return { path, content: `${body}\n${mac(k, path, body)}\n` };
}

/** The value of a file at `path` on the memory branch when its MAC is this repository's, or why not. Pure. */
export function openJson(k: MemoryKey, path: string, text: string): { value: unknown } | string {
  const [body, tag, ...rest] = text.split('\n');
  if (!body || !tag || rest.some((l) => l !== '')) return 'not a memory entry';
  const expected = Buffer.from(mac(k, path, body), 'hex');
  const given = /^[0-9a-f]{64}$/.test(tag) ? Buffer.from(tag, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return "its MAC does not match (not written by this repository's grant or sweep job, or altered since)";
  try {
    const value = JSON.parse(body) as { format?: unknown };
    return value && typeof value === 'object' && value.format === FORMAT ? { value } : 'not in the expected form';
  } catch {
    return 'not JSON';
  }
}

/** One entry as the file that holds it: the facts on the first line, their MAC on the second. */
export function sealEntry(k: MemoryKey, entry: Remembered): SealedFile {
  return sealJson(k, entryPath(entry.landing), entry);
}

/** The facts of a file from the memory branch, or why they do not count. Pure. */
export function openEntry(k: MemoryKey, landing: string, text: string): Remembered | string {
  const opened = openJson(k, entryPath(landing), text);
  if (typeof opened === 'string') return opened;
  return shapeOf(opened.value, landing) ?? 'not in the expected form';
}

/** Team verdicts of an entry, when in the expected form (else the entry stands without them, and they are asked again). */
function teamVerdicts(teams: unknown): { teams?: Record<string, boolean> } {
  return teams && typeof teams === 'object' && Object.values(teams).every((m) => typeof m === 'boolean') ? { teams: teams as Record<string, boolean> } : {};
}

function shapeOf(value: unknown, landing: string): Remembered | undefined {
  const v = value as Partial<Remembered> & { format?: unknown };
  if (!v || typeof v !== 'object' || v.format !== FORMAT || v.landing !== landing) return undefined;
  const pull = v.pull as PullFacts | undefined;
  const chosen = v.chosen as PullRef | undefined;
  if (!chosen || typeof chosen.number !== 'number' || !pull || pull.number !== chosen.number || !pull.merged || typeof pull.mergedAt !== 'string')
    return undefined;
  if (!SHA.test(pull.headRefOid) || !Array.isArray(pull.commits) || !Array.isArray(pull.reviews) || !v.blobs || typeof v.blobs !== 'object') return undefined;
  // Entries from before bots were told by type (docs/threat-model.md 67) may hold a bot's review under a
  // person's login: they are read from GitHub again.
  if (typeof pull.authorBot !== 'boolean' || !pull.reviews.every((r) => typeof (r as { bot?: unknown }).bot === 'boolean')) return undefined;
  return { landing, chosen, pull, blobs: v.blobs, ...teamVerdicts(v.teams) };
}

/** The memory branch as the checkout has it (actions/checkout with fetch-depth: 0 fetches every branch). */
export async function memoryHead(git: Git): Promise<string | undefined> {
  for (const ref of [`refs/remotes/origin/${MEMORY_BRANCH}`, `refs/heads/${MEMORY_BRANCH}`]) {
    const sha = (await git.catFile().read(`${ref}^{commit}`))?.oid;
    if (sha && SHA.test(sha)) return sha;
  }
  return undefined;
}

export interface Recall {
  /** The memory branch's commit that was read (undefined: there is none yet). */
  head: string | undefined;
  found: Map<string, Remembered>;
  /** Entries that were there and did not count, with why (each costs a re-read). */
  rejected: { landing: string; why: string }[];
  /** Every landing commit the branch holds an entry for. */
  held: Set<string>;
}

/** The names in a folder of the memory branch's commit `head` that match `name`, by its first group (no MAC checked). */
export async function memoryFolder(git: Git, head: string, folder: string, name: RegExp): Promise<string[]> {
  return [...(await memoryFolderObjects(git, head, folder, name)).keys()];
}

/**
 * The same names, each with the object id of its file. An entry read by its id costs git no look-up
 * of its path: a look-up by path reads the folder's whole tree again, so reading 10,000 entries by
 * path took git about 40 s (the square of the entries), by id a tenth of a second.
 */
async function memoryFolderObjects(git: Git, head: string, folder: string, name: RegExp): Promise<Map<string, string>> {
  const listing = (await git.tryRun(['ls-tree', `${head}:${folder}`]))?.toString('utf8') ?? '';
  const out = new Map<string, string>();
  for (const line of listing.split('\n')) {
    // "<mode> <type> <object>\t<name>"
    const tab = line.indexOf('\t');
    const oid = line.slice(0, tab).split(' ')[2];
    const m = name.exec(line.slice(tab + 1));
    if (tab > 0 && oid && m?.[1]) out.set(m[1], oid);
  }
  return out;
}

/** The entries for `landings`, read from the checkout (no GitHub request). */
export async function recall(git: Git, reader: CatFile, k: MemoryKey, landings: readonly string[]): Promise<Recall> {
  const head = await memoryHead(git);
  const out: Recall = { head, found: new Map(), rejected: [], held: new Set() };
  if (!head) return out;
  const files = await memoryFolderObjects(git, head, 'landings', /^([0-9a-f]{40})\.json$/);
  for (const landing of files.keys()) out.held.add(landing);
  for (const landing of new Set(landings)) {
    const oid = files.get(landing);
    if (!oid) continue;
    const object = await reader.read(oid);
    const opened = object?.bytes ? openEntry(k, landing, Buffer.from(object.bytes).toString('utf8')) : 'unreadable';
    if (typeof opened === 'string') out.rejected.push({ landing, why: opened });
    else out.found.set(landing, opened);
  }
  return out;
}

/** What a run writes to the memory branch: entries for what it learned, and none for landings no longer needed. */
export interface MemoryChange {
  /** The branch's commit the change builds on; GitHub refuses the write if the branch moved since. */
  expectedHead: string | undefined;
  files: SealedFile[];
  deletions: string[];
}

/**
 * The change that makes the branch hold exactly what the next run needs: entries for the landings
 * learned now, entries kept for landings still active, forged or stale entries of needed landings
 * replaced, and entries no active request needs deleted. Undefined when nothing would change. Pure.
 */
export function memoryChange(k: MemoryKey, recalled: Recall, learned: readonly Remembered[], needed: ReadonlySet<string>): MemoryChange | undefined {
  const files = learned.filter((e) => needed.has(e.landing)).map((e) => sealEntry(k, e));
  const deletions = [...recalled.held].filter((l) => !needed.has(l) && !learned.some((e) => e.landing === l)).map(entryPath);
  if (files.length === 0 && deletions.length === 0) return undefined;
  return { expectedHead: recalled.head, files, deletions };
}
