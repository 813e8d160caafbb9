import * as fs from 'node:fs';
import { Ec2VipTakeover } from '../../../../lib/aws/patterns/virtual-ip/ec2-vip-takeover';
import { KeepalivedNodeSettings } from '../../../../lib/aws/patterns/virtual-ip/keepalived-config';
import { NOTIFY_SCRIPT_PATH } from '../../../../lib/os/keepalived-paths';
import { renderNotifyScript } from '../../../../lib/os/vip-notify-script';
import { renderFifoReader } from '../../../../lib/os/vrrp-fifo-reader';
import { REAL_SLEEP, ShellSandbox } from '../../../os/shell-sandbox';

/**
 * One EC2 network shared by the nodes of a pair, as files: which interface holds the secondary
 * virtual IP (`secondary-ip`) and the Elastic IP (`elastic-ip`), where each route table's /32 route
 * points (`route-<table>`). The stub `aws` of each node changes them as the EC2 API would, and its
 * stub `curl` answers the instance metadata from them.
 */
export class FakeEc2 {
  private readonly world = new ShellSandbox('fake-ec2');

  public constructor() {
    fs.mkdirSync(this.world.path('ec2'));
  }

  /** A node of the pair, with its own stubs, runtime files and log. */
  public node(settings: KeepalivedNodeSettings, mac: string): FakeNode {
    return new FakeNode(this.world.path('ec2'), new ShellSandbox(settings.nodeName, this.world.dir), settings, mac);
  }

  /** Where Terraform put the virtual IP when it created the pair. */
  public placeOn(networkInterfaceId: string, routeTableIds: string[] = []): void {
    for (const file of ['secondary-ip', 'elastic-ip', ...routeTableIds.map((t) => `route-${t}`)]) {
      this.world.write(networkInterfaceId, 'ec2', file);
    }
  }

  /** The interface EC2 delivers the secondary virtual IP to. */
  public secondaryIpHolder(): string | undefined {
    return this.world.read('ec2', 'secondary-ip');
  }

  /** The interface the Elastic IP maps to. */
  public elasticIpHolder(): string | undefined {
    return this.world.read('ec2', 'elastic-ip');
  }

  /** The interface each table's /32 route points at. */
  public routeTargets(routeTableIds: string[]): Record<string, string | undefined> {
    return Object.fromEntries(routeTableIds.map((t) => [t, this.world.read('ec2', `route-${t}`)]));
  }

  /** Makes the next `count` EC2 calls, from any node, fail as throttled. */
  public failNextCalls(count: number): void {
    this.world.write(String(count), 'ec2', 'failures');
  }

  /** Makes every ReplaceRoute on `routeTableId` fail. */
  public breakRouteTable(routeTableId: string): void {
    this.world.write('', 'ec2', `broken-${routeTableId}`);
  }

  public dispose(): void {
    this.world.dispose();
  }
}

/** A node: its notify script and FIFO reader, run with bash against the fake EC2. */
export class FakeNode {
  private readonly notifyPath: string;
  private readonly readerPath: string;

