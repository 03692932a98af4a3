/** One request file's verdict: everything validate knows about it, for every front door to report. */
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { contentOrDiagnostic, type FileContent } from '../repo/files.ts';
import { REQUEST_LIMITS } from '../yaml/safe-load.ts';
import { parseRequest, type AccessRequest } from './request.ts';
import { checkRequest, type RuleContext } from './rules.ts';

export interface RequestVerdict {
  file: string;
  request?: AccessRequest;
  diagnostics: Diagnostic[];
  valid: boolean;
}

/**
 * `config`: the policy and identities in force; an AccessConfig is passed, but only these two are
 * read, and naming no more keeps request/ below config/ (which uses request/'s paths). `landedAt`: when
 * this version merged (a `duration:` counts from it); before a merge, now.
 */
export function judgeRequest(
  file: string,
  content: FileContent | undefined,
  config: Pick<RuleContext, 'policy' | 'identities'>,
  now: number,
  timing: RuleContext['timing'] = 'strict',
  landedAt = now,
): RequestVerdict {
  const bytes = contentOrDiagnostic(file, content, REQUEST_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return { file, diagnostics: [bytes], valid: false };
  const parsed = parseRequest(file, bytes, landedAt, new Set(config.policy.groups.keys()));
  const diagnostics = [...parsed.diagnostics];
  if (parsed.request) {
    // A value the schema already refused gets no second message from the policy's rules.
    const refused = parsed.refused ?? new Set<string>();
    const rules = checkRequest(parsed.request, { policy: config.policy, identities: config.identities, now, timing });
    diagnostics.push(...rules.filter((d) => !refused.has(`${d.line}:${d.column}`)));
  }
  return {
    file,
    ...(parsed.request ? { request: parsed.request } : {}),
    diagnostics,
    valid: parsed.request !== undefined && !hasErrors(diagnostics),
  };
}

export function addDiagnostics(verdict: RequestVerdict, more: Diagnostic[]): RequestVerdict {
  const diagnostics = [...verdict.diagnostics, ...more];
  return { ...verdict, diagnostics, valid: verdict.valid && !hasErrors(more) };
}
