import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RuleLevel } from '../../../lib/checks/rule-level';
import { CliOptions } from '../../../lib/cli/args';
import { TerraformConfig } from '../../../lib/cli/inputs/terraform-config';
import { CheckIo, CheckResult, runCheck } from '../../../lib/cli/run-check';

/**
 * A module with two errors: NIC034 (a reserved address, a hard limit) on
 * `aws_network_interface.reserved` and NIC070 (SSH open to the internet, suppressible) on
 * `aws_security_group.admin`; `aws_network_interface.admin` is clean.
 */
export const BROKEN_MODULE = {
  resource: {
    aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
    aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' } },
    aws_security_group: {
      admin: { vpc_id: '${aws_vpc.main.id}', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] },
    },
    aws_network_interface: {
      reserved: { subnet_id: '${aws_subnet.a.id}', private_ips: ['10.0.1.1'] },
      admin: { subnet_id: '${aws_subnet.a.id}', private_ips: ['10.0.1.10'], security_groups: ['${aws_security_group.admin.id}'] },
    },
  },
};

/** The same module without the SSH exposure: only the NIC034 error is left. */
export const NO_ADMIN_MODULE = {
  resource: { ...BROKEN_MODULE.resource, aws_security_group: { admin: { vpc_id: '${aws_vpc.main.id}' } } },
};

export const CLEAN_MODULE = {
  resource: {
    ...BROKEN_MODULE.resource,
    aws_security_group: { admin: { vpc_id: '${aws_vpc.main.id}' } },
    aws_network_interface: { admin: { subnet_id: '${aws_subnet.a.id}', private_ips: ['10.0.1.10'] } },
  },
};

/** A folder of its own under the test's TMPDIR, removed by `removeTempDir`. */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nic-check-'));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function cliOptions(overrides: Partial<CliOptions> = {}): CliOptions {
  return { paths: ['infra'], format: 'human', failOn: RuleLevel.ERROR, minLevel: RuleLevel.WARNING, ...overrides };
}

/** An `io` whose loader gives `configs` for every path (the real loader is tested on its own). */
export function fakeIo(configs: TerraformConfig[], cwd: string): CheckIo & { readonly notes: string[] } {
  const notes: string[] = [];
  return { loadInput: async () => configs, cwd, note: (text) => notes.push(text), notes };
}

export function config(name: string, terraformJson: Record<string, unknown>, addressPrefix = ''): TerraformConfig {
  return { name, source: path.join('/repo', name, 'main.tf.json'), addressPrefix, terraformJson };
}

/** runCheck over configurations, from a folder without `.nic-check.json` (this one) unless `cwd` is given. */
export async function check(
  configs: TerraformConfig[],
  overrides: Partial<CliOptions> = {},
  cwd = __dirname,
): Promise<CheckResult & { readonly notes: string[] }> {
  const io = fakeIo(configs, cwd);
  const result = await runCheck(cliOptions(overrides), io);
  return { ...result, notes: io.notes };
}

/** A module with one WARNING (NIC061, several private IPs in a set) and no error. */
export const WARNING_MODULE = {
  resource: {
    aws_subnet: { a: { vpc_id: 'vpc-0123456789abcdef0', cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' } },
    aws_network_interface: { multi: { subnet_id: '${aws_subnet.a.id}', private_ips: ['10.0.1.20', '10.0.1.21'] } },
  },
};

/** A module whose subnet is a variable: the reserved-address rule can only say it cannot verify (INFO). */
export const INFO_MODULE = {
  variable: { subnet_id: { type: 'string' } },
  resource: { aws_network_interface: { eni: { subnet_id: '${var.subnet_id}', private_ips: ['10.0.1.5'] } } },
};

/**
 * A result with one of each kind: an ERROR with a fix (NIC034), a suppressed ERROR (NIC070) and
 * an INFO without fix (NIC034 "cannot verify"), in two configurations under `/repo`.
 */
export async function mixedResult(): Promise<CheckResult> {
  const dir = makeTempDir();
  try {
    fs.writeFileSync(path.join(dir, '.nic-check.json'), JSON.stringify({
      suppressions: [{ rule: 'NIC070', address: 'aws_security_group.admin', reason: 'bastion behind the office VPN' }],
    }));
    return await check([config('infra', BROKEN_MODULE), config('shared', INFO_MODULE)], { minLevel: RuleLevel.INFO, rules: ['NIC034', 'NIC070'] }, dir);
  } finally {
    removeTempDir(dir);
  }
}

/** How the formatters are called in these tests: sources under `/repo`, version 1.2.3. */
export const CONTEXT = { version: '1.2.3', cwd: '/repo' };
