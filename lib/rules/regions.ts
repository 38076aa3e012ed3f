// Chinese region names as operators type them ("浙江", "浙江省", "杭州") and as channels send them
// ("浙江省", "杭州市", "内蒙古自治区") must compare equal, so both sides are reduced to the bare name.

/** Longest first, so "新疆维吾尔自治区" loses the whole suffix rather than just "区". */
const REGION_SUFFIXES = [
	'维吾尔自治区',
	'壮族自治区',
	'回族自治区',
	'特别行政区',
	'自治区',
	'自治州',
	'地区',
	'省',
	'市',
	'盟',
];

export function normalizeRegionName(name: string | undefined): string {
	if (!name) return '';
	const text = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
	for (const suffix of REGION_SUFFIXES) {
		// A bare name keeps at least two characters: "沙市" stays "沙市".
		if (text.endsWith(suffix) && text.length - suffix.length >= 2) return text.slice(0, -suffix.length);
	}
	return text;
}

/** One coverage entry: "浙江" (a province or a city) or "浙江/杭州" (that city only). */
export interface RegionEntry {
	province?: string;
	city?: string;
	/** A single name that may be a province or a city. */
	name?: string;
}

export function parseRegionEntry(text: string): RegionEntry {
	const parts = text.split(/[/／>]/).map((part) => normalizeRegionName(part));
	if (parts.length >= 2 && parts[0] && parts[1]) return { province: parts[0], city: parts[1] };
	return { name: parts.find((part) => part !== '') ?? '' };
}

export type RegionMatch = 'city' | 'province';

interface Destination {
	province?: string;
	city?: string;
}

/** How precisely the entries cover a destination: a city entry beats a province entry; none -> undefined. */
export function matchRegion(entries: readonly RegionEntry[], destination: Destination): RegionMatch | undefined {
	const province = normalizeRegionName(destination.province);
	const city = normalizeRegionName(destination.city);
	let best: RegionMatch | undefined;
	for (const entry of entries) {
		if (entry.province !== undefined) {
			if (entry.province === province && entry.city === city) return 'city';
			continue;
		}
		if (!entry.name) continue;
		if (entry.name === city && city !== province) return 'city';
		if (entry.name === province) best = 'province';
	}
	return best;
}
