import { ServiceLimits } from './service.js'

/** Every service's limits in one table (SPEC 6.1, 6.7). */
export const SERVICE_LIMITS = {
  dcdn: {
    name: 'DCDN',
    types: ['File', 'IgnoreParams', 'Directory', 'Regex'],
    urlsPerRequest: 1000,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10,
    tagCharsPerRequest: 16_384,
    tagsPerRequest: Infinity,
    tagsPerHost: true,
    /** Seed documentation says 1,000 URLs per domain per minute; newer pages say 10,000. */
    defaultUrlRatePerDomain: 1000,
    callsPerSecond: 30,
    preloadCallsPerSecond: 15,
    preloadUrlsPerRequest: 100,
    preloadArea: true
  },
  cdn: {
    name: 'CDN',
    types: ['File', 'IgnoreParams', 'Directory', 'Regex'],
    urlsPerRequest: 1000,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10,
    tagCharsPerRequest: 16_384,
    tagsPerRequest: Infinity,
    tagsPerHost: true,
    defaultUrlRatePerDomain: 1000,
    /** Refresh allows 50 a second and task queries 30; the others are not published. */
    callsPerSecond: 20,
    preloadCallsPerSecond: 20,
    preloadUrlsPerRequest: 100,
    preloadArea: true
  },
  esa: {
    name: 'ESA',
    types: ['File', 'IgnoreParams', 'Directory'],
    urlsPerRequest: 1000,
    directoriesPerRequest: 100,
    regexesPerRequest: 1,
    hostsPerRequest: 10,
    tagCharsPerRequest: Infinity,
    tagsPerRequest: 100,
    tagsPerHost: false,
    defaultUrlRatePerDomain: 1000,
    /** ESA publishes no per-second limit; this stays well inside what it accepts. */
    callsPerSecond: 10,
    preloadCallsPerSecond: 10,
    preloadUrlsPerRequest: 100,
    preloadArea: false
  }
} as const satisfies Record<string, ServiceLimits>

export type ServiceName = keyof typeof SERVICE_LIMITS

export const SERVICE_NAMES = Object.keys(SERVICE_LIMITS) as ServiceName[]

/** API versions and default endpoints. */
export const SERVICE_API = {
  dcdn: { version: '2018-01-15', endpoint: 'https://dcdn.aliyuncs.com' },
  cdn: { version: '2018-05-10', endpoint: 'https://cdn.aliyuncs.com' },
  esa: { version: '2024-09-10', endpoint: 'https://esa.cn-hangzhou.aliyuncs.com' },
  sts: { version: '2015-04-01', endpoint: 'https://sts.aliyuncs.com' }
} as const

/** Task IDs in one DescribeDcdnRefreshTaskById or DescribeRefreshTaskById call. */
export const TASK_IDS_PER_QUERY = 10
