import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { offlineOverride } from './offline-provider';
import { CommandResult, failure, formatDiagnostic, jsonLines, runTerraform } from './offline-terraform';

/*
 * Builds the Terraform state that a first `terraform apply` of a configuration would leave, with no
 * cloud: the values come from the configuration's own plan against an empty state, and what only
 * the cloud knows (ids, ARNs, MAC addresses...) is made up. Plans against that state then show what
 * Terraform would do on the next run, offline.
 */

type Json = any;

/** One resource or data source of `terraform show -json`'s `planned_values` or `prior_state`. */
export interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly schema_version: number;
  readonly values: Record<string, Json>;
}

interface PlannedModule {
  readonly address?: string;
  readonly resources?: PlannedResource[];
  readonly child_modules?: PlannedModule[];
}

/** One entry of `resource_changes`. */
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly change: {
    readonly actions: string[];
    readonly before: Json;
    readonly after: Json;
    readonly after_unknown: Json;
  };
}

interface ConfigResource {
  readonly address: string;
  readonly provider_config_key: string;
  readonly expressions?: Json;
  readonly depends_on?: string[];
}

interface ConfigModule {
  readonly resources?: ConfigResource[];
  readonly module_calls?: Record<string, { readonly module: ConfigModule }>;
}

/** `terraform show -json <planfile>`, as far as the state builder reads it. */
export interface PlanJson {
  readonly terraform_version: string;
  readonly planned_values: { readonly root_module: PlannedModule };
  readonly prior_state?: { readonly values?: { readonly root_module?: PlannedModule } };
  readonly resource_changes?: ResourceChange[];
  readonly output_changes?: Record<string, { readonly after: Json; readonly after_unknown: Json; readonly after_sensitive: Json }>;
  readonly configuration: {
    readonly provider_config?: Record<string, { readonly full_name: string; readonly alias?: string; readonly expressions?: Json }>;
    readonly root_module: ConfigModule;
  };
}

interface SchemaBlock {
  readonly attributes?: Record<string, { readonly type?: Json; readonly nested_type?: { readonly nesting_mode: string } }>;
  readonly block_types?: Record<string, { readonly nesting_mode: string }>;
}

/** `terraform providers schema -json`, as far as the state builder reads it. */
export interface ProviderSchemasJson {
  readonly provider_schemas: Record<string, {
    readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
    readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
  }>;
}

/** One object of a state file (format version 4). */
export interface StateInstance {
  readonly index_key?: string | number;
  readonly schema_version: number;
  readonly attributes: Record<string, Json>;
  readonly sensitive_attributes: Json[];
  readonly dependencies?: string[];
}

/** A resource or data source of a state file (format version 4). */
export interface StateResource {
  readonly module?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider: string;
  readonly instances: StateInstance[];
}

/** A Terraform state file, format version 4 (what `terraform.tfstate` holds). */
export interface TerraformState {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Record<string, { readonly value: Json; readonly type: Json; readonly sensitive?: boolean }>;
  readonly resources: StateResource[];
}

/** Account id in made-up ARNs and owner ids (the documentation example account). */
export const FAKE_ACCOUNT_ID = '123456789012';

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a made-up value may depend on: the object's address, type and its values known so far. */
interface FakeContext {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  readonly known: Record<string, Json>;
}

/** EC2 id prefixes, so that made-up ids read like real ones in plan output. */
const EC2_ID_PREFIX: Record<string, string> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_network_interface: 'eni',
  aws_network_interface_attachment: 'eni-attach',
  aws_instance: 'i',
  aws_security_group: 'sg',
  aws_vpc_security_group_ingress_rule: 'sgr',
  aws_vpc_security_group_egress_rule: 'sgr',
  aws_eip: 'eipalloc',
  aws_eip_association: 'eipassoc',
  aws_route_table: 'rtb',
  aws_internet_gateway: 'igw',
  aws_nat_gateway: 'nat',
};

/** The same prefixes for computed `*_id` attributes that name another EC2 object. */
const ID_ATTRIBUTE_PREFIX: Record<string, string> = {
  default_security_group_id: 'sg',
  default_route_table_id: 'rtb',
  main_route_table_id: 'rtb',
  default_network_acl_id: 'acl',
  dhcp_options_id: 'dopt',
  allocation_id: 'eipalloc',
  association_id: 'eipassoc',
  attachment_id: 'eni-attach',
  security_group_rule_id: 'sgr',
  primary_network_interface_id: 'eni',
  network_interface_id: 'eni',
  subnet_id: 'subnet',
  vpc_id: 'vpc',
};

