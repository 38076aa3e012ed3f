// Reads what `n8n execute` prints: log lines around a pretty-printed JSON run (IRun). The JSON is found by its
// shape (a line "{" up to a line "}" that parses and holds data.resultData), so extra log lines never break it.

export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

export interface NodeRun {
	startTime?: number;
	executionStatus?: string;
	error?: { message?: string };
	data?: { main?: Array<RunItem[] | null> };
}

export interface WorkflowRun {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string };
		};
	};
}

function isWorkflowRun(value: unknown): value is WorkflowRun {
	const data = (value as { data?: { resultData?: { runData?: unknown } } } | null)?.data;
	return typeof data?.resultData?.runData === 'object' && data.resultData.runData !== null;
}

/** The last JSON run in the output, or undefined when there is none. */
export function findRunData(stdout: string): WorkflowRun | undefined {
	const lines = stdout.split(/\r?\n/);
	const openers = lines.flatMap((line, index) => (line === '{' ? [index] : []));
	const closers = lines.flatMap((line, index) => (line === '}' ? [index] : []));
	// Latest opener first; the widest closer first, so nested objects never pass for the whole run.
	for (const start of openers.reverse()) {
		for (const end of closers.filter((index) => index > start).reverse()) {
			try {
				const parsed: unknown = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (isWorkflowRun(parsed)) return parsed;
			} catch {
				// not a complete JSON document between these two lines
			}
		}
	}
	return undefined;
}

/** Items per output of a node's first run, e.g. [[...valid], [...invalid]]; throws naming the node when it did not run. */
export function nodeOutputs(run: WorkflowRun, nodeName: string): RunItem[][] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		throw new Error(`node "${nodeName}" did not run (nodes that ran: ${ran || 'none'})`);
	}
	const first = runs[0];
	if (first.error) throw new Error(`node "${nodeName}" failed: ${first.error.message ?? 'unknown error'}`);
	return (first.data?.main ?? []).map((items) => items ?? []);
}
