// SF's gateway (A-codes) and business error codes (logistics.md §3.5), rendered in SF's envelope.

export const GATEWAY = {
	ok: 'A1000',
	missing: 'A1001',
	tokenExpired: 'A1002',
	noPermission: 'A1004',
	throttled: 'A1005',
	badDigest: 'A1006',
	duplicateRequest: 'A1007',
	system: 'A1099',
} as const;

const GATEWAY_MESSAGES: Record<string, string> = {
	A1001: '必传参数不可为空',
	A1002: '请求时效已过期',
	A1004: '无对应服务权限',
	A1005: '流量受控',
	A1006: '数字签名无效',
	A1007: '重复请求',
	A1099: '系统异常',
};

export const BUSINESS = {
	senderAddressEmpty: '1010',
	receiverAddressEmpty: '1011',
	senderContactEmpty: '1012',
	receiverContactEmpty: '1013',
	senderPhoneEmpty: '1014',
	receiverPhoneEmpty: '1015',
	cargoEmpty: '1023',
	monthlyCardFormat: '6126',
	tooManyNumbers: '8003',
	noNumbers: '8013',
	duplicateOrder: '8016',
	orderNotFound: '8018',
	alreadyCancelled: '8037',
	phoneCheck: '8196',
} as const;

const BUSINESS_MESSAGES: Record<string, string> = {
	'1010': '寄件地址不能为空',
	'1011': '到件地址不能为空',
	'1012': '寄件联系人不能为空',
	'1013': '到件联系人不能为空',
	'1014': '寄件电话不能为空',
	'1015': '到件电话不能为空',
	'1023': '托寄物品名不能为空',
	'6126': '月结卡号不合法',
	'8003': '查询单号超过最大数量',
	'8013': '未传入查询单号',
	'8016': '重复下单',
	'8018': '未获取到订单信息',
	'8037': '已消单',
	'8196': '手机号码校验失败',
};

export class SfBusinessError extends Error {
	constructor(readonly code: string) {
		super(BUSINESS_MESSAGES[code] ?? code);
	}
}

export function gatewayBody(code: string, responseId: string) {
	return { apiResultCode: code, apiErrorMsg: GATEWAY_MESSAGES[code] ?? '', apiResponseID: responseId, apiResultData: null };
}

export function resultBody(responseId: string, result: { success: boolean; errorCode: string; errorMsg: string | null; msgData: unknown }) {
	return { apiResultCode: GATEWAY.ok, apiErrorMsg: '', apiResponseID: responseId, apiResultData: JSON.stringify(result) };
}
