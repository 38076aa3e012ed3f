// Apps, shops and access tokens per provider: who may call, with which secret, on behalf of which shop.

export interface AppCredential {
	provider: string;
	appKey: string;
	secret: string;
	label: string;
}

export interface ShopRecord {
	provider: string;
	shopId: string;
	/** Seller nick / shop name as the platform shows it. */
	name: string;
	appKey: string;
}

export interface AccessToken {
	provider: string;
	token: string;
	shopId: string;
	appKey: string;
	/** Epoch ms on the sandbox clock. */
	expiresAt: number;
	/** Token that buys a new access token, where the platform issues one. */
	refreshToken?: string;
}

export class Registry {
	private readonly apps = new Map<string, AppCredential>();
	private readonly shops = new Map<string, ShopRecord>();
	private readonly tokens = new Map<string, AccessToken>();

	addApp(app: AppCredential): void {
		this.apps.set(`${app.provider}|${app.appKey}`, app);
	}

	addShop(shop: ShopRecord): void {
		this.shops.set(`${shop.provider}|${shop.shopId}`, shop);
	}

	addToken(token: AccessToken): void {
		this.tokens.set(`${token.provider}|${token.token}`, token);
	}

	app(provider: string, appKey: string): AppCredential | undefined {
		return this.apps.get(`${provider}|${appKey}`);
	}

	shop(provider: string, shopId: string): ShopRecord | undefined {
		return this.shops.get(`${provider}|${shopId}`);
	}

	token(provider: string, token: string): AccessToken | undefined {
		return this.tokens.get(`${provider}|${token}`);
	}

	byRefreshToken(provider: string, refreshToken: string): AccessToken | undefined {
		return this.tokensOf(provider).find((token) => token.refreshToken === refreshToken);
	}

	/** Marks a token expired as of `now` (fault injection and the admin API use it). */
	expireToken(provider: string, token: string, now: number): boolean {
		const found = this.token(provider, token);
		if (found) found.expiresAt = now - 1;
		return found !== undefined;
	}

	appsOf(provider: string): AppCredential[] {
		return [...this.apps.values()].filter((app) => app.provider === provider);
	}

	shopsOf(provider: string): ShopRecord[] {
		return [...this.shops.values()].filter((shop) => shop.provider === provider);
	}

	tokensOf(provider: string): AccessToken[] {
		return [...this.tokens.values()].filter((token) => token.provider === provider);
	}

	snapshot(): { apps: AppCredential[]; shops: ShopRecord[]; tokens: AccessToken[] } {
		return { apps: [...this.apps.values()], shops: [...this.shops.values()], tokens: [...this.tokens.values()] };
	}
}
