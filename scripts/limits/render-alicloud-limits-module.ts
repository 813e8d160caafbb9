/**
 * Turns data/alicloud-ecs-instance-network-limits.json into the TypeScript module the library loads
 * (lib/alicloud/limits/instance-network-limits.generated.ts), and refreshes that data file from the
 * output of `aliyun ecs DescribeInstanceTypes`. Pure functions, so the tests can check that the
 * committed module is exactly what the data renders to.
 */
import { FieldReaders, byCodeUnits, fieldReaders, isObject, quote, renderRowsModule } from './limits-module';

/** Repository-relative path of the copied Alibaba Cloud facts. */
export const ALI_LIMITS_DATA_FILE = 'data/alicloud-ecs-instance-network-limits.json';
/** Repository-relative path of the generated module. */
export const ALI_LIMITS_MODULE_FILE = 'lib/alicloud/limits/instance-network-limits.generated.ts';
/** The command that rewrites the generated module (and, given files, refreshes the data file first). */
export const ALI_LIMITS_GENERATE_COMMAND = 'npx tsx scripts/generate-alicloud-limits.ts';

/** The documentation snapshot the table was compiled from (`source.primary`). */
export interface AliDocsSource {
  readonly kind: string;
  readonly repo: string;
  readonly commit: string;
  readonly commitDate: string;
}

/** One `DescribeInstanceTypes` response merged into the table (`source.refreshes[]`). */
export interface AliApiRefresh {
  readonly api: string;
  /** The response's `RequestId`, null when the response had none. */
  readonly requestId: string | null;
  /** The day the response was merged (UTC, YYYY-MM-DD). */
  readonly date: string;
  /** How many instance types it listed. */
  readonly types: number;
}

/** The `source` block of the data file, the parts the module quotes. */
export interface AliLimitsSource {
  readonly primary: AliDocsSource;
  /** @default - no overlay */
  readonly overlay?: string;
  readonly refreshes: readonly AliApiRefresh[];
}

/** One entry of `types` (only the fields the library uses). */
export interface AliInstanceTypeRecord {
  readonly type: string;
  readonly eniQuantity: number;
  readonly privateIpv4PerEni: number | null;
  readonly ipv6PerEni: number | null;
}

export interface AliLimitsData {
  readonly source: AliLimitsSource;
  readonly instanceTypes: readonly AliInstanceTypeRecord[];
}

type Json = Record<string, unknown>;

const reader = fieldReaders(ALI_LIMITS_DATA_FILE);
const fail: FieldReaders['fail'] = reader.fail;
const { count, singleLine } = reader;

function countOrNull(readers: FieldReaders, where: string, value: unknown): number | null {
  return value === null || value === undefined ? null : readers.count(where, value);
}

function parseRefresh(where: string, value: unknown): AliApiRefresh {
  if (!isObject(value)) fail(where, 'expected an object');
  return {
    api: singleLine(`${where}.api`, value.api),
    requestId: value.requestId === null ? null : singleLine(`${where}.requestId`, value.requestId),
    date: singleLine(`${where}.date`, value.date),
    types: count(`${where}.types`, value.types),
  };
}

function parseSource(value: unknown): AliLimitsSource {
  if (!isObject(value)) fail('source', 'expected an object');
  const primary = value.primary;
  if (!isObject(primary)) fail('source.primary', 'expected an object');
  const refreshes = value.refreshes ?? [];
  if (!Array.isArray(refreshes)) fail('source.refreshes', 'expected a list');
  return {
    primary: {
      kind: singleLine('source.primary.kind', primary.kind),
      repo: singleLine('source.primary.repo', primary.repo),
      commit: singleLine('source.primary.commit', primary.commit),
      commitDate: singleLine('source.primary.commitDate', primary.commitDate),
    },
    ...(value.overlay === undefined ? {} : { overlay: singleLine('source.overlay', value.overlay) }),
    refreshes: refreshes.map((refresh: unknown, i) => parseRefresh(`source.refreshes[${i}]`, refresh)),
  };
}

