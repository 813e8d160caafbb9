import { bashSyntax } from './bash-syntax';
import { describeWithBash, ShellSandbox } from './shell-sandbox';
import { KeepalivedNode } from '../../lib/os/keepalived-node';
import { renderNotifyScript } from '../../lib/os/vip-notify-script';
import { TakeoverShell } from '../../lib/os/vip-takeover';

const NODE: KeepalivedNode = {
  pairName: 'web',
  nodeName: 'active',
  initiallyMaster: true,
  virtualIp: '192.168.0.50',
  virtualIpPrefixLength: 24,
  ownAddress: '192.168.0.10',
  peerAddress: '192.168.0.11',
  priority: 150,
  virtualRouterId: 51,
  advertisementIntervalSeconds: 1,
  ownershipCheckIntervalSeconds: 10,
};

/**
 * A cloud whose network is one file of the sandbox (`network`: the node it delivers the virtual IP
 * to). `take_over` writes `here` to it, through `retry`, unless `take-over-fails` exists;
 * `delivered_here` reads it, or cannot tell when `cannot-tell` exists.
 */
function fileCloud(dir: string): TakeoverShell {
  return {
    description: ['MASTER writes "here" to the network file.'],
    lines: [
      `NETWORK=${dir}/network`,
      'claim() { [ ! -e "$NETWORK.fails" ] || { echo "denied" >&2; return 1; }; echo here > "$NETWORK"; }',
      'take_over() { echo take_over >> calls.log; retry claim; }',
      'delivered_here() {',
      '  echo delivered_here >> calls.log',
      '  [ ! -e "$NETWORK.unknown" ] || return 2',
      '  [ "$(< "$NETWORK")" = here ]',
      '}',
    ],
  };
}

