import { catalogContracts } from '../../../core/contracts/catalog';
import { defineRoute } from '../../kit';
import type { Role } from '../../kit/types';
import { listPickupStores } from './pickup-stores';
import { homeView, listCategories, listProducts, productDetail } from './service';

/** Every signed-in caller is a customer. */
const customers: readonly Role[] = ['customer'];

export const catalogRoutes = {
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
    handler: (input, ctx) => productDetail(ctx.db, input),
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
};
