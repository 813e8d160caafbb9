import { isUnresolved } from '../../core/tokens';

/**
 * Protocol and port range of an NHN Cloud security group rule (`protocol`, `port_range_min`,
 * `port_range_max`); named so that it is not mistaken for a network `Port`.
 * @see https://registry.terraform.io/providers/nhn-cloud/nhncloud/1.0.7/docs/resources/networking_secgroup_rule_v2
 */
export class Traffic {
  /** One TCP port. */
  public static tcp(port: number): Traffic {
    return new Traffic('tcp', port, port);
  }

  /** A range of TCP ports, both ends included. */
  public static tcpRange(fromPort: number, toPort: number): Traffic {
    return new Traffic('tcp', fromPort, toPort);
  }

  /** One UDP port. */
  public static udp(port: number): Traffic {
    return new Traffic('udp', port, port);
  }

  /** A range of UDP ports, both ends included. */
  public static udpRange(fromPort: number, toPort: number): Traffic {
    return new Traffic('udp', fromPort, toPort);
  }

  /** Every ICMP type and code. */
  public static allIcmp(): Traffic {
    return new Traffic('icmp', undefined, undefined);
  }

  /** Every protocol and port (the rule names no protocol). */
  public static allTraffic(): Traffic {
    return new Traffic(undefined, undefined, undefined);
  }

  /**
   * `tcp`, `udp` or `icmp`.
   * @default - every protocol
   */
  public readonly protocol?: string;
  /**
   * First port of the range.
   * @default - no port (ICMP, all traffic)
   */
  public readonly fromPort?: number;
  /**
   * Last port of the range.
   * @default - no port (ICMP, all traffic)
   */
  public readonly toPort?: number;

  private constructor(protocol: string | undefined, fromPort: number | undefined, toPort: number | undefined) {
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** Whether the rule lets TCP `port` through (true when a token end makes it uncertain). */
  public coversTcpPort(port: number): boolean {
    if (this.protocol === undefined) return true;
    if (this.protocol !== 'tcp' || this.fromPort === undefined || this.toPort === undefined) return false;
    if (isUnresolved(this.fromPort) || isUnresolved(this.toPort)) return true;
    return this.fromPort <= port && port <= this.toPort;
  }

  /** Readable form such as `tcp/22`, `tcp/1024-65535`, `icmp` or `all`, for ids and errors. */
  public toString(): string {
    if (this.protocol === undefined) return 'all';
    if (this.fromPort === undefined) return this.protocol;
    return this.fromPort === this.toPort ? `${this.protocol}/${this.fromPort}` : `${this.protocol}/${this.fromPort}-${this.toPort}`;
  }
}
