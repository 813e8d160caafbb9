import { bashSyntax } from './bash-syntax';
import { keepalivedSetupLines, renderKeepalivedConfig } from '../../lib/os/keepalived-config';
import { KeepalivedNode } from '../../lib/os/keepalived-node';
import { renderNotifyScript } from '../../lib/os/vip-notify-script';
import { VipTakeover } from '../../lib/os/vip-takeover';
import { renderFifoReader } from '../../lib/os/vrrp-fifo-reader';

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

/** A cloud whose network follows VRRP's gratuitous ARP: nothing to call, no notify script. */
const FOLLOWS_VRRP: VipTakeover = {
  configComment: ['Unicast VRRP; keepalived adds the virtual IP and announces it by gratuitous ARP.'],
  takeoverShell: () => undefined,
};

/** A cloud that must be told through its API, from a notify script. */
const API_TAKEOVER: VipTakeover = {
  configComment: ['The notify script adds the virtual IP and tells the cloud.'],
  takeoverShell: (node) => ({
    description: ['MASTER tells the cloud.'],
    lines: [`take_over() { echo "take ${node.virtualIp}"; }`, 'delivered_here() { return 0; }'],
  }),
};

describe('renderKeepalivedConfig', () => {
  test('GIVEN a cloud whose network follows VRRP WHEN the config is rendered THEN keepalived holds the virtual IP itself and runs no notify script (golden)', () => {
    // WHEN
    const config = renderKeepalivedConfig(NODE, FOLLOWS_VRRP);
    // THEN
    expect(config).toBe(`# keepalived of VirtualIpPair "web", active node (written by cdktf-nic-patterns).
# Unicast VRRP; keepalived adds the virtual IP and announces it by gratuitous ARP.
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
    unicast_src_ip 192.168.0.10
    unicast_peer {
        192.168.0.11
    }
    virtual_ipaddress {
        192.168.0.50/24
    }
}
`);
  });

  test('GIVEN a cloud that takes the virtual IP over from a notify script WHEN the config is rendered THEN every VRRP event goes, in order, to the FIFO reader and the address is left to it', () => {
    // WHEN
    const config = renderKeepalivedConfig(NODE, API_TAKEOVER);
    // THEN
    expect(config).toContain('# The notify script adds the virtual IP and tells the cloud.\n');
    expect(config).toContain([
      'global_defs {',
      '    router_id web-active',
      '    enable_script_security',
      '    script_user root',
      '    vrrp_notify_fifo /run/keepalived-vip.fifo',
      '    vrrp_notify_fifo_script /etc/keepalived/vip-notify-fifo.sh',
      '}',
    ].join('\n'));
    // Separate notify scripts per state could run out of order.
    expect(config).not.toMatch(/notify_(master|backup|fault|stop)/);
    expect(config).not.toContain('virtual_ipaddress');
  });
});

describe('keepalivedSetupLines', () => {
  test('GIVEN a cloud whose network follows VRRP WHEN the setup lines are rendered THEN they write only keepalived.conf, fill in the device and start keepalived', () => {
    // WHEN
    const shell = keepalivedSetupLines(NODE, FOLLOWS_VRRP).join('\n');
    // THEN
    expect(shell).not.toContain('vip-notify');
    expect(shell).toContain(renderKeepalivedConfig(NODE, FOLLOWS_VRRP));
    expect(shell).toContain('chmod 0640 /etc/keepalived/keepalived.conf');
    expect(shell).toContain(`awk -v ip="${NODE.ownAddress}"`);
    expect(shell).toContain('sed -i "s/@PRIMARY_DEVICE@/$DEV/" /etc/keepalived/keepalived.conf');
    expect(shell.endsWith('systemctl enable keepalived\nsystemctl restart keepalived')).toBe(true);
    expect(bashSyntax(shell)).toEqual({ status: 0, stderr: '' });
  });

  test('GIVEN a cloud that takes the virtual IP over from a notify script WHEN the setup lines are rendered THEN the notify script and its FIFO reader are written, executable by root only, before the config that runs them', () => {
    // WHEN
    const shell = keepalivedSetupLines(NODE, API_TAKEOVER).join('\n');
    // THEN
    const cloud = API_TAKEOVER.takeoverShell(NODE)!;
    expect(shell).toContain(renderNotifyScript(NODE, cloud).trimEnd());
    expect(shell).toContain(renderFifoReader(NODE).trimEnd());
    expect(shell).toContain('chmod 0700 /etc/keepalived/vip-notify.sh\n');
    expect(shell).toContain('chmod 0700 /etc/keepalived/vip-notify-fifo.sh\n');
    expect(shell.indexOf('cat > /etc/keepalived/vip-notify.sh')).toBeLessThan(shell.indexOf('cat > /etc/keepalived/keepalived.conf'));
    expect(shell.indexOf('cat > /etc/keepalived/vip-notify-fifo.sh')).toBeLessThan(shell.indexOf('cat > /etc/keepalived/keepalived.conf'));
    expect(bashSyntax(shell)).toEqual({ status: 0, stderr: '' });
  });
});
