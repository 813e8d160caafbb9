import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  addOfflineTestProvider,
  OFFLINE_AWS_PROVIDER_SETTINGS,
  OFFLINE_REGION,
  offlineAwsProviderArguments,
  offlineOverride,
} from './offline-provider';

/** Every `skip*` argument the generated AwsProvider class exposes (getter/setter pairs). */
function providerSkipFlags(): string[] {
  return Object.getOwnPropertyNames(AwsProvider.prototype)
    .filter((name) => /^skip[A-Z]/.test(name) && !name.endsWith('Input'))
    .sort();
}

describe('OFFLINE_AWS_PROVIDER_SETTINGS', () => {
  test('GIVEN the aws provider schema WHEN listing its skip_* flags THEN the offline settings set every one', () => {
    const flags = providerSkipFlags();
    expect(flags.length).toBeGreaterThan(0);
    expect(Object.keys(OFFLINE_AWS_PROVIDER_SETTINGS).filter((k) => k.startsWith('skip')).sort()).toEqual(flags);
  });

  test('GIVEN the settings WHEN written for Terraform THEN the names are the provider\'s argument names', () => {
    expect(offlineAwsProviderArguments()).toMatchObject({
      access_key: OFFLINE_AWS_PROVIDER_SETTINGS.accessKey,
      skip_credentials_validation: true,
      skip_metadata_api_check: 'true',
      skip_requesting_account_id: true,
    });
  });
});

describe('addOfflineTestProvider', () => {
  test('GIVEN a stack without provider WHEN adding the test provider THEN it synthesizes with a region and the offline settings', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    addOfflineTestProvider(stack);

    const synthesized = JSON.parse(Testing.synth(stack));

    expect(synthesized.provider.aws).toEqual([{ region: OFFLINE_REGION, ...offlineAwsProviderArguments() }]);
  });
});

describe('offlineOverride', () => {
  test('GIVEN aws provider blocks with and without region WHEN overriding THEN each alias is kept and only a missing region is added', () => {
    const override = offlineOverride({
      provider: { aws: [{ region: 'eu-west-1' }, { alias: 'west' }] },
    });

    expect(override.provider).toEqual({
      aws: [
        { ...offlineAwsProviderArguments() },
        { alias: 'west', region: OFFLINE_REGION, ...offlineAwsProviderArguments() },
      ],
    });
  });

  test('GIVEN a stack with no aws provider block WHEN overriding THEN a default block with a region is provided', () => {
    expect(offlineOverride({ resource: {} }).provider).toEqual({
      aws: [{ region: OFFLINE_REGION, ...offlineAwsProviderArguments() }],
    });
  });

  test('GIVEN a stack with a remote backend WHEN overriding THEN the backend becomes a local state file in the working folder', () => {
    const override = offlineOverride({ terraform: { backend: { s3: { bucket: 'state' } } } });

    expect(override.terraform).toEqual({ backend: { local: { path: 'offline.tfstate' } } });
  });
});
