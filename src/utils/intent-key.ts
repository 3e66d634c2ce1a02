import { canonicalJson } from '../core/canonical-json';
import { newRequestId } from './request-id';

/**
 * One requestId per write intent, where the intent is the draft being sent:
 * a retry of the same draft (double tap, network failure) reuses the key so the
 * server answers the first result; a changed draft (another address, store or
 * coupon) gets a fresh key, because the server refuses a key reused with other
 * input (IDEMPOTENCY_KEY_REUSED).
 */
export class IntentKey {
  private last: { draft: string; requestId: string } | null = null;

  for(draft: unknown): string {
    const text = canonicalJson(draft);
    if (this.last?.draft !== text) this.last = { draft: text, requestId: newRequestId() };
    return this.last.requestId;
  }

  /** After a definite answer (success or a refusal): the next attempt is a new intent. */
  renew(): void {
    this.last = null;
  }
}
