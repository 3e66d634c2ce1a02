/** Page URLs of the flash-sale subpackage (src/packages/flashsale), in one place. */
export const FLASH_LIST_URL = '/packages/flashsale/list/index'

export const flashSaleUrl = (saleId: string): string => `/packages/flashsale/detail/index?id=${encodeURIComponent(saleId)}`
