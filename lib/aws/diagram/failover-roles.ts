import { TfObject, TfResource, TfValue } from '../../checks/tf-value';
import { MarkerRole, MarkerTag } from '../marker-tags';
import { AwsIndex } from '../rules/aws-index';
import { hasRole, tagValue } from '../rules/marker-tag-values';

/** An `aws_lambda_invocation` asking the failover agent to place an interface on an instance. */
export interface AgentPlacement {
  readonly invocation: TfResource;
  readonly eni: TfResource;
  /** The instance named in the input; undefined when it is not an instance of this stack. */
  readonly instance?: TfResource;
  /** The instance id: as written in the input, or the agent's variable for the side the input names. */
  readonly instanceId: TfValue;
  /** `DEVICE_INDEX` of the agent's function, when known. */
  readonly deviceIndex: TfValue;
}

/** Who holds each failover interface of the stack and who stands by. */
export interface FailoverRoles {
  /** Interfaces tagged `nic-patterns:role = failover`. */
  readonly interfaces: Set<TfResource>;
  /** Placements made by the failover agent at Terraform's request. */
  readonly placements: AgentPlacement[];
  /** The instances of each interface's pair (`nic-patterns:failover-pair`), declaration order. */
  readonly members: Map<TfResource, TfResource[]>;
}

/**
 * Reads the failover pairs of a stack: interfaces tagged `nic-patterns:role = failover`, the
 * instances that carry the same `nic-patterns:failover-pair` value (as a tag or an `aws_ec2_tag`),
 * and the `aws_lambda_invocation`s whose input is `{"action":"place","side":"primary"}` (HaFailoverNic
 * with its agent) or `{"action":"place","instanceId":"..."}`, which hold the interface where
 * Terraform writes no attachment.
 */
export function failoverRoles(index: AwsIndex): FailoverRoles {
  const interfaces = new Set(index.resources('aws_network_interface').filter((eni) => hasRole(index, eni, MarkerRole.failover) === true));
  const instancesByPair = new Map<string, TfResource[]>();
  const addMember = (pair: string | undefined, instance: TfResource | undefined) => {
    if (pair === undefined || !instance) return;
    const list = instancesByPair.get(pair) ?? [];
    if (!list.includes(instance)) list.push(instance);
    instancesByPair.set(pair, list);
  };
  for (const instance of index.resources('aws_instance')) addMember(pairOf(index, instance), instance);
  for (const tag of index.resources('aws_ec2_tag')) {
    if (tag.attr('key').asString() !== MarkerTag.failoverPair) continue;
    addMember(tag.attr('value').follow().asString(), tag.attr('resource_id').referenceTo('aws_instance'));
  }
  const instancePair = new Map<TfResource, string>();
  for (const [pair, instances] of instancesByPair) instances.forEach((instance) => instancePair.set(instance, pair));

  const placements = index.resources('aws_lambda_invocation').flatMap((invocation) => placementsOf(index, invocation, interfaces, instancePair));
  const members = new Map<TfResource, TfResource[]>();
  for (const eni of interfaces) {
    const pair = pairOf(index, eni)
      ?? [...index.attachmentsOf(eni).map((a) => a.hostResource), ...placements.filter((p) => p.eni === eni).map((p) => p.instance)]
        .map((instance) => (instance ? instancePair.get(instance) : undefined))
        .find((found) => found !== undefined);
    members.set(eni, pair === undefined ? [] : instancesByPair.get(pair) ?? []);
  }
  return { interfaces, placements, members };
}

function pairOf(index: AwsIndex, resource: TfResource): string | undefined {
  return tagValue(index, resource, MarkerTag.failoverPair).follow().asString();
}

function placementsOf(
  index: AwsIndex, invocation: TfResource, interfaces: Set<TfResource>, instancePair: Map<TfResource, string>,
): AgentPlacement[] {
  const input = parseInput(invocation.raw.input);
  if (input?.action !== 'place') return [];
  const variables = agentVariables(index, invocation);
  const instanceId = placedInstance(index, input, variables);
  if (instanceId === undefined) return [];
  const instance = instanceId.referenceTo('aws_instance');
  const named = variables?.attr('NETWORK_INTERFACE_ID').referenceTo('aws_network_interface');
  const pair = instance ? instancePair.get(instance) : undefined;
  // Without the agent's own variables, the interface of the instance's pair is the one placed.
  const enis = named ? [named] : [...interfaces].filter((eni) => pair !== undefined && pairOf(index, eni) === pair);
  const deviceIndex = variables?.attr('DEVICE_INDEX') ?? TfValue.ABSENT;
  return enis.map((eni) => ({ invocation, eni, instance, instanceId, deviceIndex }));
}

/** The instance a placement names: directly, or by side through the agent's own variables. */
function placedInstance(index: AwsIndex, input: Record<string, unknown>, variables: TfObject | undefined): TfValue | undefined {
  if (typeof input.instanceId === 'string') return TfValue.of(input.instanceId, index);
  if (input.side === 'primary') return variables?.attr('PRIMARY_INSTANCE_ID');
  if (input.side === 'standby') return variables?.attr('STANDBY_INSTANCE_ID');
  return undefined;
}

/** The input of an invocation: JSON written as a string, references left inside as `${...}`. */
function parseInput(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/** The environment variables of the function an invocation calls, when it is a function of this stack. */
function agentVariables(index: AwsIndex, invocation: TfResource): TfObject | undefined {
  const fn = invocation.attr('function_name').referenceTo('aws_lambda_function');
  const variables = fn?.blocks('environment').items[0]?.raw.variables;
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return undefined;
  return new TfObject(variables as Record<string, unknown>, index);
}
