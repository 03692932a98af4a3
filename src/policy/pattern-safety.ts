/**
 * A `ticketPattern` is written by an administrator but runs on text anyone can put in a request
 * (docs/threat-model.md case 40). JavaScript regular expressions backtrack, and a repeated group that
 * can itself match in several ways, such as ^(a+)+$ or ^(a|aa)*$, takes exponential time on a
 * crafted ticket: the check would hang the validate job and every grant and sweep that reads the
 * request. Node has no time limit for a match, so such patterns are refused when the policy loads.
 *
 * The rule is deliberately simple and conservative: a group repeated without bound (*, +, {n,} or
 * {n,m} with m > 1) must not contain a repetition or an alternation. Ticket patterns need neither
 * (e.g. ^(INC|CHG)-[0-9]+$ repeats only a character class).
 */

/** Why the pattern could backtrack catastrophically, or undefined when it cannot. */
export function backtrackingRisk(source: string): string | undefined {
  // For each open group: whether it contains a repetition or an alternation so far.
  const stack: GroupSoFar[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === ')') {
      const risk = closeGroup(source, i, stack);
      if (risk) return risk;
    } else noteInGroup(source, i, stack);
  }
  return undefined;
}

interface GroupSoFar {
  repeats: boolean;
  alternates: boolean;
}

/** An opening bracket, an alternative, or a repetition inside the innermost open group. */
function noteInGroup(source: string, i: number, stack: GroupSoFar[]): void {
  const c = source[i]!;
  const inner = stack[stack.length - 1];
  if (c === '(') stack.push({ repeats: false, alternates: false });
  else if (c === '|' && inner) inner.alternates = true;
  else if ((c === '*' || c === '+' || c === '{') && inner && repetitionAt(source, i).unbounded) inner.repeats = true;
}

/** A group closes: risky when it repeats or alternates inside and is itself repeated without bound. */
function closeGroup(source: string, i: number, stack: GroupSoFar[]): string | undefined {
  const group = stack.pop();
  const outer = repetitionAt(source, i + 1);
  if (group && outer.unbounded && (group.repeats || group.alternates)) {
    return `a group that ${group.repeats ? 'repeats inside' : 'has alternatives'} is itself repeated ("${source.slice(0, i + 1 + outer.length)}")`;
  }
  if (stack.length > 0 && (group?.repeats || outer.unbounded)) stack[stack.length - 1]!.repeats = true;
  return undefined;
}

/** The repetition operator at `at`, if any: whether it repeats without a small bound, and its length. */
function repetitionAt(source: string, at: number): { unbounded: boolean; length: number } {
  const c = source[at];
  if (c === '*' || c === '+') return { unbounded: true, length: source[at + 1] === '?' ? 2 : 1 };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(at));
    if (m) return { unbounded: m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1), length: m[0].length };
  }
  return { unbounded: false, length: 0 };
}
