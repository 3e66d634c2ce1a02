/** A mainland mobile number: 11 digits, 13–19 first. Shared by the contracts (fields.ts) and forms (no zod here). */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const isMobilePhone = (value: string): boolean => MOBILE_PHONE_PATTERN.test(value.trim());
