import { attributesAt, editResource, FAKE_ACCOUNT_ID, PlanJson, ProviderSchemasJson, stateFromPlan } from './state-from-plan';

const AWS = 'registry.terraform.io/hashicorp/aws';

const SCHEMAS: ProviderSchemasJson = {
  provider_schemas: {
    [AWS]: {
      resource_schemas: {
        aws_vpc: { block: { attributes: { id: { type: 'string' }, arn: { type: 'string' }, cidr_block: { type: 'string' } } } },
        aws_subnet: {
          block: {
            attributes: {
              id: { type: 'string' }, vpc_id: { type: 'string' }, description: { type: 'string' }, ipv6_cidrs: { type: ['list', 'string'] },
            },
          },
        },
      },
    },
  },
};

interface PlannedObject {
  readonly type: string;
  readonly name: string;
  readonly after: Record<string, unknown>;
  readonly unknown: Record<string, unknown>;
  readonly expressions?: Record<string, unknown>;
}

/** A `terraform show -json` plan of `objects` against an empty state (or of updates, with `action`). */
function plan(objects: PlannedObject[], action = 'create'): PlanJson {
  const address = (object: PlannedObject) => `${object.type}.${object.name}`;
  return {
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: objects.map((object) => ({
          address: address(object), mode: 'managed', type: object.type, name: object.name, provider_name: AWS, schema_version: 1, values: object.after,
        })),
      },
    },
    resource_changes: objects.map((object) => ({
      address: address(object),
      mode: 'managed',
      type: object.type,
      change: { actions: [action], before: null, after: object.after, after_unknown: object.unknown },
    })),
    configuration: {
      provider_config: { aws: { full_name: AWS, expressions: { region: { constant_value: 'eu-west-1' } } } },
      root_module: {
        resources: objects.map((object) => ({ address: address(object), provider_config_key: 'aws', expressions: object.expressions ?? {} })),
      },
    },
  };
}

const VPC: PlannedObject = { type: 'aws_vpc', name: 'main', after: { cidr_block: '10.0.0.0/16' }, unknown: { id: true, arn: true } };

function subnet(description: string, after: Record<string, unknown> = {}): PlannedObject {
  return {
    type: 'aws_subnet',
    name: 'a',
    after,
    unknown: { id: true, vpc_id: true, description: true, ipv6_cidrs: true },
    expressions: {
      vpc_id: { constant_value: '${aws_vpc.main.id}', references: ['aws_vpc.main.id', 'aws_vpc.main'] },
      description: { constant_value: description, references: ['aws_vpc.main.id', 'aws_vpc.main'] },
    },
  };
}

describe('stateFromPlan', () => {
  test('GIVEN a plan against an empty state WHEN building the state THEN ids are made up and references to them resolved', () => {
    // GIVEN a VPC and a subnet in it, with a description that is a template around the VPC's id
    const first = plan([VPC, subnet('In ${aws_vpc.main.id}.')]);
    // WHEN building the state
    const state = stateFromPlan(first, { schemas: SCHEMAS });
    // THEN the VPC has a made-up EC2 id and ARN in the provider's region
    const vpc = attributesAt(state, 'aws_vpc.main');
    expect(vpc).toEqual({ cidr_block: '10.0.0.0/16', id: expect.stringMatching(/^vpc-[0-9a-f]{17}$/), arn: `arn:aws:ec2:eu-west-1:${FAKE_ACCOUNT_ID}:vpc/${vpc.id}` });
    // AND the subnet refers to that id, as Terraform would compute it, typed empty values elsewhere
    expect(attributesAt(state, 'aws_subnet.a')).toMatchObject({ vpc_id: vpc.id, description: `In ${vpc.id}.`, ipv6_cidrs: [] });
    expect(state.resources.find((resource) => resource.type === 'aws_subnet')).toMatchObject({
      mode: 'managed', provider: `provider["${AWS}"]`, instances: [{ schema_version: 1, dependencies: ['aws_vpc.main'] }],
    });
  });

  test('GIVEN a value computed by a function WHEN building the state THEN it waits for a later plan, which fills only what the first plan did not know', () => {
    // GIVEN a first plan whose subnet description is a function call, and a later plan that knows it
    const first = plan([VPC, subnet('${upper(aws_vpc.main.id)}')]);
    const built = stateFromPlan(first, { schemas: SCHEMAS });
    expect(attributesAt(built, 'aws_subnet.a').description).toBe('');
    // AND that later plan also wants another CIDR for the VPC, which the first plan knew
    const later = plan([{ ...VPC, after: { cidr_block: '10.9.0.0/16' } }, { ...subnet(''), after: { description: 'VPC-0ABC' }, unknown: { id: true } }], 'update');
    // WHEN building the state again with the later plan
    const state = stateFromPlan(first, { schemas: SCHEMAS, resolvedBy: later, previous: built });
    // THEN the description is the later plan's, the ids stay as made up
    expect(attributesAt(state, 'aws_subnet.a')).toMatchObject({ description: 'VPC-0ABC', id: attributesAt(built, 'aws_subnet.a').id });
    // AND the CIDR stays the first plan's: a later plan that wants it otherwise is a perpetual diff, not to be hidden
    expect(attributesAt(state, 'aws_vpc.main').cidr_block).toBe('10.0.0.0/16');
  });
});

describe('editResource', () => {
  test('GIVEN a state WHEN editing a resource THEN only that resource changes, in a copy with the next serial', () => {
    const state = stateFromPlan(plan([VPC, subnet('')]), { schemas: SCHEMAS });
    const edited = editResource(state, 'aws_vpc.main', (attributes) => ({ ...attributes, cidr_block: '10.1.0.0/16' }));
    expect(attributesAt(edited, 'aws_vpc.main').cidr_block).toBe('10.1.0.0/16');
    expect(attributesAt(state, 'aws_vpc.main').cidr_block).toBe('10.0.0.0/16');
    expect(attributesAt(edited, 'aws_subnet.a')).toEqual(attributesAt(state, 'aws_subnet.a'));
    expect(edited.serial).toBe(state.serial + 1);
  });

  test('fails when the state has no resource at the address', () => {
    const state = stateFromPlan(plan([VPC]), { schemas: SCHEMAS });
    expect(() => editResource(state, 'aws_vpc.other', (attributes) => attributes)).toThrow('no resource aws_vpc.other in the state');
  });
});
