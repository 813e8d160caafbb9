/**
 * What the benchmark measures: each cloud's fleet in each variant. Kept apart from the fleets, so
 * that a child loads only the provider modules of its own cloud.
 */
export type Variant = 'library' | 'raw';

export const VARIANTS: readonly Variant[] = ['library', 'raw'];

/** The fleets: the AWS one of `fleet-spec.ts`, and the Alibaba Cloud one of `alicloud-fleet-spec.ts`. */
export type Cloud = 'aws' | 'alicloud';

export const CLOUDS: readonly Cloud[] = ['aws', 'alicloud'];
