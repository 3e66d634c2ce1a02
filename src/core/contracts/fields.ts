// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { MOBILE_PHONE_PATTERN } from '../phone';

/**
 * The shared field schemas of every contract: text, ids, times, money,
 * phones. Each refinement refuses with a stable reason code carried in the
 * zod issue's `params.reason`; the function kit copies it into
 * `error.details.fields[].reason` of the INVALID_ARGUMENT envelope.
 *
 * Each factory returns a plain zod string/number schema, so callers chain
 * `.min(1, '请填写昵称')`, `.optional()`, `.default('')` as before.
 */

export const FieldReason = {
  /** C0/C1 control characters (NUL, ESC, DEL…), line/paragraph separators, BOM, non-characters; newlines in single-line text. */
  TextControlChars: 'TEXT_CONTROL_CHARS',
  /** Bidi overrides, embeddings, isolates and marks: text that displays differently from what it is (U+202E). */
  TextBidiControl: 'TEXT_BIDI_CONTROL',
  /** A UTF-16 surrogate without its pair: not a character, and breaks storage and display. */
  TextLoneSurrogate: 'TEXT_LONE_SURROGATE',
  InvalidId: 'INVALID_ID',
  InvalidTime: 'INVALID_TIME',
  InvalidAmount: 'INVALID_AMOUNT',
  InvalidPhone: 'INVALID_PHONE',
} as const;
export type FieldReason = (typeof FieldReason)[keyof typeof FieldReason];

// ---- text

export type TextProblem = typeof FieldReason.TextControlChars | typeof FieldReason.TextBidiControl | typeof FieldReason.TextLoneSurrogate;

// With the `u` flag a well-formed pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Tab and newline are allowed in multi-line text only (checked separately).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n]/;

const TEXT_MESSAGES: Record<TextProblem, string> = {
  TEXT_CONTROL_CHARS: '不能包含控制字符或换行',
  TEXT_BIDI_CONTROL: '不能包含文字方向控制符',
  TEXT_LONE_SURROGATE: '包含无法识别的字符',
};

/** What is wrong with `value` as user text, or null. Pure: UI forms use it too. */
export function textProblem(value: string, options: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return FieldReason.TextLoneSurrogate;
  if (BIDI_CONTROL.test(value)) return FieldReason.TextBidiControl;
  if (CONTROL.test(value)) return FieldReason.TextControlChars;
  if (!options.multiline && LINE_BREAK_OR_TAB.test(value)) return FieldReason.TextControlChars;
  return null;
}

export const textProblemMessage = (problem: TextProblem): string => TEXT_MESSAGES[problem];

function safeText(max: number, min: number, multiline: boolean) {
  const base = multiline ? z.string().overwrite((v) => v.replace(/\r\n?/g, '\n')) : z.string();
  const checked = base.trim().superRefine((value, ctx) => {
    const problem = textProblem(value, { multiline });
    if (problem) ctx.addIssue({ code: 'custom', message: TEXT_MESSAGES[problem], params: { reason: problem } });
  });
  const bounded = checked.max(max);
  return min > 0 ? bounded.min(min) : bounded;
}

/** One line of user text (names, titles, addresses, tracking numbers): trimmed, no control/bidi characters, no newline. */
export const SingleLineText = (max: number, min = 0) => safeText(max, min, false);
/** Free text (remarks, reasons): as SingleLineText, but newlines (CRLF → LF) and tabs are kept. */
export const MultiLineText = (max: number, min = 0) => safeText(max, min, true);
/** A code as scanned from a QR or typed by staff: opaque, but still clean single-line text. */
export const ScannedCode = (max = 200) => SingleLineText(max, 1);

// ---- ids

function token(pattern: RegExp, message: string) {
  return z
    .string()
    .trim()
    .refine((value) => pattern.test(value), { message, params: { reason: FieldReason.InvalidId } });
}

/** An id or code of its own strict alphabet (tier ids, receipt numbers, coupon codes), refused as INVALID_ID. */
export const IdMatching = (pattern: RegExp, message: string) => token(pattern, message);

/** Our documents' ids (`o_…`, `sku-tea-s`, `paid:o_…`): ASCII letters and digits first, then also `_ . : -`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
export const Id = token(ID_PATTERN, 'id 格式不正确');
/** A key of `max` characters from the id alphabet (message ids, template keys). */
export const Key = (max: number) => token(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,${max - 1}}$`), 'id 格式不正确');
/** Order ids fit WeChat Pay's 32-character out_trade_no. */
export const OrderId = token(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$/, '订单号格式不正确');

/**
 * A WeChat openid: real ones are 28 characters of [A-Za-z0-9_-]; demo and
 * dev sign-in ones (`demo-customer`) are 1–64 of the same alphabet
 * (the local cloud's dev sign-in accepts exactly this).
 */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const OpenId = token(OPENID_PATTERN, 'openid 应为 1–64 位字母、数字、_ 或 -');

/** One per user intent, made by the client: a retry or double tap answers the first result. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const RequestId = token(REQUEST_ID_PATTERN, 'requestId 应为 8–64 位字母、数字、_ 或 -');

// ---- times and money

/** Times we accept from clients: epoch ms from 2000 to 2100; anything else is a bug or a probe. */
export const EPOCH_MS_MIN = Date.UTC(2000, 0, 1);
export const EPOCH_MS_MAX = Date.UTC(2100, 0, 1);
export const isPlausibleEpochMs = (ms: number): boolean => Number.isSafeInteger(ms) && ms >= EPOCH_MS_MIN && ms < EPOCH_MS_MAX;
export const EpochMs = z
  .number()
  .int()
  .refine(isPlausibleEpochMs, {
    message: '时间无效（应为 2000–2100 年间的毫秒时间戳）',
    params: { reason: FieldReason.InvalidTime },
  });

/** Money in integer fen, 0 to ¥1,000,000. Business ranges (> 0, below the list price) stay with the services. */
export const MAX_FEN = 100_000_000;
export const FenAmount = z
  .number()
  .int()
  .refine((fen) => fen >= 0 && fen <= MAX_FEN, { message: '金额无效（单位：分，0–100 万元）', params: { reason: FieldReason.InvalidAmount } });

// ---- phones

/** A mainland mobile number (the member card). */
export const MobilePhone = z
  .string()
  .trim()
  .refine((v) => MOBILE_PHONE_PATTERN.test(v), { message: '手机号格式不正确', params: { reason: FieldReason.InvalidPhone } });
/** A contact number on an address: digits, `+`, `-` and spaces. */
export const ContactPhone = z
  .string()
  .trim()
  .refine((v) => /^[0-9+\- ]{5,20}$/.test(v), { message: '手机号格式不正确', params: { reason: FieldReason.InvalidPhone } });