/** Known attributes that AWS uses as the id of objects outside EC2, in order of preference. */
const NAME_ATTRIBUTES = ['function_name', 'alarm_name', 'statement_id', 'name'];

function ec2Arn(kind: string): (id: string, context: FakeContext) => string {
  return (id, context) => `arn:aws:ec2:${context.region}:${FAKE_ACCOUNT_ID}:${kind}/${id}`;
}

/** ARN formats by resource type; other types get `arn:aws:<service>:<region>:<account>:<id>`. */
const ARN_FORMAT: Record<string, (id: string, context: FakeContext) => string> = {
  aws_vpc: ec2Arn('vpc'),
  aws_subnet: ec2Arn('subnet'),
  aws_network_interface: ec2Arn('network-interface'),
  aws_instance: ec2Arn('instance'),
  aws_security_group: ec2Arn('security-group'),
  aws_vpc_security_group_ingress_rule: ec2Arn('security-group-rule'),
  aws_vpc_security_group_egress_rule: ec2Arn('security-group-rule'),
  aws_eip: ec2Arn('elastic-ip'),
  aws_iam_role: (id) => `arn:aws:iam::${FAKE_ACCOUNT_ID}:role/${id}`,
  aws_lambda_function: (id, context) => `arn:aws:lambda:${context.region}:${FAKE_ACCOUNT_ID}:function:${id}`,
  aws_cloudwatch_log_group: (id, context) => `arn:aws:logs:${context.region}:${FAKE_ACCOUNT_ID}:log-group:${id}`,
  aws_cloudwatch_event_rule: (id, context) => `arn:aws:events:${context.region}:${FAKE_ACCOUNT_ID}:rule/${id}`,
  aws_cloudwatch_metric_alarm: (id, context) => `arn:aws:cloudwatch:${context.region}:${FAKE_ACCOUNT_ID}:alarm:${id}`,
  aws_sns_topic: (_id, context) => `arn:aws:sns:${context.region}:${FAKE_ACCOUNT_ID}:${context.known.name}`,
};

function fakeArn(context: FakeContext): string {
  const id = fakeId(context);
  const format = ARN_FORMAT[context.type];
  if (format) return format(id, context);
  return `arn:aws:${context.type.split('_')[1]}:${context.region}:${FAKE_ACCOUNT_ID}:${id}`;
}

function fakeId(context: FakeContext): string {
  const prefix = EC2_ID_PREFIX[context.type];
  if (prefix) return `${prefix}-${hex(context.address, 17)}`;
  // An SNS topic's id is its ARN.
  if (context.type === 'aws_sns_topic') return ARN_FORMAT.aws_sns_topic('', context);
  const name = NAME_ATTRIBUTES.map((attribute) => context.known[attribute]).find((value) => typeof value === 'string' && value !== '');
  return name ?? `${context.type.replace(/^aws_/, '')}-${hex(context.address, 12)}`;
}

/** Values only a successful call would return, where an empty value would be implausible. */
const TYPE_FAKES: Record<string, Record<string, (context: FakeContext) => Json>> = {
  aws_lambda_invocation: {
    // What the failover agent answers to a placement request (lib/aws/failover/agent/handler.ts).
    result: () => JSON.stringify({ outcome: 'moved' }),
  },
  aws_lambda_function: {
    version: () => '$LATEST',
    last_modified: () => '2025-01-01T00:00:00.000+0000',
  },
  aws_eip: {
    allocation_id: fakeId,
  },
  aws_instance: {
    instance_state: () => 'running',
    tenancy: () => 'default',
    primary_network_interface_id: (context) => (context.known.network_interface ?? [])
      .find((attachment: Json) => attachment.device_index === 0)?.network_interface_id ?? '',
  },
  aws_network_interface: {
    private_ip: (context) => context.known.private_ip_list?.[0] ?? '',
    private_ips: (context) => context.known.private_ip_list ?? [],
    private_ips_count: (context) => Math.max(0, (context.known.private_ip_list?.length ?? 1) - 1),
  },
};

