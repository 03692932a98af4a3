/**
 * Azure ABAC conditions on role assignments, the part that delegates role assignment management
 * ("Delegate Azure role assignment management to others with conditions"; "Examples to delegate ...";
 * "Authorization actions and attributes"): conditionVersion 2.0, expressions of
 *   !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})  (or .../delete)
 *   @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {id, ...}
 *   @Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'User'}
 * joined with AND, OR and parentheses. Written for the twin from those pages, independently of the
 * product's own generator, so that a condition the product writes is checked by a second reader. A
 * condition the twin cannot read allows nothing (the write or delete answers 403).
 */

export type ConditionAction = 'write' | 'delete';

/** What ARM evaluates a condition against: the action, and the assignment's attributes (the request's for write, the existing one's for delete). */
export interface ConditionContext {
  action: ConditionAction;
  attributes: { RoleDefinitionId: string; PrincipalType: string; PrincipalId: string };
}

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node }
  | { kind: 'action'; action: string }
  | { kind: 'compare'; source: 'Request' | 'Resource'; attribute: string; operator: string; values: string[] };

const TOKEN =
  /\s*(\(|\)|!|AND\b|OR\b|ActionMatches\{'[^']*'\}|@(?:Request|Resource)\[[^\]]+\]|ForAnyOfAnyValues:[A-Za-z]+|GuidEquals|StringEqualsIgnoreCase|StringEquals|\{[^}]*\})/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read the condition at character ${at}: ${text.slice(at, at + 40)}`);
    out.push(m[1]!);
    at = TOKEN.lastIndex;
  }
  return out;
}

/** Parses a condition; throws with what it could not read. */
export function parseCondition(text: string): Node {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t} in the condition`);
  };
  const primary = (): Node => {
    const t = next();
    if (t === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (t === '!') {
      expect('(');
      const inner = or();
      expect(')');
      return { kind: 'not', inner };
    }
    if (t?.startsWith('ActionMatches{')) return { kind: 'action', action: t.slice("ActionMatches{'".length, -2) };
    const attr =
      t !== undefined ? /^@(Request|Resource)\[Microsoft\.Authorization\/roleAssignments:(RoleDefinitionId|PrincipalType|PrincipalId)\]$/.exec(t) : null;
    if (attr) {
      const operator = next() ?? '';
      if (!/^(ForAnyOfAnyValues:(GuidEquals|StringEqualsIgnoreCase|StringEquals)|GuidEquals|StringEqualsIgnoreCase|StringEquals)$/.test(operator))
        throw new Error(`the operator ${operator} is not one the twin knows`);
      const set = next() ?? '';
      if (!set.startsWith('{')) throw new Error('expected a set of values {...}');
      const values = set
        .slice(1, -1)
        .split(',')
        .map((v) => v.trim().replace(/^'(.*)'$/, '$1'))
        .filter((v) => v !== '');
      return { kind: 'compare', source: attr[1] as 'Request' | 'Resource', attribute: attr[2]!, operator, values };
    }
    throw new Error(`unexpected ${t ?? 'end'} in the condition`);
  };
  const and = (): Node => {
    let left = primary();
    while (peek() === 'AND') {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek() === 'OR') {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const root = or();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in the condition`);
  return root;
}

const ACTIONS: Record<ConditionAction, string> = {
  write: 'microsoft.authorization/roleassignments/write',
  delete: 'microsoft.authorization/roleassignments/delete',
};

/** Whether the condition allows the action. @Request attributes exist for write, @Resource ones for delete; a missing one is false. */
export function conditionAllows(node: Node, ctx: ConditionContext): boolean {
  switch (node.kind) {
    case 'and':
      return conditionAllows(node.left, ctx) && conditionAllows(node.right, ctx);
    case 'or':
      return conditionAllows(node.left, ctx) || conditionAllows(node.right, ctx);
    case 'not':
      return !conditionAllows(node.inner, ctx);
    case 'action':
      return node.action.toLowerCase() === ACTIONS[ctx.action];
    case 'compare': {
      const present = (node.source === 'Request' && ctx.action === 'write') || (node.source === 'Resource' && ctx.action === 'delete');
      const raw = present ? ctx.attributes[node.attribute as keyof ConditionContext['attributes']] : '';
      if (!raw) return false;
      const value = node.attribute === 'RoleDefinitionId' ? (/([0-9a-f-]{36})$/i.exec(raw)?.[1] ?? raw) : raw;
      const ignoreCase = node.operator.includes('IgnoreCase') || node.operator.includes('Guid');
      return node.values.some((v) => (ignoreCase ? v.toLowerCase() === value.toLowerCase() : v === value));
    }
  }
}
