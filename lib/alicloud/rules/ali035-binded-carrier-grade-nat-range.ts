import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { modeOf } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** The block an ENI in cut-through mode no longer reaches. */
const SHARED_ADDRESS_SPACE = '100.64.0.0/10';

/** ALI035: an EIP in cut-through mode (`BINDED`) cuts its ENI off from 100.64.0.0/10. */
export class Ali035BindedCarrierGradeNatRange extends AliRule {
  public readonly id = 'ALI035';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = `BINDED mode makes ${SHARED_ADDRESS_SPACE} unreachable through that ENI`;
  public readonly explanation = '"Associate an EIP with a cloud resource" (its Japanese edition, in translation): after an EIP is '
    + `made visible on an ENI (BINDED, cut-through mode), "the ${SHARED_ADDRESS_SPACE} CIDR block can no longer be accessed" `
    + 'through it, so a route to that block must use the primary ENI; the guide '
    + 'recommends making the EIP visible through a VPC secondary CIDR block instead. Alibaba Cloud accepts the '
    + `configuration; what lives in ${SHARED_ADDRESS_SPACE} (Alibaba Cloud's internal endpoints, such as the instance metadata `
    + 'service at 100.100.100.200) is then unreachable through that ENI.';
  public readonly docUrl = AliDocUrl.associateEip;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    for (const association of index.eipAssociations) {
      const mode = modeOf(association);
      if (typeof mode !== 'string') {report.cannotVerify(association.source, 'mode', mode);} else if (mode === 'BINDED') {
        report.violation(association.source,
          `${association.source.label} uses mode BINDED (cut-through): ${SHARED_ADDRESS_SPACE} becomes unreachable through ${association.target.label}`,
          `route ${SHARED_ADDRESS_SPACE} through the primary ENI in the guest, or expose the EIP through a VPC secondary CIDR block; `
            + 'if nothing on this host needs that block, suppress ALI035 with the reason');
      }
    }
  }
}
