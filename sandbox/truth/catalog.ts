// Each shop's listings: items with SKUs, prices and channel stock. Orders draw their lines from here.
import type { Rng } from '../core/rng';

export interface CatalogSku {
	skuId: string;
	/** Merchant SKU code (商家编码). */
	outerId: string;
	/** "颜色:白色;尺码:M" — the platform's property text. */
	properties: string;
	price: number;
	quantity: number;
}

export interface CatalogItem {
	itemId: string;
	outerId: string;
	title: string;
	price: number;
	/** Item-level stock when the item has no SKUs. */
	quantity: number;
	skus: CatalogSku[];
	/** Epoch ms of the last stock or listing change. */
	modified: number;
}

interface ProductTemplate {
	title: string;
	code: string;
	priceFen: readonly [number, number];
	dimensions: ReadonlyArray<readonly [string, readonly string[]]>;
}

const t = (title: string, code: string, priceFen: [number, number], dimensions: Array<[string, string[]]> = []) =>
	({ title, code, priceFen, dimensions }) as ProductTemplate;

const TEMPLATES: readonly ProductTemplate[] = [
	t('纯棉短袖T恤男女同款宽松', 'TS', [3900, 12900], [['颜色', ['白色', '黑色', '灰色']], ['尺码', ['S', 'M', 'L', 'XL']]]),
	t('不锈钢保温杯大容量', 'BW', [4900, 15900], [['容量', ['350ml', '500ml']], ['颜色', ['雾蓝', '奶白']]]),
	t('无线蓝牙耳机降噪运动', 'EJ', [9900, 39900], [['颜色', ['黑色', '白色']]]),
	t('磁吸手机壳防摔', 'SJK', [1990, 5900], [['适用型号', ['iPhone 15', 'iPhone 16', '华为Mate60']]]),
	t('氨基酸洗面奶温和清洁', 'XMN', [3900, 8900]),
	t('补水保湿面膜20片装', 'MM', [5900, 12900]),
	t('办公室零食大礼包', 'LS', [2990, 9900], [['规格', ['小份', '大份']]]),
	t('明前西湖龙井绿茶', 'CY', [12800, 58800], [['净含量', ['100g', '250g']]]),
	t('经典帆布鞋低帮', 'FBX', [6900, 19900], [['颜色', ['白色', '黑色']], ['尺码', ['36', '37', '38', '39', '40', '41', '42']]]),
	t('大容量双肩包电脑包', 'SJB', [8900, 29900], [['颜色', ['黑色', '灰色', '藏青']]]),
	t('全棉床上四件套', 'SJT', [19900, 59900], [['尺寸', ['1.5m床', '1.8m床']], ['花色', ['素雅灰', '清新绿']]]),
	t('桌面收纳盒抽屉式', 'SNH', [1990, 6900], [['颜色', ['白色', '透明']]]),
	t('全价成猫粮鱼肉味', 'MAO', [6900, 25900], [['重量', ['1.5kg', '5kg']]]),
	t('儿童益智积木拼装', 'JM', [4900, 19900], [['款式', ['城市系列', '恐龙系列']]]),
	t('丝绒哑光口红', 'KH', [9900, 32000], [['色号', ['#999', '#888', '#520']]]),
	t('20000毫安充电宝快充', 'CDB', [7900, 19900], [['颜色', ['黑色', '白色']]]),
	t('护眼LED台灯学生', 'TD', [5900, 22900]),
	t('加厚防滑瑜伽垫', 'YJD', [3900, 12900], [['颜色', ['紫色', '蓝色', '粉色']]]),
	t('A5笔记本文具套装', 'BJB', [990, 3900]),
	t('有机五常大米5kg', 'DM', [4990, 12900]),
];

const GIFT_TITLES = ['【赠品】试用装小样', '【赠品】定制帆布袋', '【赠品】品牌贴纸', '【赠品】湿巾一包'];

function combinations(dimensions: ProductTemplate['dimensions']): string[] {
	let out = [''];
	for (const [name, values] of dimensions) {
		out = out.flatMap((prefix) => values.map((value) => (prefix ? `${prefix};` : '') + `${name}:${value}`));
	}
	return out;
}

/** Builds one shop's listings. Item ids are 12 digits, SKU ids 13, as on Taobao. */
export function buildCatalog(rng: Rng, itemCount: number, modified: number): CatalogItem[] {
	const items: CatalogItem[] = [];
	for (let i = 0; i < itemCount; i++) {
		const template = TEMPLATES[i % TEMPLATES.length];
		const price = Math.round(rng.int(template.priceFen[0], template.priceFen[1]) / 100) * 100 - (rng.chance(0.5) ? 10 : 0);
		const outerId = `${template.code}-${String(i + 1).padStart(3, '0')}`;
		const skus = combinations(template.dimensions)
			.filter((props) => props !== '')
			.map((properties, index) => ({
				skuId: rng.digits(13, '45'),
				outerId: `${outerId}-${String(index + 1).padStart(2, '0')}`,
				properties,
				price,
				quantity: rng.int(0, 300),
			}));
		const series = i >= TEMPLATES.length ? ` ${Math.floor(i / TEMPLATES.length) + 1}代` : '';
		items.push({
			itemId: rng.digits(12, '567'),
			outerId,
			title: template.title + series,
			price,
			quantity: skus.length ? skus.reduce((sum, sku) => sum + sku.quantity, 0) : rng.int(0, 500),
			skus,
			modified,
		});
	}
	return items;
}

export function giftTitle(rng: Rng): string {
	return rng.pick(GIFT_TITLES);
}
