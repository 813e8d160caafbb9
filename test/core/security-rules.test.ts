import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ErrorCode } from '../../lib/core/error-codes';
import { canonicalCidr, checkAdminExposure, checkTransportPorts, isWholeInternet, ledgerRule, RuleLedger } from '../../lib/core/security-rules';
import { expectConstraintError } from '../alicloud/building-block-fixtures';

const tcp = (from: number, to = from) => ({ coversTcpPort: (port: number) => from <= port && port <= to, toString: () => `tcp/${from}` });
const cidrPeer = (value: string) => ({ isCidr: true, value, stableKey: value, _attribute: 'cidr', toString: () => `cidr ${value}` });

describe('security rule checks shared by every cloud', () => {
  test('reads the whole internet of a family however it is written', () => {
    expect(['0.0.0.0/0', '10.0.0.0/0'].map((cidr) => isWholeInternet(cidr, 4))).toEqual([true, true]);
    expect(['::/0', '::0/0', '0:0::/0'].map((cidr) => isWholeInternet(cidr, 6))).toEqual([true, true, true]);
    expect([isWholeInternet('::/0', 4), isWholeInternet('0.0.0.0/1', 4), isWholeInternet('not a block', 4)]).toEqual([false, false, false]);
  });

  test('writes CIDR blocks in canonical form and leaves anything else undefined', () => {
    expect(canonicalCidr('2408:4005:0::/32')).toBe('2408:4005::/32');
    expect(canonicalCidr('192.168.0.1/24')).toBe('192.168.0.0/24');
    expect(canonicalCidr('sg-1')).toBeUndefined();
  });

  test('fails when SSH is opened to the internet without opt-in, and returns the port with it', () => {
    // GIVEN
    const scope = new Construct(Testing.app(), 'group');
    const rule = { fromInternet: true, traffic: tcp(22), peer: '0.0.0.0/0', fix: 'Allow it from your admin range', docUrl: 'https://example.com' };
    // WHEN / THEN
    expectConstraintError(() => checkAdminExposure(scope, rule), ErrorCode.AdminPortOpenToInternet, ['SSH (TCP 22)', 'Allow it from your admin range']);
    expect(checkAdminExposure(scope, { ...rule, optedIn: true })?.name).toBe('SSH');
    expect(checkAdminExposure(scope, { ...rule, fromInternet: false })).toBeUndefined();
  });

  test('fails when a port range is out of 1 to 65535 or reversed, and skips token ends', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const token = new TerraformVariable(stack, 'port', { type: 'number' }).numberValue;
    expectConstraintError(() => checkTransportPorts(stack, 'tcp', 0, 10, 'https://example.com'), ErrorCode.InvalidPort);
    expectConstraintError(() => checkTransportPorts(stack, 'udp', 20, 10, 'https://example.com'), ErrorCode.InvalidPort, ['udp 20-10']);
    expect(() => checkTransportPorts(stack, 'tcp', token, 10, 'https://example.com')).not.toThrow();
  });

  test('fails when a rule is added twice or its id is taken, and derives ids from the rule', () => {
    // GIVEN a ledger of a group
    const group = new Construct(Testing.app(), 'group');
    const ledger = new RuleLedger(group, 'https://example.com');
    const rule = ledgerRule('ingress', cidrPeer('10.0.0.1/8'), tcp(80), undefined);
    // WHEN the rule is claimed
    const id = ledger.claimId(rule, ledger.checkNotAddedYet(rule));
    new Construct(group, id);
    // THEN its id reads the rule, and the same rule written otherwise is refused
    expect(id).toBe('Ingress-tcp_80-10.0.0.1_8');
    expectConstraintError(() => ledger.checkNotAddedYet(ledgerRule('ingress', cidrPeer('10.0.0.0/8'), tcp(80), 'again')), ErrorCode.DuplicateRule);
    expectConstraintError(() => ledger.claimId(ledgerRule('egress', cidrPeer('10.0.0.0/8'), tcp(80), id), undefined), ErrorCode.ConstructIdInUse);
  });
});
