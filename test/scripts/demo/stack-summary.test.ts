import * as fs from 'fs';
import * as path from 'path';
import {
  formatCounts,
  readRulesReport,
  renderTable,
  RULES_REPORT_FILE,
  summarizeStack,
} from '../../../scripts/demo/stack-summary';

const SCRATCH = path.resolve(__dirname, '..', '..', '..', '.tmp');
let stackDir: string;

beforeEach(() => {
  fs.mkdirSync(SCRATCH, { recursive: true });
  stackDir = fs.mkdtempSync(path.join(SCRATCH, 'demo-summary-'));
});

afterEach(() => {
  fs.rmSync(stackDir, { recursive: true, force: true });
});

function writeStack(config: object): void {
  fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(config));
}

function writeReport(report: unknown): void {
  fs.writeFileSync(path.join(stackDir, RULES_REPORT_FILE), typeof report === 'string' ? report : JSON.stringify(report));
}

describe('summarizeStack', () => {
  test('GIVEN a synthesized stack WHEN summarized THEN resources and data sources are counted by type and annotation levels named', () => {
    writeStack({
      resource: { aws_vpc: { a: {} }, aws_network_interface: { b: {}, c: {} } },
      data: { aws_ami: { d: {} } },
    });

    const summary = summarizeStack('net', stackDir, [
      { constructPath: 'net/b', level: '@cdktf/warn', message: '[NIC013] same subnet' },
      { constructPath: 'net/c', level: '@cdktf/info', message: '[NIC004] cannot verify' },
    ]);

    expect(summary.resourcesByType).toEqual({ aws_vpc: 1, aws_network_interface: 2 });
    expect(summary.dataSourcesByType).toEqual({ aws_ami: 1 });
    expect(summary.annotations.map((a) => a.level)).toEqual(['warning', 'info']);
    expect(summary.rulesReport).toBeUndefined();
  });
});

describe('readRulesReport', () => {
  test('GIVEN no report WHEN read THEN there is none', () => {
    expect(readRulesReport(stackDir)).toBeUndefined();
  });

  test('GIVEN a report object with findings WHEN read THEN active findings are counted by level and suppressed ones apart', () => {
    writeReport({
      findings: [
        { rule: 'NIC013', level: 'warning', suppressed: false },
        { rule: 'NIC013', level: 'warning', suppressed: true, reason: 'single-subnet lab' },
        { rule: 'NIC001', level: 'ERROR' },
      ],
    });

    expect(readRulesReport(stackDir)).toEqual({ byLevel: { warning: 1, error: 1 }, suppressed: 1 });
  });

  test('GIVEN a report that is a bare list using "severity" WHEN read THEN it is counted the same way', () => {
    writeReport([{ severity: 'info' }, { severity: 'info' }]);

    expect(readRulesReport(stackDir)).toEqual({ byLevel: { info: 2 }, suppressed: 0 });
  });

  test('fails when the report is not JSON, saying why instead of throwing', () => {
    writeReport('{ not json');

    expect(readRulesReport(stackDir)?.unreadable).toMatch(/JSON/);
  });

  test('fails when the report holds no findings list', () => {
    writeReport({ version: 1 });

    expect(readRulesReport(stackDir)?.unreadable).toBe('no findings list');
  });
});

describe('renderTable', () => {
  test('GIVEN text and number columns WHEN rendered THEN text is left-aligned and numbers right-aligned under a rule', () => {
    expect(renderTable(['type', 'count'], [['aws_vpc', 1], ['aws_network_interface', 12]]).split('\n')).toEqual([
      'type                   count',
      '---------------------  -----',
      'aws_vpc                    1',
      'aws_network_interface     12',
    ]);
  });
});

describe('formatCounts', () => {
  test('GIVEN counts by level WHEN formatted THEN errors come first, then warnings, info and other levels', () => {
    expect(formatCounts({ info: 3, custom: 1, error: 1, warning: 2 })).toBe('error 1, warning 2, info 3, custom 1');
  });

  test('GIVEN no counts WHEN formatted THEN it says none', () => {
    expect(formatCounts({})).toBe('none');
  });
});
