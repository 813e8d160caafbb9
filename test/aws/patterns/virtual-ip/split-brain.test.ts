import { FakeEc2 } from './fake-ec2';
import { ACTIVE_WITH_EIP, OVERLAY, OVERLAY_STANDBY, STANDBY_WITH_EIP } from './keepalived-nodes';
import { describeWithBash } from '../../../os/shell-sandbox';

// The generated notify scripts and FIFO readers of both nodes, run with bash against one fake EC2
// (stub `aws` and instance metadata), through issue 11's split brain: the standby misses a few
// adverts, becomes MASTER and takes the virtual IP through the API, hears the active node's higher
// priority and drops back to BACKUP (releasing it only locally), while the active node never left
// MASTER. Before the ownership check, traffic stayed on the standby until someone intervened.

const ENI_ACTIVE = ACTIVE_WITH_EIP.networkInterfaceId;
const ENI_STANDBY = STANDBY_WITH_EIP.networkInterfaceId;
const TABLES = OVERLAY.routeTableIds;
const MAC_ACTIVE = '0a:00:00:00:00:0a';
const MAC_STANDBY = '0b:00:00:00:00:0b';

describeWithBash('split brain, SECONDARY_IP with an Elastic IP', () => {
  let ec2: FakeEc2;
  beforeEach(() => {
    ec2 = new FakeEc2();
    ec2.placeOn(ENI_ACTIVE);
  });
  afterEach(() => ec2.dispose());

  test('GIVEN the standby\'s moment as MASTER WHEN the active node\'s periodic check comes due THEN the virtual IP and the Elastic IP end on the active node', () => {
    // GIVEN the active node MASTER (checking every second here); the standby becomes MASTER, takes
    // both addresses through the API, then hears the higher priority and drops to BACKUP
    const active = ec2.node({ ...ACTIVE_WITH_EIP, ownershipCheckIntervalSeconds: 1 }, MAC_ACTIVE);
    const standby = ec2.node(STANDBY_WITH_EIP, MAC_STANDBY);
    active.readEvents('MASTER');
    standby.readEvents('BACKUP', 'MASTER');
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual([ENI_STANDBY, ENI_STANDBY]);
    standby.readEvents('BACKUP');
    expect(standby.deviceVip()).toBeUndefined();
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual([ENI_STANDBY, ENI_STANDBY]);
    expect(active.vrrpState()).toBe('MASTER');

    // WHEN the active node's FIFO reader runs with no VRRP event at all, until its check is due
    const run = active.readEventsFor(1.5);

    // THEN
    expect(run.status).toBe(0);
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual([ENI_ACTIVE, ENI_ACTIVE]);
    expect(active.deviceVip()).toBe('10.0.1.50/24');
    expect(active.log()).toEqual(expect.arrayContaining([
      'CHECK: 10.0.1.50 is not a private address of eni-0aaaaaaaaaaaaaaaa in EC2',
      'CHECK: took 10.0.1.50 back',
    ]));
    // AND once repaired, a check reads the instance metadata only: no EC2 call
    active.clearCalls();
    expect(active.notify('CHECK').status).toBe(0);
    expect(active.calls().filter((c) => c.startsWith('aws '))).toEqual([]);
    expect(active.calls().filter((c) => c.startsWith('imds meta-data/'))).toEqual([
      'imds meta-data/mac',
      `imds meta-data/network/interfaces/macs/${MAC_ACTIVE}/local-ipv4s`,
      `imds meta-data/network/interfaces/macs/${MAC_ACTIVE}/ipv4-associations/203.0.113.7`,
    ]);
  });

  test('GIVEN the active node\'s MASTER transition gave up after every attempt WHEN its check runs THEN it takes the virtual IP', () => {
    // GIVEN the standby holds the address and the active node's five attempts are all throttled
    ec2.placeOn(ENI_STANDBY);
    const active = ec2.node(ACTIVE_WITH_EIP, MAC_ACTIVE);
    ec2.failNextCalls(5);
    active.readEvents('MASTER');
    expect(ec2.secondaryIpHolder()).toBe(ENI_STANDBY);
    expect(active.log()).toContain('MASTER: holds 10.0.1.50 on ens5, but the network may deliver it elsewhere: CHECK tries again within 10 s');
    // WHEN
    const check = active.notify('CHECK');
    // THEN
    expect(check.status).toBe(0);
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual([ENI_ACTIVE, ENI_ACTIVE]);
  });

  test('GIVEN both nodes MASTER at once (VRRP adverts lost between them) WHEN both keep checking THEN the address stays on the active node', () => {
    // GIVEN the standby became MASTER too and took the addresses, then the active node's check took them back
    const active = ec2.node(ACTIVE_WITH_EIP, MAC_ACTIVE);
    const standby = ec2.node(STANDBY_WITH_EIP, MAC_STANDBY);
    active.readEvents('MASTER');
    standby.readEvents('MASTER');
    active.notify('CHECK');
    // WHEN
    standby.notify('CHECK');
    active.notify('CHECK');
    standby.notify('CHECK');
    // THEN no flapping: the node with the lower priority leaves the address where it is, and says why
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual([ENI_ACTIVE, ENI_ACTIVE]);
    expect(standby.log()).toContain('CHECK: the node with the higher priority took 10.0.1.50 back while both are MASTER (VRRP adverts lost between them): leaving it there');
  });
});

