import { FakeEc2 } from './fake-ec2';
import { ACTIVE, ACTIVE_WITH_EIP, OVERLAY, STANDBY } from './keepalived-nodes';
import { Ec2VipTakeover } from '../../../../lib/aws/patterns/virtual-ip/ec2-vip-takeover';
import { KeepalivedNodeSettings } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { renderKeepalivedConfig } from '../../../../lib/os/keepalived-config';
import { renderNotifyScript } from '../../../../lib/os/vip-notify-script';
import { bashSyntax } from '../../../os/bash-syntax';
import { describeWithBash } from '../../../os/shell-sandbox';

/** The whole notify script of a node with the EC2 takeover. */
function notifyScript(node: KeepalivedNodeSettings): string {
  return renderNotifyScript(node, new Ec2VipTakeover(node).takeoverShell());
}

describe('keepalived.conf with the EC2 takeover', () => {
  test('active node (golden): MASTER, priority 150, unicast from its own address to the standby\'s, events to the FIFO reader', () => {
    expect(renderKeepalivedConfig(ACTIVE, new Ec2VipTakeover(ACTIVE))).toBe(`# keepalived of VirtualIpPair "web", active node (written by cdktf-nic-patterns).
# Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not
# listed here: the notify script adds it locally and moves it through the EC2 API.
global_defs {
    router_id web-active
    enable_script_security
    script_user root
    vrrp_notify_fifo /run/keepalived-vip.fifo
    vrrp_notify_fifo_script /etc/keepalived/vip-notify-fifo.sh
}

vrrp_instance web {
    state MASTER
    interface @PRIMARY_DEVICE@
    virtual_router_id 51
    priority 150
    advert_int 1
    unicast_src_ip 10.0.1.10
    unicast_peer {
        10.0.1.11
    }
}
`);
  });

  test('standby node (golden): BACKUP, priority 100, the addresses swapped, with PASS authentication', () => {
    const standby = { ...STANDBY, authPassword: 's3cret', virtualRouterId: 7, advertisementIntervalSeconds: 2 };
    expect(renderKeepalivedConfig(standby, new Ec2VipTakeover(standby)))
      .toBe(`# keepalived of VirtualIpPair "web", standby node (written by cdktf-nic-patterns).
# Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not
# listed here: the notify script adds it locally and moves it through the EC2 API.
global_defs {
    router_id web-standby
    enable_script_security
    script_user root
    vrrp_notify_fifo /run/keepalived-vip.fifo
    vrrp_notify_fifo_script /etc/keepalived/vip-notify-fifo.sh
}

vrrp_instance web {
    state BACKUP
    interface @PRIMARY_DEVICE@
    virtual_router_id 7
    priority 100
    advert_int 2
    unicast_src_ip 10.0.1.11
    unicast_peer {
        10.0.1.10
    }
    authentication {
        auth_type PASS
        auth_pass s3cret
    }
}
`);
  });
});

