import { cdktf, javascript, typescript } from 'projen';

// Everything generated (package.json, tsconfig*, jest config, tasks) comes from this file:
// edit it and run `npx projen`, never the generated files.
const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-nic-patterns',
  description:
    'CDK for Terraform constructs for multi-NIC instances, Elastic IPs, virtual IPs and ENI failover, with synth-time checks of every documented network-interface constraint.',
  author: 'cdktf-nic-patterns maintainers',
  authorAddress: 'maintainers@cdktf-nic-patterns.dev',
  repositoryUrl: 'https://github.com/cdktf-nic-patterns/cdktf-nic-patterns.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'terraform', 'aws', 'eni', 'network-interface', 'elastic-ip', 'failover', 'virtual-ip'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },

  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.9.0',
  cdktfVersion: '0.21.0',
  constructsVersion: '^10.4.2',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  // Sources live in lib/ (layout: ARCHITECTURE.md); jsii writes JavaScript to build/ so no stale .js
  // ever sits beside a .ts file (dist/ is jsii-pacmak's artifact folder).
  srcdir: 'lib',
  libdir: 'build',
  entrypoint: 'build/index.js',
  testdir: 'test',
  sampleCode: false,
  docgen: true,
  // The failover agent is Lambda code bundled by esbuild, not part of the jsii API.
  excludeTypescript: ['lib/aws/failover/agent/**'],

  // Both provider lines users are on: 20.x (hashicorp/aws 5.x) and 21.x (hashicorp/aws 6.x).
  peerDeps: ['@cdktf/provider-aws@>=20.1.0 <22'],
  devDeps: [
    '@cdktf/provider-aws@20.1.0',
    // The 21.x line, under another name: the provider-matrix jest run maps `@cdktf/provider-aws` to it.
    '@cdktf/provider-aws-21@npm:@cdktf/provider-aws@21.22.1',
    'tsx',
    'fast-check',
    'jsii-pacmak',
    // The failover agent's bundle is built at package time; users need no bundler at synth.
    'esbuild',
    '@aws-sdk/client-ec2',
    'aws-sdk-client-mock',
    'js-yaml',
    '@types/js-yaml',
    // Provider bindings of the clouds without prebuilt ones are generated offline from their schema files.
    '@cdktf/provider-generator@0.21.0',
    // The stand-in provider (test/terraform/) speaks Terraform's plugin protocol 6 over gRPC with msgpack values.
    '@grpc/grpc-js',
    '@grpc/proto-loader',
    '@msgpack/msgpack',
  ],

  // nic-check reads HCL with cdktf's own parser; jsii packages ship non-jsii dependencies bundled.
  bundledDeps: ['@cdktf/hcl2json@0.21.0'],
  // bin/nic-check.js runs the compiled checker, or the sources in a clone (see that file).
  bin: { 'nic-check': 'bin/nic-check.js' },
  autoDetectBin: false,

  publishToPypi: { distName: 'cdktf-nic-patterns', module: 'cdktf_nic_patterns' },
  publishToMaven: {
    javaPackage: 'dev.cdktfnicpatterns',
    mavenGroupId: 'dev.cdktf-nic-patterns',
    mavenArtifactId: 'cdktf-nic-patterns',
  },
  publishToNuget: { dotNetNamespace: 'CdktfNicPatterns', packageId: 'CdktfNicPatterns' },
  publishToGo: { moduleName: 'github.com/cdktf-nic-patterns/cdktf-nic-patterns-go' },

  // No hosted CI here: .ci/run is the pipeline.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  jestOptions: {
    jestVersion: '^30',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Prefer .ts so a stray compiled .js never shadows a source file.
      moduleFileExtensions: ['ts', 'js', 'json', 'node'],
      // test/provider-aws-21/ holds the provider-matrix run's own tests (`test:aws21`).
      testPathIgnorePatterns: ['/node_modules/', '/build/', '/dist/', '/cdktf.out/', '/test/provider-aws-21/'],
      // Generated provider bindings are not ours to cover.
      coveragePathIgnorePatterns: ['/node_modules/', '/lib/[^/]+/bindings/'],
      testTimeout: 30_000,
      // Builds the failover agent bundle when missing, so a plain `npx jest` works in a fresh clone.
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      // Registers the clouds with the checks engine, as the package entry does.
      setupFiles: ['<rootDir>/test/setup-clouds.ts'],
    },
  },
  tsconfigDev: {
    compilerOptions: { isolatedModules: true },
    include: ['../examples/**/*.ts', '../scripts/**/*.ts'],
  },
  eslintOptions: { dirs: ['lib'], devdirs: ['test', 'examples', 'scripts', 'projenrc', '.projenrc.ts'] },
  gitignore: ['/assets/failover-agent/', '/cdktf.out/', '/.tmp/', '/.gen/', '*.tsbuildinfo', '.terraform/', '.terraform.lock.hcl'],
});

