/**
 * The synthesized JSON with the failover agent bundle's content hash masked. The hash changes with
 * every change to the agent's code (its own tests cover that); a construct snapshot should only
 * change when the construct's output does.
 */
export function maskAssetHashes(synthesized: string): string {
  return synthesized
    .replace(/("source_code_hash": ")[0-9A-F]{32}(")/g, '$1<asset hash>$2')
    .replace(/(assets\/[^/"]+\/)[0-9A-F]{32}(\/)/g, '$1<asset hash>$2');
}
