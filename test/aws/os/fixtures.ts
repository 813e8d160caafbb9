import { Testing, TerraformStack } from 'cdktf';
import { InterfaceRouting } from '../../../lib/aws/os/interface-routing';

/** A host with two secondary interfaces in two subnets: one found by MAC, one by name. */
export const TWO_INTERFACES: InterfaceRouting[] = [
  { deviceIndex: 1, macAddress: '0A:1B:2C:3D:4E:5F', privateIps: ['10.0.2.10', '10.0.2.11'], subnetCidr: '10.0.2.0/24' },
  { deviceIndex: 2, deviceName: 'ens7', privateIps: ['10.0.3.20'], subnetCidr: '10.0.3.0/24' },
];

/** A scope to report errors on. */
export function scope(): TerraformStack {
  return new TerraformStack(Testing.app(), 'os');
}

/** The text between `cat > path <<'EOF'` and `EOF` in a user data fragment. */
export function writtenFile(userData: string, path: string): string {
  const match = new RegExp(`cat > ${path} <<'(\\w+)'\\n([\\s\\S]*?)\\n\\1\\n`).exec(userData);
  if (!match) throw new Error(`user data writes no ${path}:\n${userData}`);
  return `${match[2]}\n`;
}
