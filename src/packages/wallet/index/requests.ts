/** A request id per tap-attempt (the server answers a repeat with the first result). */
export const newRequestId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
