import type { FunctionEvent } from './types';

export type ParsedEvent =
  | { kind: 'call'; action: string; data: unknown }
  | { kind: 'timer'; action: string; data: unknown }
  | { kind: 'invalid'; reason: string };

/** CloudBase's timer trigger event: `{ Type: 'Timer', TriggerName, Time }`. */
export function isTimerEvent(event: unknown): event is FunctionEvent & { TriggerName: string } {
  if (!isPlainObject(event)) return false;
  return (event.Type === 'Timer' || event.Type === 'timer') && typeof event.TriggerName === 'string';
}

/**
 * Reads `{ action, data }`. A timer event counts as one only when the call has
 * no openid (CloudBase fires timers with no caller); its action is the trigger name.
 * Missing `data` is an empty object.
 */
export function parseEvent(event: unknown, hasOpenid: boolean): ParsedEvent {
  if (!isPlainObject(event)) return { kind: 'invalid', reason: '请求必须是对象' };
  if (!hasOpenid && isTimerEvent(event)) {
    return { kind: 'timer', action: event.TriggerName, data: event.data ?? {} };
  }
  if (typeof event.action !== 'string' || event.action === '') {
    return { kind: 'invalid', reason: 'action 必须是非空字符串' };
  }
  return { kind: 'call', action: event.action, data: event.data ?? {} };
}

function isPlainObject(value: unknown): value is FunctionEvent {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
