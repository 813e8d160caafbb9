import { ADMIN_PORTS } from './admin-ports';

/** One administration port (`ADMIN_PORTS`). */
export type AdminPort = (typeof ADMIN_PORTS)[number];

/**
 * Whether an ingress rule lets a port through (or is ingress at all): true, false, or `V`, the value
 * that hides it until deploy time (the checks engine's `TfValue`; core knows no engine).
 */
export type Coverage<V extends object> = boolean | V;

/** What synth time can tell of an ingress rule open to the internet, for the rules that forbid SSH/RDP there (NIC070, ALI070, NHN070). */
export type AdminExposure<V extends object> =
  /** Its source is the whole internet and it lets these administration ports through. */
  | { readonly kind: 'open'; readonly open: readonly AdminPort[] }
  /** Its source is the whole internet; whether it lets an administration port through hides behind `value`. */
  | { readonly kind: 'ports-unknown'; readonly value: V }
  /** It lets these administration ports through; whether its source is the whole internet hides behind `value`. */
  | { readonly kind: 'source-unknown'; readonly value: V; readonly open: readonly AdminPort[] };

/** An ingress rule as the three clouds' rules see it. */
export interface AdminExposureInput<V extends object> {
  /** Whether one of its sources is the whole internet (`0.0.0.0/0`, `::/0`). */
  readonly world: boolean;
  /** A source only known at deploy time, if any. */
  readonly unknownSource?: V;
  /** Whether it lets a TCP port through. */
  readonly covers: (port: number) => Coverage<V>;
  /**
   * Whether it applies at all (its direction, its policy).
   * @default - it applies
   */
  readonly gates?: readonly Coverage<V>[];
}

/**
 * Whether an ingress rule opens SSH or RDP to the whole internet: `open` when synth time says so,
 * the value that keeps it from telling, or undefined when it does not.
 */
export function adminExposure<V extends object>(rule: AdminExposureInput<V>): AdminExposure<V> | undefined {
  const gates = rule.gates ?? [];
  if (gates.includes(false) || (!rule.world && !rule.unknownSource)) return undefined;
  const coverage = ADMIN_PORTS.map((admin) => ({ admin, covered: rule.covers(admin.port) }));
  const open = coverage.filter((c) => c.covered === true).map((c) => c.admin);
  const unknown = [...gates, ...coverage.map((c) => c.covered)].find((c): c is V => typeof c === 'object');
  if (rule.world && unknown) return { kind: 'ports-unknown', value: unknown };
  if (open.length === 0) return undefined;
  if (rule.world) return { kind: 'open', open };
  return unknown ? undefined : { kind: 'source-unknown', value: rule.unknownSource!, open };
}

/**
 * Whether a rule of `protocol` (lower case, or the value that hides it) over `range` (a pair of
 * ports, or the value that hides them) lets TCP `port` through. `allProtocols` are the cloud's words
 * for every protocol.
 */
export function coversTcpPort<V extends object>(
  protocol: string | V, allProtocols: ReadonlySet<string>, range: () => readonly [number, number] | V, port: number,
): Coverage<V> {
  if (typeof protocol !== 'string') return protocol;
  if (allProtocols.has(protocol)) return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  const ports = range();
  return isRange(ports) ? ports[0] <= port && port <= ports[1] : ports;
}

function isRange(value: unknown): value is readonly [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number');
}

/** `all traffic`, `TCP 22`, `TCP 1-65535`: what a rule lets through, in messages. */
export function describePorts(allTraffic: boolean, range: readonly [number, number]): string {
  if (allTraffic) return 'all traffic';
  const [from, to] = range;
  return from === to ? `TCP ${from}` : `TCP ${from}-${to}`;
}

/** `SSH (TCP 22) and RDP (TCP 3389)`. */
export function describeAdminPorts(open: readonly AdminPort[]): string {
  return open.map((c) => `${c.name} (TCP ${c.port})`).join(' and ');
}

/** Who uses a security group, in messages: `eni "a"`, `eni "a" and eni "b"`, `eni "a", eni "b" and 3 more`. */
export function briefly(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  const [first, second, ...rest] = unique;
  if (second === undefined) return first;
  return rest.length === 0 ? `${first} and ${second}` : `${first}, ${second} and ${rest.length} more`;
}
