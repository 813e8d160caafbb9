import { TfResource, TfValue } from '../../checks/tf-value';

/**
 * Whether a port's security (anti-spoofing and security groups) is on: its literal
 * `port_security_enabled`, `true` when absent (the API's default), else the value that hides it.
 */
export function portSecurity(port: TfResource): boolean | TfValue {
  const value = port.attr('port_security_enabled');
  if (value.isAbsent) return true;
  return value.follow().asBoolean() ?? value;
}
