import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTIVE, OVERLAY, STANDBY } from './keepalived-nodes';
import { Ec2VipTakeover } from '../../../../lib/aws/patterns/virtual-ip/ec2-vip-takeover';
import { KeepalivedNodeSettings } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { renderKeepalivedConfig } from '../../../../lib/os/keepalived-config';
import { bashSyntax } from '../../../os/bash-syntax';

function notifyScript(node: KeepalivedNodeSettings): string {
  return new Ec2VipTakeover(node).notifyScript(node);
}

describe('keepalived.conf with the EC2 takeover', () => {
  test('active node (golden): MASTER, priority 150, unicast from its own address to the standby\'s', () => {
    expect(renderKeepalivedConfig(ACTIVE, new Ec2VipTakeover(ACTIVE))).toBe(`# keepalived of VirtualIpPair "web", active node (written by cdktf-nic-patterns).
# Unicast VRRP: a VPC carries no multicast, so each node names its peer. The virtual IP is not
# listed here: the notify script adds it locally and moves it through the EC2 API.
global_defs {
    router_id web-active
    enable_script_security
    script_user root
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
    notify_master "/etc/keepalived/vip-notify.sh MASTER"
    notify_backup "/etc/keepalived/vip-notify.sh BACKUP"
    notify_fault "/etc/keepalived/vip-notify.sh FAULT"
    notify_stop "/etc/keepalived/vip-notify.sh STOP"
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
    notify_master "/etc/keepalived/vip-notify.sh MASTER"
    notify_backup "/etc/keepalived/vip-notify.sh BACKUP"
    notify_fault "/etc/keepalived/vip-notify.sh FAULT"
    notify_stop "/etc/keepalived/vip-notify.sh STOP"
}
`);
  });
});

describe('Ec2VipTakeover.notifyScript', () => {
  test('SECONDARY_IP: MASTER adds the address with the subnet prefix and reassigns it to its own interface', () => {
    const script = notifyScript(ACTIVE);
    expect(script).toContain('VIP="10.0.1.50"\nVIP_PREFIX="24"\nOWN_ENI="eni-0aaaaaaaaaaaaaaaa"\nOWN_ADDRESS="10.0.1.10"\n');
    expect(script).toContain('    ip address replace "$VIP/$VIP_PREFIX" dev "$DEV" || status=1\n');
    expect(script).toContain('aws ec2 assign-private-ip-addresses --network-interface-id "$OWN_ENI" --private-ip-addresses "$VIP" \\\n'
      + '      --allow-reassignment');
    expect(script).not.toContain('associate-address');
    expect(script).not.toContain('replace-route');
  });

  test('SECONDARY_IP with an Elastic IP: MASTER re-maps it to the virtual IP on its own interface', () => {
    const script = notifyScript({ ...ACTIVE, elasticIpAllocationId: 'eipalloc-0123456789abcdef0' });
    expect(script).toContain('aws ec2 associate-address --allocation-id "eipalloc-0123456789abcdef0" --network-interface-id "$OWN_ENI" \\\n'
      + '      --private-ip-address "$VIP" --allow-reassociation');
    // The address must be on the interface before the Elastic IP can map to it.
    expect(script.indexOf('assign-private-ip-addresses')).toBeLessThan(script.indexOf('associate-address'));
  });

  test('OVERLAY_ROUTE: MASTER points the /32 route of every table at its own interface', () => {
    const script = notifyScript(OVERLAY);
    expect(script).toContain('VIP_PREFIX="32"');
    expect(script).toContain('    for table in rtb-0123456789abcdef0 rtb-0fedcba9876543210; do\n'
      + '      retry aws ec2 replace-route --route-table-id "$table" --destination-cidr-block "$VIP/32" \\\n'
      + '        --network-interface-id "$OWN_ENI" || status=1\n');
    expect(script).not.toContain('assign-private-ip-addresses');
  });

  test.each([ACTIVE, STANDBY, OVERLAY])('every state but MASTER only drops the address locally ($nodeName, $mode)', (node) => {
    const script = notifyScript(node);
    expect(script).toContain('  BACKUP|FAULT|STOP)\n    ip address del "$VIP/$VIP_PREFIX" dev "$DEV" 2>/dev/null || true\n');
    // Region and credentials come from IMDSv2 (a session token first), transitions are serialized.
    expect(script).toContain('curl -sSf -X PUT http://169.254.169.254/latest/api/token');
    expect(script).toContain('exec 9>/run/vip-notify.lock\nflock 9\n');
  });

  test.each([ACTIVE, { ...ACTIVE, elasticIpAllocationId: 'eipalloc-1' }, OVERLAY])('is a bash script that parses ($mode)', (node) => {
    expect(bashSyntax(notifyScript(node))).toEqual({ status: 0, stderr: '' });
  });
});

