import { View } from '@tarojs/components'
import './index.scss'

/** Page shapes a skeleton can take while the page's data loads. */
export type SkeletonLayout = 'home' | 'product' | 'list' | 'grid'

interface Props {
  layout: SkeletonLayout
  /** Cards in a list, or products in a grid. */
  rows?: number
}

const Bone = ({ className }: { className: string }) => <View className={`skeleton__bone ${className}`} />

const Lines = () => (
  <View className='skeleton__lines'>
    <Bone className='skeleton__line' />
    <Bone className='skeleton__line skeleton__line--short' />
  </View>
)

const Grid = ({ rows }: { rows: number }) => (
  <View className='skeleton__grid'>
    {Array.from({ length: rows }, (_, i) => (
      <View key={i} className='skeleton__cell'>
        <Bone className='skeleton__thumb' />
        <Lines />
      </View>
    ))}
  </View>
)

const List = ({ rows }: { rows: number }) => (
  <>
    {Array.from({ length: rows }, (_, i) => (
      <View key={i} className='skeleton__card skeleton__row'>
        <Bone className='skeleton__avatar' />
        <Lines />
      </View>
    ))}
  </>
)

/** The shape of a page while its data loads (instead of a spinner); pages keep StateView for empty and error. */
export default function Skeleton({ layout, rows = 4 }: Props) {
  return (
    <View className={`skeleton skeleton--${layout}`} data-testid='skeleton' data-layout={layout} aria-busy='true' aria-label='加载中'>
      {layout === 'home' ? (
        <>
          <View className='skeleton__search' />
          <Bone className='skeleton__banner' />
          <View className='skeleton__card skeleton__entries'>
            {[0, 1, 2, 3].map((i) => (
              <Bone key={i} className='skeleton__entry' />
            ))}
          </View>
          <Bone className='skeleton__title' />
          <Grid rows={rows} />
        </>
      ) : null}
      {layout === 'product' ? (
        <>
          <Bone className='skeleton__gallery' />
          <View className='skeleton__card'>
            <Bone className='skeleton__price' />
            <Lines />
          </View>
          <View className='skeleton__card'>
            <Lines />
          </View>
        </>
      ) : null}
      {layout === 'list' ? <List rows={rows} /> : null}
      {layout === 'grid' ? <Grid rows={rows} /> : null}
    </View>
  )
}
