import { Fn, Token } from 'cdktf';
import { isListToken } from '../os/list-template';

/**
 * The security groups a pattern creates for an interface followed by the ones the user added.
 * A list known only at deploy time (`TerraformVariable.listValue`, a resource's list attribute)
 * cannot be spread into a literal list: cdktf refuses to add elements to a list token when it
 * synthesizes. Such a list is joined by Terraform instead, with `concat(...)`.
 */
export function withSecurityGroupIds(created: string[], added: string[] | undefined): string[] {
  if (added === undefined) return created;
  if (!isListToken(added)) return [...created, ...added];
  return created.length === 0 ? added : Token.asList(Fn.concat([created, added]));
}
