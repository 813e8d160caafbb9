import { RuleIndex } from './rule-index';
import { RuleLevel } from './rule-level';
import { RuleInfo, RuleReport } from './rule-report';

/**
 * One documented constraint of one cloud, checked over that cloud's index `I` of a stack. Each
 * cloud keeps its rules one per file under `lib/<cloud>/rules/` and lists them in its registry.
 */
export abstract class CloudRule<I> implements RuleInfo {
  public abstract readonly id: string;
  public abstract readonly level: RuleLevel;
  public abstract readonly summary: string;
  public abstract readonly explanation: string;
  public abstract readonly docUrl: string;
  public abstract readonly hardLimit: boolean;

  /** Reads the index and reports every violation, and every value it cannot verify. */
  public abstract check(index: I, report: RuleReport): void;
}

/**
 * What a cloud plugs into the engine: the engine itself knows no cloud. A cloud's checks run on a
 * stack only when the stack has a resource of its prefix.
 */
export interface CloudChecks<I> {
  /** How messages name the cloud (`AWS`): "computed by AWS at deploy time", "AWS rejects ...". */
  readonly name: string;
  /** The prefix of its Terraform resource types (`aws_`). */
  readonly resourcePrefix: string;
  /** The prefix of its rule ids (`NIC`); no other cloud or custom rule may use it. */
  readonly ruleIdPrefix: string;
  /** How messages name its resource types (`aws_network_interface` -> `eni`). */
  readonly nouns: Readonly<Record<string, string>>;
  /** Its rules, sorted by id. */
  readonly rules: readonly CloudRule<I>[];
  /** Builds what its rules read from the stack's resources, once per stack and check. */
  buildIndex(base: RuleIndex): I;
}