describe('the notify script, run with stubbed ip, curl and aws commands', () => {
  const scratch = path.join(__dirname, '..', '..', '..', '..', '.tmp');

  /**
   * Runs the script for `state` in a folder whose stubs log every call; `aws` fails its first
   * `awsFailures` calls. Returns the exit status and the logged calls, one per line.
   */
  function run(node: KeepalivedNodeSettings, state: string, awsFailures = 0) {
    fs.mkdirSync(scratch, { recursive: true });
    const dir = fs.mkdtempSync(path.join(scratch, 'vip-notify-'));
    try {
      const calls = path.join(dir, 'calls.log');
      const stub = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
      stub('ip', `if [ "$1" = -o ]; then echo "2: ens5    inet ${node.ownAddress}/24 brd 10.0.1.255 scope global ens5"; exit 0; fi\necho "ip $*" >> ${calls}`);
      stub('curl', 'case "$*" in *api/token*) echo token;; *placement/region*) echo eu-west-3;; esac');
      stub('aws', `n=$(cat ${dir}/aws.count 2>/dev/null || echo 0); echo $((n + 1)) > ${dir}/aws.count\n`
        + `echo "aws $* region=$AWS_DEFAULT_REGION" >> ${calls}\n[ "$n" -ge ${awsFailures} ]`);
      stub('logger', `echo "logger $*" >> ${calls}`);
      stub('flock', 'exit 0');
      stub('sleep', 'exit 0');
      const script = notifyScript(node).replace('/run/vip-notify.lock', path.join(dir, 'lock'));
      const result = spawnSync('bash', ['-s', state], {
        input: script, encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
      });
      const log = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
      return { status: result.status, calls: log, stderr: result.stderr };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const awsCalls = (calls: string[]) => calls.filter((c) => c.startsWith('aws '));

  test('MASTER (SECONDARY_IP + Elastic IP): adds the address on the primary device, then reassigns and re-maps it, in the instance\'s region', () => {
    const { status, calls } = run({ ...ACTIVE, elasticIpAllocationId: 'eipalloc-1' }, 'MASTER');
    expect(status).toBe(0);
    expect(calls[0]).toBe('ip address replace 10.0.1.50/24 dev ens5');
    expect(awsCalls(calls)).toEqual([
      'aws ec2 assign-private-ip-addresses --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-addresses 10.0.1.50 --allow-reassignment region=eu-west-3',
      'aws ec2 associate-address --allocation-id eipalloc-1 --network-interface-id eni-0aaaaaaaaaaaaaaaa --private-ip-address 10.0.1.50 --allow-reassociation region=eu-west-3',
    ]);
  });

  test('MASTER (OVERLAY_ROUTE): replaces the route in every table', () => {
    const { status, calls } = run(OVERLAY, 'MASTER');
    expect(status).toBe(0);
    expect(awsCalls(calls)).toEqual(OVERLAY.routeTableIds.map((table) =>
      `aws ec2 replace-route --route-table-id ${table} --destination-cidr-block 192.168.53.53/32 --network-interface-id eni-0aaaaaaaaaaaaaaaa region=eu-west-3`));
  });

  test('MASTER retries a failed call and succeeds', () => {
    const { status, calls } = run(ACTIVE, 'MASTER', 2);
    expect(status).toBe(0);
    expect(awsCalls(calls)).toHaveLength(3);
    expect(calls.filter((c) => c.includes('attempt'))).toHaveLength(2);
  });

  test('fails when every attempt fails: exit 1 and a "gave up" log line', () => {
    const { status, calls } = run(ACTIVE, 'MASTER', 99);
    expect(status).toBe(1);
    expect(awsCalls(calls)).toHaveLength(5);
    expect(calls.some((c) => c.includes('gave up: aws ec2 assign-private-ip-addresses'))).toBe(true);
  });

  test.each(['BACKUP', 'FAULT', 'STOP'])('%s drops the address locally and calls no AWS API', (state) => {
    const { status, calls } = run(ACTIVE, state);
    expect(status).toBe(0);
    expect(calls[0]).toBe('ip address del 10.0.1.50/24 dev ens5');
    expect(awsCalls(calls)).toEqual([]);
  });

  test('fails when the state is unknown', () => {
    const { status, calls } = run(ACTIVE, 'DANCING');
    expect(status).toBe(2);
    expect(calls.filter((c) => !c.startsWith('logger'))).toEqual([]);
  });
});