function fakeString(name: string, context: FakeContext): string {
  if (name === 'id') return fakeId(context);
  if (name === 'arn') return fakeArn(context);
  if (name === 'owner_id' || name === 'owner') return FAKE_ACCOUNT_ID;
  if (name === 'mac_address') return `0e:${hex(context.address, 10).match(/../g)!.join(':')}`;
  if (name === 'public_ip') return `203.0.113.${parseInt(hex(context.address, 2), 16) % 254 + 1}`;
  const prefix = ID_ATTRIBUTE_PREFIX[name];
  if (prefix) return `${prefix}-${hex(`${context.address}.${name}`, 17)}`;
  // What the provider stores for an optional string that AWS leaves unset.
  return '';
}

/** A made-up value of a computed attribute of cty type `type`, the empty value unless plausibility needs more. */
function fakeAttribute(name: string, type: Json, context: FakeContext): Json {
  const special = TYPE_FAKES[context.type]?.[name];
  if (special) return special(context);
  if (type === 'string') return fakeString(name, context);
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

function emptyNesting(nestingMode: string): Json {
  if (nestingMode === 'list' || nestingMode === 'set') return [];
  if (nestingMode === 'map') return {};
  return null;
}

/** Every attribute and block of `block`, made up: the fallback where a plan knows nothing better. */
function fakeObject(block: SchemaBlock, context: FakeContext): Record<string, Json> {
  const fake: Record<string, Json> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    fake[name] = attribute.nested_type ? emptyNesting(attribute.nested_type.nesting_mode) : fakeAttribute(name, attribute.type, context);
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) fake[name] = emptyNesting(nested.nesting_mode);
  return fake;
}

/** `base` with the values of `extra` where it has some: objects key by key, lists item by item. */
function mergeDeep(base: Json, extra: Json): Json {
  if (extra === undefined) return base;
  if (Array.isArray(base) && Array.isArray(extra)) {
    return Array.from({ length: Math.max(base.length, extra.length) }, (_, i) => mergeDeep(base[i], extra[i]));
  }
  if (isObject(base) && isObject(extra)) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(extra)) merged[key] = mergeDeep(base[key], value);
    return merged;
  }
  return extra;
}

/**
 * `known` with each part that `unknown` marks (`true`, in the shape of `terraform show -json`'s
 * `after_unknown`) taken from `fallback` instead.
 */
function overlayUnknown(known: Json, unknown: Json, fallback: Json): Json {
  if (unknown === true) return fallback === undefined ? null : fallback;
  if (Array.isArray(unknown) && Array.isArray(known)) {
    return known.map((value, i) => overlayUnknown(value, unknown[i], Array.isArray(fallback) ? fallback[i] : undefined));
  }
  if (isObject(unknown)) {
    const base = isObject(known) ? { ...known } : {};
    for (const [key, marks] of Object.entries(unknown)) {
      base[key] = overlayUnknown(base[key], marks, isObject(fallback) ? fallback[key] : undefined);
    }
    return base;
  }
  return known;
}

function* modules(module: PlannedModule | undefined): Generator<PlannedModule> {
  if (module === undefined) return;
  yield module;
  for (const child of module.child_modules ?? []) yield* modules(child);
}

interface AddressedConfigResource extends ConfigResource {
  readonly fullAddress: string;
}

function* configResources(module: ConfigModule, prefix: string): Generator<AddressedConfigResource> {
  for (const resource of module.resources ?? []) yield { ...resource, fullAddress: `${prefix}${resource.address}` };
  for (const [name, call] of Object.entries(module.module_calls ?? {})) yield* configResources(call.module, `${prefix}module.${name}.`);
}

/** A reference split into the object it points into (`aws_vpc.main`, `aws_x.y[0]`) and the path in it (`.id`). */
function parseReference(reference: string, modulePrefix: string): { address: string; path: string } | undefined {
  const match = /^((?:data\.)?[a-z][a-z0-9_]*\.[^.[\]]+(?:\[[^\]]*\])?)(.*)$/.exec(reference);
  if (!match || /^(var|local|each|count|path|terraform|self|module)\./.test(reference)) return undefined;
  return { address: `${modulePrefix}${match[1]}`, path: match[2] };
}

