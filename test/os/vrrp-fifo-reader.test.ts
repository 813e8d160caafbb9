import { bashSyntax } from './bash-syntax';
import { describeWithBash, REAL_SLEEP, ShellSandbox } from './shell-sandbox';
import { KeepalivedNode } from '../../lib/os/keepalived-node';
import { NOTIFY_SCRIPT_PATH } from '../../lib/os/keepalived-paths';
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
  ownershipCheckIntervalSeconds: 1,
};

const line = (event: string, kind = 'INSTANCE') => `${kind} "web" ${event} 150`;

describe('renderFifoReader', () => {
  test('GIVEN a node WHEN the reader is rendered THEN it runs the notify script, keeps the state in /run, checks on its interval, and parses', () => {
    // WHEN
    const reader = renderFifoReader({ ...NODE, ownershipCheckIntervalSeconds: 15 });
    // THEN
    expect(reader).toContain('NOTIFY=/etc/keepalived/vip-notify.sh\nSTATE_FILE=/run/keepalived-vip.state\nCHECK_INTERVAL=15\nNOTIFY_TIMEOUT=120\n');
    expect(reader).toContain('      MASTER|BACKUP|FAULT|STOP)\n');
    expect(reader).toContain('      MASTER_RX_LOWER_PRI)\n');
    expect(reader).not.toMatch(/[$%]\{/);
    expect(bashSyntax(reader)).toEqual({ status: 0, stderr: '' });
  });
});

describeWithBash('the FIFO reader, run with bash', () => {
  let box: ShellSandbox;
  let reader: string;
  // Reads lines only: with a check interval of 1 s a loaded machine may run a periodic check between
  // two lines, so these tests use a reader whose interval never passes while they run.
  let linesReader: string;
  beforeEach(() => {
    box = new ShellSandbox('vrrp-fifo');
    box.stub('logger', `shift 2; echo "$*" >> ${box.path('log')}`);
    // The notify script records its argument and the state the reader had recorded when it ran.
    box.stub('notify', `echo "$1 $(cat ${box.path('run', 'keepalived-vip.state')} 2>/dev/null)" >> ${box.path('notified')}`);
    reader = box.script('vip-notify-fifo.sh', renderFifoReader(NODE), { [NOTIFY_SCRIPT_PATH]: box.path('bin', 'notify') });
    linesReader = box.script('vip-notify-fifo-lines.sh', renderFifoReader({ ...NODE, ownershipCheckIntervalSeconds: 3600 }), {
      [NOTIFY_SCRIPT_PATH]: box.path('bin', 'notify'),
    });
  });
  afterEach(() => box.dispose());

  /** Runs the reader over `lines` from a plain file: it reads them all, then stops at the end. */
  function readAll(lines: string[]) {
    box.write(lines.map((l) => `${l}\n`).join(''), 'events');
    return box.run('"$@"', [linesReader, box.path('events')]);
  }

  test('GIVEN two transitions in quick succession WHEN the reader runs THEN the notify script runs for each, in order, after the state is recorded', () => {
    // WHEN
    const run = readAll([line('MASTER'), line('BACKUP'), line('MASTER')]);
    // THEN
    expect(run.status).toBe(0);
    expect(box.lines('notified')).toEqual(['MASTER MASTER', 'BACKUP BACKUP', 'MASTER MASTER']);
  });

  test('GIVEN keepalived reports a lower priority MASTER WHEN the reader runs THEN it runs the check at once and keeps the state', () => {
    const run = readAll([line('MASTER'), line('MASTER_RX_LOWER_PRI')]);
    expect(run.status).toBe(0);
    expect(box.lines('notified')).toEqual(['MASTER MASTER', 'CHECK MASTER']);
    expect(box.lines('log')).toEqual(['a node with a lower priority claims MASTER of "web": checking the virtual IP now']);
  });

  test('GIVEN group lines, priority changes and garbage WHEN the reader runs THEN it ignores them', () => {
    const run = readAll([line('MASTER', 'GROUP'), line('MASTER_PRIORITY'), 'nonsense', '', line('BACKUP')]);
    expect(run.status).toBe(0);
    expect(box.lines('notified')).toEqual(['BACKUP BACKUP']);
  });

  test('fails when a notify run fails: the reader logs it and goes on with the next line', () => {
    // GIVEN a notify script that fails on FAULT
    box.stub('notify', `echo "$1" >> ${box.path('notified')}; [ "$1" != FAULT ] || exit 3`);
    // WHEN
    const run = readAll([line('FAULT'), line('BACKUP')]);
    // THEN
    expect(run.status).toBe(0);
    expect(box.lines('notified')).toEqual(['FAULT', 'BACKUP']);
    expect(box.lines('log')).toEqual([`${box.path('bin', 'notify')} FAULT exited with status 3`]);
  });

  test('GIVEN a MASTER and a FIFO with no further event WHEN the check interval passes THEN the reader runs the check', () => {
    // WHEN the FIFO stays open 1.5 s after MASTER (interval: 1 s)
    const run = box.run(`mkfifo fifo; "$1" fifo & { echo '${line('MASTER')}'; ${REAL_SLEEP} 1.5; } > fifo; wait $!`, [reader]);
    // THEN
    expect(run.status).toBe(0);
    expect(box.lines('notified')[0]).toBe('MASTER MASTER');
    expect(box.lines('notified')).toContain('CHECK MASTER');
  });

  test('GIVEN a BACKUP and a FIFO with no further event WHEN the check interval passes THEN the reader runs no check', () => {
    const run = box.run(`mkfifo fifo; "$1" fifo & { echo '${line('BACKUP')}'; ${REAL_SLEEP} 1.5; } > fifo; wait $!`, [reader]);
    expect(run.status).toBe(0);
    expect(box.lines('notified')).toEqual(['BACKUP BACKUP']);
  });

  test('GIVEN keepalived stopping WHEN it sends SIGTERM, then the STOP line, and keeps the FIFO open THEN the reader handles STOP and exits', () => {
    // GIVEN keepalived's side of the FIFO, opened read-write as keepalived does, held by a background sleep
    const run = box.run([
      'mkfifo fifo',
      `${REAL_SLEEP} 5 <>fifo & holder=$!`,
      '"$1" fifo & reader=$!',
      `echo '${line('MASTER')}' > fifo`,
      `${REAL_SLEEP} 0.3`,
      // WHEN
      'kill -TERM $reader',
      `echo '${line('STOP')}' > fifo`,
      'wait $reader; status=$?',
      'kill $holder',
      'exit $status',
    ].join('\n'), [reader]);
    // THEN it exited on its own, well before keepalived's side closed, having handled both lines in
    // order (a periodic check may run in between on a loaded machine: the interval is 1 s here)
    expect(run.status).toBe(0);
    expect(box.lines('notified').filter((entry) => !entry.startsWith('CHECK'))).toEqual(['MASTER MASTER', 'STOP STOP']);
  });
});
