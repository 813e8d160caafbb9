import { isObject, TerraformConfig, TerraformJson } from './terraform-config';

type JsonObject = Record<string, unknown>;

/** Whether parsed JSON is `terraform show -json` output of a plan. */
export function isPlanJson(json: unknown): json is JsonObject {
  return isObject(json) && (isObject(json.planned_values) || isObject(json.configuration)) && 'format_version' in json;
}

/**
 * One configuration per module instance of a plan (`planned_values`): each resource's planned
 * values, and where a value is only known after apply, the configuration's expression for it
 * (`${aws_subnet.a.id}`), so the rules see the same references as in the source.
 */
export function loadPlanJson(json: JsonObject, source: string): TerraformConfig[] {
  const changeByAddress = new Map<string, JsonObject>();
  for (const change of asList(json.resource_changes).filter(isObject)) {
    if (typeof change.address === 'string' && isObject(change.change)) changeByAddress.set(change.address, change.change);
  }
  const configuration = isObject(json.configuration) ? json.configuration.root_module : undefined;
  const configs: TerraformConfig[] = [];
  const visit = (module: unknown, moduleConfiguration: unknown, addressPrefix: string): void => {
    if (!isObject(module)) return;
    const expressionsByAddress = new Map<string, unknown>();
    for (const resource of asList(isObject(moduleConfiguration) ? moduleConfiguration.resources : []).filter(isObject)) {
      expressionsByAddress.set(String(resource.address), resource.expressions);
    }
    const terraformJson: TerraformJson = {};
    for (const resource of asList(module.resources).filter(isObject)) {
      const configAddress = `${resource.mode === 'data' ? 'data.' : ''}${String(resource.type)}.${String(resource.name)}`;
      const change = changeByAddress.get(String(resource.address));
      const body = withExpressions({
        value: resource.values, unknown: change?.after_unknown, shape: change?.after_sensitive, expression: expressionsByAddress.get(configAddress),
      });
      const block = (terraformJson[resource.mode === 'data' ? 'data' : 'resource'] ??= {}) as JsonObject;
      const byName = (block[String(resource.type)] ??= {}) as JsonObject;
      byName[`${String(resource.name)}${indexSuffix(resource.index)}`] = body;
    }
    configs.push({ name: addressPrefix === '' ? 'plan' : `plan/${addressPrefix.slice(0, -1)}`, source, addressPrefix, terraformJson });
    for (const child of asList(module.child_modules).filter(isObject)) {
      const address = String(child.address);
      visit(child, moduleCallConfiguration(moduleConfiguration, address), `${address}.`);
    }
  };
  visit(isObject(json.planned_values) ? json.planned_values.root_module : undefined, configuration, '');
  return configs;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// `module.a[0].module.b` -> the configuration of call `b` inside the configuration of call `a`.
function moduleCallConfiguration(parent: unknown, childAddress: string): unknown {
  const lastCall = /module\.([^.[]+)(\[[^\]]*\])?$/.exec(childAddress);
  if (!lastCall || !isObject(parent) || !isObject(parent.module_calls)) return undefined;
  const call = parent.module_calls[lastCall[1]];
  return isObject(call) ? call.module : undefined;
}

function indexSuffix(index: unknown): string {
  if (typeof index === 'number') return `[${index}]`;
  if (typeof index === 'string') return `[${JSON.stringify(index)}]`;
  return '';
}

/** What the plan says about one value: planned, unknown, sensitive (whose shape tells a list from a scalar), configured. */
interface PlannedValue {
  readonly value: unknown;
  readonly unknown: unknown;
  readonly shape: unknown;
  readonly expression: unknown;
}

/**
 * Planned `values` without nulls (an unset argument), with each value unknown at plan time
 * (`after_unknown` true) replaced by its configuration expression's references.
 */
function withExpressions(planned: PlannedValue): unknown {
  const { value, unknown, shape, expression } = planned;
  if (unknown === true) return referencesOf(expression, Array.isArray(shape));
  const at = (key: string | number): PlannedValue => ({
    value: member(value, key), unknown: member(unknown, key), shape: member(shape, key), expression: member(expression, key),
  });
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const length = Math.max(asList(value).length, asList(unknown).length);
    return Array.from({ length }, (_, i) => withExpressions(at(i))).filter((item) => item !== undefined);
  }
  if (isObject(value) || isObject(unknown)) {
    const result: JsonObject = {};
    for (const key of new Set([...Object.keys(isObject(value) ? value : {}), ...Object.keys(isObject(unknown) ? unknown : {})])) {
      const item = withExpressions(at(key));
      if (item !== undefined) result[key] = item;
    }
    return result;
  }
  return value === null ? undefined : value;
}

function member(container: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(container) ? container[key] : undefined;
  return isObject(container) ? container[key] : undefined;
}

/**
 * `${reference}` for a scalar; for a list (`[aws_security_group.a.id, aws_security_group.b.id]`), one
 * per referenced value. Terraform lists each reference, then the object it belongs to
 * (`aws_subnet.a.id`, `aws_subnet.a`): only the most specific ones are kept.
 */
function referencesOf(expression: unknown, isList: boolean): unknown {
  const references = (isObject(expression) && Array.isArray(expression.references) ? expression.references : [])
    .filter((reference): reference is string => typeof reference === 'string');
  const specific = references.filter((reference, i) => !references.slice(0, i).some((earlier) => earlier.startsWith(`${reference}.`) || earlier.startsWith(`${reference}[`)));
  if (specific.length === 0) return undefined;
  return isList ? specific.map((reference) => `\${${reference}}`) : `\${${specific[0]}}`;
}
