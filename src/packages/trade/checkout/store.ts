/** The store that takes pickup orders (the demo shop has one; its name comes back in the quote). */
export const PICKUP_STORE_ID = 'store-demo';