function parseInstanceType(type: string, entry: unknown): AliInstanceTypeRecord {
  const at = `types[${JSON.stringify(type)}]`;
  singleLine(`${at} (its name)`, type);
  if (!isObject(entry)) fail(at, 'expected an object');
  return {
    type,
    eniQuantity: count(`${at}.eniQuantity`, entry.eniQuantity),
    privateIpv4PerEni: countOrNull(reader, `${at}.privateIpv4PerEni`, entry.privateIpv4PerEni),
    ipv6PerEni: countOrNull(reader, `${at}.ipv6PerEni`, entry.ipv6PerEni),
  };
}

/** Validates the parsed data file, throwing an error that names the file, the entry and the field. */
export function parseAliLimitsData(json: unknown): AliLimitsData {
  if (!isObject(json)) fail('top level', 'expected an object');
  const source = parseSource(json.source);
  if (!isObject(json.types) || Object.keys(json.types).length === 0) fail('types', 'expected a non-empty object keyed by instance type');
  const instanceTypes = Object.entries(json.types).map(([type, entry]) => parseInstanceType(type, entry));
  // JSON object keys are unique, so typeCount is the one check left against a truncated copy.
  if (count('typeCount', json.typeCount) !== instanceTypes.length) fail('typeCount', `says ${json.typeCount} but types lists ${instanceTypes.length}`);
  return { source, instanceTypes };
}

/** Which of the two accepted inputs a parsed JSON file is. */
export type AliLimitsInputKind = 'table' | 'describe-instance-types';

/**
 * `table`: a data file in the format of data/alicloud-ecs-instance-network-limits.json;
 * `describe-instance-types`: the output of `aliyun ecs DescribeInstanceTypes` (one page).
 */
export function detectAliLimitsInput(json: unknown, file: string): AliLimitsInputKind {
  if (isObject(json) && isObject(json.types) && isObject(json.source)) return 'table';
  if (isObject(json) && isObject(json.InstanceTypes) && Array.isArray(json.InstanceTypes.InstanceType)) return 'describe-instance-types';
  return fieldReaders(file).fail('top level', 'neither a limits table ({ source, typeCount, types }) nor DescribeInstanceTypes output ({ InstanceTypes: { InstanceType: [...] } })');
}

/** The `types` entry a DescribeInstanceTypes item becomes, in the data file's field order. */
function apiEntry(readers: FieldReaders, where: string, item: Json, type: string, requestId: string | null): Json {
  const family = typeof item.InstanceTypeFamily === 'string' ? item.InstanceTypeFamily.replace(/^ecs\./, '') : type.split('.')[1] ?? null;
  if (item.EniTrunkSupported !== undefined && item.EniTrunkSupported !== null && typeof item.EniTrunkSupported !== 'boolean') {
    readers.fail(`${where}.EniTrunkSupported`, `expected a boolean, got ${JSON.stringify(item.EniTrunkSupported)}`);
  }
  return {
    eniQuantity: readers.count(`${where}.EniQuantity`, item.EniQuantity),
    privateIpv4PerEni: countOrNull(readers, `${where}.EniPrivateIpAddressQuantity`, item.EniPrivateIpAddressQuantity),
    ipv6PerEni: countOrNull(readers, `${where}.EniIpv6AddressQuantity`, item.EniIpv6AddressQuantity),
    eniTotalQuantity: countOrNull(readers, `${where}.EniTotalQuantity`, item.EniTotalQuantity),
    eniTrunkSupported: item.EniTrunkSupported ?? null,
    networkCardQuantity: countOrNull(readers, `${where}.NetworkCardQuantity`, item.NetworkCardQuantity),
    family,
    from: 'api',
    requestId,
  };
}

