// Own-site checkouts (Shopify, WooCommerce) have no district field: Chinese shoppers type the district at
// the start of the street line ("南山区科技园路1号", often after the province and city). Recovering it keeps
// such orders complete for address checks and carriers instead of every one looking like it lacks a district.

/** Suffixes of county-level units (and the towns and sub-districts of cities without districts). [I] */
export const DISTRICT_SUFFIXES = ['区', '县', '旗', '市', '镇', '街道'] as const;
/** Words that end like a district but name a housing estate or a community. [I] */
const ESTATE_WORDS = ['小区', '社区'];
const DISTRICT_PREFIX = new RegExp(`^([\\u4e00-\\u9fff]{1,7}?(?:${DISTRICT_SUFFIXES.join('|')}))`);
const DOMESTIC_COUNTRIES = new Set(['', 'cn', 'chn', 'china', '中国', '中华人民共和国']);

export interface StreetParts {
	district?: string;
	street?: string;
}

/**
 * The district a Chinese street line starts with (after the province and city it may repeat), and the rest.
 * Only for mainland addresses; anything else, or a line that does not start with a district, is left as is.
 */
export function splitLeadingDistrict(street: string | undefined, where: { province?: string; city?: string; country?: string }): StreetParts {
	if (!street || !DOMESTIC_COUNTRIES.has((where.country ?? '').trim().toLowerCase())) return { street };
	const repeated = [where.province, where.city]
		.filter((name): name is string => !!name)
		.flatMap((name) => {
			const bare = name.replace(/(省|市)$/, '');
			return [name, bare, `${bare}省`, `${bare}市`];
		})
		.sort((a, b) => b.length - a.length);
	let rest = street.trim();
	for (let stripped = true; stripped; ) {
		const name = repeated.find((n) => rest.startsWith(n));
		stripped = name !== undefined;
		if (name) rest = rest.slice(name.length).trimStart();
	}
	const district = DISTRICT_PREFIX.exec(rest)?.[1];
	const after = district ? rest.slice(district.length).trimStart() : '';
	if (!district || !after || ESTATE_WORDS.some((word) => district.endsWith(word))) return { street };
	return { district, street: after };
}
