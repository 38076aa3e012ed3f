// The one way the JD nodes reach JOS: the credential read into lib's JD client, which signs, pages,
// retries and classifies; HTTP goes through n8n's request helper.
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { createJdClient, type JdClient } from '../../lib/channels/jd/client';
import { jdCredentialsFrom } from '../../lib/channels/jd/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const JD_CREDENTIAL = 'jdApi';

export async function jdClient(context: IExecuteFunctions | IPollFunctions): Promise<JdClient> {
	const credentials = await context.getCredentials(JD_CREDENTIAL);
	// nodeHttpClient only uses helpers.httpRequest, which poll and execute contexts share.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createJdClient({ credentials: jdCredentialsFrom(credentials), http });
}
