/** Only for the quote that reads a bought-now SKU's names when the page had no product id (the price does not depend on the store). */
export const PICKUP_STORE_ID = 'store-demo';
