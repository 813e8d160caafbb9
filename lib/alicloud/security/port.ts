import { isUnresolved } from '../../core/tokens';

/**
 * Protocol and port range of an Alibaba Cloud security group rule (`ip_protocol`, `port_range`).
 * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
 */
export class Port {
  /** One TCP port. */
  public static tcp(port: number): Port {
    return new Port('tcp', port, port);
  }

  /** A range of TCP ports, both ends included. */
  public static tcpRange(fromPort: number, toPort: number): Port {
    return new Port('tcp', fromPort, toPort);
  }

  /** One UDP port. */
  public static udp(port: number): Port {
    return new Port('udp', port, port);
  }

  /** A range of UDP ports, both ends included. */
  public static udpRange(fromPort: number, toPort: number): Port {
    return new Port('udp', fromPort, toPort);
  }

  /** Every ICMP type and code. */
  public static allIcmp(): Port {
    return new Port('icmp', -1, -1);
  }

  /** Every protocol and port. */
  public static allTraffic(): Port {
    return new Port('all', -1, -1);
  }

  /** `tcp`, `udp`, `icmp` or `all`. */
  public readonly protocol: string;
  /** First port of the range (-1 for ICMP and all traffic). */
  public readonly fromPort: number;
  /** Last port of the range (-1 for ICMP and all traffic). */
  public readonly toPort: number;

  private constructor(protocol: string, fromPort: number, toPort: number) {
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** The `port_range` value: `22/22`, `1024/65535`, `-1/-1`. */
  public get portRange(): string {
    return `${this.fromPort}/${this.toPort}`;
  }

  /** Whether the rule lets `port` of TCP through (true when a token end makes it uncertain). */
  public coversTcpPort(port: number): boolean {
    if (this.protocol === 'all') return true;
    if (this.protocol !== 'tcp') return false;
    if (isUnresolved(this.fromPort) || isUnresolved(this.toPort)) return true;
    return this.fromPort <= port && port <= this.toPort;
  }

  /** Readable form such as `tcp/22` or `tcp/1024-65535`, for ids and errors. */
  public toString(): string {
    if (this.protocol === 'all' || this.protocol === 'icmp') return this.protocol;
    return this.fromPort === this.toPort ? `${this.protocol}/${this.fromPort}` : `${this.protocol}/${this.fromPort}-${this.toPort}`;
  }
}
