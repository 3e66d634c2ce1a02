import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ImageUploader from '../../../components/image-uploader'
import OpsChips from '../../../components/ops-chips'
import { OPS_CATEGORIES_URL } from '../../../components/ops-entry/links'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { MAX_DETAIL_IMAGES, MAX_IMAGES, NAME_MAX } from './form'
import SkuGrid from './sku-grid'
import SpecEditor from './spec-editor'
import { useProductForm } from './use-product-form'
import '../shared/ops.scss'
import './index.scss'

/** 新建商品 / 编辑商品: name, category, pictures, detail, specs and the SKU grid (price, list price, stock). */
export default function OpsProductFormPage() {
  return (
    <OperatorGate>
      <OpsProductForm />
    </OperatorGate>
  )
}

function OpsProductForm() {
  const { id: productId, editing } = useOpsFormRoute('编辑商品', '新建商品')
  const f = useProductForm(productId)
  const { state, form, rows, errors, submitting } = f

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={f.reload} />
  if (state.categories.length === 0) {
    return (
      <StateView
        state='empty'
        message='还没有商品分类，请先新建一个分类'
        actionText='去新建分类'
        onAction={() => void Taro.redirectTo({ url: OPS_CATEGORIES_URL })}
      />
    )
  }

  const published = state.product?.status === 'ON_SALE'
  return (
    <View className='ops-page ops-form product-form'>
      <View className='product-form__columns'>
        <View className='product-form__column'>
          <View className='ops-card'>
            <Text className='ops-card__title'>基本信息</Text>
            {published ? <Text className='product-form__note'>商品在售中：保存后新价格只对新订单生效，已下的订单按原价</Text> : null}
            <OpsField name='name' label='商品名称' required error={errors.name}>
              <Input
                id='product-name'
                className='ops-input'
                value={form.name}
                maxlength={NAME_MAX}
                placeholder='如：冻顶乌龙 250g'
                disabled={submitting}
                onInput={(e) => f.setText('name', e.detail.value)}
              />
            </OpsField>
            <OpsField name='categoryId' label='分类' required error={errors.categoryId}>
              <OpsChips
                name='product-category'
                options={state.categories.map((c) => ({ value: c.categoryId, label: c.name }))}
                value={form.categoryId || null}
                disabled={submitting}
                onChange={(categoryId) => f.setCategory(categoryId)}
              />
            </OpsField>
          </View>

          <View className='ops-card'>
            <Text className='ops-card__title'>商品图片</Text>
            <OpsField name='images' label='主图' required error={errors.images} hint={`第一张为封面，最多 ${MAX_IMAGES} 张，每张不超过 2MB`}>
              <ImageUploader value={form.images} max={MAX_IMAGES} disabled={submitting} onChange={(next) => f.setImages('images', next)} />
            </OpsField>
          </View>

          <View className='ops-card'>
            <Text className='ops-card__title'>商品详情</Text>
            <OpsField name='detail' label='详情文字' error={errors.detail}>
              <Textarea
                id='product-detail'
                className='product-form__textarea'
                value={form.detail}
                maxlength={5000}
                placeholder='产地、口感、冲泡方法…（选填）'
                disabled={submitting}
                onInput={(e) => f.setText('detail', e.detail.value)}
              />
            </OpsField>
            <OpsField name='detailImages' label='详情图片' error={errors.detailImages} hint={`选填，显示在详情文字下方，最多 ${MAX_DETAIL_IMAGES} 张`}>
              <ImageUploader value={form.detailImages} max={MAX_DETAIL_IMAGES} disabled={submitting} onChange={(next) => f.setImages('detailImages', next)} />
            </OpsField>
          </View>
        </View>

        <View className='product-form__column'>
          <View className='ops-card'>
            <Text className='ops-card__title'>规格与库存</Text>
            <SpecEditor
              specs={form.specs}
              disabled={submitting}
              onAdd={f.addSpec}
              onRemove={f.removeSpec}
              onRename={f.renameSpec}
              onAddValue={f.addSpecValue}
              onRemoveValue={f.removeSpecValue}
            />
            {errors.specs ? (
              <Text className='product-form__error' data-testid='field-specs-error'>
                {errors.specs}
              </Text>
            ) : null}
            <SkuGrid rows={rows} errors={errors} disabled={submitting} onChange={f.setRow} onFill={f.fillColumn} />
            <Text className='product-form__note'>
              {editing ? '删除的规格不再出售，已下的订单不受影响；库存改动记入库存流水' : '新商品保存后为「已下架」，在商品列表点「上架」后顾客可见'}
            </Text>
          </View>
        </View>
      </View>

      <OpsSubmitBar testId='product-submit' label={editing ? '保存修改' : '保存商品'} submitting={submitting} onSubmit={() => void f.submit()} />
    </View>
  )
}
