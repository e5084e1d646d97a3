/** An error answered by an Alibaba Cloud API (DCDN, CDN, ESA, STS), or a failure to reach it. */
export class ApiError extends Error {
  readonly code: string
  readonly requestId: string
  /** 0 when no HTTP answer came (a network error or a timeout). */
  readonly httpStatus: number
  readonly retryable: boolean
  /** The service's own message, without our advice around it. */
  readonly apiMessage: string
  /** What the user can do about it, when we know. */
  readonly advice?: string

  constructor(fields: {
    code: string
    message: string
    requestId?: string
    httpStatus: number
    advice?: string
  }) {
    const requestId = fields.requestId ?? ''
    const advice = fields.advice ?? ADVICE.find(([pattern]) => pattern.test(fields.code))?.[1]
    super(describe(fields.code, fields.message, requestId, advice))
    this.name = 'ApiError'
    this.code = fields.code
    this.apiMessage = fields.message
    this.requestId = requestId
    this.httpStatus = fields.httpStatus
    this.advice = advice
    this.retryable = isRetryable(fields.code, fields.httpStatus)
  }

  /** The same error with other advice: for a failure whose meaning depends on the call. */
  withAdvice(advice: string): ApiError {
    return new ApiError({
      code: this.code,
      message: this.apiMessage,
      requestId: this.requestId,
      httpStatus: this.httpStatus,
      advice
    })
  }

  /** Auth, signature, time and daily-quota codes: their advice holds whatever the call was. */
  get general(): boolean {
    return /^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidTimeStamp|InvalidSecurityToken|QuotaExceeded)/.test(
      this.code
    )
  }
}

/** Codes that mean "not now": safe to send the same objects again later (SPEC 4.3). */
export function isRetryable(code: string, httpStatus: number): boolean {
  if (isPermanent(code)) return false
  return (
    httpStatus === 0 ||
    httpStatus >= 500 ||
    code.includes('Throttling') ||
    code === 'ServiceUnavailable' ||
    code === 'SignatureNonceUsed' ||
    code === 'TooMany.Refresh' ||
    code === 'PreloadQueueFull' ||
    code === 'QuotaPerMinuteExceeded.Refresh'
  )
}

/** Malformed input, auth, signature and daily-quota errors: sending again cannot help. */
function isPermanent(code: string): boolean {
  return (
    code === 'QuotaExceeded.Refresh' ||
    code === 'QuotaExceeded.Preload' ||
    /Malformed|OverLimit|ValueNotSupported|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidTimeStamp|Forbidden|InvalidSecurityToken|NoPermission|MissingParameter|InvalidParameter/.test(
      code
    )
  )
}

/** What to do about the codes a user can act on. */
const ADVICE: [RegExp, string][] = [
  [/^InvalidAccessKeyId/, 'Check that the AccessKey ID exists and is enabled.'],
  [
    /^SignatureDoesNotMatch$/,
    'Check the AccessKey secret: it does not belong to this AccessKey ID.'
  ],
  [
    /^InvalidTimeStamp/,
    "Check the runner's clock: Alibaba Cloud rejects requests more than 15 minutes off."
  ],
  [
    /^Forbidden|NoPermission/,
    'Grant the RAM identity the actions this step calls: the README lists them for each service.'
  ],
  [
    /^InvalidSecurityToken/,
    'The STS token has expired or is invalid; issue fresh STS credentials for this run.'
  ],
  [
    /^QuotaExceeded\.Preload/,
    "Today's prefetch quota is used up; it resets at midnight (UTC+8). Prefetch fewer URLs, or turn 'preload' off: the refresh does not need it."
  ],
  [
    /^QuotaExceeded\./,
    "Today's quota is used up; it resets at midnight (UTC+8). Refresh a directory instead, or ask for a larger quota."
  ],
  [/^InvalidExtensiveDomain/, 'Wildcard domains cannot be refreshed; name the exact host.'],
  [
    /^InvalidObjectPath|^InvalidObjectType|^SingleRequest\.OverLimit|^InvalidParameter/,
    'Check the URLs in the plan against the limits in the README.'
  ]
]

function describe(code: string, message: string, requestId: string, advice?: string): string {
  const parts = [`${code}: ${message}`]
  if (requestId) parts.push(`(RequestId ${requestId})`)
  if (advice) parts.push(advice)
  return parts.join(' ')
}

/** Why a request got no answer, as a code for ApiError. */
export class NetworkError extends Error {
  constructor(
    readonly code: 'RequestTimeout' | 'NetworkError',
    message: string
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}
