// Picks what a node runs from its Resource and Operation parameters (read from the first item), so every
// node's router only lists its operations and says what they get.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A node's operations by resource, then by operation. */
export type OperationTable<Op> = Record<string, Record<string, Op>>;

/** An operation of a channel node: it runs every input item with the channel's client. */
export interface ClientOperation<C> {
	execute(this: IExecuteFunctions, items: INodeExecutionData[], client: C): Promise<INodeExecutionData[][]>;
}

/** The operation the node's Resource and Operation name, or the error the editor shows naming both. */
export function chosenOperation<Op>(context: IExecuteFunctions, operations: OperationTable<Op>): Op {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return handler;
}

/** Runs the chosen channel operation on the input items with one client, made after the choice. */
export async function routeToClientOperation<C>(
	context: IExecuteFunctions,
	operations: OperationTable<ClientOperation<C>>,
	clientOf: (context: IExecuteFunctions) => Promise<C>,
): Promise<INodeExecutionData[][]> {
	const handler = chosenOperation(context, operations);
	const client = await clientOf(context);
	return await handler.execute.call(context, context.getInputData(), client);
}
