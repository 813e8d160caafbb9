import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'bundle-failover-agent.ts');
const ENI = 'eni-0a1b2c3d4e5f60718';
const PRIMARY = 'i-0aaaaaaaaaaaaaaa1';
const STANDBY = 'i-0bbbbbbbbbbbbbbb2';

/** An EC2 Query API answer: the interface is already attached to the standby. */
const DESCRIBE_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <networkInterfaceSet>
    <item>
      <networkInterfaceId>${ENI}</networkInterfaceId>
      <status>in-use</status>
      <attachment>
        <attachmentId>eni-attach-0123456789abcdef0</attachmentId>
        <instanceId>${STANDBY}</instanceId>
        <deviceIndex>1</deviceIndex>
        <networkCardIndex>0</networkCardIndex>
        <status>attached</status>
      </attachment>
      <tagSet/>
    </item>
  </networkInterfaceSet>
</DescribeNetworkInterfacesResponse>`;

/**
 * A scratch folder outside the repository, so that require() cannot fall back on its node_modules.
 * The test task points TMPDIR into the repository's .tmp/ (cdktf's Testing leaves folders there),
 * so the system's own temporary folder is named explicitly.
 */
const OUTSIDE = process.env.NIC_SYSTEM_TMPDIR ?? tmpdir();

describe('scripts/bundle-failover-agent.ts', () => {
  let outdir: string;
  let stdout: string;

  beforeAll(async () => {
    outdir = mkdtempSync(join(OUTSIDE, 'agent-bundle-'));
    ({ stdout } = await run(TSX, [SCRIPT, '--outdir', outdir], { cwd: ROOT }));
  }, 120_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('GIVEN --outdir WHEN run THEN it writes index.js there and prints its size', () => {
    const bundle = join(outdir, 'index.js');
    expect(existsSync(bundle)).toBe(true);
    const kib = Number(/\((\d+\.\d) KiB\)/.exec(stdout)?.[1]);
    expect(kib).toBeCloseTo(statSync(bundle).size / 1024, 1);
  });

  test('GIVEN another working directory WHEN run again THEN the bundle is byte-identical (a stable asset hash)', async () => {
    const again = mkdtempSync(join(OUTSIDE, 'agent-bundle-'));
    try {
      await run(TSX, [SCRIPT, '--outdir', again], { cwd: OUTSIDE });

      expect(readFileSync(join(again, 'index.js')).equals(readFileSync(join(outdir, 'index.js')))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 120_000);

  test('GIVEN the bundle alone (no node_modules) WHEN Lambda calls index.handler THEN it talks EC2 through the bundled SDK', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push(body);
        response.writeHead(200, { 'content-type': 'text/xml' }).end(DESCRIBE_RESPONSE);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const event = { 'source': 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', 'detail': { 'instance-id': PRIMARY, 'state': 'stopped' } };
      const invoke = `require(${JSON.stringify(join(outdir, 'index.js'))}).handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' })`
        + '.then((result) => process.stderr.write("RESULT " + JSON.stringify(result)))';

      const { stderr } = await run(process.execPath, ['-e', invoke], {
        cwd: outdir,
        env: {
          PATH: process.env.PATH,
          NETWORK_INTERFACE_ID: ENI,
          PRIMARY_INSTANCE_ID: PRIMARY,
          STANDBY_INSTANCE_ID: STANDBY,
          DEVICE_INDEX: '1',
          PAIR_NAME: 'web',
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'example-secret',
          AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${port}`,
          NODE_PATH: '',
        },
      });

      expect(JSON.parse(/RESULT (.*)$/m.exec(stderr)![1])).toMatchObject({ outcome: 'noop', to: STANDBY });
      expect(requests).toHaveLength(1);
      expect(new URLSearchParams(requests[0]).get('Action')).toBe('DescribeNetworkInterfaces');
      expect(new URLSearchParams(requests[0]).get('NetworkInterfaceId.1')).toBe(ENI);
    } finally {
      server.close();
    }
  }, 60_000);

  test('fails when --outdir has no value', async () => {
    await expect(run(TSX, [SCRIPT, '--outdir'], { cwd: ROOT })).rejects.toMatchObject({ stderr: expect.stringContaining('--outdir needs a directory') });
  }, 60_000);
});
