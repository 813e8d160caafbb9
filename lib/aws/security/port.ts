import { Token } from 'cdktf';
import { isUnresolved } from '../../core/tokens';

/**
 * Protocol and port range of a security group rule.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
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
    return new Port('-1', undefined, undefined);
  }

  /**
   * A whole IP protocol by number, with no ports, such as 112 for VRRP. TCP (6), UDP (17) and
   * ICMP (1) need a port range in AWS: use `tcpRange`, `udpRange` or `allIcmp` for them.
   * @param protocolNumber IANA protocol number (0-255), or -1 for every protocol
   * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
   */
  public static ipProtocol(protocolNumber: number): Port {
    // String() of a number token reads as a plain (huge) number, which the checks would refuse; a string token is skipped.
    return new Port(isUnresolved(protocolNumber) ? Token.asString(protocolNumber) : String(protocolNumber), undefined, undefined);
  }

  /** `tcp`, `udp`, `icmp`, `-1` (all) or a protocol number. */
  public readonly protocol: string;
  /**
   * First port of the range.
   * @default - no port (whole protocol)
   */
  public readonly fromPort?: number;
  /**
   * Last port of the range.
   * @default - no port (whole protocol)
   */
  public readonly toPort?: number;

  private constructor(protocol: string, fromPort: number | undefined, toPort: number | undefined) {
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** Whether the rule lets `port` of TCP through. */
  public coversTcpPort(port: number): boolean {
    if (this.protocol === '-1') return true;
    if (this.protocol !== 'tcp' && this.protocol !== '6') return false;
    return this.fromPort !== undefined && this.toPort !== undefined && this.fromPort <= port && port <= this.toPort;
  }

  /** Readable form such as `tcp/22` or `tcp/1024-65535`, for ids and errors. */
  public toString(): string {
    if (this.protocol === '-1') return 'all';
    if (this.fromPort === undefined) return `proto${this.protocol}`;
    return this.fromPort === this.toPort ? `${this.protocol}/${this.fromPort}` : `${this.protocol}/${this.fromPort}-${this.toPort}`;
  }
}