describe('Ec2VipTakeover.takeoverShell', () => {
  test('SECONDARY_IP: MASTER reassigns the address to its own interface; CHECK reads the instance metadata', () => {
    const script = notifyScript(ACTIVE);
    expect(script).toContain('VIP="10.0.1.50"\nVIP_PREFIX="24"\nOWN_ADDRESS="10.0.1.10"\n');
    expect(script).toContain('OWN_ENI="eni-0aaaaaaaaaaaaaaaa"\n');
    expect(script).toContain('take_over() {\n'
      + '  retry ec2 assign-private-ip-addresses --network-interface-id "$OWN_ENI" --private-ip-addresses "$VIP" \\\n'
      + '    --allow-reassignment\n}\n');
    expect(script).toContain('addresses=$(retry imds "network/interfaces/macs/$mac/local-ipv4s") || return 2\n');
    expect(script).not.toContain('associate-address');
    expect(script).not.toContain('route');
  });

  test('SECONDARY_IP with an Elastic IP: MASTER re-maps it after the address; CHECK reads its mapping in the instance metadata', () => {
    const script = notifyScript(ACTIVE_WITH_EIP);
    expect(script).toContain('ELASTIC_IP_ALLOCATION="eipalloc-0123456789abcdef0"\nELASTIC_IP="203.0.113.7"\n');
    // The address must be on the interface before the Elastic IP can map to it.
    expect(script).toContain('    --allow-reassignment || return 1\n'
      + '  retry ec2 associate-address --allocation-id "$ELASTIC_IP_ALLOCATION" --network-interface-id "$OWN_ENI" \\\n'
      + '    --private-ip-address "$VIP" --allow-reassociation\n}\n');
    expect(script).toContain('if [ "$(imds "network/interfaces/macs/$mac/ipv4-associations/$ELASTIC_IP")" != "$VIP" ]; then\n');
  });

  test('OVERLAY_ROUTE: MASTER replaces every table\'s route, going on past a failure; CHECK reads them in one DescribeRouteTables call', () => {
    const script = notifyScript(OVERLAY);
    expect(script).toContain('VIP_PREFIX="32"');
    expect(script).toContain('ROUTE_TABLES="rtb-0123456789abcdef0 rtb-0fedcba9876543210"\n');
    expect(script).toContain('  for table in $TABLES_TO_MOVE; do\n'
      + '    retry ec2 replace-route --route-table-id "$table" --destination-cidr-block "$VIP/32" \\\n'
      + '      --network-interface-id "$OWN_ENI" || failed="$failed $table"\n  done\n');
    expect(script).toContain('targets=$(retry ec2 describe-route-tables --route-table-ids $ROUTE_TABLES --output text \\\n');
    expect(script).not.toContain('assign-private-ip-addresses');
  });

  test.each([ACTIVE, ACTIVE_WITH_EIP, OVERLAY])('EC2 calls have bounded waits and the instance\'s region; metadata through IMDSv2 ($mode)', (node) => {
    const script = notifyScript(node);
    expect(script).toContain('AWS_DEFAULT_REGION="$REGION" aws --cli-connect-timeout 5 --cli-read-timeout 20 ec2 "$@"\n');
    expect(script).toContain('token=$(curl -sSf -m 5 -X PUT http://169.254.169.254/latest/api/token');
  });

  test.each([ACTIVE, ACTIVE_WITH_EIP, OVERLAY])('is a bash script that parses, with no Terraform template sequence ($mode)', (node) => {
    const script = notifyScript(node);
    expect(bashSyntax(script)).toEqual({ status: 0, stderr: '' });
    expect(script).not.toMatch(/[$%]\{/);
  });
});

describeWithBash('the EC2 notify script, run with bash against a fake EC2', () => {
  let ec2: FakeEc2;
  beforeEach(() => {
    ec2 = new FakeEc2();
  });
  afterEach(() => ec2.dispose());

  const awsCalls = (calls: string[]) => calls.filter((c) => c.startsWith('aws ')).map((c) => c.replace('aws --cli-connect-timeout 5 --cli-read-timeout 20 ', ''));

  test('MASTER (SECONDARY_IP + Elastic IP): adds the address on the primary device, then reassigns and re-maps it, in the instance\'s region', () => {
    const node = ec2.node(ACTIVE_WITH_EIP, '0a:00:00:00:00:0a');
    expect(node.notify('MASTER').status).toBe(0);
    expect(node.calls()[0]).toBe('ip address replace 10.0.1.50/24 dev ens5');
    expect(awsCalls(node.calls())).toEqual([
      'ec2 assign-private-ip-addresses --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-addresses 10.0.1.50 --allow-reassignment region=eu-west-3',
      'ec2 associate-address --allocation-id eipalloc-0123456789abcdef0 --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-address 10.0.1.50 --allow-reassociation region=eu-west-3',
    ]);
    expect([ec2.secondaryIpHolder(), ec2.elasticIpHolder()]).toEqual(['eni-0aaaaaaaaaaaaaaaa', 'eni-0aaaaaaaaaaaaaaaa']);
  });

  test('MASTER retries a throttled call, logging the CLI\'s error, and succeeds', () => {
    const node = ec2.node(ACTIVE, '0a:00:00:00:00:0a');
    ec2.failNextCalls(2);
    expect(node.notify('MASTER').status).toBe(0);
    expect(awsCalls(node.calls())).toHaveLength(3);
    expect(node.log().filter((l) => l.includes('attempt'))).toEqual([1, 2].map((attempt) => `MASTER: attempt ${attempt} failed: `
      + 'ec2 assign-private-ip-addresses --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-addresses 10.0.1.50 --allow-reassignment: '
      + 'An error occurred (RequestLimitExceeded): Request limit exceeded. '));
  });

  test('fails when every attempt fails: exit 1, five calls and a "gave up" log line', () => {
    const node = ec2.node(ACTIVE, '0a:00:00:00:00:0a');
    ec2.failNextCalls(5);
    expect(node.notify('MASTER').status).toBe(1);
    expect(awsCalls(node.calls())).toHaveLength(5);
    expect(node.log()).toContain('MASTER: gave up: ec2 assign-private-ip-addresses --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-addresses 10.0.1.50 --allow-reassignment');
  });

  test.each(['BACKUP', 'FAULT', 'STOP'])('%s drops the address locally and calls no AWS API', (state) => {
    const node = ec2.node(ACTIVE, '0a:00:00:00:00:0a');
    node.notify('MASTER');
    node.clearCalls();
    expect(node.notify(state).status).toBe(0);
    expect(node.calls()[0]).toBe('ip address del 10.0.1.50/24 dev ens5');
    expect(awsCalls(node.calls())).toEqual([]);
    expect(node.deviceVip()).toBeUndefined();
  });
});
