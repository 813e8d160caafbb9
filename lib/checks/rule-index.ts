import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { expandInstances } from './instance-expansion';
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
  private readonly byBlock = new Map<string, TfResource[]>();
  private constructsByAddress?: Map<string, IConstruct>;

  /**
   * @param stack the stack the JSON belongs to
   * @param terraformJson the stack's Terraform JSON (`stack.toTerraform()` or the synthesized file)
   * @param nounOf how messages name a resource type (`aws_network_interface` -> `eni`)
   */
  constructor(public readonly stack: TerraformStack, terraformJson: Json, nounOf: (type: string) => string | undefined = () => undefined) {
    const stackPrefix = `${stack.node.path}/`;
    const resources = (terraformJson.resource ?? {}) as Record<string, Record<string, Json>>;
    for (const [type, byName] of Object.entries(resources)) {
      const noun = nounOf(type) ?? type;
      for (const [blockName, block] of Object.entries(byName ?? {})) {
        // A raw override can put anything here; only objects are resources.
        if (block === null || typeof block !== 'object' || Array.isArray(block)) continue;
        for (const { name, body } of expandInstances(blockName, block)) this.add(type, blockName, name, body, noun, stackPrefix);
      }
    }
  }

  private add(type: string, blockName: string, name: string, body: Json, noun: string, stackPrefix: string): void {
    const address = `${type}.${name}`;
    // The construct declares the whole block; each instance is named by its key after the block's path.
    const blockAddress = `${type}.${blockName}`;
    const instanceKey = name.slice(blockName.length);
    // cdktf writes the construct path of every resource it synthesizes into its `//` metadata:
    // reading it spares walking the construct tree, which only a finding then needs.
    const declaredPath = metadataPath(body);
    const constructOf = declaredPath
      ? once(() => constructAt(this.stack, declaredPath) ?? this.constructAtAddress(blockAddress))
      : once(() => this.constructAtAddress(blockAddress));
    const blockPath = declaredPath
      ? (declaredPath.startsWith(stackPrefix) ? declaredPath.slice(stackPrefix.length) : declaredPath)
      : this.pathWithoutMetadata(blockAddress);
    const resource = new TfResource(type, name, body, this, constructOf, blockPath.replace(/\/Resource$/, '') + instanceKey, noun,
      declaredPath === undefined ? undefined : declaredPath + instanceKey);
    this.byAddress.set(address, resource);
    this.byBlock.set(blockAddress, [...(this.byBlock.get(blockAddress) ?? []), resource]);
    const list = this.byType.get(type) ?? [];
    list.push(resource);
    this.byType.set(type, list);
  }

  /** The resource at a Terraform address (`aws_subnet.app`). */
  public resourceAt(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  /**
   * Every resource a block of the JSON stands for (`aws_eip.web`): itself, or each instance of a
   * literal count or for_each. `depends_on` names whole blocks.
   */
  public instancesOf(blockAddress: string): TfResource[] {
    return this.byBlock.get(blockAddress) ?? [];
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

  private pathWithoutMetadata(address: string): string {
    const construct = this.findConstructs().get(address);
    if (!construct) return address;
    const prefix = `${this.stack.node.path}/`;
    return construct.node.path.startsWith(prefix) ? construct.node.path.slice(prefix.length) : construct.node.path;
  }

  private constructAtAddress(address: string): IConstruct {
    return this.findConstructs().get(address) ?? this.stack;
  }

  private findConstructs(): Map<string, IConstruct> {
    if (!this.constructsByAddress) {
      this.constructsByAddress = new Map();
      for (const construct of this.stack.node.findAll()) {
        if (TerraformResource.isTerraformResource(construct)) {
          this.constructsByAddress.set(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
        }
      }
    }
    return this.constructsByAddress;
  }
}

function metadataPath(body: Json): string | undefined {
  const metadata = (body['//'] as { metadata?: { path?: unknown } } | undefined)?.metadata;
  return typeof metadata?.path === 'string' ? metadata.path : undefined;
}

/** The construct at a full construct path, walking down from the app (construct ids never hold `/`). */
function constructAt(stack: TerraformStack, fullPath: string): IConstruct | undefined {
  let construct: IConstruct | undefined = stack.node.root;
  for (const id of fullPath.split('/')) {
    construct = construct?.node.tryFindChild(id);
    if (!construct) return undefined;
  }
  return construct;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
