import { AliType, EipAssociation, EIP_TARGET_KINDS, Target, TargetKind } from './ali-index';
import { ordinal, RuleReport } from '../../checks/rule-report';
import { TfResource, TfValue } from '../../checks/tf-value';

/**
 * What an EIP association targets: the kind its `instance_id` names, else its literal
 * `instance_type` (when valid), else undefined.
 */
export function targetKindOf(association: EipAssociation): TargetKind | undefined {
  if (association.target.kind) return association.target.kind;
  const declared = association.instanceType.follow().asString();
  return EIP_TARGET_KINDS.find((kind) => kind === declared);
}

/** The association's `mode` (`NAT` when absent), or the deploy-time value that hides it. */
export function modeOf(association: EipAssociation): string | TfValue {
  if (association.mode.isAbsent) return 'NAT';
  return association.mode.follow().asString() ?? association.mode;
}

/**
 * The associations of one kind of target, grouped by target (`instance_id`). An association whose
 * target synth time cannot name, or that stands for several (`count`/`for_each`), is reported
 * (INFO) and left out: with it the count is unknown.
 */
export function byTarget(associations: readonly EipAssociation[], kind: TargetKind, report: RuleReport): Map<string, EipAssociation[]> {
  const groups = new Map<string, EipAssociation[]>();
  for (const association of associations) {
    if (targetKindOf(association) !== kind) continue;
    const { source, target: { key, value } } = association;
    if (source.repeated) {
      report.cannotVerify(source, 'how many EIPs it associates (count/for_each)', source.repetition);
      continue;
    }
    if (key === undefined) {
      report.cannotVerify(source, 'instance_id', value);
      continue;
    }
    groups.set(key, [...(groups.get(key) ?? []), association]);
  }
  return groups;
}

/** The ENI resource a target names, when it is one of this stack. */
export function eniResourceOf(target: Target): TfResource | undefined {
  return target.resource && (AliType.enis as readonly string[]).includes(target.resource.type) ? target.resource : undefined;
}

/** Reports each association beyond the first `allowed` of its target (`groups` from `byTarget`). */
export function reportBeyond(groups: Map<string, EipAssociation[]>, allowed: number, fix: string, report: RuleReport): void {
  for (const associations of groups.values()) {
    associations.slice(allowed).forEach((association, i) => report.violation(
      association.source,
      `${association.source.label} is the ${ordinal(allowed + i + 1)} EIP associated with ${association.target.label}, which takes ${allowed}`
        + ` (${associations.slice(0, allowed).map((a) => a.source.label).join(', ')} already associate${allowed === 1 ? 's' : ''} ${allowed === 1 ? 'one' : 'them'})`,
      fix,
    ));
  }
}