// The package ships build/, .jsii, assets/ (the agent bundle) and the docs; never scratch output.
for (const path of ['/examples/', '/scripts/', '/data/', '/.ci/', '/cdktf.out/', '/.tmp/', '/BENCHMARKS.md', '/cdktf.json']) {
  project.addPackageIgnore(path);
}

// jsii prints a banner on every run when Node is not its newest LTS; 20 is the version this project
// supports, so every task (npm test, npm run compile, ...) runs without it.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// unrs-resolver 1.13.0 (jest 30, eslint-import-resolver-typescript) lacks some per-platform
// bindings on the registry, so npm writes a lock file that `npm ci` then refuses; 1.12.2 has them all.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// One tsconfig that sees every TypeScript file, for eslint's type-aware rules.
new javascript.TypescriptConfig(project, {
  fileName: 'tsconfig.eslint.json',
  extends: javascript.TypescriptConfigExtends.fromTypescriptConfigs([project.tsconfig!]),
  compilerOptions: { rootDir: '.', noEmit: true },
  include: ['lib/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'projenrc/**/*.ts', '.projenrc.ts'],
  exclude: ['node_modules'],
});
project.eslint?.addOverride({ files: ['*.ts'], parserOptions: { projectService: false, project: './tsconfig.eslint.json' } } as any);
project.eslint?.addIgnorePattern('lib/*/bindings/');

// The layers of ARCHITECTURE.md, enforced: arrows point downward only, and no import cycles.
// core <- checks, os, diagram <- clouds (lib/aws, lib/alicloud, lib/nhncloud) <- lib/clouds.ts, lib/index.ts.
const CLOUDS = ['aws', 'alicloud', 'nhncloud'];
project.eslint?.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: './lib/core', from: ['./lib/checks', './lib/os', './lib/diagram', ...CLOUDS.map((c) => `./lib/${c}`), './lib/clouds.ts', './lib/index.ts'], message: 'lib/core is the bottom layer: it imports no other layer.' },
      { target: ['./lib/checks', './lib/os', './lib/diagram'], from: [...CLOUDS.map((c) => `./lib/${c}`), './lib/clouds.ts', './lib/index.ts'], message: 'The engine, guest-OS config and diagram know no cloud: clouds register themselves in lib/clouds.ts.' },
      { target: './lib/os', from: ['./lib/checks', './lib/diagram'], message: 'Guest-OS config depends on lib/core only.' },
      { target: './lib/checks', from: './lib/diagram', message: 'The checks engine does not draw.' },
      { target: './lib/cli', from: CLOUDS.map((c) => `./lib/${c}`), message: 'nic-check knows no cloud: it loads lib/clouds.ts, which registers them.' },
      { target: ['./lib/core', './lib/checks', './lib/os', './lib/diagram', ...CLOUDS.map((c) => `./lib/${c}`), './lib/index.ts'], from: './lib/cli', message: 'Nothing imports the command-line checker.' },
      // Building blocks and patterns never import the engine (they mark suppressions through lib/core).
      ...CLOUDS.map((c) => ({ target: `./lib/${c}`, from: './lib/checks', except: ['./rule-index.ts', './tf-value.ts', './rule-report.ts', './cloud-checks.ts', './rule-level.ts', './same-value.ts'], message: 'A cloud reaches the engine only through its rules (the rule base, the index, the report); building blocks never import it.' })),
      ...CLOUDS.map((c) => ({ target: `./lib/${c}`, from: CLOUDS.filter((o) => o !== c).map((o) => `./lib/${o}`), message: 'A cloud never imports another: adding a cloud never touches another.' })),
      ...CLOUDS.map((c) => ({ target: [`./lib/${c}/rules`, `./lib/${c}/diagram`, `./lib/${c}/limits`], from: `./lib/${c}/patterns`, message: 'Nothing imports patterns.' })),
    ],
  }],
});

