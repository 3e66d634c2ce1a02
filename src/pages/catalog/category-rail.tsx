import { ScrollView, View, Text } from '@tarojs/components'
import type { CategoryView } from '../../core/contracts/catalog'

export interface CategoryRailProps {
  categories: CategoryView[]
  activeId: string | undefined
  onSelect: (categoryId: string) => void
}

/** The left column: one row per category, the active one marked. */
export default function CategoryRail({ categories, activeId, onSelect }: CategoryRailProps) {
  return (
    <ScrollView className='catalog__rail' scrollY>
      {categories.map((category) => (
        <View
          key={category._id}
          className={`catalog__category${category._id === activeId ? ' catalog__category--active' : ''}`}
          onClick={() => onSelect(category._id)}
        >
          <Text>{category.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
