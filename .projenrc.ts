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

  // Sources live in lib/ (DESIGN.md layout); jsii writes JavaScript to build/ so no stale .js
  // ever sits beside a .ts file (dist/ is jsii-pacmak's artifact folder).
  srcdir: 'lib',
  libdir: 'build',
  entrypoint: 'build/index.js',
  testdir: 'test',
  sampleCode: false,
  docgen: true,

  peerDeps: ['@cdktf/provider-aws@^20.1.0'],
  devDeps: [
    '@cdktf/provider-aws@20.1.0',
    'tsx',
    'fast-check',
    'jsii-pacmak',
  ],

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
      testPathIgnorePatterns: ['/node_modules/', '/build/', '/dist/', '/cdktf.out/'],
      testTimeout: 30_000,
    },
  },
  tsconfigDev: {
    compilerOptions: { isolatedModules: true },
    include: ['../examples/**/*.ts', '../scripts/**/*.ts'],
  },
  eslintOptions: { dirs: ['lib'], devdirs: ['test', 'examples', 'scripts', 'projenrc', '.projenrc.ts'] },
  gitignore: ['/cdktf.out/', '/.tmp/', '/.gen/', '*.tsbuildinfo', '.terraform/', '.terraform.lock.hcl'],
  npmignore: ['/examples/', '/scripts/', '/data/', '/.ci/', '/cdktf.out/', '/.tmp/', '/BENCHMARKS.md'],
});

project.synth();
