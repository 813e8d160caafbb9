import { TerraformOutput, TerraformVariable, Testing, Token } from 'cdktf';
import { expectConstraintError, networkStack, resourcesOf } from './fixtures';
import { ElasticIp, Ipv4Assignment, NetworkInterface, SubnetReference } from '../../lib';

function interfaceWith(assignment?: Ipv4Assignment) {
  const fixture = networkStack();
  const eni = new NetworkInterface(fixture.stack, 'eni', {
    subnet: SubnetReference.fromSubnet(fixture.subnetA), privateIpv4: assignment,
  });
  return { ...fixture, eni };
}

describe('ElasticIp', () => {
  test('synthesizes an address and its association as in the snapshot', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10'));
    new ElasticIp(stack, 'eip', { networkInterface: eni, tags: { Name: 'web' } });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('allocates a VPC address without association by default', () => {
    const { stack } = networkStack();
    new ElasticIp(stack, 'eip', { tags: { Name: 'web' } });
    expect(Object.values(resourcesOf(stack, 'aws_eip'))).toEqual([{ domain: 'vpc', tags: { Name: 'web' } }]);
    expect(resourcesOf(stack, 'aws_eip_association')).toEqual({});
  });

  test('exposes the public IP as a reference, the same token at every read', () => {
    // GIVEN
    const { stack } = networkStack();
    const eip = new ElasticIp(stack, 'eip');
    // WHEN it is read twice, once into an output
    expect(eip.publicIp).toBe(eip.publicIp);
    new TerraformOutput(stack, 'ip', { value: eip.publicIp });
    // THEN it references the address resource
    expect(JSON.parse(Testing.synth(stack)).output.ip.value).toBe(`\${aws_eip.${eip.resource.friendlyUniqueId}.public_ip}`);
  });

  test('associates with a chosen private address of an interface, never stealing it', () => {
    // GIVEN an interface with two fixed addresses
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    // WHEN an Elastic IP maps to the secondary one
    const eip = new ElasticIp(stack, 'eip', { networkInterface: eni, privateIp: '10.0.1.11' });
    // THEN a separate association carries the mapping with reassociation off
    const association = Object.values(resourcesOf(stack, 'aws_eip_association'))[0];
    expect(association).toEqual({
      allocation_id: `\${aws_eip.${eip.resource.friendlyUniqueId}.allocation_id}`,
      network_interface_id: `\${aws_network_interface.${eni.resource.friendlyUniqueId}.id}`,
      private_ip_address: '10.0.1.11',
      allow_reassociation: false,
    });
  });

  test('maps to the fixed primary address when none is given', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    eni.associateElasticIp(new ElasticIp(stack, 'eip'));
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))[0].private_ip_address).toBe('10.0.1.10');
  });

  test('leaves the address to AWS when the interface picks its own', () => {
    const { stack, eni } = interfaceWith();
    new ElasticIp(stack, 'eip', { networkInterface: eni, allowReassociation: true });
    const association = Object.values(resourcesOf(stack, 'aws_eip_association'))[0];
    expect(association).not.toHaveProperty('private_ip_address');
    expect(association.allow_reassociation).toBe(true);
  });

  test('fails when the private address is not one of the interface\'s', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10'));
    expectConstraintError(
      () => new ElasticIp(stack, 'eip', { networkInterface: eni, privateIp: '10.0.1.99' }),
      'ElasticIpAddressNotOnInterface', ['test/eni', '10.0.1.99', 'one of 10.0.1.10'],
    );
  });

  test('fails when a literal address is given for an interface whose addresses AWS picks', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.count(1));
    expectConstraintError(
      () => new ElasticIp(stack, 'eip', { networkInterface: eni, privateIp: '10.0.1.10' }),
      'ElasticIpAddressNotOnInterface', ['Ipv4Assignment.addresses'],
    );
  });

  test('fails when a private address takes a second Elastic IP', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    new ElasticIp(stack, 'first', { networkInterface: eni });
    expectConstraintError(
      () => new ElasticIp(stack, 'second', { networkInterface: eni, privateIp: '10.0.1.10' }),
      'ElasticIpAddressAlreadyTaken', ['test/eni', '10.0.1.10', 'one Elastic IP per private IPv4 address'],
    );
  });

  test('fails when one Elastic IP is associated twice', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10', '10.0.1.11'));
    const eip = new ElasticIp(stack, 'eip', { networkInterface: eni });
    expectConstraintError(
      () => eip.associateWith(eni, { privateIp: '10.0.1.11' }),
      'ElasticIpAlreadyAssociated', ['test/eip', 'one association per Elastic IP'],
    );
  });

  test('accepts a token private address', () => {
    const { stack, eni } = interfaceWith(Ipv4Assignment.addresses('10.0.1.10'));
    expect(() => new ElasticIp(stack, 'eip', { networkInterface: eni, privateIp: Token.asString({ Ref: 'ip' }) })).not.toThrow();
  });

  test('associates an existing allocation with an existing interface', () => {
    const { stack } = networkStack();
    const eni = NetworkInterface.fromNetworkInterfaceId(stack, 'eni', 'eni-1', { privateIpv4Addresses: ['10.0.1.10', '10.0.1.20'] });
    ElasticIp.fromAllocationId(stack, 'eip', 'eipalloc-1').associateWith(eni, { privateIp: '10.0.1.20' });
    expect(Object.values(resourcesOf(stack, 'aws_eip_association'))[0]).toMatchObject({
      allocation_id: 'eipalloc-1', network_interface_id: 'eni-1', private_ip_address: '10.0.1.20',
    });
    expect(resourcesOf(stack, 'aws_eip')).toEqual({});
  });

  test('associates with an existing interface whose addresses are a list known only at deploy time', () => {
    // GIVEN addresses from a list(string) variable
    const { stack } = networkStack();
    const addresses = new TerraformVariable(stack, 'addresses', { type: 'list(string)' });
    const eni = NetworkInterface.fromNetworkInterfaceId(stack, 'eni', 'eni-1', { privateIpv4Addresses: addresses.listValue });
    // WHEN
    new ElasticIp(stack, 'eip', { networkInterface: eni });
    // THEN AWS maps it to the primary address: no address is guessed from the list
    const association = Object.values(resourcesOf(stack, 'aws_eip_association'))[0] as Record<string, unknown>;
    expect(association).toMatchObject({ network_interface_id: 'eni-1' });
    expect(association.private_ip_address).toBeUndefined();
  });

  test('fails when an existing interface is known not to have the address', () => {
    const { stack } = networkStack();
    const eni = NetworkInterface.fromNetworkInterfaceId(stack, 'eni', 'eni-1', { privateIpv4Addresses: ['10.0.1.10'] });
    expectConstraintError(
      () => ElasticIp.fromAllocationId(stack, 'eip', 'eipalloc-1').associateWith(eni, { privateIp: '10.0.1.20' }),
      'ElasticIpAddressNotOnInterface', ['10.0.1.20'],
    );
  });

  describe('association props without an interface', () => {
    test.each([
      [{ privateIp: '10.0.0.5' }, 'privateIp "10.0.0.5"'],
      [{ allowReassociation: true }, 'allowReassociation true'],
      [{ privateIp: '10.0.0.5', allowReassociation: true }, 'privateIp and allowReassociation only apply'],
    ])('fails when %p is given without networkInterface', (props, fragment) => {
      // GIVEN / WHEN an Elastic IP with association props but nothing to associate with
      const { stack } = networkStack();
      // THEN it is refused rather than silently allocated without the association
      expectConstraintError(() => new ElasticIp(stack, 'eip', props), 'ConflictingProps',
        ['test/eip', fragment, 'without networkInterface', 'associateWith']);
    });

    test('accepts allowReassociation false, the default, without networkInterface', () => {
      const { stack } = networkStack();
      expect(() => new ElasticIp(stack, 'eip', { allowReassociation: false })).not.toThrow();
    });
  });
});