/** The value at `attributePath` (`.network_interface[0].id`, `["key"]`) in `value`. */
function valueAt(value: Json, attributePath: string): Json {
  let current = value;
  for (const [, attribute, index] of attributePath.matchAll(/\.([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (current === undefined || current === null) return undefined;
    current = current[attribute ?? JSON.parse(index)];
  }
  return current;
}

/** `aws_vpc.main.id`, `data.aws_region.current.name`, `aws_x.y[0].tags["Name"]`: no function call, variable or operator. */
const SIMPLE_REFERENCE = /^(data\.)?[a-z][a-z0-9_]*\.[\w-]+(\.[\w-]+|\[\d+\]|\["[^"]*"\])+$/;
/** `${...}` in a template, not `$${`, which writes a literal `${`. */
const INTERPOLATION = /(?<!\$)\$\{\s*([^{}]*?)\s*\}/g;

/**
 * `value` (a `.tf.json` value: strings are templates) with each interpolation of a simple
 * reference replaced by the referenced value from `lookup`; undefined when any interpolation is
 * something else (a function call...) or refers to a value not known.
 */
function interpolate(value: Json, lookup: (reference: string) => Json): Json {
  if (typeof value === 'string') {
    const whole = new RegExp(`^${INTERPOLATION.source}$`).exec(value);
    if (whole) return SIMPLE_REFERENCE.test(whole[1]) ? lookup(whole[1]) : undefined;
    let unresolved = false;
    const text = value.replace(INTERPOLATION, (_, reference: string) => {
      const part = SIMPLE_REFERENCE.test(reference) ? lookup(reference) : undefined;
      if (part === undefined || part === null || typeof part === 'object') unresolved = true;
      return String(part);
    });
    return unresolved ? undefined : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => interpolate(item, lookup));
    return items.includes(undefined) ? undefined : items;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => [key, interpolate(item, lookup)]);
    return entries.some(([, item]) => item === undefined) ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * The values of a configuration resource's `expressions` (from `terraform show -json`) that refer
 * to other objects, computed from those objects' values in `lookup`, nested blocks likewise; an
 * expression that cannot be computed that way (a function call) is left out. In `.tf.json`, which
 * cdktf writes, an expression's `constant_value` is the template itself, so interpolating it
 * gives the value that Terraform computes once the referenced ids are known.
 */
function referencedValues(expressions: Json, lookup: (reference: string) => Json): Json {
  if (Array.isArray(expressions)) return expressions.map((item) => referencedValues(item, lookup));
  if (!isObject(expressions)) return undefined;
  if ('constant_value' in expressions) return expressions.references ? interpolate(expressions.constant_value, lookup) : undefined;
  if ('references' in expressions) {
    // HCL native syntax: only a bare reference is computed here.
    const references: string[] = expressions.references;
    const values = references.filter((reference) => !references.some((other) => other !== reference && other.startsWith(reference)));
    return values.length === 1 && SIMPLE_REFERENCE.test(values[0]) ? lookup(values[0]) : undefined;
  }
  const values: Record<string, Json> = {};
  for (const [key, expression] of Object.entries(expressions)) {
    const value = referencedValues(expression, lookup);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

function collectReferences(expressions: Json, into: Set<string>): void {
  if (Array.isArray(expressions)) {
    expressions.forEach((item) => collectReferences(item, into));
  } else if (isObject(expressions)) {
    for (const [key, value] of Object.entries(expressions)) {
      if (key === 'references' && Array.isArray(value)) value.forEach((reference) => into.add(reference));
      else collectReferences(value, into);
    }
  }
}

/** Resources a configuration resource refers to or depends on, as Terraform records them in state. */
function dependencies(resource: AddressedConfigResource, modulePrefix: string): string[] {
  const references = new Set<string>();
  collectReferences(resource.expressions, references);
  (resource.depends_on ?? []).forEach((dependency) => references.add(dependency));
  const addresses = [...references].map((reference) => parseReference(reference, modulePrefix)?.address.replace(/\[[^\]]*\]$/, ''))
    .filter((address): address is string => address !== undefined && address !== resource.fullAddress);
  return [...new Set(addresses)].sort();
}

/** The cty type of an output value, for the state file. */
function ctyType(value: Json): Json {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyType)];
  if (isObject(value)) return ['object', Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ctyType(item)]))];
  return 'dynamic';
}

function providerAddress(plan: PlanJson, providerConfigKey: string): string {
  const config = plan.configuration.provider_config?.[providerConfigKey.replace(/^.*:/, '')];
  if (config === undefined) throw new Error(`the plan configures no provider "${providerConfigKey}"`);
  return `provider["${config.full_name}"]${config.alias ? `.${config.alias}` : ''}`;
}

function planRegion(plan: PlanJson): string {
  const region = plan.configuration.provider_config?.aws?.expressions?.region?.constant_value;
  return typeof region === 'string' ? region : 'us-east-1';
}

