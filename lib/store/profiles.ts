// Access profiles applied to every order a node outputs. Contact data is masked unless the profile allows
// raw contact AND the caller asks for it; the channel payload `raw` holds unmasked data and goes with it.
//
// | profile          | cost / margin | buyer id + nick | receiver name / phone / address     | receiver token |
// |------------------|---------------|-----------------|-------------------------------------|----------------|
// | full             | yes           | yes             | masked; raw with rawContact         | yes            |
// | customer_service | no            | yes             | masked; raw with rawContact         | yes            |
// | warehouse        | no            | no              | always masked (region, postcode kept)| yes (waybills) |
// | finance          | yes           | yes             | always masked                       | no             |
import { maskOrder } from '../model';
import type { StoredOrder } from './types';

export const ACCESS_PROFILES = ['full', 'customer_service', 'warehouse', 'finance'] as const;
export type AccessProfile = (typeof ACCESS_PROFILES)[number];

interface ProfileRules {
	cost: boolean;
	buyer: boolean;
	rawContactAllowed: boolean;
	receiverToken: boolean;
}

export const PROFILE_RULES: Record<AccessProfile, ProfileRules> = {
	full: { cost: true, buyer: true, rawContactAllowed: true, receiverToken: true },
	customer_service: { cost: false, buyer: true, rawContactAllowed: true, receiverToken: true },
	warehouse: { cost: false, buyer: false, rawContactAllowed: false, receiverToken: true },
	finance: { cost: true, buyer: true, rawContactAllowed: false, receiverToken: false },
};

export interface ProjectOptions {
	/** Unmasked receiver contact and `raw`, where the profile allows it. */
	rawContact?: boolean;
}

/** The order as this profile may see it (a copy; the input is not changed). */
export function project<T extends Partial<StoredOrder>>(order: T, profile: AccessProfile, options: ProjectOptions = {}): T {
	const rules = PROFILE_RULES[profile];
	if (!rules) throw new TypeError(`unknown access profile ${JSON.stringify(profile)}; use one of ${ACCESS_PROFILES.join(', ')}`);
	const raw = rules.rawContactAllowed && options.rawContact === true;
	let out: T = { ...order };
	if (!raw) {
		if (out.receiver) out = { ...out, receiver: maskOrder(out as unknown as StoredOrder).receiver };
		delete out.raw;
	}
	if (!rules.cost) delete out.cost;
	if (!rules.buyer && out.buyer) out.buyer = {};
	if (!rules.receiverToken && out.receiver?.token !== undefined) {
		const { token: _token, ...receiver } = out.receiver;
		out.receiver = receiver as typeof out.receiver;
	}
	return out;
}
