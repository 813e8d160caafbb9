import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';

describe('the provider-matrix run', () => {
  test('resolves @cdktf/provider-aws to the 21.x line (hashicorp/aws 6.x)', () => {
    // GIVEN a stack with the AWS provider, as the tests of this run import it
    const stack = new TerraformStack(Testing.app(), 'line');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });

    // WHEN it is synthesized
    const synthesized = JSON.parse(Testing.synth(stack));

    // THEN it requires hashicorp/aws 6.x, so every other test of this run exercises 6.x bindings
    expect(synthesized.terraform.required_providers.aws.version).toMatch(/^6\./);
  });
});