/** How to build a state from a plan against an empty state. */
export interface StateFromPlanOptions {
  /** The providers' schemas, which type the made-up values. */
  readonly schemas: ProviderSchemasJson;
  /**
   * A later plan of the same configuration against `previous`: where it knows what the first plan
   * did not (a value computed from another resource's id, which is now in state), it wins.
   * @default - only the first plan and made-up values
   */
  readonly resolvedBy?: PlanJson;
  /**
   * The state `resolvedBy` was planned against: where neither plan knows a value, its made-up value stays.
   * @default - fresh made-up values
   */
  readonly previous?: TerraformState;
  /** @default 1 */
  readonly serial?: number;
}

/** A state resource's address (`module.m.aws_vpc.main`, `data.aws_region.current`). */
function resourceAddress(resource: StateResource): string {
  return `${resource.module ? `${resource.module}.` : ''}${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
}

function previousAttributes(state: TerraformState | undefined): Map<string, Record<string, Json>> {
  const byAddress = new Map<string, Record<string, Json>>();
  for (const resource of state?.resources ?? []) {
    for (const instance of resource.instances) {
      const base = resourceAddress(resource);
      const index = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
      byAddress.set(`${base}${index}`, instance.attributes);
    }
  }
  return byAddress;
}

/**
 * The state that applying `firstPlan` (a plan against an empty state) would leave: each resource
 * with the values the plan knows, and where the plan says "known after apply", the value
 * `options.resolvedBy` knows, else a made-up one (see {@link StateFromPlanOptions}). Values the
 * first plan knows are never replaced: a later plan that wants them otherwise is a perpetual diff,
 * which the state must not hide. Data sources keep the values the plan read.
 */
export function stateFromPlan(firstPlan: PlanJson, options: StateFromPlanOptions): TerraformState {
  const region = planRegion(firstPlan);
  const changes = new Map((firstPlan.resource_changes ?? []).map((change) => [change.address, change]));
  const resolved = new Map((options.resolvedBy?.resource_changes ?? []).map((change) => [change.address, change]));
  const previous = previousAttributes(options.previous);
  const config = new Map([...configResources(firstPlan.configuration.root_module, '')].map((resource) => [resource.fullAddress, resource]));
  const planned = new Map([
    ...[...modules(firstPlan.prior_state?.values?.root_module)].flatMap((module) => module.resources ?? []).filter((r) => r.mode === 'data'),
    ...[...modules(firstPlan.planned_values.root_module)].flatMap((module) => module.resources ?? []).filter((r) => r.mode === 'managed'),
  ].map((object) => [object.address, object]));
  const built = new Map<string, Record<string, Json>>();

  const attributesOf = (object: PlannedResource): Record<string, Json> => {
    const done = built.get(object.address);
    if (done) return done;
    const change = changes.get(object.address);
    if (object.mode === 'data' || change === undefined) {
      built.set(object.address, object.values);
      return object.values;
    }
    const schemas = options.schemas.provider_schemas[object.provider_name];
    const schema = schemas?.resource_schemas?.[object.type];
    if (schema === undefined) throw new Error(`no schema for ${object.type} of ${object.provider_name}`);
    const modulePrefix = object.address.match(/^((module\.[^.]+\.)*)/)![1];
    // What another resource's value makes this one, where the configuration only refers to it.
    const referenced = referencedValues(configOf(object).expressions, (reference) => {
      const target = parseReference(reference, modulePrefix);
      const targetObject = target && planned.get(target.address);
      return targetObject ? valueAt(attributesOf(targetObject), target.path) : undefined;
    });
    const known = mergeDeep(change.change.after ?? {}, referenced);
    const fake = fakeObject(schema.block, { address: object.address, type: object.type, region, known });
    const later = resolved.get(object.address)?.change;
    const fallback = previous.get(object.address) ?? mergeDeep(fake, referenced);
    const best = later ? overlayUnknown(later.after, later.after_unknown, fallback) : fallback;
    const attributes = { ...fake, ...overlayUnknown(change.change.after, change.change.after_unknown, best) };
    built.set(object.address, attributes);
    return attributes;
  };
  const configOf = (object: PlannedResource): AddressedConfigResource => {
    const configured = config.get(object.address.replace(/\[[^\]]*\]$/, ''));
    if (configured === undefined) throw new Error(`${object.address} is in the plan but not in its configuration`);
    return configured;
  };

  const resources = new Map<string, StateResource & { instances: StateInstance[] }>();
  for (const object of planned.values()) {
    const configured = configOf(object);
    const modulePrefix = configured.fullAddress.match(/^((module\.[^.]+\.)*)/)![1];
    const key = `${object.mode}.${configured.fullAddress}`;
    let resource = resources.get(key);
    if (resource === undefined) {
      resource = {
        ...(modulePrefix ? { module: modulePrefix.replace(/\.$/, '') } : {}),
        mode: object.mode,
        type: object.type,
        name: object.name,
        provider: providerAddress(firstPlan, configured.provider_config_key),
        instances: [],
      };
      resources.set(key, resource);
    }
    resource.instances.push({
      ...(object.index === undefined ? {} : { index_key: object.index }),
      schema_version: object.schema_version,
      attributes: attributesOf(object),
      sensitive_attributes: [],
      ...(object.mode === 'managed' ? { dependencies: dependencies(configured, modulePrefix) } : {}),
    });
  }

  const outputs: Record<string, { value: Json; type: Json; sensitive?: boolean }> = {};
  for (const [name, output] of Object.entries(options.resolvedBy?.output_changes ?? firstPlan.output_changes ?? {})) {
    // An output still unknown stays out of the state; the next plan computes it from the resources.
    if (output.after_unknown === true || output.after === undefined) continue;
    outputs[name] = { value: output.after, type: ctyType(output.after), ...(output.after_sensitive === true ? { sensitive: true } : {}) };
  }

  return {
    version: 4,
    terraform_version: firstPlan.terraform_version,
    serial: options.serial ?? 1,
    lineage: `00000000-0000-4000-8000-${hex(JSON.stringify([...config.keys()]), 12)}`,
    outputs,
    resources: [...resources.values()],
  };
}

/** The attributes of the (single-instance) resource at `address` in `state`. */
export function attributesAt(state: TerraformState, address: string): Record<string, Json> {
  const resource = state.resources.find((candidate) => resourceAddress(candidate) === address);
  if (resource === undefined || resource.instances.length !== 1) throw new Error(`no single-instance resource ${address} in the state`);
  return resource.instances[0].attributes;
}

/** A copy of `state` with `edit` applied to the attributes of each instance of the resource at `address`. */
export function editResource(
  state: TerraformState, address: string, edit: (attributes: Record<string, Json>) => Record<string, Json>,
): TerraformState {
  if (!state.resources.some((resource) => resourceAddress(resource) === address)) throw new Error(`no resource ${address} in the state`);
  const resources = state.resources.map((resource) => (resourceAddress(resource) !== address ? resource : {
    ...resource,
    instances: resource.instances.map((instance) => ({ ...instance, attributes: edit(structuredClone(instance.attributes)) })),
  }));
  return { ...state, serial: state.serial + 1, resources };
}

// ---------------------------------------------------------------------------------------------
// Running plans against a state in a working folder
// ---------------------------------------------------------------------------------------------

/** The state file that the offline override's local backend reads, relative to the working folder. */
const STATE_FILE: string = (offlineOverride({}) as Json).terraform.backend.local.path;

/** What a `terraform plan -refresh=false -detailed-exitcode` against a state found. */
export interface StatePlan {
  /** 0: no changes; 2: changes (to resources or outputs). */
  readonly exitCode: 0 | 2;
  /** Resources with a planned action (`update`, `replace`, `create`, `delete`), from the plan's own report. */
  readonly changes: Array<{ readonly address: string; readonly action: string }>;
  /** Outputs with a planned action. */
  readonly outputChanges: string[];
  /** `terraform show -json` of the plan (run on the first call: it starts the provider once more). */
  readonly details: () => Promise<PlanJson>;
}

async function terraformOrThrow(workDir: string, args: string[], accept: number[] = [0]): Promise<CommandResult> {
  const result = await runTerraform(workDir, args);
  if (accept.includes(result.exitCode)) return result;
  const diagnostics = jsonLines(result.stdout).filter((message) => message.type === 'diagnostic').map((message) => formatDiagnostic(message.diagnostic));
  throw failure(args[0], workDir, workDir, result, diagnostics);
}

/** Runs `terraform init` in a folder holding a synthesized stack and its offline override. */
export async function initWorkDir(workDir: string): Promise<void> {
  await terraformOrThrow(workDir, ['init', '-input=false', '-no-color']);
}

/**
 * Plans the configuration in `workDir` (initialized, with the offline override) against `state`
 * (none: an empty state), without refreshing: Terraform compares the configuration with the state
 * alone. One plan at a time per folder: the state is the backend's file.
 */
export async function planAgainst(workDir: string, state: TerraformState | undefined): Promise<StatePlan> {
  const stateFile = path.join(workDir, STATE_FILE);
  if (state) fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
  else fs.rmSync(stateFile, { force: true });
  // Terraform runs in workDir; a plan file per plan, so that details() shows this one.
  const planFile = `plan-${createHash('sha256').update(JSON.stringify(state ?? null)).digest('hex').slice(0, 12)}.tfplan`;
  const plan = await terraformOrThrow(workDir, [
    'plan', '-json', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-detailed-exitcode', `-out=${planFile}`,
  ], [0, 2]);
  const messages = jsonLines(plan.stdout);
  const changes = messages.filter((message) => message.type === 'planned_change' && !/(^|\.)data\./.test(message.change.resource.addr))
    .map((message) => ({ address: message.change.resource.addr as string, action: message.change.action as string }))
    .sort((a, b) => a.address.localeCompare(b.address));
  const outputs: Record<string, { action: string }> = messages.find((message) => message.type === 'outputs')?.outputs ?? {};
  let details: Promise<PlanJson> | undefined;
  return {
    exitCode: plan.exitCode as 0 | 2,
    changes,
    outputChanges: Object.entries(outputs).filter(([, output]) => output.action !== 'noop').map(([name]) => name).sort(),
    details: () => details ??= terraformOrThrow(workDir, ['show', '-json', '-no-color', planFile]).then((show) => JSON.parse(show.stdout)),
  };
}

/** The providers' schemas of an initialized folder. */
export async function providerSchemas(workDir: string): Promise<ProviderSchemasJson> {
  return JSON.parse((await terraformOrThrow(workDir, ['providers', 'schema', '-json'])).stdout);
}

/** The state a first apply would leave, and how it was found. */
export interface AppliedState {
  readonly state: TerraformState;
  /** The plan of the configuration against `state`: what the run after the first apply would do. */
  readonly lastPlan: StatePlan;
}

function sameState(a: TerraformState, b: TerraformState): boolean {
  return JSON.stringify([a.resources, a.outputs]) === JSON.stringify([b.resources, b.outputs]);
}

/**
 * The state a first `terraform apply` of the configuration in `workDir` would leave (see
 * {@link stateFromPlan}), and the plan against it. A value that the first plan computes with a
 * function of another resource's id is known only once that id is in state, and the provider may
 * normalize a value (sort a JSON document's keys), so the folder is planned again against the
 * state built so far while a plan changes something and tells more (`maxRounds` plans after the
 * first at most).
 */
export async function simulateFirstApply(workDir: string, maxRounds = 3): Promise<AppliedState> {
  const [first, schemas] = await Promise.all([
    planAgainst(workDir, undefined).then((plan) => plan.details()),
    providerSchemas(workDir),
  ]);
  let state = stateFromPlan(first, { schemas });
  let plan = await planAgainst(workDir, state);
  for (let round = 1; plan.exitCode !== 0 && round < maxRounds; round++) {
    const resolved = stateFromPlan(first, { schemas, resolvedBy: await plan.details(), previous: state, serial: state.serial + 1 });
    if (sameState(resolved, state)) break;
    state = resolved;
    plan = await planAgainst(workDir, state);
  }
  return { state, lastPlan: plan };
}

/** A readable line per attribute that a planned change alters, for failure messages and reports. */
export function describeChanges(plan: PlanJson): string[] {
  const lines: string[] = [];
  for (const change of plan.resource_changes ?? []) {
    const { actions, before, after, after_unknown: unknown } = change.change;
    if (change.mode !== 'managed' || actions.every((action) => action === 'no-op')) continue;
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {}), ...Object.keys(unknown ?? {})]);
    const altered = [...keys].filter((key) => unknown?.[key] === true
      || JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null)).sort();
    const diffs = altered.map((key) => `${key}: ${JSON.stringify(before?.[key] ?? null)} -> ${unknown?.[key] === true ? '(known after apply)' : JSON.stringify(after?.[key] ?? null)}`);
    lines.push(`${change.address} ${actions.join('+')}: ${diffs.join('; ')}`);
  }
  return lines;
}