  public constructor(ec2: string, private readonly sandbox: ShellSandbox, private readonly settings: KeepalivedNodeSettings, mac: string) {
    const calls = sandbox.path('calls.log');
    const eni = settings.networkInterfaceId;
    sandbox.stub('logger', `echo "logger $*" >> ${calls}`);
    sandbox.stub('flock', 'exit 0');
    // The retries' pauses: the tests need no real time to pass.
    sandbox.stub('sleep', 'exit 0');
    sandbox.stub('ip', [
      'show() {',
      `  echo "2: ens5    inet ${settings.ownAddress}/24 brd 10.0.1.255 scope global ens5"`,
      `  if [ -e ${sandbox.path('device-vip')} ]; then echo "2: ens5    inet $(cat ${sandbox.path('device-vip')}) scope global secondary ens5"; fi`,
      '}',
      'case "$*" in',
      '  "-o -4 address show"|"-o -4 address show dev ens5") show ;;',
      `  "address replace "*) echo "ip $*" >> ${calls}; echo "$3" > ${sandbox.path('device-vip')} ;;`,
      `  "address del "*) echo "ip $*" >> ${calls}; rm ${sandbox.path('device-vip')} 2>/dev/null || exit 2 ;;`,
      '  *) echo "unexpected: ip $*" >&2; exit 2 ;;',
      'esac',
    ].join('\n'));
    sandbox.stub('curl', [
      'for arg; do case "$arg" in http*) url=$arg ;; esac; done',
      `echo "imds \${url#http://169.254.169.254/latest/}" >> ${calls}`,
      'case "$url" in',
      '  */api/token) echo token ;;',
      '  */meta-data/placement/region) echo eu-west-3 ;;',
      `  */meta-data/mac) echo ${mac} ;;`,
      `  */meta-data/network/interfaces/macs/${mac}/local-ipv4s)`,
      `    echo ${settings.ownAddress}`,
      `    if [ "$(cat ${ec2}/secondary-ip 2>/dev/null)" = ${eni} ]; then echo ${settings.virtualIp}; fi ;;`,
      `  */meta-data/network/interfaces/macs/${mac}/ipv4-associations/*)`,
      `    if [ "$(cat ${ec2}/elastic-ip 2>/dev/null)" = ${eni} ]; then echo ${settings.virtualIp}; else exit 22; fi ;;`,
      '  *) exit 22 ;;',
      'esac',
    ].join('\n'));
    sandbox.stub('aws', [
      `echo "aws $* region=$AWS_DEFAULT_REGION" >> ${calls}`,
      `left=$(cat ${ec2}/failures 2>/dev/null || echo 0)`,
      'if [ "$left" -gt 0 ]; then',
      `  echo $((left - 1)) > ${ec2}/failures`,
      '  echo "An error occurred (RequestLimitExceeded): Request limit exceeded." >&2',
      '  exit 254',
      'fi',
      'sub=""; eni=""; table=""; tables=""',
      'while [ $# -gt 0 ]; do',
      '  case "$1" in',
      '    ec2) sub="$2"; shift ;;',
      '    --network-interface-id) eni="$2"; shift ;;',
      '    --route-table-id) table="$2"; shift ;;',
      '    --route-table-ids) while [ $# -gt 1 ] && [ "${2#--}" = "$2" ]; do tables="$tables $2"; shift; done ;;',
      '  esac',
      '  shift',
      'done',
      'case "$sub" in',
      `  assign-private-ip-addresses) echo "$eni" > ${ec2}/secondary-ip ;;`,
      `  associate-address) echo "$eni" > ${ec2}/elastic-ip ;;`,
      '  replace-route)',
      `    if [ -e "${ec2}/broken-$table" ]; then`,
      '      echo "An error occurred (InvalidRouteTableID.NotFound): The routeTable ID \'$table\' does not exist" >&2',
      '      exit 254',
      '    fi',
      `    echo "$eni" > "${ec2}/route-$table" ;;`,
      '  describe-route-tables)',
      `    for t in $tables; do printf '%s\\t%s\\n' "$t" "$(cat "${ec2}/route-$t" 2>/dev/null || echo None)"; done ;;`,
      '  *) echo "unexpected: aws $*" >&2; exit 2 ;;',
      'esac',
    ].join('\n'));
    const takeover = new Ec2VipTakeover(settings);
    this.notifyPath = sandbox.script('vip-notify.sh', renderNotifyScript(settings, takeover.takeoverShell()));
    this.readerPath = sandbox.script('vip-notify-fifo.sh', renderFifoReader(settings), { [NOTIFY_SCRIPT_PATH]: this.notifyPath });
  }

  /** Runs the notify script as the FIFO reader would, for a state or CHECK. */
  public notify(action: string) {
    return this.sandbox.run('"$@"', [this.notifyPath, action]);
  }

  /**
   * Runs the FIFO reader over keepalived's lines for `events` (`MASTER`, `MASTER_RX_LOWER_PRI`...),
   * read from a file: it handles them in order and stops at its end, as when keepalived closes the FIFO.
   */
  public readEvents(...events: string[]) {
    this.sandbox.write(events.map((e) => `INSTANCE "${this.settings.pairName}" ${e} ${this.settings.priority}\n`).join(''), 'events');
    return this.sandbox.run('"$@"', [this.readerPath, this.sandbox.path('events')]);
  }

  /**
   * Runs the FIFO reader on a real FIFO that stays open `seconds` after `events` are written, so
   * that its ownership checks come due, then closes it.
   */
  public readEventsFor(seconds: number, ...events: string[]) {
    const lines = events.map((e) => `INSTANCE "${this.settings.pairName}" ${e} ${this.settings.priority}`).join('\\n');
    return this.sandbox.run([
      'mkfifo fifo',
      '"$1" fifo &',
      `{ printf '${lines}\\n'; ${REAL_SLEEP} "$2"; } > fifo`,
      'wait $!',
    ].join('\n'), [this.readerPath, String(seconds)]);
  }

  /** What the stubs recorded: `aws ...`, `imds ...`, `ip ...`, `logger ...`, in order. */
  public calls(): string[] {
    return this.sandbox.lines('calls.log');
  }

  /** The log lines (the message after `-t <tag>`). */
  public log(): string[] {
    return this.calls().filter((c) => c.startsWith('logger ')).map((c) => c.replace(/^logger -t \S+ /, ''));
  }

  public clearCalls(): void {
    this.sandbox.write('', 'calls.log');
  }

  /** The address (with prefix) on the node's device, if any. */
  public deviceVip(): string | undefined {
    return this.sandbox.read('device-vip');
  }

  /** The VRRP state the FIFO reader last recorded. */
  public vrrpState(): string | undefined {
    return this.sandbox.read('run', 'keepalived-vip.state');
  }
}
