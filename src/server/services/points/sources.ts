/** Deterministic source ids of ledger entries (scoped per member by the ledger). */
export const pointsSource = {
  earn: (orderId: string) => `earn:${orderId}`,
  refund: (orderId: string) => `refund:${orderId}`,
  /** A partial refund's share, by its out_refund_no (`R<orderId>-2`…): never equal to an order id's `refund:`. */
  partialRefund: (refundNo: string) => `refund:${refundNo}`,
  checkIn: (day: string) => `checkin:${day}`,
  adjust: (requestId: string) => `adjust:${requestId}`,
  expire: (on: string) => `expire:${on}`,
  joinGift: () => 'gift:join',
  birthdayGift: (year: number) => `gift:birthday:${year}`,
};
