// npm run mutate: how much of the pure core the unit tests would notice breaking (StrykerJS).
// Not part of CI: a full run takes over an hour on two cores (--incremental re-tests only what
// changed). The report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutate.config.js', enableFindRelatedTests: true },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/rules/**/*.ts',
    'src/targets/**/*.ts',
    'src/plan/**/*.ts',
    'src/report/**/*.ts',
    // The one writer of the report's files: I/O, tested end to end.
    '!src/report/write.ts',
    'src/verify/verdict.ts',
    'src/verify/sample.ts',
    'src/verify/model.ts',
    'src/util/text.ts'
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 20000,
  thresholds: { high: 90, low: 80, break: null }
}
