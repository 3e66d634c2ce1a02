import type { GroupView } from '../../../core/contracts/groupbuy'
import { formatPrice } from '../../../core/money'

/** The title of a share card: the seats left, the price and the product. */
export function shareTitle(group: GroupView): string {
  const left = group.seatsLeft > 0 ? `还差${group.seatsLeft}人，` : ''
  return `${left}${formatPrice(group.groupPrice)} 拼「${group.activity.title}」`
}
