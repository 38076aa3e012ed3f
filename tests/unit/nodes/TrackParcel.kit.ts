// A stand-in carrier API for node tests: records every request (form fields decoded) and answers with the
// bodies a test gives, in turn (the last one repeats).
import type { IDataObject } from 'n8n-workflow';
import { fakeExecuteContext } from '../../helpers/n8n';

export interface SeenCarrierRequest {
	url: string;
	qs: IDataObject;
	form: Record<string, string>;
}

export function carrierApi(answers: Array<object | ((req: SeenCarrierRequest) => object)>) {
	const seen: SeenCarrierRequest[] = [];
	const httpRequest = async (options: IDataObject) => {
		const body = options.body === undefined ? '' : String(options.body);
		const req: SeenCarrierRequest = {
			url: String(options.url),
			qs: (options.qs as IDataObject) ?? {},
			form: Object.fromEntries(new URLSearchParams(body)),
		};
		seen.push(req);
		const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
		const json = typeof answer === 'function' ? answer(req) : answer;
		return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(json)) };
	};
	return { seen, httpRequest };
}

export const CARRIER_TEST_CREDENTIALS = {
	kuaidi100Api: {
		environment: 'custom',
		customBaseUrl: 'http://carrier.test/kuaidi100',
		customer: 'TESTCUSTOMER',
		authKey: 'TESTKEY',
		secret: 'TESTSECRET',
		pushSecret: 'TESTSALT',
	},
	kdniaoApi: { environment: 'custom', customBaseUrl: 'http://carrier.test/kdniao', eBusinessId: '1234567', apiKey: 'test-app-key' },
	sfExpressApi: {
		environment: 'custom',
		customBaseUrl: 'http://carrier.test/sf',
		partnerId: 'PARTNER',
		checkWordSecret: 'test-check-word',
		auth: 'digest',
		pushToken: 'push-token',
	},
};

export function carrierContext(options: {
	parameters: Record<string, unknown>;
	items?: IDataObject[];
	answers: Array<object | ((req: SeenCarrierRequest) => object)>;
	continueOnFail?: boolean;
}) {
	const api = carrierApi(options.answers);
	const context = fakeExecuteContext({
		items: options.items,
		parameters: options.parameters,
		credentials: CARRIER_TEST_CREDENTIALS,
		continueOnFail: options.continueOnFail,
		httpRequest: api.httpRequest,
	});
	return { api, context };
}

/** The shipment parameters of a "create waybill" operation, with a complete sender. */
export const SENDER_PARAMETERS = {
	orderField: '',
	orderCode: '',
	senderName: '李四',
	senderPhone: '13900001111',
	senderProvince: '广东省',
	senderCity: '深圳市',
	senderDistrict: '南山区',
	senderAddress: '科技园路1号',
	cargoName: '',
	parcelCount: 1,
	weightKg: 1.5,
	remark: '',
};
