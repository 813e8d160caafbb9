import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { Construct } from 'constructs';

// Internal: names and ARNs of the IAM resources the patterns create (not re-exported from lib/index.ts).

/**
 * `<base>-<region>`: IAM names are account-wide while the pattern's other resources are regional,
 * so the same stack deployed in two regions would otherwise fight over one role. The region is the
 * provider's, read at plan time (`data.aws_region`, no API call).
 */
export function regionalIamName(scope: Construct, base: string): string {
  return `${base}-${new DataAwsRegion(scope, 'Region').name}`;
}

/** The partition of ARNs (`aws`, `aws-cn`, `aws-us-gov`): the one given, else the provider's (`data.aws_partition`). */
export function partitionOf(scope: Construct, given: string | undefined): string {
  return given ?? new DataAwsPartition(scope, 'Partition').partition;
}
