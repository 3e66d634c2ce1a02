/**
 * The demo shop: six categories, 26 products (its stores: stores.ts). Prices are integer
 * fen. `listPrice` is the crossed-out reference price (划线价) of the first
 * SKU; each SKU carries its own selling price.
 */
export const DEMO_STORE_ID = 'store-demo';

export interface DemoCategory {
  id: string;
  name: string;
  /** Background of its product images. */
  color: string;
  shape: 'cup' | 'loaf' | 'cookie' | 'bottle' | 'house' | 'fruit';
}

export interface DemoSku {
  name: string;
  price: number;
  stock: number;
}

export interface DemoProduct {
  id: string;
  categoryId: string;
  name: string;
  subtitle: string;
  description: string;
  listPrice: number;
  skus: DemoSku[];
  /** Extra words search finds it by (搜索关键词). */
  keywords?: string[];
  /** The drawing on its image when it is not the category's (a mug among 家居's houses). */
  shape?: DemoShape;
}

export type DemoShape = DemoCategory['shape'] | 'mug' | 'candle' | 'towel' | 'box';

export interface DemoBanner {
  id: string;
  title: string;
  subtitle: string;
  color: string;
  link: string;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { id: 'cat-tea', name: '茶饮', color: '#2f7d5b', shape: 'cup' },
  { id: 'cat-bakery', name: '烘焙', color: '#c27a2c', shape: 'loaf' },
  { id: 'cat-snacks', name: '零食', color: '#c8553d', shape: 'cookie' },
  { id: 'cat-care', name: '个护', color: '#6a6fc9', shape: 'bottle' },
  { id: 'cat-home', name: '家居', color: '#2f7fa3', shape: 'house' },
  { id: 'cat-fresh', name: '鲜果', color: '#d0577a', shape: 'fruit' },
];

const sku = (name: string, price: number, stock: number): DemoSku => ({ name, price, stock });

