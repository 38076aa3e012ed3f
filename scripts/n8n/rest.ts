// n8n's internal REST API as the owner: log in once (cookie `n8n-auth`), then read what the running n8n loaded.
import type { N8nInstance } from './instance';

export interface OwnerSession {
	cookie: string;
}

export async function loginOwner(instance: N8nInstance): Promise<OwnerSession> {
	const response = await fetch(`${instance.baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: instance.owner.email, password: instance.owner.password }),
	});
	if (!response.ok) throw new Error(`login as ${instance.owner.email} failed: HTTP ${response.status} ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login answered without an n8n-auth cookie');
	return { cookie };
}

export async function ownerRequest<T>(
	instance: N8nInstance,
	session: OwnerSession,
	method: 'GET' | 'POST',
	urlPath: string,
	body?: unknown,
): Promise<T> {
	const send = () =>
		fetch(`${instance.baseUrl}${urlPath}`, {
			method,
			headers: { cookie: session.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const response = method === 'GET' ? await withRetry(send) : await send();
	if (!response.ok) throw new Error(`${method} ${urlPath} failed: HTTP ${response.status} ${await response.text()}`);
	const parsed = (await response.json()) as T | { data: T };
	// /rest endpoints wrap their answer in { data }; the static /types files do not.
	return urlPath.startsWith('/rest/') ? (parsed as { data: T }).data : (parsed as T);
}

export interface LoadedNodeType {
	name: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
}

/** Every node type the running n8n serves to its editor (name + versions). */
export function loadedNodeTypes(instance: N8nInstance, session: OwnerSession): Promise<LoadedNodeType[]> {
	return ownerRequest<LoadedNodeType[]>(instance, session, 'GET', '/types/nodes.json');
}

/** Every credential type the running n8n serves to its editor. */
export function loadedCredentialTypes(instance: N8nInstance, session: OwnerSession): Promise<Array<{ name: string }>> {
	return ownerRequest<Array<{ name: string }>>(instance, session, 'GET', '/types/credentials.json');
}

// A kept-alive socket n8n has just closed fails the next request ("other side closed"); a GET can simply be resent.
async function withRetry(send: () => Promise<Response>, attempts = 3): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			if (attempt >= attempts) throw error;
		}
	}
}
