// Carrier names as Shopify's tracking-company list spells them (the emulator's own table, as each platform has its own).
const NAMES: Record<string, string> = {
	sf: 'SF Express',
	zto: 'ZTO Express',
	yto: 'YTO Express',
	sto: 'STO Express',
	yunda: 'Yunda Express',
	jd: 'JD Logistics',
	ems: 'China EMS (ePacket)',
	youzheng: 'China Post',
	jt: 'J&T Express',
	deppon: 'Deppon',
	best: 'Best Express',
};

export function carrierName(carrier: string): string {
	return NAMES[carrier] ?? carrier;
}

/** Our carrier id for a Shopify tracking company; the name itself when unknown. */
export function carrierOfName(name: string): string {
	return Object.keys(NAMES).find((id) => NAMES[id].toLowerCase() === name.trim().toLowerCase()) ?? name;
}
