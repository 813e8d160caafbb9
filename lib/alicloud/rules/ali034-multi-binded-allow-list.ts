import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { modeOf } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** ALI034: multi-EIP-to-ENI mode (`MULTI_BINDED`) works only for accounts Alibaba Cloud allowed before it closed the feature. */
export class Ali034MultiBindedAllowList extends AliRule {
  public readonly id = 'ALI034';
  public readonly level = RuleLevel.WARNING;
  public readonly summary = 'MULTI_BINDED mode needs an account allow-listed for multi-EIP-to-ENI mode';
  public readonly explanation = '"Alibaba Cloud no longer accepts new applications for using the multi-EIP-to-ENI mode. If '
    + 'you acquired the permissions to use this feature, you can continue to associate EIPs with a secondary ENI in '
    + 'multi-EIP-to-ENI mode." In any other account the association fails at apply time. Alibaba Cloud recommends exposing '
    + 'an EIP on an ENI through a secondary CIDR block of the VPC instead. Suppress ALI034, with the reason, in an '
    + 'allow-listed account.';
  public readonly docUrl = AliDocUrl.multiEipToEniMode;
  public readonly hardLimit = false;

  public check(index: AliIndex, report: RuleReport): void {
    for (const association of index.eipAssociations) {
      const mode = modeOf(association);
      if (typeof mode !== 'string') {report.cannotVerify(association.source, 'mode', mode);} else if (mode === 'MULTI_BINDED') {
        report.violation(association.source,
          `${association.source.label} uses mode MULTI_BINDED (multi-EIP-to-ENI), which Alibaba Cloud no longer grants to new accounts`,
          'use NAT mode (one EIP per private IP of the ENI) or a VPC secondary CIDR block; in an account allowed the mode, suppress ALI034 with the reason');
      }
    }
  }
}
