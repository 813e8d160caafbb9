import { NhnMarkerTag } from './rules/marker-tags';

/**
 * What a standalone port is for, when the rules cannot tell it from the resources: a failover or
 * management port is always a standalone port, never one created inline by its instance
 * (constraints.md B12: a port created by the instance is deleted with it).
 *
 * @see https://docs.nhncloud.com/en/Network/Network%20Interface/en/console-guide/
 */
export class PortRole {
  /** A port moved to another instance when its instance fails; it must outlive the instance. */
  public static readonly FAILOVER = new PortRole(NhnMarkerTag.failover);

  /** A port on a management network, kept apart from service traffic. */
  public static readonly MANAGEMENT = new PortRole(NhnMarkerTag.management);

  /** The marker tag the port carries. */
  public readonly tag: string;

  private constructor(tag: string) {
    this.tag = tag;
  }

  /** The marker tag. */
  public toString(): string {
    return this.tag;
  }
}
