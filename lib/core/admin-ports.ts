/**
 * Administration ports that must not be open to the whole internet, on any cloud: SSH and RDP are
 * scanned and brute-forced within minutes of an address going public. Each cloud's security-group
 * constructs and rules (AWS NIC070, Alibaba Cloud ALI070, NHN Cloud NHN070) read this one list.
 */
export const ADMIN_PORTS: ReadonlyArray<{ readonly port: number; readonly name: string }> = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];