export const DEMO_PRODUCTS: DemoProduct[] = [
  // 茶饮
  { id: 'p-tea-oolong', categoryId: 'cat-tea', name: '冻顶乌龙', subtitle: '焙火香 · 回甘持久', description: '高山茶园春茶，传统炭焙，汤色金黄，兰桂花香与熟果香交织。', listPrice: 8800, skus: [sku('100g 罐装', 6800, 120), sku('250g 礼盒', 15800, 40)], keywords: ['乌龙茶', '台湾茶', '送礼'] },
  { id: 'p-tea-jasmine', categoryId: 'cat-tea', name: '茉莉花茶', subtitle: '七窨一提 · 鲜灵', description: '福州茉莉与烘青绿茶七次窨制，花香鲜灵，适合冷泡。', listPrice: 5900, skus: [sku('50g 袋装', 3900, 200), sku('150g 罐装', 9900, 60)], keywords: ['绿茶', '花茶', '冷泡'] },
  { id: 'p-tea-coldbrew', categoryId: 'cat-tea', name: '冷萃茶包', subtitle: '冷水 4 小时即饮', description: '白桃乌龙、蜜桃红茶、青柠绿茶三种口味，每盒 12 包。', listPrice: 4900, skus: [sku('白桃乌龙', 3900, 150), sku('蜜桃红茶', 3900, 150), sku('青柠绿茶', 3900, 150)], keywords: ['茶包', '白桃', '冷泡'] },
  { id: 'p-tea-puer', categoryId: 'cat-tea', name: '云南熟普洱', subtitle: '勐海料 · 2019 年压制', description: '357 克饼茶，陈香醇厚，汤色红浓，越存越好喝。', listPrice: 26800, skus: [sku('357g 饼', 19800, 30)], keywords: ['普洱茶', '黑茶', '饼茶'] },
  { id: 'p-tea-matcha', categoryId: 'cat-tea', name: '抹茶粉', subtitle: '石磨研磨 · 可冲可烘焙', description: '宇治风味抹茶，颜色翠绿，适合拿铁与甜点。', listPrice: 6900, skus: [sku('40g 罐装', 4900, 80), sku('100g 袋装', 9900, 40)], keywords: ['抹茶', '拿铁', '烘焙原料'] },
  // 烘焙
  { id: 'p-bakery-croissant', categoryId: 'cat-bakery', name: '黄油可颂', subtitle: '法国发酵黄油 · 27 层', description: '每日现烤，外壳酥脆、内里蜂窝组织，建议当天食用。', listPrice: 1600, skus: [sku('单个', 1200, 60), sku('4 个装', 4200, 20)], keywords: ['面包', '早餐', '黄油'] },
  { id: 'p-bakery-toast', categoryId: 'cat-bakery', name: '北海道吐司', subtitle: '汤种工艺 · 拉丝柔软', description: '使用北海道奶粉与汤种面团，冷藏三天仍然柔软。', listPrice: 2200, skus: [sku('450g', 1800, 50)], keywords: ['面包', '早餐'] },
  { id: 'p-bakery-cheesecake', categoryId: 'cat-bakery', name: '巴斯克芝士蛋糕', subtitle: '焦香外皮 · 流心内馅', description: '高温烤出焦糖外皮，内部绵密流心；限量制作，今日已售罄。', listPrice: 12800, skus: [sku('6 寸', 9800, 0), sku('8 寸', 14800, 0)], keywords: ['蛋糕', '芝士', '甜点'] },
  { id: 'p-bakery-bagel', categoryId: 'cat-bakery', name: '全麦贝果', subtitle: '低糖 · 有嚼劲', description: '全麦粉与燕麦制作，先煮后烤，适合做三明治。', listPrice: 1500, skus: [sku('原味', 1000, 80), sku('芝麻', 1100, 80), sku('蓝莓', 1200, 60)], keywords: ['面包', '低糖', '早餐'] },
  { id: 'p-bakery-cookie-box', categoryId: 'cat-bakery', name: '手工曲奇礼盒', subtitle: '六种口味 · 送礼佳品', description: '黄油、抹茶、可可、蔓越莓、咖啡、海盐六种口味，共 24 片。', listPrice: 16800, skus: [sku('24 片礼盒', 12800, 35)], keywords: ['饼干', '曲奇', '送礼'] },
  // 零食
  { id: 'p-snack-nuts', categoryId: 'cat-snacks', name: '每日坚果', subtitle: '六种坚果果干 · 独立小包', description: '核桃、腰果、巴旦木、榛子、蔓越莓、蓝莓，每包 25 克。', listPrice: 12900, skus: [sku('7 包装', 3900, 200), sku('30 包装', 9900, 80)], keywords: ['坚果', '核桃', '腰果'] },
  { id: 'p-snack-jerky', categoryId: 'cat-snacks', name: '手撕牛肉干', subtitle: '内蒙古草原牛 · 风干', description: '整块牛后腿肉风干，纹理清晰，微辣与原味两种。', listPrice: 6900, skus: [sku('原味 200g', 5900, 90), sku('微辣 200g', 5900, 90)], keywords: ['牛肉', '肉干'] },
  { id: 'p-snack-chips', categoryId: 'cat-snacks', name: '海苔脆片', subtitle: '烘烤非油炸', description: '夹心海苔脆片，芝麻与杏仁两种夹心，儿童零食好选择。', listPrice: 2900, skus: [sku('芝麻夹心', 1990, 150), sku('杏仁夹心', 2290, 120)], keywords: ['海苔', '儿童零食'] },
  { id: 'p-snack-mango', categoryId: 'cat-snacks', name: '芒果干', subtitle: '泰国大青芒 · 无添加蔗糖', description: '厚切芒果干，果肉饱满，酸甜有嚼劲。', listPrice: 3500, skus: [sku('200g', 2500, 160)], keywords: ['果干', '芒果'] },
  { id: 'p-snack-chocolate', categoryId: 'cat-snacks', name: '黑巧克力', subtitle: '72% 可可 · 单一产地', description: '厄瓜多尔可可豆，果酸明亮，每盒 10 小块。', listPrice: 4500, skus: [sku('72% 可可', 3500, 100), sku('85% 可可', 3800, 70)], keywords: ['巧克力', '可可'] },
  // 个护
  { id: 'p-care-handcream', categoryId: 'cat-care', name: '护手霜', subtitle: '乳木果 · 不黏腻', description: '含 10% 乳木果油，清爽好吸收，随身 30ml 装。', listPrice: 5900, skus: [sku('白茶香 30ml', 3900, 140), sku('无香 30ml', 3900, 140)], keywords: ['护手', '乳木果'] },
  { id: 'p-care-shampoo', categoryId: 'cat-care', name: '氨基酸洗发水', subtitle: '温和无硅油', description: '氨基酸表活，洗后蓬松柔顺，适合细软发质。', listPrice: 8900, skus: [sku('500ml', 6900, 90)], keywords: ['洗发', '洗护'] },
  { id: 'p-care-toothpaste', categoryId: 'cat-care', name: '草本牙膏', subtitle: '清新薄荷 · 护龈', description: '金银花与薄荷配方，清新口气，120g 家庭装。', listPrice: 2500, skus: [sku('单支', 1590, 200), sku('3 支装', 3990, 80)], keywords: ['牙膏', '薄荷'] },
  { id: 'p-care-mask', categoryId: 'cat-care', name: '补水面膜', subtitle: '玻尿酸 · 10 片装', description: '天丝膜布服帖，一片精华液约 25ml，敷后不紧绷。', listPrice: 9900, skus: [sku('10 片装', 6900, 110)], keywords: ['面膜', '补水', '护肤'] },
  // 家居
  { id: 'p-home-candle', categoryId: 'cat-home', name: '香薰蜡烛', subtitle: '大豆蜡 · 燃烧 40 小时', description: '天然大豆蜡与精油调香，木质与柑橘两款，玻璃杯可复用。', listPrice: 12800, skus: [sku('雪松木质', 8900, 60), sku('柑橘清新', 8900, 60)], keywords: ['香薰', '蜡烛', '送礼'], shape: 'candle' },
  { id: 'p-home-towel', categoryId: 'cat-home', name: '长绒棉毛巾', subtitle: '新疆长绒棉 · 吸水柔软', description: '加厚不掉毛，两条装，米白与雾蓝。', listPrice: 6900, skus: [sku('两条装', 4900, 120)], keywords: ['毛巾', '浴巾', '纯棉'], shape: 'towel' },
  { id: 'p-home-mug', categoryId: 'cat-home', name: '陶瓷马克杯', subtitle: '手工釉色 · 350ml', description: '景德镇手工上釉，每只釉色略有不同，可微波。', listPrice: 5900, skus: [sku('青瓷', 3900, 70), sku('月白', 3900, 70), sku('窑变', 4900, 30)], keywords: ['杯子', '水杯', '咖啡杯'], shape: 'mug' },
  { id: 'p-home-storage', categoryId: 'cat-home', name: '收纳盒', subtitle: '可叠放 · 三件套', description: 'PP 材质，带盖可叠放，小中大三件套。', listPrice: 7900, skus: [sku('三件套', 5900, 90)], keywords: ['收纳', '整理'], shape: 'box' },
  // 鲜果
  { id: 'p-fresh-strawberry', categoryId: 'cat-fresh', name: '丹东草莓', subtitle: '99 红颜 · 当日采摘', description: '冷链直达，果香浓郁，单果 20 克以上。', listPrice: 8800, skus: [sku('500g', 5900, 50), sku('1kg', 10900, 25)], keywords: ['草莓', '水果'] },
  { id: 'p-fresh-orange', categoryId: 'cat-fresh', name: '赣南脐橙', subtitle: '果园直发 · 甜度 13+', description: '皮薄多汁，酸甜适口，5 斤装约 12-15 个。', listPrice: 5900, skus: [sku('5 斤装', 3990, 100)], keywords: ['橙子', '水果'] },
  { id: 'p-fresh-kiwi', categoryId: 'cat-fresh', name: '阳光金果', subtitle: '黄心猕猴桃 · 软糯香甜', description: '维 C 丰富，到手软硬适中，冷藏可保存两周。', listPrice: 6900, skus: [sku('12 个装', 4900, 80), sku('24 个装', 8900, 40)], keywords: ['猕猴桃', '奇异果', '水果'] },
];