function mergeDescribeInstanceTypes(table: Json, response: Json, file: string, date: string): Json {
  const readers: FieldReaders = fieldReaders(file);
  const requestId = response.RequestId === undefined ? null : readers.singleLine('RequestId', response.RequestId);
  const items = (response.InstanceTypes as { InstanceType: unknown[] }).InstanceType;
  if (items.length === 0) readers.fail('InstanceTypes.InstanceType', 'lists no instance types: nothing to refresh');
  const fresh = new Map<string, Json>();
  items.forEach((item, i) => {
    const at = `InstanceTypes.InstanceType[${i}]`;
    if (!isObject(item)) readers.fail(at, 'expected an object');
    const type = readers.singleLine(`${at}.InstanceTypeId`, item.InstanceTypeId);
    if (fresh.has(type)) readers.fail(at, `instance type ${type} is listed twice`);
    fresh.set(type, apiEntry(readers, `${at} (${type})`, item, type, requestId));
  });
  // The API's numbers replace the documented ones; types the response does not list keep theirs.
  const merged = { ...(table.types as Json), ...Object.fromEntries(fresh) };
  const types = Object.fromEntries(Object.keys(merged).sort(byCodeUnits).map((type) => [type, merged[type]]));
  const source = table.source as Json;
  const refresh: AliApiRefresh = { api: 'DescribeInstanceTypes', requestId, date, types: fresh.size };
  return {
    ...table,
    source: { ...source, refreshes: [...((source.refreshes as AliApiRefresh[] | undefined) ?? []), refresh] },
    typeCount: Object.keys(types).length,
    types,
  };
}

/**
 * The data file after applying one input file: a table replaces it; a DescribeInstanceTypes
 * response overrides the types it lists and is recorded in `source.refreshes`.
 *
 * @param table the current data file, parsed
 * @param input the input file, parsed
 * @param file the input's name, for error messages
 * @param date the day of the refresh (YYYY-MM-DD), recorded with a DescribeInstanceTypes response
 */
export function applyAliLimitsInput(table: unknown, input: unknown, file: string, date: string): unknown {
  if (detectAliLimitsInput(input, file) === 'table') {
    parseAliLimitsData(input);
    return input;
  }
  parseAliLimitsData(table);
  return mergeDescribeInstanceTypes(table as Json, input as Json, file, date);
}

/** One line naming where the table comes from, for messages and docs (`ALI_LIMITS_SOURCE`). */
export function aliLimitsSourceText(source: AliLimitsSource): string {
  const { kind, repo, commit, commitDate } = source.primary;
  const dates = [...new Set(source.refreshes.map((refresh) => refresh.date))].sort(byCodeUnits);
  const refreshed = dates.length === 0 ? '' : `; refreshed from DescribeInstanceTypes on ${dates.join(', ')}`;
  return `${ALI_LIMITS_DATA_FILE}: ${kind}, ${repo} @ ${commit.slice(0, 12)} (${commitDate})${refreshed}`;
}

/** The complete text of the generated module for `data`. */
export function renderAliLimitsModule(data: AliLimitsData): string {
  const { kind, repo, commit, commitDate } = data.source.primary;
  return renderRowsModule({
    generator: 'scripts/generate-alicloud-limits.ts',
    dataFile: ALI_LIMITS_DATA_FILE,
    notes: [
      `Source: ${kind}: ${repo} @ ${commit} (${commitDate})`,
      ...(data.source.overlay === undefined ? [] : [`Overlay: ${data.source.overlay}`]),
      ...data.source.refreshes.map((r) => `Refreshed from ${r.api} (request ${r.requestId ?? 'id unknown'}, ${r.date}): ${r.types} instance types`),
      `To refresh: run \`${ALI_LIMITS_GENERATE_COMMAND} <DescribeInstanceTypes output>...\` (or replace ${ALI_LIMITS_DATA_FILE} and run \`${ALI_LIMITS_GENERATE_COMMAND}\`), then run the tests.`,
    ],
    rowDoc: [
      'One ECS instance type: [type, ENIs per instance, primary included (EniQuantity),',
      'private IPv4 addresses per ENI, primary included (EniPrivateIpAddressQuantity; null = unknown),',
      'IPv6 addresses per ENI (EniIpv6AddressQuantity; null = unknown)].',
    ],
    rowTypeName: 'AliInstanceNetworkLimitsRow',
    rowElements: 'string, number, number | null, number | null',
    rowsName: 'ALI_INSTANCE_NETWORK_LIMITS_ROWS',
    rows: data.instanceTypes.map((r) => ({ type: r.type, cells: [r.type, r.eniQuantity, r.privateIpv4PerEni, r.ipv6PerEni] })),
    trailer: [
      '',
      '/** Where the rows come from: the data file and its `source` block. */',
      `export const ALI_LIMITS_SOURCE_TEXT = ${quote(aliLimitsSourceText(data.source))};`,
    ],
  });
}
