/**
 * A GitHub GraphQL request checked against GitHub's published schema (@octokit/graphql-schema): the
 * document validates (graphql-js `validate`, the rules every GraphQL server applies), it names one
 * operation to run, and its variables are values of the types the operation declares.
 */
import { getVariableValues, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { githubSchema } from '../../scripts/twin/graphql.ts';
import type { LoggedCall } from '../../scripts/twin/call-log.ts';

export function checkGraphql(call: LoggedCall): string[] {
  if (call.method !== 'POST') return [`${call.method} /graphql: GitHub's GraphQL endpoint takes POST ("Forming calls with GraphQL")`];
  const body = call.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (typeof body?.query !== 'string') return ['POST /graphql without a "query" document'];
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return [`GraphQL document does not parse: ${(error as Error).message}`];
  }
  const schema = githubSchema();
  const errors = validate(schema, document).map((e) => `GraphQL: ${e.message}`);
  if (errors.length > 0) return errors;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === body.operationName);
  if (!chosen) return ['GraphQL: the document has several operations and "operationName" names none of them'];
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, chosen.variableDefinitions ?? [], variables);
  const problems = (coerced.errors ?? []).map((e) => `GraphQL variables: ${e.message}`);
  const declared = new Set((chosen.variableDefinitions ?? []).map((d) => d.variable.name.value));
  for (const name of Object.keys(variables)) if (!declared.has(name)) problems.push(`GraphQL variable "${name}" is sent but not declared by the operation`);
  return problems;
}
