import { IConstruct } from 'constructs';
import { NetworkSuppression } from './network-suppression';

// Suppressions are construct metadata rather than module state, so that they survive several
// copies of this library in one app and show up in the construct tree. This module imports
// nothing of the checks engine, so building blocks can mark their own resources.
const METADATA_TYPE = 'cdktf-nic-patterns/network-rules-suppression';

/**
 * Records a suppression on a construct. The caller has checked it: `NetworkSuppressions` for user
 * input, the constructs themselves for the rule ids they own.
 */
export function markSuppressed(scope: IConstruct, suppression: NetworkSuppression): void {
  scope.node.addMetadata(METADATA_TYPE, { id: suppression.id, reason: suppression.reason });
}

/** The suppression of `ruleId` that applies to `construct`: its own or the nearest ancestor's. */
export function findSuppression(construct: IConstruct, ruleId: string): NetworkSuppression | undefined {
  const scopes = construct.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const entry = scopes[i].node.metadata
      .filter((m) => m.type === METADATA_TYPE)
      .map((m) => m.data as NetworkSuppression)
      .find((s) => s.id === ruleId);
    if (entry) return entry;
  }
  return undefined;
}
