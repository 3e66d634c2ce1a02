/** Deterministic source ids of ledger entries (scoped per member by the ledger). */
export const pointsSource = {
  earn: (orderId: string) => `earn:${orderId}`,
  refund: (orderId: string) => `refund:${orderId}`,
  checkIn: (day: string) => `checkin:${day}`,
  adjust: (requestId: string) => `adjust:${requestId}`,
  expire: (on: string) => `expire:${on}`,
  joinGift: () => 'gift:join',
  birthdayGift: (year: number) => `gift:birthday:${year}`,
};
