// The unit tests of the pure core, for the mutation run (npm run mutate): no fakes, no network,
// no bundle. The whole suite is jest.config.js.
import base from './jest.config.js'

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: [
    '<rootDir>/__tests__/{rules,targets,plan,report,util}/**/*.test.ts',
    '<rootDir>/__tests__/verify/{verdict,sample,model}.test.ts',
    '<rootDir>/__tests__/submit/schedule.test.ts'
  ],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
  }
}
