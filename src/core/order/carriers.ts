/** Carriers an operator ships with: a fixed list, so the customer's page and exports read the same names. */
export const CARRIERS = ['顺丰', '中通', '圆通', '韵达', '申通', 'EMS', '京东', '极兔', '其他'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const isCarrier = (value: string): value is Carrier => (CARRIERS as readonly string[]).includes(value);
