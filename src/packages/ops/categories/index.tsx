import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import StateView from '../../../components/state-view'
import type { OpsCategoryView } from '../../../core/contracts/catalog-admin'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { CATEGORY_NAME_MAX, categoryNameProblem, useCategories } from './use-categories'
import '../shared/ops.scss'
import './index.scss'

/** 商品分类: the categories in the order customers see them; add, rename, move up / down. */
export default function OpsCategoriesPage() {
  return (
    <OperatorGate>
      <OpsCategories />
    </OperatorGate>
  )
}

function OpsCategories() {
  const { state, busy, add, rename, move, reload } = useCategories()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; name: string; error: string | null } | null>(null)

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  const items = state.items

  const submitNew = async () => {
    const problem = categoryNameProblem(name, items)
    setError(problem)
    if (problem) return
    if (await add(name)) setName('')
  }
  const submitRename = async (category: OpsCategoryView) => {
    if (!editing) return
    const problem = categoryNameProblem(editing.name, items, category.categoryId)
    if (problem) {
      setEditing({ ...editing, error: problem })
      return
    }
    if (editing.name.trim() === category.name || (await rename(category.categoryId, editing.name))) setEditing(null)
  }

  return (
    <View className='ops-page ops-categories'>
      <View className='ops-card'>
        <Text className='ops-card__title'>新建分类</Text>
        <View className='ops-categories__new'>
          <Input
            id='category-new'
            className='ops-input ops-categories__input'
            value={name}
            maxlength={CATEGORY_NAME_MAX}
            placeholder='分类名称，如 茶器'
            disabled={busy}
            onInput={(e) => {
              setName(e.detail.value)
              setError(null)
            }}
            onConfirm={() => void submitNew()}
          />
          <Button className='ops-categories__button' data-testid='category-add' disabled={busy || undefined} onClick={() => void submitNew()}>
            添加
          </Button>
        </View>
        {error ? (
          <Text className='ops-categories__error' data-testid='category-new-error'>
            {error}
          </Text>
        ) : null}
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>分类顺序</Text>
        <Text className='ops-categories__hint'>顾客在「分类」页按此顺序看到分类</Text>
        {items.length === 0 ? <StateView state='empty' message='还没有分类，先在上方新建一个' /> : null}
        {items.map((category, index) => (
          <View key={category.categoryId} className='ops-categories__row' data-testid={`category-row-${index}`}>
            {editing?.id === category.categoryId ? (
              <View className='ops-categories__edit'>
                <Input
                  id={`category-name-${index}`}
                  className='ops-input ops-categories__input'
                  value={editing.name}
                  maxlength={CATEGORY_NAME_MAX}
                  focus
                  disabled={busy}
                  onInput={(e) => setEditing({ ...editing, name: e.detail.value, error: null })}
                  onConfirm={() => void submitRename(category)}
                />
                <Text className='ops-categories__action' data-testid={`category-save-${index}`} onClick={() => void submitRename(category)}>
                  保存
                </Text>
                <Text className='ops-categories__action ops-categories__action--muted' onClick={() => setEditing(null)}>
                  取消
                </Text>
                {editing.error ? <Text className='ops-categories__error'>{editing.error}</Text> : null}
              </View>
            ) : (
              <View className='ops-categories__line'>
                <Text className='ops-categories__order'>{index + 1}</Text>
                <View className='ops-categories__info'>
                  <Text className='ops-categories__name'>{category.name}</Text>
                  <Text className='ops-categories__count'>{category.productCount} 件商品</Text>
                </View>
                <Text
                  className={`ops-categories__action${index === 0 || busy ? ' ops-categories__action--off' : ''}`}
                  aria-label='上移'
                  data-testid={`category-up-${index}`}
                  onClick={() => index > 0 && !busy && void move(index, -1)}
                >
                  ↑
                </Text>
                <Text
                  className={`ops-categories__action${index === items.length - 1 || busy ? ' ops-categories__action--off' : ''}`}
                  aria-label='下移'
                  data-testid={`category-down-${index}`}
                  onClick={() => index < items.length - 1 && !busy && void move(index, 1)}
                >
                  ↓
                </Text>
                <Text
                  className='ops-categories__action'
                  data-testid={`category-rename-${index}`}
                  onClick={() => !busy && setEditing({ id: category.categoryId, name: category.name, error: null })}
                >
                  改名
                </Text>
              </View>
            )}
          </View>
        ))}
      </View>

      <View className='ops-bar'>
        <Button className='ops-bar__button ops-bar__button--ghost' onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  )
}
