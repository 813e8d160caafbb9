/**
 * Shell that prints the device holding the address in `addressExpression` (`ens5`, `eth0`): device
 * names depend on the image and the machine type, the primary address does not.
 */
export function primaryDeviceLookup(addressExpression: string): string {
  return `ip -o -4 address show | awk -v ip="${addressExpression}" '{ split($4, a, "/") } a[1] == ip { print $2; exit }'`;
}
