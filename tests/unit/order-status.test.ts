import { AppError } from '../../src/core/errors';
import {
  nextOrderStatus,
  ORDER_EVENTS,
  ORDER_STATUSES,
  statusesAllowing,
  transitionOrder,
  type OrderEvent,
  type OrderStatus,
} from '../../src/core/order/status';
import { planTransition } from '../../src/core/order/transition';

/** The whole table, written out: every allowed (status, event) and where it leads. */
const ALLOWED: Array<[OrderStatus, OrderEvent, OrderStatus]> = [
  ['PENDING_PAYMENT', 'pay', 'PAID'],
  ['PENDING_PAYMENT', 'cancel', 'CANCELLED'],
  ['PENDING_PAYMENT', 'timeout', 'CANCELLED'],
  ['PAID', 'ship', 'SHIPPED'],
  ['PAID', 'readyForPickup', 'READY_FOR_PICKUP'],
  ['SHIPPED', 'confirm', 'COMPLETED'],
  ['READY_FOR_PICKUP', 'pickUp', 'COMPLETED'],
  // A customer's request waits for review (issue 10); the PREVIOUS events go back to where it came from: PAID here.
  ['PAID', 'requestRefund', 'REFUND_REQUESTED'],
  ['SHIPPED', 'requestRefund', 'REFUND_REQUESTED'],
  ['READY_FOR_PICKUP', 'requestRefund', 'REFUND_REQUESTED'],
  ['REFUND_REQUESTED', 'approveRefund', 'REFUNDING'],
  ['REFUND_REQUESTED', 'approvePartialRefund', 'PAID'],
  ['REFUND_REQUESTED', 'rejectRefund', 'PAID'],
  ['REFUND_REQUESTED', 'withdrawRefund', 'PAID'],
  // System refunds (a failed group-buy) need no review, and overtake a pending request.
  ['PAID', 'systemRefund', 'REFUNDING'],
  ['SHIPPED', 'systemRefund', 'REFUNDING'],
  ['READY_FOR_PICKUP', 'systemRefund', 'REFUNDING'],
  ['REFUND_REQUESTED', 'systemRefund', 'REFUNDING'],
  ['REFUNDING', 'refund', 'REFUNDED'],
];
const PREVIOUS = 'PAID' as const;

const allowedTo = (status: OrderStatus, event: OrderEvent) => ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;

const everyPair = ORDER_STATUSES.flatMap((status) => ORDER_EVENTS.map((event) => ({ status, event })));

describe('order state machine', () => {
  it('covers every status × event pair', () => {
    expect(everyPair).toHaveLength(ORDER_STATUSES.length * ORDER_EVENTS.length);
  });

  it.each(everyPair)('$event from $status', ({ status, event }) => {
    const expected = allowedTo(status, event);
    expect(nextOrderStatus(status, event, PREVIOUS)).toBe(expected);
    if (expected) {
      expect(transitionOrder(status, event, PREVIOUS)).toBe(expected);
      expect(statusesAllowing(event)).toContain(status);
    } else {
      let thrown: unknown;
      try {
        transitionOrder(status, event, PREVIOUS);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('ORDER_STATE_INVALID');
      expect((thrown as AppError).details).toEqual({ status, event });
      expect(statusesAllowing(event)).not.toContain(status);
    }
  });

  it('has no way out of a final status', () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'REFUNDED'] as const) {
      for (const event of ORDER_EVENTS) expect(nextOrderStatus(status, event)).toBeNull();
    }
  });

  it('plans a pickup payment as pay then readyForPickup, with history', () => {
    const planned = planTransition('PENDING_PAYMENT', ['pay', 'readyForPickup'], 1000, 'payment');
    expect(planned.status).toBe('READY_FOR_PICKUP');
    expect(planned.history).toEqual([
      { event: 'pay', from: 'PENDING_PAYMENT', to: 'PAID', at: 1000, by: 'payment' },
      { event: 'readyForPickup', from: 'PAID', to: 'READY_FOR_PICKUP', at: 1000, by: 'payment' },
    ]);
  });

  it('a request goes back to the status it came from, and only to a refundable one', () => {
    for (const previous of ['PAID', 'SHIPPED', 'READY_FOR_PICKUP'] as const) {
      for (const event of ['rejectRefund', 'withdrawRefund', 'approvePartialRefund'] as const) {
        expect(nextOrderStatus('REFUND_REQUESTED', event, previous)).toBe(previous);
      }
    }
    expect(nextOrderStatus('REFUND_REQUESTED', 'rejectRefund')).toBeNull();
    expect(nextOrderStatus('REFUND_REQUESTED', 'rejectRefund', 'COMPLETED')).toBeNull();
    expect(planTransition('REFUND_REQUESTED', ['withdrawRefund'], 5, 'customer', 'SHIPPED').history).toEqual([
      { event: 'withdrawRefund', from: 'REFUND_REQUESTED', to: 'SHIPPED', at: 5, by: 'customer' },
    ]);
  });

  it('refuses a plan at its first forbidden step', () => {
    expect(() => planTransition('PENDING_PAYMENT', ['pay', 'confirm'], 1, 'customer')).toThrow(
      expect.objectContaining({ code: 'ORDER_STATE_INVALID' }),
    );
  });
});
