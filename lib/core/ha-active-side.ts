/** Which member of a failover pair holds the interface. */
export enum HaActiveSide {
  /** The primary instance holds the interface. */
  PRIMARY = 'primary',
  /** The standby instance holds the interface. */
  STANDBY = 'standby',
}
