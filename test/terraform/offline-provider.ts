import { AwsProvider, AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';

/** Region given to a provider block that names none (plan needs one; it is never contacted). */
export const OFFLINE_REGION = 'us-east-1';

/**
 * Provider settings that let `terraform plan` run with no network and no credentials: static mock
 * keys stop the SDK from searching the credential chain, and every `skip_*` flag of
 * hashicorp/aws 5.100 turns off a call the provider would otherwise make while configuring itself
 * (STS GetCallerIdentity, IMDS, region lookup, account id lookup).
 */
export const OFFLINE_AWS_PROVIDER_SETTINGS = {
  accessKey: 'mock_access_key',
  secretKey: 'mock_secret_key',
  skipCredentialsValidation: true,
  // The provider schema types this flag as a string ("true"/"false"), unlike its siblings.
  skipMetadataApiCheck: 'true',
  skipRegionValidation: true,
  skipRequestingAccountId: true,
  // Should any resource still call an API during plan, fail at once instead of retrying 25 times.
  maxRetries: 1,
} satisfies AwsProviderConfig;

type TerraformJsonObject = Record<string, unknown>;

function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** {@link OFFLINE_AWS_PROVIDER_SETTINGS} with Terraform's argument names, as written to `*.tf.json`. */
export function offlineAwsProviderArguments(): TerraformJsonObject {
  return Object.fromEntries(
    Object.entries(OFFLINE_AWS_PROVIDER_SETTINGS).map(([name, value]) => [toSnakeCase(name), value]),
  );
}

/**
 * Adds a default AwsProvider with the offline settings, for unit-test stacks that declare none.
 */
export function addOfflineTestProvider(stack: TerraformStack, region: string = OFFLINE_REGION): AwsProvider {
  return new AwsProvider(stack, 'OfflineAwsProvider', { region, ...OFFLINE_AWS_PROVIDER_SETTINGS });
}

function awsProviderBlocks(stackConfig: TerraformJsonObject): TerraformJsonObject[] {
  const providers = (stackConfig.provider ?? {}) as TerraformJsonObject;
  const aws = providers.aws;
  if (aws === undefined) return [];
  return (Array.isArray(aws) ? aws : [aws]) as TerraformJsonObject[];
}

/**
 * The content of `offline_override.tf.json` for a synthesized stack (`cdk.tf.json` parsed).
 *
 * Terraform merges `*_override.tf.json` into the matching provider block (same name and alias), so
 * the stack keeps its own provider settings and only gains the offline ones; a provider block that
 * names no region gets {@link OFFLINE_REGION}. A stack with no aws provider block gets a default
 * one. The backend is replaced by a local state file in the working folder: cdktf's default local
 * backend holds an absolute path into the folder where the app ran, and a remote backend would
 * need the network.
 */
export function offlineOverride(stackConfig: TerraformJsonObject): TerraformJsonObject {
  const blocks = awsProviderBlocks(stackConfig);
  const overrides = (blocks.length > 0 ? blocks : [{}]).map((block) => ({
    ...(block.alias === undefined ? {} : { alias: block.alias }),
    ...(block.region === undefined ? { region: OFFLINE_REGION } : {}),
    ...offlineAwsProviderArguments(),
  }));
  return {
    terraform: { backend: { local: { path: 'offline.tfstate' } } },
    provider: { aws: overrides },
  };
}
