// Progress lines go to stderr so they show up live under jest and never mix with JSON on stdout.
export type Log = (line: string) => void;

export const log: Log = (line) => process.stderr.write(`[n8n-e2e] ${line}\n`);

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
