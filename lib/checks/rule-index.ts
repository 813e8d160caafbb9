import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ResourceLookup, TfResource } from './tf-value';

type Json = Record<string, unknown>;

/**
 * Every resource of one stack's Terraform JSON, by address and by type, each tied to the construct
 * that declares it. Cloud-neutral: each cloud builds the relations its rules need on top of it
 * (see `CloudChecks.buildIndex`). Built once per stack and check, in time linear in the resources.
 */
export class RuleIndex implements ResourceLookup {
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byType = new Map<string, TfResource[]>();

  /**
   * @param stack the stack the JSON belongs to
   * @param terraformJson the stack's Terraform JSON (`stack.toTerraform()` or the synthesized file)
   * @param nounOf how messages name a resource type (`aws_network_interface` -> `eni`)
   */
  constructor(public readonly stack: TerraformStack, terraformJson: Json, nounOf: (type: string) => string | undefined = () => undefined) {
    const constructs = constructsByAddress(stack);
    const resources = (terraformJson.resource ?? {}) as Record<string, Record<string, Json>>;
    for (const [type, byName] of Object.entries(resources)) {
      const noun = nounOf(type) ?? type;
      for (const [name, body] of Object.entries(byName ?? {})) {
        // A raw override can put anything here; only objects are resources.
        if (body === null || typeof body !== 'object' || Array.isArray(body)) continue;
        const address = `${type}.${name}`;
        const construct = constructs.get(address);
        const path = construct ? relativePath(stack, construct) : address;
        const resource = new TfResource(type, name, body, this, construct ?? stack, path, noun);
        this.byAddress.set(address, resource);
        const list = this.byType.get(type) ?? [];
        list.push(resource);
        this.byType.set(type, list);
      }
    }
  }

  /** The resource at a Terraform address (`aws_subnet.app`). */
  public resourceAt(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  /** Every resource of a type, in the order of the Terraform JSON. */
  public resources(type: string): TfResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Whether the stack has a resource whose type starts with `prefix` (`aws_`). */
  public hasResourcesOf(prefix: string): boolean {
    for (const type of this.byType.keys()) if (type.startsWith(prefix)) return true;
    return false;
  }
}

function constructsByAddress(stack: TerraformStack): Map<string, IConstruct> {
  const map = new Map<string, IConstruct>();
  for (const construct of stack.node.findAll()) {
    if (TerraformResource.isTerraformResource(construct)) {
      map.set(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
    }
  }
  return map;
}

function relativePath(stack: TerraformStack, construct: IConstruct): string {
  const prefix = `${stack.node.path}/`;
  return construct.node.path.startsWith(prefix) ? construct.node.path.slice(prefix.length) : construct.node.path;
}
