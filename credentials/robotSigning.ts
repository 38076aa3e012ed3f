// authenticate() for the robot credentials: points the request at the robot's send URL, signed now, and adds
// the signature fields Feishu wants in the body. Used by the credential test; the node signs through lib/notify.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { robotCredentials, robotEndpoint, type NotifyPlatform } from '../lib/notify';

export function signRobotRequest(platform: NotifyPlatform): IAuthenticate {
	return async (credentials, requestOptions) => {
		const { url, bodyFields } = robotEndpoint(platform, robotCredentials(platform, credentials), Date.now());
		const body = requestOptions.body && typeof requestOptions.body === 'object' ? (requestOptions.body as IDataObject) : {};
		return { ...requestOptions, baseURL: undefined, url, body: { ...bodyFields, ...body } };
	};
}
