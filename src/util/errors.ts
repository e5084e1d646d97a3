/**
 * A mistake the user can fix: a bad input, rule or target line, a plan that cannot fit.
 * main.ts reports it as a failed step with no stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/** The message of anything thrown, including values that are not Errors. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message
  if (typeof thrown === 'string') return thrown
  try {
    return JSON.stringify(thrown) ?? String(thrown)
  } catch {
    return String(thrown)
  }
}
