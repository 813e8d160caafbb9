import { displayPath, messageParts } from '../../../lib/cli/output/report-context';

describe('nic-check message parts', () => {
  test('splits a finding into problem, fix and documentation', () => {
    // WHEN
    const parts = messageParts('[NIC030] two EIPs on 10.0.1.10. Fix: drop one. See https://docs.aws.amazon.com/x.html');
    // THEN
    expect(parts).toEqual({ problem: 'two EIPs on 10.0.1.10.', fix: 'drop one.', docUrl: 'https://docs.aws.amazon.com/x.html' });
  });

  test('a "cannot verify" finding has no fix', () => {
    // WHEN
    const parts = messageParts('[ALI010] cannot verify eni "x": the vSwitch is a variable. See https://www.alibabacloud.com/help/x');
    // THEN
    expect(parts).toEqual({ problem: 'cannot verify eni "x": the vSwitch is a variable.', fix: undefined, docUrl: 'https://www.alibabacloud.com/help/x' });
  });

  test('a note after the URL stays with the problem', () => {
    // WHEN
    const parts = messageParts('[NIC034] reserved. Fix: move. See https://d/x (The suppression of NIC034 does not apply: AWS rejects this configuration.)');
    // THEN
    expect(parts).toEqual({ problem: 'reserved. (The suppression of NIC034 does not apply: AWS rejects this configuration.)', fix: 'move.', docUrl: 'https://d/x' });
  });

  test('a message without id or URL is all problem', () => {
    // WHEN / THEN
    expect(messageParts('[NIC001] internal error, this rule was not verified: boom')).toEqual({ problem: 'internal error, this rule was not verified: boom', fix: undefined, docUrl: undefined });
  });

  test('sources are shown relative to the current folder when inside it', () => {
    // WHEN / THEN
    expect(displayPath('/repo/infra/main.tf', '/repo')).toBe('infra/main.tf');
    expect(displayPath('/repo', '/repo')).toBe('.');
    expect(displayPath('/elsewhere/plan.json', '/repo')).toBe('/elsewhere/plan.json');
  });
});
