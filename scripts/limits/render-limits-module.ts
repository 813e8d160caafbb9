/**
 * Turns data/ec2-instance-network-limits.json into the TypeScript module the library loads
 * (lib/aws/limits/instance-network-limits.generated.ts). Pure functions, so the tests can check that the
 * committed module is exactly what the data renders to.
 */
import { FieldReaders, RowsModule, fieldReaders, isObject, renderRowsModule } from './limits-module';

/** Repository-relative path of the copied AWS facts. */
export const LIMITS_DATA_FILE = 'data/ec2-instance-network-limits.json';
/** Repository-relative path of the generated module. */
export const LIMITS_MODULE_FILE = 'lib/aws/limits/instance-network-limits.generated.ts';
/** The command that rewrites the generated module. */
export const LIMITS_GENERATE_COMMAND = 'npx tsx scripts/generate-limits.ts';

/** Where a set of facts was copied from. */
export interface LimitsSourceRef {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly date: string;
}

/** The `source` block of the data file: the main table plus the sources that filled its gaps. */
export interface LimitsSource extends LimitsSourceRef {
  readonly supplementary: readonly LimitsSourceRef[];
}

/** One `instanceTypes` entry of the data file (only the fields the library uses). */
export interface InstanceTypeLimitsRecord {
  readonly type: string;
  readonly maxEni: number;
  readonly ipv4PerEni: number;
  readonly ipv6PerEni: number | null;
  readonly ipv6Supported: boolean | null;
  readonly networkCards: readonly { readonly index: number; readonly maxEni: number }[];
  readonly defaultNetworkCardIndex: number;
  readonly hypervisor: 'nitro' | 'xen' | null;
  readonly bareMetal: boolean;
}

export interface LimitsData {
  readonly source: LimitsSource;
  readonly instanceTypes: readonly InstanceTypeLimitsRecord[];
}

type Json = Record<string, unknown>;

const reader = fieldReaders(LIMITS_DATA_FILE);
const fail: FieldReaders['fail'] = reader.fail;
const { count, singleLine } = reader;

function parseSourceRef(where: string, value: unknown): LimitsSourceRef {
  if (!isObject(value)) fail(where, 'expected an object');
  return {
    repo: singleLine(`${where}.repo`, value.repo),
    path: singleLine(`${where}.path`, value.path),
    commit: singleLine(`${where}.commit`, value.commit),
    date: singleLine(`${where}.date`, value.date),
  };
}

function parseNetworkCards(where: string, value: unknown): InstanceTypeLimitsRecord['networkCards'] {
  if (!Array.isArray(value) || value.length === 0) fail(where, 'expected a non-empty list of network cards');
  return value.map((card: unknown, position) => {
    const at = `${where}[${position}]`;
    if (!isObject(card)) fail(at, 'expected an object');
    // The generated rows store per-card maxima by position, so the card index must equal it.
    if (card.index !== position) fail(`${at}.index`, `expected ${position} (cards numbered 0..n-1 in order), got ${JSON.stringify(card.index)}`);
    return { index: position, maxEni: count(`${at}.maxEni`, card.maxEni) };
  });
}

function parseIpv6(where: string, entry: Json): Pick<InstanceTypeLimitsRecord, 'ipv6PerEni' | 'ipv6Supported'> {
  if (entry.ipv6Supported === null && entry.ipv6PerEni === null) return { ipv6Supported: null, ipv6PerEni: null };
  if (typeof entry.ipv6Supported !== 'boolean') fail(`${where}.ipv6Supported`, `expected true, false or null, got ${JSON.stringify(entry.ipv6Supported)}`);
  const ipv6PerEni = count(`${where}.ipv6PerEni`, entry.ipv6PerEni);
  if (entry.ipv6Supported !== ipv6PerEni > 0) fail(where, `ipv6Supported is ${entry.ipv6Supported} but ipv6PerEni is ${ipv6PerEni}`);
  return { ipv6Supported: entry.ipv6Supported, ipv6PerEni };
}

