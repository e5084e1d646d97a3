/** Every DCDN and GitHub limit the action works within, in one place (SPEC 4.2, 6.1, 7). */
export const DCDN_LIMITS = {
  /** File or IgnoreParams URLs in one RefreshDcdnObjectCaches call. */
  urlsPerRequest: 1000,
  directoriesPerRequest: 100,
  regexesPerRequest: 1,
  hostsPerRequest: 10,
  /** Seed documentation says 1,000 URLs per domain per minute; newer pages say 10,000. */
  defaultUrlRatePerDomain: 1000,
  rateWindowMs: 60_000,
  callsPerSecond: 30,
  maxUrlLength: 1024,
  /** Task IDs in one DescribeDcdnRefreshTaskById call. */
  taskIdsPerQuery: 10,
  preloadUrlsPerRequest: 100,
  preloadCallsPerSecond: 15
} as const

export const GITHUB_LIMITS = {
  /** A job summary may be at most 1 MiB per step; keep a margin for the table chrome. */
  summaryBytes: 1024 * 1024,
  /** Outputs may be at most 1 MB per job. */
  outputBytes: 1_000_000
} as const

export const API_VERSION = {
  dcdn: '2018-01-15',
  sts: '2015-04-01'
} as const