project.addTask('limits:generate', {
  description: 'Regenerate lib/aws/limits/instance-network-limits.generated.ts from data/ec2-instance-network-limits.json',
  exec: 'tsx scripts/generate-limits.ts',
});
project.addTask('limits:check', {
  description: 'Fail when a generated limits module (lib/aws/limits, lib/alicloud/limits) is stale',
  exec: 'tsx scripts/generate-limits.ts --check',
});
const bundleAgent = project.addTask('bundle:agent', {
  description: 'Bundle the failover agent Lambda with esbuild into assets/failover-agent/',
  exec: 'tsx scripts/bundle-failover-agent.ts',
});
// The package ships the bundle, so it is built before compiling (and so before packaging).
project.preCompileTask.spawn(bundleAgent);
const bindings = project.addTask('bindings', {
  description: 'Generate the Alibaba Cloud and NHN Cloud provider bindings into lib/<cloud>/bindings/ from data/provider-schemas/ (offline; a no-op when up to date)',
  exec: 'tsx scripts/generate-provider-bindings.ts',
  receiveArgs: true,
});
// jsii compiles lib/, where the constructs import the bindings.
project.preCompileTask.spawn(bindings);
project.addTask('limits:alicloud', {
  description: 'Regenerate lib/alicloud/limits/instance-network-limits.generated.ts from data/alicloud-ecs-instance-network-limits.json, after merging any DescribeInstanceTypes output files given',
  exec: 'tsx scripts/generate-alicloud-limits.ts',
  receiveArgs: true,
});
project.tasks.tryFind('limits:check')?.exec('tsx scripts/generate-alicloud-limits.ts --check');

project.addTask('rules:doc', {
  description: 'Regenerate RULES.md from the rule registry',
  exec: 'tsx scripts/generate-rules-doc.ts',
});
project.addTask('demo', {
  description: 'Synthesize every example into cdktf.out/, run the checks, summarize, and plan offline when terraform is present',
  steps: [{ spawn: 'bundle:agent' }, { spawn: 'bindings' }, { exec: 'tsx scripts/demo.ts', receiveArgs: true }],
});
project.addTask('bench', {
  description: 'Synth time and memory: library+rules vs raw fleets of 10/100/1,000 hosts (see BENCHMARKS.md)',
  exec: 'tsx scripts/bench.ts',
});
project.addTask('fuzz', {
  description: 'Property-based fuzz of the public constructs: typed error or terraform-valid (FUZZ_RUNS, FUZZ_SEED; see CONTRIBUTING.md)',
  exec: 'tsx scripts/fuzz.ts',
  receiveArgs: true,
});
project.addTask('model:agent', {
  description: 'Model-based test of the failover agent at a larger count (MODEL_RUNS default 5000, MODEL_SEED, MODEL_CHECK; see scripts/model-agent.ts)',
  exec: 'tsx scripts/model-agent.ts',
  receiveArgs: true,
});
project.addTask('jsii:targets', {
  description: 'Generate Python, Java, .NET and Go code from the compiled assembly (jsii-pacmak --code-only)',
  exec: 'tsx scripts/check-jsii-targets.ts',
});
project.addTask('docs:check', {
  description: 'Fail when API.md is not what jsii-docgen generates from the assembly',
  exec: 'tsx scripts/check-api-docs.ts',
});

// `npm test` is the whole proof: jsii compiles the library, jest runs unit, snapshot, property and
// offline-Terraform tests, eslint, then every jsii target generates and API.md is current.
project.testTask.reset();
project.testTask.spawn(bundleAgent);
project.testTask.spawn(bindings);
project.testTask.spawn(project.compileTask);
// cdktf's Testing.app() leaves a cdktf.outdir.* folder in the temporary folder per app: keep them in
// the repository's (ignored) .tmp/, emptied at every run, rather than piling up in the system's.
project.testTask.exec('rm -rf .tmp/jest-tmp && mkdir -p .tmp/jest-tmp');
project.testTask.exec('jest --passWithNoTests --ci', {
  receiveArgs: true,
  env: { NIC_SYSTEM_TMPDIR: '$(node -p "require(\'os\').tmpdir()")', TMPDIR: '$(echo "$PWD/.tmp/jest-tmp")' },
});
// The same construct, pattern, rule and example tests against @cdktf/provider-aws 21.x (hashicorp/aws
// 6.x); see test/provider-aws-21/jest.config.js for what that run leaves out and why.
const providerMatrix = project.addTask('test:aws21', {
  description: 'Run the AWS construct, pattern, rule and example tests against @cdktf/provider-aws 21.x',
  exec: 'jest --ci --config test/provider-aws-21/jest.config.js',
  receiveArgs: true,
  env: { NIC_SYSTEM_TMPDIR: '$(node -p "require(\'os\').tmpdir()")', TMPDIR: '$(echo "$PWD/.tmp/jest-tmp")' },
});
project.testTask.spawn(providerMatrix);
project.testTask.spawn(project.tasks.tryFind('eslint')!);
project.testTask.spawn(project.tasks.tryFind('jsii:targets')!);
project.testTask.spawn(project.tasks.tryFind('docs:check')!);

// Provider bindings generated from data/provider-schemas/ at build time (after projen's `!/lib/`,
// which would otherwise take them back in).
project.gitignore.exclude('/lib/*/bindings/');

project.synth();
