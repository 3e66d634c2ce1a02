/**
 * The 取货码: 8 digits, unique among open pickups (the server holds one
 * `pickup_codes` document per code). Its QR carries the same digits, so the
 * scanner treats a scanned QR and a typed code alike. Coupon codes are 12
 * digits, so the two never meet.
 */
export const PICKUP_CODE_DIGITS = 8;

const PICKUP_CODE = /^\d{8}$/;

export const isPickupCode = (code: string): boolean => PICKUP_CODE.test(code);

/** What staff typed or scanned, with the spaces a code is read out with removed: "1234 5678" → "12345678". */
export const normalisePickupCode = (input: string): string => (/^[\d\s]+$/.test(input) ? input.replace(/\s+/g, '') : input);

/** Shown in two groups of four, easier to read out at the counter. */
export const formatPickupCode = (code: string): string => (isPickupCode(code) ? `${code.slice(0, 4)} ${code.slice(4)}` : code);

/** The QR's payload. */
export const pickupQrPayload = (code: string): string => code;
