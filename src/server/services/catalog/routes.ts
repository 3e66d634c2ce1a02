import { catalogContracts } from '../../../core/contracts/catalog';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { saveProduct, setProductStatus } from './admin-products';
import { opsProduct, opsProducts } from './admin-queries';
import { opsCategories, saveCategory, sortCategories } from './categories';
import { listPickupStores } from './pickup-stores';
import { searchProducts, searchSuggest } from './search';
import { homeView, listCategories, listProducts, productDetail } from './service';
import { stockRoutes } from '../stock/routes';

/** Every signed-in caller is a customer. */
const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
/** Operator routes always have an openid. */
const operatorOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const catalogRoutes = {
  ...stockRoutes,
  categories: defineRoute({
    schema: catalogContracts.categories.input,
    roles: customers,
    handler: (_input, ctx) => listCategories(ctx.db),
  }),
  listProducts: defineRoute({
    schema: catalogContracts.listProducts.input,
    roles: customers,
    handler: (input, ctx) => listProducts(ctx.db, input),
  }),
  productDetail: defineRoute({
    schema: catalogContracts.productDetail.input,
    roles: customers,
    handler: (input, ctx) => productDetail(ctx.db, input, ctx.caller.openid ?? null),
  }),
  searchProducts: defineRoute({
    schema: catalogContracts.searchProducts.input,
    roles: customers,
    handler: (input, ctx) => searchProducts(ctx.db, input),
  }),
  searchSuggest: defineRoute({
    schema: catalogContracts.searchSuggest.input,
    roles: customers,
    handler: (input, ctx) => searchSuggest(ctx.db, input),
  }),
  home: defineRoute({
    schema: catalogContracts.home.input,
    roles: customers,
    handler: (_input, ctx) => homeView(ctx.db),
  }),
  pickupStores: defineRoute({
    schema: catalogContracts.pickupStores.input,
    roles: customers,
    handler: (_input, ctx) => listPickupStores(ctx.db),
  }),
  saveProduct: defineRoute({
    schema: catalogContracts.saveProduct.input,
    roles: operators,
    handler: (input, ctx) => saveProduct(ctx, operatorOf(ctx), input),
  }),
  setProductStatus: defineRoute({
    schema: catalogContracts.setProductStatus.input,
    roles: operators,
    handler: (input, ctx) => setProductStatus(ctx, operatorOf(ctx), input),
  }),
  opsProducts: defineRoute({
    schema: catalogContracts.opsProducts.input,
    roles: operators,
    handler: (input, ctx) => opsProducts(ctx.db, input),
  }),
  opsProduct: defineRoute({
    schema: catalogContracts.opsProduct.input,
    roles: operators,
    handler: (input, ctx) => opsProduct(ctx.db, input.productId),
  }),
  saveCategory: defineRoute({
    schema: catalogContracts.saveCategory.input,
    roles: operators,
    handler: (input, ctx) => saveCategory(ctx, operatorOf(ctx), input),
  }),
  sortCategories: defineRoute({
    schema: catalogContracts.sortCategories.input,
    roles: operators,
    handler: (input, ctx) => sortCategories(ctx, operatorOf(ctx), input.categoryIds),
  }),
  opsCategories: defineRoute({
    schema: catalogContracts.opsCategories.input,
    roles: operators,
    handler: (_input, ctx) => opsCategories(ctx.db),
  }),
};