describe('renderNotifyScript', () => {
  test('GIVEN a cloud\'s takeover WHEN the script is rendered THEN it places the cloud\'s lines after the helpers and before the actions, and parses', () => {
    // WHEN
    const script = renderNotifyScript(NODE, fileCloud('network-state'));
    // THEN
    expect(script.startsWith('#!/bin/bash\n# Notify script of VirtualIpPair "web", active node')).toBe(true);
    expect(script).toContain('# MASTER writes "here" to the network file.\n');
    expect(script.indexOf('retry() {')).toBeLessThan(script.indexOf('take_over() {'));
    expect(script.indexOf('take_over() {')).toBeLessThan(script.indexOf('case "$ACTION" in'));
    expect(script).toContain('PREFERRED_HOLDER=yes\nSTATE_FILE=/run/keepalived-vip.state\nHELD_FILE=/run/keepalived-vip.held\n');
    expect(script).toContain('exec 9>/run/keepalived-vip.lock\nflock 9\n');
    expect(script).toContain('  BACKUP|FAULT|STOP)\n');
    expect(bashSyntax(script)).toEqual({ status: 0, stderr: '' });
  });

  test('GIVEN the node with the lower priority WHEN the script is rendered THEN it is not the preferred holder', () => {
    expect(renderNotifyScript({ ...NODE, initiallyMaster: false }, fileCloud('network-state'))).toContain('PREFERRED_HOLDER=no\n');
  });

  test('GIVEN any node WHEN the script is rendered THEN it holds no Terraform template sequence', () => {
    expect(renderNotifyScript(NODE, fileCloud('network-state'))).not.toMatch(/[$%]\{/);
  });
});

describeWithBash('the notify script, run with bash against a file cloud', () => {
  let box: ShellSandbox;

  /** A sandbox whose node has `vrrpState` recorded, the virtual IP on its device or not, and the network file. */
  function node(options: { vrrpState?: string; onDevice?: boolean; network?: string; preferred?: boolean } = {}) {
    box = new ShellSandbox('vip-notify');
    box.stub('logger', `shift 2; echo "$*" >> ${box.path('log')}`);
    box.stub('flock', 'exit 0');
    box.stub('sleep', 'exit 0');
    box.stub('ip', [
      `show() { echo "2: ens5    inet ${NODE.ownAddress}/24 scope global ens5"; [ ! -e device ] || echo "2: ens5    inet $(cat device) scope global secondary ens5"; }`,
      'case "$*" in',
      '  "-o -4 address show"|"-o -4 address show dev ens5") show ;;',
      '  "address replace "*) echo "ip $*" >> calls.log; echo "$3" > device ;;',
      '  "address del "*) echo "ip $*" >> calls.log; rm device 2>/dev/null || exit 2 ;;',
      'esac',
    ].join('\n'));
    if (options.vrrpState) box.write(options.vrrpState, 'run', 'keepalived-vip.state');
    if (options.onDevice) box.write('192.168.0.50/24', 'device');
    box.write(options.network ?? 'elsewhere', 'network');
    const script = box.script('vip-notify.sh', renderNotifyScript({ ...NODE, initiallyMaster: options.preferred ?? true }, fileCloud(box.dir)));
    return {
      run: (action: string) => box.run('"$@"', [script, action]).status,
      calls: () => box.lines('calls.log'),
      log: () => box.lines('log'),
      held: () => box.read('run', 'keepalived-vip.held') !== undefined,
    };
  }
  afterEach(() => box.dispose());

  test('GIVEN a node WHEN it becomes MASTER THEN it adds the virtual IP on its device, takes it over and marks it held', () => {
    const n = node();
    expect(n.run('MASTER')).toBe(0);
    expect(n.calls()).toEqual(['ip address replace 192.168.0.50/24 dev ens5', 'take_over']);
    expect(box.read('network')).toBe('here');
    expect(n.held()).toBe(true);
    expect(n.log()).toEqual(['MASTER: took 192.168.0.50']);
  });

  test('fails when the takeover fails: exit 1, the address kept on the device, the error and the next check in the log', () => {
    const n = node();
    box.write('', 'network.fails');
    expect(n.run('MASTER')).toBe(1);
    expect(box.read('device')).toBe('192.168.0.50/24');
    expect(n.held()).toBe(false);
    expect(n.log()).toEqual([
      ...[1, 2, 3, 4, 5].map((attempt) => `MASTER: attempt ${attempt} failed: claim: denied `),
      'MASTER: gave up: claim',
      'MASTER: holds 192.168.0.50 on ens5, but the network may deliver it elsewhere: CHECK tries again within 10 s',
    ]);
  });

  test.each(['BACKUP', 'FAULT', 'STOP'])('GIVEN a node holding the address WHEN it turns %s THEN it drops it locally only, and forgets it held it', (state) => {
    const n = node({ onDevice: true, network: 'here' });
    box.write('', 'run', 'keepalived-vip.held');
    expect(n.run(state)).toBe(0);
    expect(n.calls()).toEqual(['ip address del 192.168.0.50/24 dev ens5']);
    expect(box.read('network')).toBe('here');
    expect(n.held()).toBe(false);
  });

  test.each([undefined, 'BACKUP', 'FAULT', 'STOP'])('GIVEN the last VRRP state %s WHEN the check runs THEN it does nothing', (vrrpState) => {
    const n = node({ vrrpState });
    expect(n.run('CHECK')).toBe(0);
    expect(n.calls()).toEqual([]);
    expect(n.log()).toEqual([]);
  });

  test('GIVEN a MASTER the network delivers to WHEN the check runs THEN it changes nothing', () => {
    const n = node({ vrrpState: 'MASTER', onDevice: true, network: 'here' });
    expect(n.run('CHECK')).toBe(0);
    expect(n.calls()).toEqual(['delivered_here']);
    expect(n.held()).toBe(true);
  });

  test('GIVEN a MASTER the network delivers elsewhere WHEN the check runs THEN it takes the address over again', () => {
    const n = node({ vrrpState: 'MASTER', onDevice: true });
    expect(n.run('CHECK')).toBe(0);
    expect(n.calls()).toEqual(['delivered_here', 'take_over']);
    expect(box.read('network')).toBe('here');
    expect(n.log()).toEqual(['CHECK: took 192.168.0.50 back']);
  });

  test('GIVEN a MASTER whose address left its device WHEN the check runs THEN it adds it again', () => {
    const n = node({ vrrpState: 'MASTER', network: 'here' });
    expect(n.run('CHECK')).toBe(0);
    expect(box.read('device')).toBe('192.168.0.50/24');
    expect(n.log()).toEqual(['CHECK: 192.168.0.50 was missing on ens5: adding it again']);
  });

  test('GIVEN the lower-priority node, MASTER too, that held the address WHEN the network delivers it elsewhere THEN it leaves it there', () => {
    // GIVEN the other node took it back while both are MASTER
    const n = node({ vrrpState: 'MASTER', onDevice: true, preferred: false });
    box.write('', 'run', 'keepalived-vip.held');
    // WHEN
    expect(n.run('CHECK')).toBe(0);
    // THEN
    expect(n.calls()).toEqual(['delivered_here']);
    expect(box.read('network')).toBe('elsewhere');
    expect(n.log()).toEqual(['CHECK: the node with the higher priority took 192.168.0.50 back while both are MASTER (VRRP adverts lost between them): leaving it there']);
  });

  test('GIVEN the lower-priority node MASTER that never held the address WHEN the check runs THEN it takes it over (its own takeover had failed)', () => {
    const n = node({ vrrpState: 'MASTER', onDevice: true, preferred: false });
    expect(n.run('CHECK')).toBe(0);
    expect(box.read('network')).toBe('here');
    expect(n.held()).toBe(true);
  });

  test('fails when the check cannot tell where the network delivers the address: exit 1 and no takeover', () => {
    const n = node({ vrrpState: 'MASTER', onDevice: true });
    box.write('', 'network.unknown');
    expect(n.run('CHECK')).toBe(1);
    expect(n.calls()).toEqual(['delivered_here']);
    expect(n.log()).toEqual(['CHECK: cannot tell where the network delivers 192.168.0.50; checking again in 10 s']);
  });

  test('fails when the action is unknown: exit 2 and nothing done', () => {
    const n = node();
    expect(n.run('DANCING')).toBe(2);
    expect(n.calls()).toEqual([]);
    expect(n.log()).toEqual(['DANCING: unknown action: expected MASTER, BACKUP, FAULT, STOP, CHECK']);
  });

  test('fails when no device holds the node\'s address: exit 1', () => {
    const n = node();
    box.stub('ip', 'exit 0');
    expect(n.run('MASTER')).toBe(1);
    expect(n.log()).toEqual(['MASTER: no device holds 192.168.0.10']);
  });
});
