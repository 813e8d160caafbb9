import { PolicyStatement } from '../../../../lib/aws/failover/agent-policy';

/** Statements with an action that changes something and a resource that is, or ends in, a wildcard. */
export function wildcardMutations(statements: PolicyStatement[]): PolicyStatement[] {
  const mutating = (action: string) => !/^ec2:(Describe|Get|List)/.test(action);
  const resources = (s: PolicyStatement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
  return statements.filter((s) => s.Action.some(mutating) && resources(s).some((r) => r === '*' || r.endsWith('/*')));
}
