// Receivers a parcel cannot reach or that look made up: missing parts, a too-short street, test words,
// an invalid mobile, optionally PO boxes and parcel lockers.
import type { Receiver } from '../../../model';
import { readBoolean, readList, readNumber, RuleConfigError, type RawSettings } from '../../configFields';
import { isMaskedText, MOBILE_PATTERN, normalizePhone } from '../../orderKeys';
import type { RuleDefinition } from '../types';
import { findKeywords } from '../../text';

export const ADDRESS_FIELDS = ['name', 'phone', 'province', 'city', 'district', 'address'] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];

const FIELD_NAMES: Record<AddressField, { zh: string; en: string }> = {
	name: { zh: '收件人', en: 'name' },
	phone: { zh: '电话', en: 'phone' },
	province: { zh: '省份', en: 'province' },
	city: { zh: '城市', en: 'city' },
	district: { zh: '区县', en: 'district' },
	address: { zh: '详细地址', en: 'street address' },
};

export const DEFAULT_SUSPICIOUS_ADDRESS_WORDS = ['测试', 'test', '假地址'];
export const DEFAULT_PO_BOX_WORDS = ['邮政信箱', 'PO Box', 'P.O. Box', 'P.O.Box', 'post office box'];
export const DEFAULT_PARCEL_LOCKER_WORDS = ['丰巢', '快递柜', '智能柜', '自提柜', 'parcel locker', 'Packstation'];

/** Receivers outside mainland China skip the province/district requirement and the mobile format. */
const DOMESTIC_COUNTRIES = ['', 'cn', 'chn', 'china', '中国', '中华人民共和国'];

export interface AddressSettings {
	requiredFields: AddressField[];
	/** Street address shorter than this many characters is hit; 0 = off. */
	minAddressLength: number;
	suspiciousKeywords: string[];
	checkMobile: boolean;
	rejectPoBox: boolean;
	poBoxKeywords: string[];
	rejectParcelLocker: boolean;
	parcelLockerKeywords: string[];
}

function readRequiredFields(raw: RawSettings, path: string): AddressField[] {
	const fields = readList(raw, 'requiredFields', path, ADDRESS_FIELDS);
	for (const field of fields) {
		if (!(ADDRESS_FIELDS as readonly string[]).includes(field)) {
			throw new RuleConfigError(`${path}.requiredFields`, `unknown field "${field}" (use ${ADDRESS_FIELDS.join(', ')})`);
		}
	}
	return fields as AddressField[];
}

function isDomestic(receiver: Receiver): boolean {
	return DOMESTIC_COUNTRIES.includes((receiver.country ?? '').trim().toLowerCase());
}

export const address: RuleDefinition<AddressSettings> = {
	defaultSeverity: 'hold',
	defaultPriority: 20,
	read: (raw, path) => ({
		requiredFields: readRequiredFields(raw, path),
		minAddressLength: readNumber(raw, 'minAddressLength', path, 5, { min: 0, integer: true }),
		suspiciousKeywords: readList(raw, 'suspiciousKeywords', path, DEFAULT_SUSPICIOUS_ADDRESS_WORDS),
		checkMobile: readBoolean(raw, 'checkMobile', path, true),
		rejectPoBox: readBoolean(raw, 'rejectPoBox', path, false),
		poBoxKeywords: readList(raw, 'poBoxKeywords', path, DEFAULT_PO_BOX_WORDS),
		rejectParcelLocker: readBoolean(raw, 'rejectParcelLocker', path, false),
		parcelLockerKeywords: readList(raw, 'parcelLockerKeywords', path, DEFAULT_PARCEL_LOCKER_WORDS),
	}),
	evaluate(order, settings) {
		const receiver = order.receiver;
		const domestic = isDomestic(receiver);
		// A masked receiver with a token is complete on the channel side even where we only see stars.
		const heldByChannel = receiver.masked && Boolean(receiver.token);
		const zh: string[] = [];
		const en: string[] = [];

		const missing = settings.requiredFields.filter((field) => {
			if (!domestic && (field === 'province' || field === 'district')) return false;
			if (heldByChannel && (field === 'name' || field === 'phone' || field === 'address')) return false;
			return !receiver[field]?.trim();
		});
		if (missing.length > 0) {
			zh.push(`缺少${missing.map((field) => FIELD_NAMES[field].zh).join('、')}`);
			en.push(`missing ${missing.map((field) => FIELD_NAMES[field].en).join(', ')}`);
		}

		const street = (receiver.address ?? '').replace(/\s+/g, '');
		const length = Array.from(street).length;
		const streetMasked = receiver.masked || isMaskedText(street);
		if (settings.minAddressLength > 0 && length > 0 && !streetMasked && length < settings.minAddressLength) {
			zh.push(`详细地址过短（${length} 字 < ${settings.minAddressLength}）`);
			en.push(`street address too short (${length} < ${settings.minAddressLength} characters)`);
		}

		const fullText = [receiver.name, receiver.province, receiver.city, receiver.district, receiver.address].join(' ');
		const suspicious = findKeywords(fullText, settings.suspiciousKeywords, true);
		if (suspicious.length > 0) {
			zh.push(`地址含可疑词「${suspicious.join('、')}」`);
			en.push(`address contains "${suspicious.join('", "')}"`);
		}

		const phone = normalizePhone(receiver.phone);
		const phoneMasked = receiver.masked || isMaskedText(phone);
		if (settings.checkMobile && domestic && phone && !phoneMasked && !MOBILE_PATTERN.test(phone)) {
			zh.push(`电话「${receiver.phone}」不是 11 位手机号`);
			en.push(`phone "${receiver.phone}" is not an 11-digit mobile number`);
		}

		if (settings.rejectPoBox && findKeywords(receiver.address, settings.poBoxKeywords, true).length > 0) {
			zh.push('地址是邮政信箱');
			en.push('address is a PO box');
		}
		if (settings.rejectParcelLocker && findKeywords(receiver.address, settings.parcelLockerKeywords, true).length > 0) {
			zh.push('地址是快递柜');
			en.push('address is a parcel locker');
		}

		if (zh.length === 0) return undefined;
		return { zh: `地址有问题：${zh.join('；')}`, en: `address problem: ${en.join('; ')}` };
	},
};
