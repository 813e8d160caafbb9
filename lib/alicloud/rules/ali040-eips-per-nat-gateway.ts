import { AliIndex } from './ali-index';
import { AliRule } from './ali-rule';
import { byTarget, reportBeyond } from './eip-associations';
import { RuleLevel } from '../../checks/rule-level';
import { RuleReport } from '../../checks/rule-report';
import { AliDocUrl } from '../doc-url';

/** EIPs one Internet NAT gateway takes. */
const EIPS_PER_NAT_GATEWAY = 20;

/** ALI040: an Internet NAT gateway takes at most 20 EIPs. */
export class Ali040EipsPerNatGateway extends AliRule {
  public readonly id = 'ALI040';
  public readonly level = RuleLevel.ERROR;
  public readonly summary = `at most ${EIPS_PER_NAT_GATEWAY} EIPs associated with one Internet NAT gateway`;
  public readonly explanation = '"Associate an EIP with a cloud resource" (its Japanese edition, in translation): "A public NAT '
    + `gateway supports up to ${EIPS_PER_NAT_GATEWAY} EIPs." ALI040 counts the alicloud_eip_association resources whose `
    + 'instance_id is the gateway (instance_type "Nat", or an id starting with "ngw-"). Alibaba Cloud rejects the '
    + 'association beyond the limit, so the apply fails.';
  public readonly docUrl = AliDocUrl.associateEip;
  public readonly hardLimit = true;

  public check(index: AliIndex, report: RuleReport): void {
    reportBeyond(byTarget(index.eipAssociations, 'Nat', report), EIPS_PER_NAT_GATEWAY,
      'spread the EIPs over several Internet NAT gateways', report);
  }
}
