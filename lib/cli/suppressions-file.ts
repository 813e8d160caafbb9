import * as fs from 'fs';
import { isObject } from './inputs/terraform-config';
import { cloudNameOf, requireRule } from '../checks/rule-registry';
import { checkSuppressionReason } from '../checks/suppression-reason';
import { ErrorCode } from '../core/error-codes';
import { NetworkConstraintError } from '../core/errors';

const DOC_URL = 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns/blob/main/README.md#check-an-existing-terraform-project';
const ENTRY_KEYS = ['rule', 'address', 'reason'];

/** One entry of a suppressions file. */
export interface FileSuppression {
  /** The rule id, upper case (`NIC070`). */
  readonly rule: string;
  /** A Terraform address (`aws_security_group.admin`), or a prefix ending in `*` (`module.legacy.*`). */
  readonly address: string;
  readonly reason: string;
}

/**
 * The suppressions of a `nic-check` run, read from a JSON file:
 *
 * ```json
 * { "suppressions": [{ "rule": "NIC070", "address": "aws_security_group.admin", "reason": "bastion behind VPN" }] }
 * ```
 *
 * An address matches itself and its instances (`aws_instance.web` matches `aws_instance.web[0]`);
 * one ending in `*` matches every address that starts with what comes before it. Hard-limit
 * findings stay active whatever the file says (the engine settles that, and says so in the message).
 */
export class SuppressionsFile {
  /**
   * @throws NetworkConstraintError `SuppressionsFileInvalid` when the file cannot be read or is not
   * a suppressions file, `UnknownNetworkRule` for an unknown rule id, `SuppressionReasonTooShort`
   * for a reason shorter than 10 characters
   */
  public static read(file: string): SuppressionsFile {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw invalid(file, 'cannot read the suppressions file', (error as Error).message, 'a readable JSON file');
    }
    return SuppressionsFile.parse(text, file);
  }

  /**
   * @param text the file's content
   * @param source the file's name, for errors
   * @throws NetworkConstraintError as `read`
   */
  public static parse(text: string, source: string): SuppressionsFile {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw invalid(source, 'the suppressions file is not valid JSON', (error as Error).message, 'a JSON object { "suppressions": [...] }');
    }
    const list = isObject(json) ? json.suppressions : undefined;
    if (!Array.isArray(list)) {
      throw invalid(source, 'the suppressions file has no "suppressions" list', JSON.stringify(json).slice(0, 80), 'a JSON object { "suppressions": [...] }');
    }
    return new SuppressionsFile(source, list.map((entry, i) => validate(entry, `${source} suppressions[${i}]`)));
  }

  /** No suppression at all: what a run without a file uses. */
  public static none(): SuppressionsFile {
    return new SuppressionsFile('', []);
  }

  private readonly used = new Set<FileSuppression>();

  private constructor(
    /** Where the suppressions come from. */
    public readonly source: string,
    public readonly suppressions: readonly FileSuppression[],
  ) {}

  /** The reason a finding of `ruleId` on `address` is suppressed, or undefined; records the match. */
  public suppressionOf(ruleId: string, address: string): string | undefined {
    const match = this.suppressions.find((s) => s.rule === ruleId.toUpperCase() && addressMatches(s.address, address));
    if (match === undefined) return undefined;
    this.used.add(match);
    return match.reason;
  }

  /** The suppressions that matched no finding so far. */
  public unused(): FileSuppression[] {
    return this.suppressions.filter((s) => !this.used.has(s));
  }

  /** Suppressions of hard-limit rules: they never apply, which the user should hear at once. */
  public hardLimitNotes(): string[] {
    return this.suppressions
      .map((s) => ({ s, rule: requireRule(s.rule, { subject: this.source, action: 'suppress' }) }))
      .filter(({ rule }) => rule.hardLimit)
      .map(({ s, rule }) => `the suppression of ${s.rule} on ${s.address} never applies: ${s.rule} enforces a hard ${cloudNameOf(rule)} limit`);
  }
}

function addressMatches(pattern: string, address: string): boolean {
  if (pattern.endsWith('*')) return address.startsWith(pattern.slice(0, -1));
  return address === pattern || address.startsWith(`${pattern}[`);
}

function validate(entry: unknown, where: string): FileSuppression {
  if (!isObject(entry)) throw invalid(where, 'a suppression is not an object', JSON.stringify(entry), '{ "rule": ..., "address": ..., "reason": ... }');
  const unknownKeys = Object.keys(entry).filter((key) => !ENTRY_KEYS.includes(key));
  if (unknownKeys.length > 0) {
    // A misspelt key would otherwise widen or drop a suppression without a word.
    throw invalid(where, 'a suppression has unknown keys', unknownKeys.join(', '), `only ${ENTRY_KEYS.join(', ')}`);
  }
  const field = (key: string) => {
    const value = entry[key];
    if (typeof value !== 'string' || value.trim() === '') throw invalid(where, `"${key}" must be a non-empty string`, JSON.stringify(value) ?? 'nothing', 'a non-empty string');
    return value.trim();
  };
  const rule = requireRule(field('rule'), { subject: where, action: 'suppress' });
  const address = field('address');
  if (address.indexOf('*') !== -1 && address.indexOf('*') !== address.length - 1) {
    throw invalid(where, '"*" may only end an address', `"${address}"`, 'an address (aws_security_group.admin) or a prefix ending in * (module.legacy.*)');
  }
  const reason = checkSuppressionReason({ subject: where, docUrl: DOC_URL }, rule.id, entry.reason);
  return { rule: rule.id, address, reason };
}

function invalid(where: string, problem: string, received: string, allowed: string): NetworkConstraintError {
  return new NetworkConstraintError({ code: ErrorCode.SuppressionsFileInvalid, subject: where, problem, received, allowed, docUrl: DOC_URL });
}