function parseInstanceType(where: string, entry: unknown): InstanceTypeLimitsRecord {
  if (!isObject(entry)) fail(where, 'expected an object');
  const type = singleLine(`${where}.type`, entry.type);
  const at = `${where} (${type})`;
  const maxEni = count(`${at}.maxEni`, entry.maxEni);
  const networkCards = parseNetworkCards(`${at}.networkCards`, entry.networkCards);
  const perCardTotal = networkCards.reduce((sum, card) => sum + card.maxEni, 0);
  if (perCardTotal !== maxEni) fail(at, `maxEni ${maxEni} differs from the sum of networkCards[].maxEni (${perCardTotal})`);
  const defaultNetworkCardIndex = count(`${at}.defaultNetworkCardIndex`, entry.defaultNetworkCardIndex);
  if (defaultNetworkCardIndex >= networkCards.length) fail(at, `defaultNetworkCardIndex ${defaultNetworkCardIndex} is not one of its ${networkCards.length} network cards`);
  const hypervisor = entry.hypervisor;
  if (hypervisor !== 'nitro' && hypervisor !== 'xen' && hypervisor !== null) fail(`${at}.hypervisor`, `expected "nitro", "xen" or null, got ${JSON.stringify(hypervisor)}`);
  if (typeof entry.bareMetal !== 'boolean') fail(`${at}.bareMetal`, `expected a boolean, got ${JSON.stringify(entry.bareMetal)}`);
  return {
    type,
    maxEni,
    ipv4PerEni: count(`${at}.ipv4PerEni`, entry.ipv4PerEni),
    ...parseIpv6(at, entry),
    networkCards,
    defaultNetworkCardIndex,
    hypervisor,
    bareMetal: entry.bareMetal,
  };
}

/** Validates the parsed data file, throwing an error that names the file, the entry and the field. */
export function parseLimitsData(json: unknown): LimitsData {
  if (!isObject(json)) fail('top level', 'expected an object');
  if (!isObject(json.source)) fail('source', 'expected an object');
  const supplementary = json.source.supplementary ?? [];
  if (!Array.isArray(supplementary)) fail('source.supplementary', 'expected a list');
  const source: LimitsSource = {
    ...parseSourceRef('source', json.source),
    supplementary: supplementary.map((ref: unknown, i) => parseSourceRef(`source.supplementary[${i}]`, ref)),
  };
  if (!Array.isArray(json.instanceTypes) || json.instanceTypes.length === 0) fail('instanceTypes', 'expected a non-empty list');
  const instanceTypes = json.instanceTypes.map((entry: unknown, i) => parseInstanceType(`instanceTypes[${i}]`, entry));
  const seen = new Set<string>();
  for (const { type } of instanceTypes) {
    if (seen.has(type)) fail('instanceTypes', `instance type ${type} is listed twice`);
    seen.add(type);
  }
  return { source, instanceTypes };
}

function renderRow(r: InstanceTypeLimitsRecord): RowsModule['rows'][number] {
  const cards = r.networkCards.map((card) => card.maxEni);
  const cells = [r.type, r.maxEni, r.ipv4PerEni, r.ipv6PerEni, r.ipv6Supported, cards, r.defaultNetworkCardIndex, r.hypervisor, r.bareMetal];
  return { type: r.type, cells };
}

function renderSourceRef(ref: LimitsSourceRef): string {
  return `${ref.repo}/${ref.path} @ ${ref.commit} (${ref.date})`;
}

/** The complete text of the generated module for `data`. */
export function renderLimitsModule(data: LimitsData): string {
  return renderRowsModule({
    generator: 'scripts/generate-limits.ts',
    dataFile: LIMITS_DATA_FILE,
    notes: [
      `Source: ${renderSourceRef(data.source)}`,
      ...data.source.supplementary.map((ref) => `Supplementary source: ${renderSourceRef(ref)}`),
      `To refresh: replace ${LIMITS_DATA_FILE}, run \`${LIMITS_GENERATE_COMMAND}\`, then run the tests.`,
    ],
    rowDoc: [
      'One instance type: [type, maxNetworkInterfaces, ipv4AddressesPerInterface,',
      'ipv6AddressesPerInterface (null = no IPv6 data), ipv6Supported (null = no IPv6 data),',
      'maxNetworkInterfaces of each network card in card-index order (cards are numbered 0..n-1),',
      'defaultNetworkCardIndex, hypervisor (null = none reported), bareMetal].',
    ],
    rowTypeName: 'InstanceNetworkLimitsRow',
    rowElements: 'string, number, number, number | null, boolean | null, readonly number[], number, \'nitro\' | \'xen\' | null, boolean',
    rowsName: 'INSTANCE_NETWORK_LIMITS_ROWS',
    rows: data.instanceTypes.map(renderRow),
  });
}
