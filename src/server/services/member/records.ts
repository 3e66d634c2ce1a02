export const MemberCollections = {
  members: 'members',
  growth: 'member_growth',
  settings: 'settings',
} as const;

/** `members/{openid}`: one per customer who joined (开卡). */
export interface MemberDoc {
  openid: string;
  /** The card number, carried by the member code instead of the openid; unique. */
  memberId: string;
  nickname: string;
  phone: string | null;
  birthday: string | null;
  /** 成长值: 1 per yuan paid as a member, taken back on refund, never below 0. */
  growth: number;
  /** Years whose birthday gift was claimed. */
  birthdayGiftYears: number[];
  joinedAt: number;
  updatedAt: number;
}

/**
 * `member_growth/{openid}:{paid|refund}:{orderId}`: what each order gave and
 * took back, written with the member in the order's transaction, so a
 * refund takes back exactly what the payment gave, once.
 */
export interface GrowthEntryDoc {
  openid: string;
  kind: 'paid' | 'refund';
  orderId: string;
  delta: number;
  growthAfter: number;
  createdAt: number;
}

export const growthEntryId = (openid: string, kind: GrowthEntryDoc['kind'], orderId: string): string => `${openid}:${kind}:${orderId}`;
