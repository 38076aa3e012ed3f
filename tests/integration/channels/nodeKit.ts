// A channel's action node and poll trigger run against a started sandbox: the nodes read the sandbox clock
// (the gateways refuse timestamps far from theirs) and every platform method they call is counted in `calls`.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import type { Sandbox } from '../../../sandbox/server';
import { fakeExecuteContext, fakePollContext, fetchHttpRequest } from '../../helpers/n8n';
import { admin } from './kit';

export interface EmulatorNodesOptions {
	sandbox: () => Sandbox;
	credentials: () => Record<string, IDataObject>;
	/** The platform method a request calls. */
	methodOf: (request: IDataObject) => string;
	action: () => { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> };
	trigger: () => { poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> };
}

export function emulatorNodes(options: EmulatorNodesOptions) {
	const calls: string[] = [];
	beforeEach(() => {
		jest.spyOn(Date, 'now').mockImplementation(() => options.sandbox().world.clock.now());
		calls.length = 0;
	});
	afterEach(() => jest.restoreAllMocks());

	async function countedRequest(request: IDataObject) {
		calls.push(options.methodOf(request));
		return await fetchHttpRequest(request);
	}

	/** A poll of the trigger for `event`, keeping its state in `staticData` between polls. */
	function trigger(staticData: IDataObject, event: string) {
		const context = fakePollContext({ parameters: { event, output: 'normalized', options: {} }, credentials: options.credentials(), staticData, httpRequest: countedRequest });
		return () => options.trigger().poll.call(context);
	}

	async function node(parameters: Record<string, unknown>): Promise<INodeExecutionData[][]> {
		const context = fakeExecuteContext({ parameters, credentials: options.credentials(), httpRequest: countedRequest });
		return await options.action().execute.call(context);
	}

	const advance = (ms: number) => admin(options.sandbox(), 'POST', '/clock', { advanceMs: ms });

	return { calls, trigger, node, advance };
}
