// Master SKUs (our catalogue, with cost; a bundle lists its components) and channel -> master mappings.

export interface BundleComponent {
	sku: string;
	quantity: number;
}

export interface MasterSku {
	sku: string;
	title: string;
	/** Unit cost in minor units of `currency`. */
	cost?: number;
	currency?: string;
	barcode?: string;
	weightGrams?: number;
	/** Set for a bundle (组合装): one unit of it is these components. */
	components?: BundleComponent[];
	active?: boolean;
}

/** One channel SKU (by SKU id or merchant code) -> one master SKU (which may be a bundle). */
export interface SkuMapping {
	channel: string;
	/** Absent = every shop of the channel; a shop's own mapping wins. */
	shopId?: string;
	channelSkuId?: string;
	merchantCode?: string;
	masterSku: string;
}

export interface SkuQuery {
	channel: string;
	shopId: string;
	channelSkuId?: string;
	merchantCode?: string;
}

export interface ResolvedSku {
	masterSku: string;
	/** How it matched: a SKU-id mapping, a merchant-code mapping, or the merchant code being a master SKU. */
	via: 'sku_id' | 'merchant_code' | 'master_sku';
	bundle: boolean;
	/** What one unit consumes from stock: [{ masterSku, quantity: 1 }] unless a bundle. */
	components: Array<{ masterSku: string; quantity: number }>;
}

export interface UnmappedSku {
	channel: string;
	shopId: string;
	channelSkuId?: string;
	merchantCode?: string;
	title: string;
	/** Order lines waiting for this mapping. */
	lines: number;
	lastSeenAt: string;
}