describeWithBash('split brain, OVERLAY_ROUTE', () => {
  let ec2: FakeEc2;
  beforeEach(() => {
    ec2 = new FakeEc2();
    ec2.placeOn(ENI_ACTIVE, TABLES);
  });
  afterEach(() => ec2.dispose());

  test('GIVEN the standby\'s moment as MASTER WHEN the active node hears its lower priority advert THEN every route table points at the active node again', () => {
    // GIVEN
    const active = ec2.node(OVERLAY, MAC_ACTIVE);
    const standby = ec2.node(OVERLAY_STANDBY, MAC_STANDBY);
    active.readEvents('MASTER');
    standby.readEvents('BACKUP', 'MASTER');
    expect(ec2.routeTargets(TABLES)).toEqual({ [TABLES[0]]: ENI_STANDBY, [TABLES[1]]: ENI_STANDBY });
    active.clearCalls();
    // WHEN keepalived on the active node reports MASTER_RX_LOWER_PRI (a restarted reader: the state file kept MASTER),
    // and the standby drops to BACKUP
    active.readEvents('MASTER_RX_LOWER_PRI');
    standby.readEvents('BACKUP');
    // THEN one read, then one ReplaceRoute per table
    expect(ec2.routeTargets(TABLES)).toEqual({ [TABLES[0]]: ENI_ACTIVE, [TABLES[1]]: ENI_ACTIVE });
    expect(active.calls().filter((c) => c.startsWith('aws ')).map((c) => c.split(' ec2 ')[1].split(' region=')[0])).toEqual([
      `describe-route-tables --route-table-ids ${TABLES.join(' ')} --output text --query RouteTables[].[RouteTableId, Routes[?DestinationCidrBlock=='192.168.53.53/32'] | [0].NetworkInterfaceId]`,
      ...TABLES.map((t) => `replace-route --route-table-id ${t} --destination-cidr-block 192.168.53.53/32 --network-interface-id ${ENI_ACTIVE}`),
    ]);
  });

  test('fails when one table\'s ReplaceRoute fails: the other tables converge, the log names the one that did not, and the check retries only it', () => {
    // GIVEN the standby holds both routes, and ReplaceRoute on the first table always fails
    ec2.placeOn(ENI_STANDBY, TABLES);
    ec2.breakRouteTable(TABLES[0]);
    const active = ec2.node(OVERLAY, MAC_ACTIVE);
    // WHEN the active node becomes MASTER
    active.readEvents('MASTER');
    // THEN
    expect(ec2.routeTargets(TABLES)).toEqual({ [TABLES[0]]: ENI_STANDBY, [TABLES[1]]: ENI_ACTIVE });
    expect(active.log()).toContain(`MASTER: the route to 192.168.53.53/32 does not point at ${ENI_ACTIVE} in: ${TABLES[0]}`);
    expect(active.log()).toContain(`MASTER: attempt 1 failed: ec2 replace-route --route-table-id ${TABLES[0]} --destination-cidr-block 192.168.53.53/32 --network-interface-id ${ENI_ACTIVE}: `
      + `An error occurred (InvalidRouteTableID.NotFound): The routeTable ID '${TABLES[0]}' does not exist `);
    expect(active.log().some((l) => l.endsWith('vip-notify.sh MASTER exited with status 1'))).toBe(true);
    // AND the check replaces the failing table only, and exits non-zero
    active.clearCalls();
    expect(active.notify('CHECK').status).toBe(1);
    expect(active.calls().filter((c) => c.includes(' replace-route ')).every((c) => c.includes(`--route-table-id ${TABLES[0]} `))).toBe(true);
    expect(active.log()).toContain(`CHECK: the route to 192.168.53.53/32 does not point at ${ENI_ACTIVE} in: ${TABLES[0]}`);
  });

  test('fails when the route tables cannot be read: the check says so and replaces nothing', () => {
    // GIVEN
    const active = ec2.node(OVERLAY, MAC_ACTIVE);
    active.readEvents('MASTER');
    ec2.failNextCalls(5);
    active.clearCalls();
    // WHEN
    const check = active.notify('CHECK');
    // THEN
    expect(check.status).toBe(1);
    expect(active.calls().filter((c) => c.startsWith('aws ')).every((c) => c.includes(' describe-route-tables '))).toBe(true);
    expect(active.log()).toContain('CHECK: cannot tell where the network delivers 192.168.53.53; checking again in 10 s');
  });
});
