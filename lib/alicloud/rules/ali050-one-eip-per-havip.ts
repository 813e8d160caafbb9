import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { byTarget, reportBeyond } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** EIPs one HaVip takes. */
const EIPS_PER_HAVIP = 1;

/** ALI050: a HaVip takes at most one EIP. */
export class Ali050OneEipPerHaVip extends AliRule {
  public readonly id = 'ALI050';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = 'at most one EIP per HaVip';
  public readonly explanation = '"Associate an EIP with a cloud resource" (its Japanese edition, in translation): "Only one EIP '
    + 'can be associated with a HaVip." Alibaba Cloud rejects a second alicloud_eip_association with instance_type "HaVip" on the same HaVip, '
    + 'so the apply fails.';
  public readonly docUrl = AliDocUrl.associateEip;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    reportBeyond(byTarget(index.eipAssociations, 'HaVip', report), EIPS_PER_HAVIP,
      'keep one EIP per HaVip; for a second public address, use another HaVip', report);
  }
}
