// Parameters every carrier node shows the same way: tracking number, carrier, phone digits, raw output.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { CARRIER_CODES, CARRIER_IDS, type Aggregator } from '../../../lib/carriers/carrierCodes';

/** Our carrier ids as a dropdown; with an aggregator, only the carriers it has a code for. */
export function carrierOptions(aggregator?: Aggregator): INodePropertyOptions[] {
	return CARRIER_IDS.filter((id) => !aggregator || CARRIER_CODES[id].aggregators[aggregator] !== undefined)
		.map((id) => ({ name: `${CARRIER_CODES[id].en} ${CARRIER_CODES[id].zh}`, value: id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const trackingNoField: INodeProperties = {
	displayName: 'Tracking Number',
	name: 'trackingNo',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. SF1234567890123',
	description: 'The waybill (tracking) number printed on the parcel',
};

export function carrierField(aggregator?: Aggregator): INodeProperties {
	return {
		displayName: 'Carrier',
		name: 'carrier',
		type: 'options',
		options: carrierOptions(aggregator),
		default: 'sf',
		description: 'The carrier that ships the parcel',
	};
}

export const phoneField: INodeProperties = {
	displayName: 'Phone (Last 4 Digits)',
	name: 'phone',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1234',
	description:
		"The last 4 digits of the sender's or receiver's phone. SF (顺丰) requires them to show the route of a parcel; other carriers ignore them. A whole phone number works too.",
};

export const includeRawField: INodeProperties = {
	displayName: 'Include Raw Response',
	name: 'includeRaw',
	type: 'boolean',
	default: false,
	description: "Whether to add the provider's own answer as `raw` beside the normalized fields",
};

/** "13812341234" or "1234" -> "1234"; empty stays undefined. */
export function lastFourDigits(phone: string): string | undefined {
	const digits = phone.replace(/\D/g, '');
	return digits ? digits.slice(-4) : undefined;
}