export const DEMO_BANNERS: DemoBanner[] = [
  { id: 'banner-spring-tea', title: '春茶上新', subtitle: '冻顶乌龙 满 99 减 10', color: '#2f7d5b', link: '/pages/product/index?id=p-tea-oolong' },
  { id: 'banner-bakery', title: '周末烘焙日', subtitle: '可颂 4 个装 会员专享价', color: '#c27a2c', link: '/pages/product/index?id=p-bakery-croissant' },
  { id: 'banner-member', title: '会员日 · 积分翻倍', subtitle: '每月 18 日 全场消费双倍积分', color: '#6a6fc9', link: '/pages/member/index' },
];

export interface DemoUser {
  openid: string;
  nickname: string;
  roles: Array<'staff' | 'operator'>;
  staffStoreIds: string[];
}

/** demo-customer holds no role record: every signed-in openid is a customer. */
export const DEMO_USERS: DemoUser[] = [
  { openid: 'demo-customer', nickname: '小思（顾客）', roles: [], staffStoreIds: [] },
  { openid: 'demo-staff', nickname: '店员小王', roles: ['staff'], staffStoreIds: [DEMO_STORE_ID] },
  { openid: 'demo-staff-jingan', nickname: '店员小李（静安寺店）', roles: ['staff'], staffStoreIds: ['store-jingan'] },
  { openid: 'demo-operator', nickname: '运营阿域', roles: ['operator'], staffStoreIds: [] },
];
