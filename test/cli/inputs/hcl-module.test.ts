import * as path from 'path';
import { tempFiles } from './temp-files';
import { loadHclModule, normalizeHcl } from '../../../lib/cli/inputs/hcl-module';
import { TerraformConfig } from '../../../lib/cli/inputs/terraform-config';

const SUBNET = `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
`;

function resources(config: TerraformConfig): Record<string, Record<string, unknown>> {
  return (config.terraformJson.resource ?? {}) as Record<string, Record<string, unknown>>;
}

describe('loadHclModule', () => {
  test('reads a resource as one object, nested blocks as lists, expressions as ${...} strings', async () => {
    // GIVEN
    const folder = tempFiles({
      'main.tf': `
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "web" }
  lifecycle {
    create_before_destroy = true
  }
}
`,
    });
    // WHEN
    const [config] = await loadHclModule(folder);
    // THEN
    expect(config.addressPrefix).toBe('');
    expect(config.skipped).toEqual([]);
    expect(resources(config).aws_security_group.web).toEqual({
      vpc_id: '${aws_vpc.main.id}',
      ingress: [
        { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] },
        { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
      ],
      tags: { Name: 'web' },
      lifecycle: { create_before_destroy: true },
    });
  });

  test('reads a dynamic block as Terraform JSON writes it (one object per name, content an object)', () => {
    // GIVEN hcl2json's shape of `dynamic "ingress" { for_each = var.ports; content { from_port = ingress.value } }`
    const hcl = {
      resource: { aws_security_group: { web: [{ dynamic: { ingress: [{ for_each: '${var.ports}', content: [{ from_port: '${ingress.value}' }] }] } }] } },
    };
    // WHEN
    const json = normalizeHcl(hcl);
    // THEN
    expect(json.resource).toEqual({
      aws_security_group: { web: { dynamic: { ingress: { for_each: '${var.ports}', content: { from_port: '${ingress.value}' } } } } },
    });
  });

  test('merges every *.tf and *.tf.json file of the folder, override files last, attribute by attribute', async () => {
    // GIVEN
    const folder = tempFiles({
      'network.tf': SUBNET,
      'vpc.tf.json': { resource: { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } } },
      'locals.tf': 'locals {\n  a = 1\n}\nlocals {\n  b = 2\n}\n',
      'subnet_override.tf': 'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\n',
      'notes.txt': 'not terraform',
    });
    // WHEN
    const [config] = await loadHclModule(folder);
    // THEN
    expect(resources(config)).toEqual({
      aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' } },
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
    });
    expect(config.terraformJson.locals).toEqual({ a: 1, b: 2 });
  });

  test('follows local child modules, each call with its own prefix, nested ones with both', async () => {
    // GIVEN two calls of one module, and a module that calls another
    const folder = tempFiles({
      'main.tf': 'module "blue" {\n  source = "./modules/net"\n}\nmodule "green" {\n  source = "./modules/net"\n}\n',
      'modules/net/main.tf': `${SUBNET}\nmodule "inner" {\n  source = "../inner"\n}\n`,
      'modules/inner/main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    });
    // WHEN
    const configs = await loadHclModule(folder);
    // THEN
    expect(configs.map((c) => [c.addressPrefix, path.relative(folder, c.source), Object.keys(resources(c))])).toEqual([
      ['', '', []],
      ['module.blue.', path.join('modules', 'net'), ['aws_subnet']],
      ['module.blue.module.inner.', path.join('modules', 'inner'), ['aws_vpc']],
      ['module.green.', path.join('modules', 'net'), ['aws_subnet']],
      ['module.green.module.inner.', path.join('modules', 'inner'), ['aws_vpc']],
    ]);
    expect(configs.map((c) => c.name)).toContain(path.relative(process.cwd(), path.join(folder, 'modules', 'net')));
  });

  test('follows each copy of a module call with a literal count, as module.x[0], module.x[1], with its own count.index', async () => {
    // GIVEN a module called twice through count, each copy given its own CIDR block
    const folder = tempFiles({
      'main.tf': 'module "net" {\n  count  = 2\n  source = "./net"\n  cidr   = "10.0.${count.index}.0/24"\n}\n',
      'net/main.tf': 'variable "cidr" {}\nresource "aws_subnet" "a" {\n  vpc_id     = "vpc-1"\n  cidr_block = var.cidr\n}\n',
    });
    // WHEN
    const configs = await loadHclModule(folder);
    // THEN
    expect(configs.map((c) => [c.addressPrefix, (resources(c).aws_subnet?.a as { cidr_block?: string } | undefined)?.cidr_block])).toEqual([
      ['', undefined],
      ['module.net[0].', '10.0.0.0/24'],
      ['module.net[1].', '10.0.1.0/24'],
    ]);
  });

  test('skips, and lists (ordered by name, as hcl2json gives them), modules it cannot follow: a registry source, a cycle, a folder without Terraform files', async () => {
    // GIVEN
    const folder = tempFiles({
      'main.tf': `
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
module "loop" {
  source = "./loop"
}
module "empty" {
  source = "./nothing-here"
}
`,
      'loop/main.tf': 'module "back" {\n  source = "../"\n}\n',
    });
    // WHEN
    const configs = await loadHclModule(folder);
    // THEN the loop module is read once; its call back to the root is not followed
    expect(configs.map((c) => c.addressPrefix)).toEqual(['', 'module.loop.']);
    expect(configs[0].skipped).toEqual([
      { address: 'module.empty', source: './nothing-here', reason: expect.stringContaining('no *.tf') },
      { address: 'module.vpc', source: 'terraform-aws-modules/vpc/aws', reason: expect.stringContaining('not a local path') },
    ]);
    expect(configs[1].skipped).toEqual([{ address: 'module.loop.module.back', source: '../', reason: expect.stringContaining('module cycle') }]);
  });

  test('gives a child module the literal values of its call (or its defaults) for ${var.x}; expressions stay references', async () => {
    // GIVEN
    const folder = tempFiles({
      'main.tf': 'variable "root_cidr" {\n  default = "10.0.0.0/8"\n}\nmodule "net" {\n  source = "./net"\n  cidr   = "0.0.0.0/0"\n  vpc_id = aws_vpc.main.id\n}\n',
      'net/main.tf': `
variable "cidr" {}
variable "vpc_id" {}
variable "ports" {
  default = [22, 3389]
}
variable "name" {
  default = "mgmt"
}
resource "aws_security_group" "admin" {
  name        = "\${var.name}-admin"
  vpc_id      = var.vpc_id
  description = var.missing
  ingress {
    cidr_blocks = [var.cidr]
    ports       = var.ports
  }
}
`,
    });
    // WHEN
    const [root, child] = await loadHclModule(folder);
    // THEN a root module's default may be overridden (tfvars, -var): it stays a variable
    expect(root.terraformJson.variable).toEqual({ root_cidr: { default: '10.0.0.0/8' } });
    expect(resources(child).aws_security_group.admin).toEqual({
      name: 'mgmt-admin',
      vpc_id: '${var.vpc_id}',
      description: '${var.missing}',
      ingress: [{ cidr_blocks: ['0.0.0.0/0'], ports: [22, 3389] }],
    });
  });

  test('fails when a file is not valid HCL', async () => {
    // GIVEN
    const folder = tempFiles({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = \n' });
    // WHEN / THEN
    await expect(loadHclModule(folder)).rejects.toThrow(/\[CliInputNotRecognized\] nic-check: HCL that does not parse .*main\.tf/);
  });

  test('fails when a *.tf.json file is not valid JSON', async () => {
    // GIVEN
    const folder = tempFiles({ 'main.tf.json': '{ "resource": ' });
    // WHEN / THEN
    await expect(loadHclModule(folder)).rejects.toThrow(/\[CliInputNotRecognized\] nic-check: not valid JSON/);
  });
});
